// The yearly duties of the dialogue module, as pure rules on dates in Vietnam time.
// - R-G2 (Law 10/2022 Art 32): the commune People's Committee, with the commune Front, holds at least
//   one dialogue conference with the people each calendar year.
// - R-G1 (Law 10/2022 Art 33; Decree 59/2023 Arts 10–11): each village holds one annual community
//   conference at year-end; the notice reaches households at least 05 days before.
// Years are calendar years in Asia/Ho_Chi_Minh (UTC+7): a dialogue at 18:00 UTC on 31 December is
// held on 1 January in Vietnam and counts for the new year.
import type { RuleSet } from '../../../law/rule-sets.js';
import { addDays, daysBetween, todayInVietnam } from '../../../platform/calendar/calendar.js';

/** The calendar year in Vietnam of an instant. */
export const yearInVietnam = (instant: string | Date): number => Number(todayInVietnam(new Date(instant)).slice(0, 4));

export type DialogueYearState = 'held' | 'scheduled' | 'due' | 'missing';

/** R-G2 for one commune (or agency) and year: held when enough dialogues of that year were held;
 * missing once the year is over in Vietnam without them; otherwise scheduled (one is on the calendar) or due. */
export function dialogueYearState(dialogues: { startsAt: string; status: 'scheduled' | 'held' }[], year: number, now: Date, rs: RuleSet): DialogueYearState {
  const ofYear = dialogues.filter((d) => yearInVietnam(d.startsAt) === year);
  if (ofYear.filter((d) => d.status === 'held').length >= rs.dialogue.dialoguesPerYear) return 'held';
  if (yearInVietnam(now) > year) return 'missing';
  return ofYear.some((d) => d.status === 'scheduled') ? 'scheduled' : 'due';
}

export type ConferenceYearState = 'reported' | 'held' | 'planned' | 'due' | 'missing';

/** R-G1 for one village and year: a village with no conference held by the end of the year (in Vietnam) is missing it. */
export function conferenceYearState(c: { status: 'planned' | 'held' | 'reported' } | undefined, year: number, now: Date): ConferenceYearState {
  if (c?.status === 'reported' || c?.status === 'held') return c.status;
  if (yearInVietnam(now) > year) return 'missing';
  return c ? 'planned' : 'due';
}

/** Law Art 33(1) says "at year-end" without a month: a conference before `yearEndFromMonth` is not
 * refused, but shown as held before the year-end period. */
export const beforeYearEnd = (conferenceOn: string, rs: RuleSet): boolean => Number(conferenceOn.slice(5, 7)) < rs.dialogue.yearEndFromMonth;

export type NoticeProblem = { latest: string; days: number; article: string };

/** R-G1 (Decree 59/2023 Art 11(1)(c)): "ít nhất 05 ngày trước" counts plain days, as the platform's
 * other notice periods do (decisions/rules/notice.ts): the day of the notice is not counted (Civil
 * Code 2015 Art 147(1)), so a notice on day N allows a conference on day N + 5 at the earliest. */
export function conferenceNoticeProblem(conferenceOn: string, noticeOn: string, rs: RuleSet): NoticeProblem | null {
  const days = rs.dialogue.conferenceNoticeDays;
  if (daysBetween(noticeOn, conferenceOn) >= days) return null;
  return { latest: addDays(conferenceOn, -days), days, article: 'Điều 11 khoản 1 điểm c Nghị định 59/2023/NĐ-CP' };
}
