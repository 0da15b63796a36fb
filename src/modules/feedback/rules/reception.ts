// Citizen reception calendars (R-H6): the commune chairman receives citizens at least 01 day every
// week (Citizen Reception Law Art 15(2)(d)), heads of agencies at least 01 day every month
// (Art 18(2)). Pure: (days, today, rule set) -> which weeks and months fall short; and the bookable
// slots of a reception day. Weeks run Monday to Sunday; dates are Vietnam dates (YYYY-MM-DD).
import type { RuleSet } from '../../../law/rule-sets.js';
import { addDays } from '../../../platform/calendar/calendar.js';

export type HostRole = 'commune_chairman' | 'agency_head';
export type CalendarDay = { day: string; hostRole: HostRole; agencyId: number | null };

/** `workdays`: the working days of the week; a week with none (all of it Tết) asks for no day. */
export type WeekCheck = { start: string; end: string; days: number; workdays: number; ok: boolean };
export type MonthCheck = { month: string; agencyId: number | null; days: number; ok: boolean };
export type CalendarCheck = { weeks: WeekCheck[]; months: MonthCheck[]; ok: boolean };

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

/** 'YYYY-MM' of `date` moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/**
 * R-H6: checks the coming `weeks` weeks (from the week holding `today`) for the chairman's days and
 * the coming `months` months (from the month holding `today`) for agency heads' days. A day already
 * past in the current week or month still counts: the law asks for a day in each week, not after today.
 * `agencies`: the agencies whose heads must keep a monthly day (each checked apart); when empty, the
 * commune as a whole is checked for any agency head's day (agencyId null in the result).
 * `isWorkingDay`: a day on a weekend or a holiday is no reception day (the office is closed), so it
 * does not count towards the week or the month (R-H6; Arts 15(2), 18(2) ask for days the citizen
 * can actually come).
 */
export function checkReceptionCalendar(
  input: {
    today: string;
    days: readonly CalendarDay[];
    agencies: readonly number[];
    weeks: number;
    months: number;
    isWorkingDay: (date: string) => boolean;
  },
  rules: Pick<RuleSet['feedback'], 'chairmanReceptionPerWeek' | 'agencyHeadReceptionPerMonth'>,
): CalendarCheck {
  const first = weekStart(input.today);
  const open = input.days.filter((d) => input.isWorkingDay(d.day));
  const weeks: WeekCheck[] = [];
  for (let i = 0; i < input.weeks; i++) {
    const start = addDays(first, 7 * i);
    const end = addDays(start, 6);
    const days = new Set(open.filter((d) => d.hostRole === 'commune_chairman' && d.day >= start && d.day <= end).map((d) => d.day)).size;
    const workdays = Array.from({ length: 7 }, (_, k) => addDays(start, k)).filter(input.isWorkingDay).length;
    weeks.push({ start, end, days, workdays, ok: days >= rules.chairmanReceptionPerWeek || workdays === 0 });
  }
  const months: MonthCheck[] = [];
  const hosts: (number | null)[] = input.agencies.length ? [...input.agencies] : [null];
  for (let i = 0; i < input.months; i++) {
    const month = addMonths(input.today.slice(0, 7), i);
    for (const agencyId of hosts) {
      const days = new Set(
        open.filter((d) => d.hostRole === 'agency_head' && d.day.startsWith(month) && (agencyId === null || d.agencyId === agencyId)).map((d) => d.day),
      ).size;
      months.push({ month, agencyId, days, ok: days >= rules.agencyHeadReceptionPerMonth });
    }
  }
  return { weeks, months, ok: weeks.every((w) => w.ok) && months.every((m) => m.ok) };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isTime = (s: string): boolean => TIME.test(s);
const minutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The bookable slots of a day: from start, every `slotMinutes`, each ending by `end`. */
export function slotsOf(start: string, end: string, slotMinutes: number): string[] {
  if (!isTime(start) || !isTime(end) || !Number.isInteger(slotMinutes) || slotMinutes <= 0) return [];
  const out: string[] = [];
  for (let m = minutes(start); m + slotMinutes <= minutes(end); m += slotMinutes) out.push(hhmm(m));
  return out;
}

/** Has the slot begun (Vietnam time)? A slot that has begun can no longer be booked. */
export function slotStarted(day: string, slot: string, now: Date): boolean {
  const vn = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
  return `${day}T${slot}` <= vn;
}

/** A cancelled booking keeps its row (the history) but frees the slot: the slot text gets the row id,
 * so the unique (day, slot) index lets another citizen book that time. */
export const cancelledSlot = (slot: string, id: number): string => `${slot}~${id}`;
export const slotTime = (stored: string): string => stored.slice(0, 5);
