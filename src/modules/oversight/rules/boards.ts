// The boards' legal rules (R-F1…R-F8), pure: (input, rule set, calendar) -> plain data. Each takes the
// rule set in force on the record's date (src/law/rule-sets.ts), so a member elected before
// 01/07/2025 is judged by the old eligibility and one elected after by Law 97/2025's.
import type { RuleSet } from '../../../law/rule-sets.js';
import { addDays, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { addMonths, daysDeadline } from '../../../platform/calendar/periods.js';

type R = RuleSet['oversight'];

/** R-F1 (Law Art 36(1); Decree 59 Art 13(2)): one member per village, at least 05; a commune with fewer
 * than 05 villages elects at most 05, so exactly 05 (the law's minimum meets the decree's maximum). */
export function communeBoardSize(villages: number, r: R): { min: number; max: number } {
  if (villages < r.communeBoardMin) return { min: r.communeBoardMin, max: r.communeBoardSmallMax };
  return { min: villages, max: villages };
}

export type SizeProblem = 'too_few' | 'too_many' | 'too_many_deputies';
/** R-F1: the number the Front fixes, and the deputies (Decree 59 Art 13(3): at most 02). */
export function checkCommuneSize(villages: number, members: number, deputies: number, r: R): SizeProblem | null {
  const { min, max } = communeBoardSize(villages, r);
  if (members < min) return 'too_few';
  if (members > max) return 'too_many';
  if (deputies > r.maxDeputies || deputies < 0) return 'too_many_deputies';
  return null;
}

/** What a candidate declares or the register shows about them. */
export type Occupation = 'none' | 'commune_official' | 'commune_part_time' | 'village_part_time';
export const OCCUPATIONS: readonly Occupation[] = ['none', 'commune_official', 'commune_part_time', 'village_part_time'];
export type Ineligible = 'not_resident' | 'commune_official' | 'commune_part_time' | 'village_part_time' | 'conflict';

/** R-F2 (Law Art 37(2)): a permanent resident of the commune, not a commune official or civil servant,
 * not a part-time worker of a level the rule set lists (commune and village until 30/06/2025, village
 * only from 01/07/2025, Law 97/2025 Art 4(5)). R-F6 (Art 42(2)): a supervision board member also has no
 * relative who is the decision maker, investor, consultant, contractor or project manager. */
export function ineligibility(c: { permanentResident: boolean; occupation: Occupation; noConflict?: boolean }, r: R): Ineligible[] {
  const out: Ineligible[] = [];
  if (!c.permanentResident) out.push('not_resident');
  if (c.occupation === 'commune_official') out.push('commune_official');
  if (c.occupation === 'commune_part_time' && r.ineligiblePartTime.includes('commune')) out.push('commune_part_time');
  if (c.occupation === 'village_part_time' && r.ineligiblePartTime.includes('village')) out.push('village_part_time');
  if (c.noConflict === false) out.push('conflict');
  return out;
}

/** Whole months from `from` to `to` (0 when `to` is not later). */
export function monthsBetween(from: string, to: string): number {
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

/** R-F3 (Law Art 36(2)): a seat that falls vacant with ≥ 06 months of the term left is filled by a
 * by-election under the Front's guidance; returns the months left, or null when none is due. */
export function byElectionDue(vacantOn: string, termEndsOn: string | null, r: R): number | null {
  if (!termEndsOn) return null;
  const left = monthsBetween(vacantOn, termEndsOn);
  return left >= r.byElectionMinMonthsLeft ? left : null;
}

/** R-F4 (Decree 59 Arts 14, 22(1)(b)): the last day the specific plan may reach the Front, the
 * chairman and the inspected party: 05 working days before the inspection starts. */
export const latestPlanNotice = (startsOn: string, r: R, cal: WorkingCalendar): string => cal.addWorkingDays(startsOn, -r.planNoticeWorkingDays);
export const planNoticeOk = (notifiedOn: string, startsOn: string, r: R, cal: WorkingCalendar): boolean => notifiedOn <= latestPlanNotice(startsOn, r, cal);

/** R-F5 (Law Arts 40(1)(c), 45(2)(c), 63(1)(c)): "within 15 days" of receipt, in calendar days as the
 * Civil Code counts them (Art 147(1): the day of receipt is not counted; Art 148(5): a deadline on a
 * day off moves to the next working day), as feedback's clocks do. */
export const answerDue = (sentOn: string, r: R, cal: WorkingCalendar): string => daysDeadline(sentOn, r.answerDays, cal);

/** R-F7 (Law Art 45(1)(b)): the last day the Front may notify the investor: 45 days before supervision starts. */
export const latestInvestorNotice = (startsOn: string, r: R): string => addDays(startsOn, -r.investorNoticeDays);

export type SupervisionProblem = 'too_few' | 'no_front' | 'no_inspection_board' | 'too_many_residents' | 'too_many_deputies' | 'no_head';
/** R-F6 (Law Art 41(1); Decree 59 Art 17): ≥ 05 members with ≥ 01 Front and ≥ 01 inspection board
 * representative, ≤ 05 residents elected at community meetings, one head and ≤ 02 deputies. */
export function supervisionProblems(members: { seat: string; position: string }[], r: R): SupervisionProblem[] {
  const out: SupervisionProblem[] = [];
  const count = (f: (m: { seat: string; position: string }) => boolean) => members.filter(f).length;
  if (members.length < r.supervisionMin) out.push('too_few');
  if (count((m) => m.seat === 'front') < 1) out.push('no_front');
  if (count((m) => m.seat === 'inspection_board') < 1) out.push('no_inspection_board');
  if (count((m) => m.seat === 'resident') > r.supervisionMaxResidents) out.push('too_many_residents');
  if (count((m) => m.position === 'deputy') > r.maxDeputies) out.push('too_many_deputies');
  if (count((m) => m.position === 'head') !== 1) out.push('no_head');
  return out;
}

export type AgencyOccupation = 'staff' | 'head' | 'deputy_head' | 'chief_accountant' | 'outsider';
export const AGENCY_OCCUPATIONS: readonly AgencyOccupation[] = ['staff', 'head', 'deputy_head', 'chief_accountant', 'outsider'];
/** R-F8 (Law Art 60): a board only where the agency has more than 07 staff (else the union performs its tasks). */
export const agencyBoardRequired = (staff: number, r: R): boolean => staff > r.agencyNoBoardMaxStaff;
/** R-F8: members work at the agency and are not its head, a deputy head or the chief accountant. */
export const agencyIneligible = (o: AgencyOccupation): boolean => o !== 'staff';
export type AgencyProblem = 'too_few' | 'too_many' | 'too_many_deputies';
/** R-F8 (Law Art 60; Decree 59 Art 21(3)): 03–09 members (more only by the conference's decision),
 * 02 deputies only where the board has ≥ 09 members, otherwise 01. */
export function checkAgencySize(members: number, deputies: number, conferenceAllowsMore: boolean, r: R): AgencyProblem | null {
  if (members < r.agencyMin) return 'too_few';
  if (members > r.agencyMax && !conferenceAllowsMore) return 'too_many';
  if (deputies > (members >= r.agencyTwoDeputiesFrom ? r.maxDeputies : 1)) return 'too_many_deputies';
  return null;
}
/** R-F8 (Decree 59 Art 21(1)): the union recognises the result within 05 working days of the conference. */
export const agencyRecognitionDue = (conferenceOn: string, r: R, cal: WorkingCalendar): string =>
  cal.addWorkingDays(conferenceOn, r.agencyRecogniseWorkingDays);
/** R-F8 (Law Art 60): a 02-year term. */
export const agencyTermEnds = (startsOn: string, r: R): string => addMonths(startsOn, r.agencyTermMonths);
