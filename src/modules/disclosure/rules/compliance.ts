// How the commune is keeping to its disclosure plan (Law 10/2022/QH15 Art 14(1), (3): UBND adopts
// the plan and reports on disclosure to the commune HĐND and the Front). Pure: item + what it is
// linked to + today -> status.
//
// An item is met by the disclosure the official linked to it. It is on time when the posting started
// no later than the item's due date, late otherwise (counted in working days after the due date, as
// rules/timeliness.ts counts R-C1). A withdrawn disclosure no longer meets the item (it was taken
// down: Art 14(1) asks for the information to be disclosed, and re-disclosed when it changes).
import { daysBetween, type WorkingCalendar } from '../../../platform/calendar/calendar.js';

export type PlanStatus = 'on_time' | 'late' | 'missing' | 'due';
export const PLAN_STATUSES: readonly PlanStatus[] = ['on_time', 'late', 'missing', 'due'];

export type Linked = { postingStart: string | null; status: 'draft' | 'published' | 'ended' | 'withdrawn' } | null;

export type PlanItemStatus = { status: PlanStatus; workingDaysLate: number };

export function planItemStatus(dueDate: string, linked: Linked, today: string, cal: WorkingCalendar): PlanItemStatus {
  const posted = linked && (linked.status === 'published' || linked.status === 'ended') ? linked.postingStart : null;
  if (posted) {
    if (daysBetween(dueDate, posted) <= 0) return { status: 'on_time', workingDaysLate: 0 };
    return { status: 'late', workingDaysLate: cal.workingDaysBetween(dueDate, posted) };
  }
  return { status: daysBetween(today, dueDate) < 0 ? 'missing' : 'due', workingDaysLate: 0 };
}
