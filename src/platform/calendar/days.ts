// Plain calendar days for the working-day calendar (LAW.md R-I3): ISO 'YYYY-MM-DD' strings and
// arithmetic on whole UTC days, so the server's time zone never shifts a date. Pure.
export const DAY_MS = 86_400_000;
export const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 UTC; throws RangeError unless `iso` is a real YYYY-MM-DD date. */
export function epochDay(iso: string): number {
  const m = ISO.exec(iso);
  if (m) {
    const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    if (isoOf(day) === iso) return day; // rejects 2026-02-30, 0099-01-01 (Date.UTC maps to 1999)
  }
  throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
export const isWeekend = (day: number): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;
export const pad2 = (n: number): string => String(n).padStart(2, '0');

export function checkInteger(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
}

/** Calendar-day arithmetic ("n ngày"): holidays are ignored, as R-I3 requires for plain days.
 * Note Civil Code 2015 Art 148(5) moves a period that ends on a day off to the next working day;
 * where a rule needs that, use `cal.addWorkingDays(addDays(d, n), 0)`. */
export function addDays(date: string, n: number): string {
  checkInteger(n);
  return isoOf(epochDay(date) + n);
}

/** Signed number of calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

/** The date in Vietnam (Asia/Ho_Chi_Minh is UTC+7 all year: no DST since 1975). */
export function todayInVietnam(now: Date): string {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** dd/mm/yyyy, the form used in Vietnamese administrative documents. */
export function toVnDate(iso: string): string {
  epochDay(iso);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
