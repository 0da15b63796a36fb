// Was an item disclosed in time? (R-C1, R-C5)
// Law 10/2022/QH15 Art 12(3) (commune) and Art 47(2) (agency): "chậm nhất là 05 ngày làm việc kể
// từ ngày ... quyết định, văn bản được ban hành", unless a sector law sets another time. The
// decision day is not counted (Civil Code 2015 Art 147; WorkingCalendar.addWorkingDays), so the
// deadline is the 5th working day after the decision, and disclosure ON that day is on time.
// Items whose sector law sets its own time (e.g. budget disclosure) must not be judged here.
import type { RuleSet } from '../../../law/rule-sets.js';
import { daysBetween, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import type { Scope } from './posting.js';

export type TimelinessInput = { decisionDate: string; disclosureDate: string; scope: Scope };
export type Timeliness = { status: 'on_time' | 'late'; deadline: string; workingDaysLate: number };

/**
 * `workingDaysLate` counts the working days after the deadline up to and including the disclosure
 * day, so an item disclosed on the Saturday after a Friday deadline is late by 0 working days (it
 * is still late: the deadline passed). A disclosure dated before its decision is not late; refusing
 * it is the form's job.
 */
export function timeliness(input: TimelinessInput, ruleSet: RuleSet, calendar: WorkingCalendar): Timeliness {
  const { decisionDate, disclosureDate, scope } = input;
  const n = scope === 'agency' ? ruleSet.disclosure.agencyDeadlineWorkingDays : ruleSet.disclosure.deadlineWorkingDays;
  const deadline = calendar.addWorkingDays(decisionDate, n);
  if (daysBetween(deadline, disclosureDate) <= 0) return { status: 'on_time', deadline, workingDaysLate: 0 };
  return { status: 'late', deadline, workingDaysLate: calendar.workingDaysBetween(deadline, disclosureDate) };
}

/** A decision cannot be dated after today (Vietnam date, `todayInVietnam`): 'future' is refused. */
export function validateDecisionDate(decisionDate: string, today: string): 'future' | null {
  return daysBetween(today, decisionDate) > 0 ? 'future' : null;
}
