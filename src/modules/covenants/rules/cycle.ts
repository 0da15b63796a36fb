// The covenant cycle's rules (Decree 61/2023/NĐ-CP; LAW.md §7E). Pure: dates are 'YYYY-MM-DD' Vietnam
// dates; working days come from the civil-service calendar passed in.
import { addDays, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import type { Clock } from '../../decisions/rules/deadlines.js';

/** R-E1 (Art 9(1)): the draft is posted at least 30 days; the community may decide a longer period. */
export const MIN_POSTING_DAYS = 30;
export const MAX_POSTING_DAYS = 365;
/** R-E1 (Art 9(1)): the first day a draft posted on `postedOn` for `days` may be voted on. The posting
 * period counts from the day after posting (Civil Code 2015 Art 147(1)), so its last day is
 * postedOn + days, the consultation's closes_on (consultation/rules/period.ts `lastDay`); the vote
 * comes the day after: posted 1/12/2026 for 30 days → comments through 31/12, vote from 1/1/2027. */
export const voteNotBefore = (postedOn: string, days: number): string => addDays(postedOn, days + 1);

/** R-E3 (Art 11(3), 18(1)(a)): sent to the village head and the Front within 02 working days of recognition. */
export const SEND_WORKING_DAYS = 2;
/** R-E5 (Art 12, 14): answer or suspend within 03 working days of a written report; answer or annul within 05. */
export const SUSPEND_WORKING_DAYS = 3;
export const ANNUL_WORKING_DAYS = 5;

function clock(due: string, doneOn: string | null, today: string, cal: WorkingCalendar): Clock {
  const end = doneOn ?? today;
  return { due, doneOn, overdue: end > due, daysLate: end > due ? cal.workingDaysBetween(due, end) : 0 };
}
export const sendClock = (recognisedOn: string, sentOn: string | null, today: string, cal: WorkingCalendar): Clock =>
  clock(cal.addWorkingDays(recognisedOn, SEND_WORKING_DAYS), sentOn, today, cal);
export const suspendClock = (reportOn: string, actedOn: string | null, today: string, cal: WorkingCalendar): Clock =>
  clock(cal.addWorkingDays(reportOn, SUSPEND_WORKING_DAYS), actedOn, today, cal);
export const annulClock = (reportOn: string, actedOn: string | null, today: string, cal: WorkingCalendar): Clock =>
  clock(cal.addWorkingDays(reportOn, ANNUL_WORKING_DAYS), actedOn, today, cal);

/** R-E5 (Art 14): a suspension whose deadline passed without correction makes the covenant eligible for annulment. */
export const annulmentEligible = (
  c: { suspended_on: string | null; suspension_deadline: string | null; corrected_on: string | null },
  today: string,
): boolean => !!c.suspended_on && !c.corrected_on && !!c.suspension_deadline && today > c.suspension_deadline;

/** Art 15: published at the village cultural house and through at least one more channel. */
export const CHANNELS = ['cultural_house', 'loudspeaker', 'village_meeting', 'commune_portal', 'social_network', 'notice_board'] as const;
export const publicationComplete = (channels: readonly string[]): boolean => channels.includes('cultural_house') && channels.length >= 2;

/** R-E6 (Art 15(4)): the review date in a year from the village's 'MM-DD' setting (default 18 November). */
export const reviewDate = (year: number, reviewDay: string): string => `${year}-${/^\d{2}-\d{2}$/.test(reviewDay) ? reviewDay : '11-18'}`;
/** R-E6 (Art 16): the province's report is due before 30 November: the last day to send it is 29 November. */
export const provinceReportDue = (year: number): string => `${year}-11-29`;

/** Law Art 91(3); Decree 61 Art 24: covenants adopted before the Law took effect (1 July 2023) stay valid. */
export const LAW_IN_FORCE = '2023-07-01';

export type TeamMember = { name: string; role: string; elder: boolean; speaker: boolean };
export type TeamProblem = 'empty' | 'no_elder' | 'no_speaker';
/** Art 8; R-E7 (Art 8(2)): in an ethnic-minority community the team includes a village elder or
 * chief and a person who speaks the ethnic language. */
export function teamProblems(team: TeamMember[], ethnicMinority: boolean): TeamProblem[] {
  if (team.length === 0) return ['empty'];
  if (!ethnicMinority) return [];
  const out: TeamProblem[] = [];
  if (!team.some((m) => m.elder)) out.push('no_elder');
  if (!team.some((m) => m.speaker)) out.push('no_speaker');
  return out;
}

export type CovenantStatus =
  | 'initiative'
  | 'drafting'
  | 'consultation'
  | 'ready_to_vote'
  | 'voting'
  | 'not_adopted'
  | 'adopted'
  | 'awaiting_recognition'
  | 'refused'
  | 'in_force'
  | 'suspended'
  | 'annulled'
  | 'replaced';

export type StatusInput = {
  origin: 'proposed' | 'transitional';
  annulled_on: string | null;
  suspended_on: string | null;
  corrected_on: string | null;
  consultationClosesOn: string | null;
  matterStatus: string | null;
  /** The latest vote on the covenant's matter (decisions). */
  vote: { status: string; outcome: string | null } | null;
  replacedInForce: boolean;
};

/** Where a covenant stands, read from its own record and the decisions matter and vote it hangs on. */
export function statusOf(c: StatusInput, today: string): CovenantStatus {
  if (c.annulled_on || c.matterStatus === 'annulled') return 'annulled';
  const inForce = c.origin === 'transitional' || c.vote?.status === 'recognised';
  if (inForce) {
    if (c.replacedInForce) return 'replaced';
    if (c.suspended_on && !c.corrected_on) return 'suspended';
    return 'in_force';
  }
  if (c.matterStatus === 'collecting') return 'initiative';
  if (!c.consultationClosesOn) return 'drafting';
  const v = c.vote;
  if (!v || v.status === 'annulled') return today <= c.consultationClosesOn ? 'consultation' : 'ready_to_vote';
  if (v.status === 'refused') return 'refused';
  if (v.outcome === 'not_adopted') return 'not_adopted';
  if (v.status === 'submitted') return 'awaiting_recognition';
  if (v.status === 'finalised') return 'adopted';
  return 'voting';
}
