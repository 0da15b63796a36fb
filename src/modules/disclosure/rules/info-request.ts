// Requests for information (R-C4): Law 10/2022/QH15 Art 14(2) sends them to the Law on Access to
// Information 104/2016/QH13. Periods in working days ("ngày làm việc") run from the day after
// receipt (Civil Code 2015 Art 147; WorkingCalendar.addWorkingDays); the extension is in plain
// days ("15 ngày", R-I3).
import type { RuleSet } from '../../../law/rule-sets.js';
import { addDays, daysBetween, type WorkingCalendar } from '../../../platform/calendar/calendar.js';

export type RequestChannel = 'electronic' | 'post' | 'onsite';

/**
 * The answer is due on the n-th working day after receipt: electronic 3 WD (Art 30(3)), post or
 * fax 5 WD (Art 31(1)), on site 10 WD (Art 29(2), the period for complex information; simple
 * information on site is given at once, so 10 WD is the outer limit a tracker should show).
 */
export function requestDueDate(receivedDate: string, channel: RequestChannel, ruleSet: RuleSet, calendar: WorkingCalendar): string {
  const r = ruleSet.infoRequest;
  const n = channel === 'electronic' ? r.electronicWorkingDays : channel === 'post' ? r.postWorkingDays : r.onsiteWorkingDays;
  return calendar.addWorkingDays(receivedDate, n);
}

export type ExtensionCheck = { ok: true } | { ok: false; reason: 'too_long'; maxDue: string } | { ok: false; reason: 'not_later' };

/**
 * Arts 30(3), 31(1): the period "có thể gia hạn nhưng tối đa không quá 15 ngày". Read as the
 * length of the extension, so it runs from the original due date: maxDue = dueDate + 15 calendar
 * days (the due date is not counted, Civil Code Art 147). The requester must be told (R-C4); that
 * is the command's job. A "new" due date not after the old one is no extension: 'not_later'.
 * With `calendar`, a maxDue on a day off moves to the next working day (Civil Code Art 148(5)).
 * On-site complex requests extend by at most 10 WORKING days (Art 29(2)), which the rule set does
 * not yet hold: this check is for the electronic and post channels.
 */
export function checkExtension(receivedDate: string, dueDate: string, newDueDate: string, ruleSet: RuleSet, calendar?: WorkingCalendar): ExtensionCheck {
  if (daysBetween(receivedDate, dueDate) < 0) throw new RangeError(`due date ${dueDate} is before receipt ${receivedDate}`);
  if (daysBetween(dueDate, newDueDate) <= 0) return { ok: false, reason: 'not_later' };
  const plain = addDays(dueDate, ruleSet.infoRequest.maxExtensionDays);
  const maxDue = calendar ? calendar.addWorkingDays(plain, 0) : plain;
  return daysBetween(maxDue, newDueDate) > 0 ? { ok: false, reason: 'too_long', maxDue } : { ok: true };
}

export type RequestState = {
  dueDate: string;
  extendedUntil?: string | null;
  answeredAt?: string | null;
  refusedAt?: string | null;
};
export type RequestStatus = 'open' | 'overdue' | 'answered' | 'refused' | 'answered_late';

/**
 * All dates are ISO days (Vietnam time). The answer is judged against the extended date when
 * there is one. A refusal (written, with reasons, Art 28(2)) closes the request whatever its date;
 * if a request was partly answered and partly refused, the answer decides the status.
 * Overdue starts the day after the due date: the whole due day is allowed (Civil Code Art 148(1)).
 */
export function requestStatus(state: RequestState, today: string): RequestStatus {
  const due = state.extendedUntil ?? state.dueDate;
  if (state.answeredAt) return daysBetween(due, state.answeredAt) > 0 ? 'answered_late' : 'answered';
  if (state.refusedAt) return 'refused';
  return daysBetween(due, today) > 0 ? 'overdue' : 'open';
}
