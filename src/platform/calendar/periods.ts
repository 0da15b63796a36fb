// Periods the law counts in months or in plain days (R-I3), beside the calendar's day arithmetic.
// Pure: dates are ISO 'YYYY-MM-DD' strings.
import { addDays, type WorkingCalendar } from './calendar.js';

/** Months added to a date, clamped to the month's last day (a term of 60 months from 31/08 ends 31/08). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** "Within n days from `from`": from + n, moved to the next working day if that is a day off (Civil Code Art 148(5)). */
export function daysDeadline(from: string, days: number, cal: WorkingCalendar): string {
  return cal.addWorkingDays(addDays(from, days), 0);
}
