// The statutory clocks of feedback (R-H1…R-H3, R-H6, R-H7). Pure: (dates, rule set, calendar) -> dates.
// Periods in days follow the Civil Code 2015: the first day is not counted (Art 147(1)), and a
// period whose last day is a weekend or public holiday ends on the next working day (Art 148(5)).
// Periods in working days use the official working-day calendar (holidays.csv, swaps included).
import type { FeedbackClock, FeedbackKind } from '../../../db/types.js';
import type { RuleSet } from '../../../law/rule-sets.js';
import { daysBetween, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { daysDeadline } from '../../../platform/calendar/periods.js';

type Rules = RuleSet['feedback'];
export type Complexity = 'normal' | 'complex' | 'very_complex';

/** R-H1 (Complaints Law Art 9): days by which a complaint is past the 90-day limit (0 when in time).
 * Days lost to illness, disaster, travel and the like (`excludedDays`) do not count. The limit is
 * counted in plain days; the Art 148(5) roll-over applies to its last day. */
export function complaintLateDays(knownOn: string, receivedOn: string, excludedDays: number, r: Rules, cal: WorkingCalendar): number {
  const last = daysDeadline(knownOn, r.complaintLimitDays + Math.max(0, excludedDays), cal);
  return Math.max(0, daysBetween(last, receivedOn));
}

/** The first clock of a new item and its deadline.
 * - complaint: acceptance within 10 days (Complaints Law Art 27; R-H2);
 * - denunciation: initial handling within 07 working days, 10 with checks at several places (Denunciation Law Art 24(1); R-H3);
 * - petition, report, question: an answer or notice within 10 working days (Reception Law Art 28(1); R-H6). */
export function firstClock(
  kind: FeedbackKind,
  receivedOn: string,
  opts: { multiSite: boolean },
  r: Rules,
  cal: WorkingCalendar,
): { clock: FeedbackClock; due: string } {
  if (kind === 'complaint') {
    const due = r.complaintAcceptInWorkingDays ? cal.addWorkingDays(receivedOn, r.complaintAcceptDays) : daysDeadline(receivedOn, r.complaintAcceptDays, cal);
    return { clock: 'accept', due };
  }
  if (kind === 'denunciation') {
    const n = opts.multiSite ? r.denunciationInitialMultiSiteWorkingDays : r.denunciationInitialWorkingDays;
    return { clock: 'initial', due: cal.addWorkingDays(receivedOn, n) };
  }
  return { clock: 'answer', due: cal.addWorkingDays(receivedOn, r.answerWorkingDays) };
}

/** Denunciation Law Art 24(2), Decree 20/2008 Art 9 (R-H3, R-H7): forward outside competence within 05 working days. */
export const forwardDue = (receivedOn: string, r: Rules, cal: WorkingCalendar): string => cal.addWorkingDays(receivedOn, r.forwardWorkingDays);

/** How many 30-day extensions a denunciation of this complexity may have (Art 30: one if complex, two if especially complex). */
export const maxExtensions = (c: Complexity, r: Rules): number => r.denunciationMaxExtensions[c];

/** The resolution deadline from acceptance.
 * - complaint (Art 28; R-H2): 30 days, 45 if complex; in remote areas 45, 60 if complex;
 * - denunciation (Art 30; R-H3): 30 days plus 30 for each recorded extension. */
export function resolveDue(
  kind: 'complaint' | 'denunciation',
  acceptedOn: string,
  opts: { complexity: Complexity; remote: boolean; extensions: number },
  r: Rules,
  cal: WorkingCalendar,
): string {
  if (kind === 'complaint') {
    const d = r.complaintResolveDays;
    const complex = opts.complexity !== 'normal';
    const days = opts.remote ? (complex ? d.remoteComplex : d.remoteNormal) : complex ? d.complex : d.normal;
    return daysDeadline(acceptedOn, days, cal);
  }
  return daysDeadline(acceptedOn, r.denunciationResolveDays + opts.extensions * r.denunciationExtensionDays, cal);
}

/** Denunciation Law Art 40 (R-H3): the conclusion is published within 07 working days. */
export const publishDue = (concludedOn: string, r: Rules, cal: WorkingCalendar): string => cal.addWorkingDays(concludedOn, r.publishConclusionWorkingDays);

export type DueState = 'overdue' | 'due_soon' | 'on_time';
/** Overdue once the deadline day has passed; due soon within `dueSoonWorkingDays` working days of it. */
export function dueState(due: string, today: string, r: Rules, cal: WorkingCalendar): DueState {
  if (today > due) return 'overdue';
  return cal.workingDaysBetween(today, due) <= r.dueSoonWorkingDays ? 'due_soon' : 'on_time';
}

/** The date from which lists treat an item as due soon: the working day `dueSoonWorkingDays` before today's horizon. */
export const dueSoonHorizon = (today: string, r: Rules, cal: WorkingCalendar): string => cal.addWorkingDays(today, r.dueSoonWorkingDays);
