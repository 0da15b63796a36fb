// The working-day calendar (LAW.md R-I3: "ngày" = calendar day, "ngày làm việc" = working day).
// Pure: no database, no I/O. Official rows (holidays.csv, UPDATES.md §4) decide every year they
// touch; a year with no official row at all falls back to the statutory holidays of Labour Code
// 45/2019/QH14 Art 112(1) (lunar dates from `date-holidays`) plus Culture Day 24/11 (Resolution
// 28/2026/QH16 Art 2), with Art 111(3) make-up days. In a year with official rows, an occasion whose
// rows give fewer days off than the statute still gets its missing statutory days (R-I3). All dates are ISO 'YYYY-MM-DD' strings and
// all arithmetic is on whole UTC days, so the server's time zone never shifts a date.
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { OFFICIAL_DAYS } from './official-days.js';

export type DayKind = 'holiday' | 'compensatory' | 'swap_off' | 'swap_workday';
export type Audience = 'all' | 'civil_service' | 'private_default';
export type CalendarAudience = Exclude<Audience, 'all'>;
export type CalendarDay = {
  date: string; // YYYY-MM-DD
  kind: DayKind;
  occasion: string;
  audience: Audience;
  legalBasis: string;
  sourceDoc: string;
  provisional: boolean;
};
export type CalendarOptions = {
  /** Whose calendar. Default 'civil_service': commune bodies' working-day deadlines (Law 10/2022,
   * Decree 59/2023) run on it (UPDATES.md §4.5). 'private_default' ignores civil-service swaps. */
  audience?: CalendarAudience;
  /** Fallback days only: make up Culture Day 24/11 when it falls on a weekend. Off by default:
   * Resolution 28/2026/QH16 did not amend Labour Code Art 112, so Art 111(3) may not reach it
   * (UPDATES.md §4.1, unsettled; first case Sat 24/11/2029). */
  cultureDayMakeUp?: boolean;
};

// ---------------------------------------------------------------- plain days

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 UTC; throws RangeError unless `iso` is a real YYYY-MM-DD date. */
function epochDay(iso: string): number {
  const m = ISO.exec(iso);
  if (m) {
    const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    if (isoOf(day) === iso) return day; // rejects 2026-02-30, 0099-01-01 (Date.UTC maps to 1999)
  }
  throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day: number): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;
const pad2 = (n: number): string => String(n).padStart(2, '0');

function checkInteger(n: number): void {
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

// ---------------------------------------------------------------- official rows

const CSV_HEADER = 'date,kind,occasion,audience,legal_basis,source_doc,provisional';
const KINDS: readonly string[] = ['holiday', 'compensatory', 'swap_off', 'swap_workday'];
const AUDIENCES: readonly string[] = ['all', 'civil_service', 'private_default'];

/** Parses holidays.csv text (same format and checks as scripts/gen-official-days.mjs); use it to
 * validate a CSV an administrator uploads when the yearly notice is published. */
export function parseCalendarCsv(text: string): CalendarDay[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== CSV_HEADER) throw new Error(`calendar CSV: header must be ${CSV_HEADER}`);
  const rows: CalendarDay[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const f = splitCsvLine(line).map((s) => s.trim());
    const bad = (what: string) => new Error(`calendar CSV line ${i + 1}: ${what}`);
    if (f.length !== 7) throw bad(`expected 7 fields, got ${f.length}`);
    const [date, kind, occasion, audience, legalBasis, sourceDoc, provisional] = f;
    if (!ISO.test(date)) throw bad(`bad date ${date}`);
    epochDay(date);
    if (!KINDS.includes(kind)) throw bad(`bad kind ${kind}`);
    if (!AUDIENCES.includes(audience)) throw bad(`bad audience ${audience}`);
    if (provisional !== 'true' && provisional !== 'false') throw bad(`bad provisional ${provisional}`);
    rows.push({
      date,
      kind: kind as DayKind,
      occasion,
      audience: audience as Audience,
      legalBasis,
      sourceDoc,
      provisional: provisional === 'true',
    });
  });
  return rows;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The official rows bundled with the build (generated from holidays.csv; tsc does not copy the
 * CSV to dist/, so nothing is read from disk at run time). Returns fresh copies. */
export function loadOfficialDays(): CalendarDay[] {
  return OFFICIAL_DAYS.map((d) => ({ ...d }));
}

// ---------------------------------------------------------------- statutory fallback

// date-holidays is ~25 MB of resident memory: loaded (synchronously, its CJS build) on the first year
// with no official row, never by a server whose dates all fall in holidays.csv (issue 9).
const require = createRequire(import.meta.url);
let vnHolidays: Holidays | undefined;

/** Mùng 1 Tết and 10/3 lunar (Hùng Kings) from date-holidays. Its 'vietnamese' calendar is the
 * UTC+7 one (it gives Tết 17/2/2007, not China's 18/2) and matched Hồ Ngọc Đức's algorithm for
 * every year 1970–2100 except Hùng Kings 2050 and 2083 (new moon near midnight): check those. */
function lunarDates(year: number): { tet: number; hungKings: number } {
  vnHolidays ??= new (require('date-holidays') as typeof Holidays)('VN');
  const pub = vnHolidays.getHolidays(year).filter((h) => h.type === 'public');
  const find = (rule: string): number => {
    const h = pub.find((x) => x.rule === rule);
    if (!h) throw new Error(`date-holidays: no VN public holiday '${rule}' in ${year}`);
    return epochDay(h.date.slice(0, 10)); // h.date is local (VN) time: 'YYYY-MM-DD 00:00:00'
  };
  return { tet: find('vietnamese 1-0-1'), hungKings: find('vietnamese 3-0-10') };
}

/** Art 112(1) gives 2/9 "plus one adjacent day"; Art 112(3) lets the Prime Minister pick it.
 * Indexed by the weekday of 2/9 (0 = Sunday), the PM's choices 2021–2026: Mon→3/9 (2024),
 * Tue→1/9 (2025), Wed→1/9 (2026), Thu→3/9 (2021), Fri→1/9 (2022), Sat→1/9 (2023); Sunday has
 * no precedent under the 2019 Code: take Mon 3/9 (2/9 itself is then made up on Tue 4/9). */
const NATIONAL_DAY_ADJACENT = [1, 1, -1, -1, 1, -1, -1];
const CULTURE_DAY = 'Ngày Văn hóa Việt Nam';

/** The holidays the statutes alone give for `year`, used when no official row covers the year.
 * Every row is provisional: the yearly notice may choose other Tết days or add swaps.
 * Tết: date-holidays only returns the eve (with a 5-day span) and mùng 1, so the 5 days are
 * derived here as the last day of the old year + mùng 1–4, the PM's usual choice (2022, 2026,
 * and the 2027 estimate). It is not always his choice: 2025 was 28 Chạp–mùng 3 (27–31 Jan).
 * The rules are those of the 2019 Labour Code (in force 1 Jan 2021); earlier years are approximate. */
export function statutoryDays(year: number, opts: { cultureDayMakeUp?: boolean } = {}): CalendarDay[] {
  const { tet, hungKings } = lunarDates(year);
  const on = (m: number, d: number) => epochDay(`${String(year).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`);
  const art112 = 'Labour Code Art 112(1)';
  const national = on(9, 2);
  const holidays: Array<[number, string, string]> = [
    [on(1, 1), 'Tết Dương lịch', art112],
    ...[-1, 0, 1, 2, 3].map((i): [number, string, string] => [tet + i, 'Tết Nguyên đán', art112]),
    [hungKings, 'Giỗ Tổ Hùng Vương', art112],
    [on(4, 30), 'Ngày Chiến thắng', art112],
    [on(5, 1), 'Ngày Quốc tế Lao động', art112],
    [national, 'Quốc khánh', art112],
    [national + NATIONAL_DAY_ADJACENT[weekdayOf(national)], 'Quốc khánh', 'Labour Code Art 112(1), (3)'],
  ];
  if (year >= 2026) holidays.push([on(11, 24), CULTURE_DAY, 'Resolution 28/2026/QH16 Art 2']);
  holidays.sort((a, b) => a[0] - b[0]);

  const source = 'Tạm tính theo Bộ luật Lao động: chưa có thông báo chính thức của năm (ngày âm lịch tính theo date-holidays)';
  const row = (day: number, kind: DayKind, occasion: string, legalBasis: string): CalendarDay => ({
    date: isoOf(day),
    kind,
    occasion,
    audience: 'all',
    legalBasis,
    sourceDoc: source,
    provisional: true,
  });
  const rows = holidays.map(([day, occ, basis]) => row(day, 'holiday', occ, basis));
  // Art 111(3): a weekly rest day that coincides with a holiday is made up on the next working
  // day, i.e. the next weekday that is neither a holiday nor an earlier make-up day.
  const taken = new Set(holidays.map(([day]) => day));
  for (const [day, occ] of holidays) {
    if (!isWeekend(day) || (occ === CULTURE_DAY && !opts.cultureDayMakeUp)) continue;
    let c = day + 1;
    while (isWeekend(c) || taken.has(c)) c++;
    taken.add(c);
    rows.push(row(c, 'compensatory', `${occ} (nghỉ bù ngày ${toVnDate(isoOf(day))})`, 'Labour Code Art 111(3)'));
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Days off each occasion gives under Labour Code Art 112(1) and Resolution 28/2026/QH16 Art 2; a
 * holiday on a weekly rest day is made up on a weekday (Art 111(3)), so each is a weekday off. */
const STATUTORY_DAYS: Record<string, number> = {
  'Tết Dương lịch': 1,
  'Tết Nguyên đán': 5,
  'Giỗ Tổ Hùng Vương': 1,
  'Ngày Chiến thắng': 1,
  'Ngày Quốc tế Lao động': 1,
  'Quốc khánh': 2,
  [CULTURE_DAY]: 1,
};
const SHORT_SOURCE = 'Tạm tính theo Bộ luật Lao động: thông báo của năm chưa đủ số ngày nghỉ của dịp này';

/** Distinct weekdays that `rows` make off for everyone (holiday or make-up, audience 'all'): a
 * holiday on a weekend counts through its make-up day, so official rows that list only the make-up
 * day (holidays.csv does) and the fallback's rows measure alike. */
function weekdaysOff(rows: readonly CalendarDay[]): number {
  const days = rows.filter((r) => r.audience === 'all' && (r.kind === 'holiday' || r.kind === 'compensatory'));
  return new Set(days.map((r) => epochDay(r.date)).filter((d) => !isWeekend(d))).size;
}

// ---------------------------------------------------------------- the calendar

type YearData = { start: number; working: Uint8Array; rows: Map<number, CalendarDay[]> };

export class WorkingCalendar {
  readonly audience: CalendarAudience;
  private readonly cultureDayMakeUp: boolean;
  private readonly official = new Map<number, CalendarDay[]>(); // year → rows of every audience
  private readonly years = new Map<number, YearData>(); // memo, built on first use of a year

  constructor(days: readonly CalendarDay[], opts: CalendarOptions = {}) {
    this.audience = opts.audience ?? 'civil_service';
    this.cultureDayMakeUp = opts.cultureDayMakeUp ?? false;
    for (const d of days) {
      const year = yearOf(epochDay(d.date));
      const list = this.official.get(year);
      if (list) list.push(d);
      else this.official.set(year, [d]);
    }
  }

  /** True if `year` has at least one official row (of any audience, provisional or not): then
   * the official rows count, plus `fallbackDays` for occasions they leave short; otherwise the
   * statutory fallback alone does. */
  hasOfficialRows(year: number): boolean {
    return this.official.has(year);
  }

  /** The statutory rows the calendar adds to `year` (all audiences' view: every row is 'all' and
   * provisional): the whole fallback in a year with no official row; otherwise, for each occasion
   * of Art 112(1) whose official holiday/compensatory rows make fewer weekdays off than the
   * statute gives, the fallback rows of that occasion on dates the official rows do not list
   * (R-I3). E.g. the provisional 2027 rows list only 2/9 for Quốc khánh: the fallback adds the
   * adjacent day it would pick with no data at all, Fri 3/9 (2/9 on a Thursday, 2021 precedent;
   * see NATIONAL_DAY_ADJACENT), until the yearly notice is entered. */
  fallbackDays(year: number): CalendarDay[] {
    const opts = { cultureDayMakeUp: this.cultureDayMakeUp };
    const official = this.official.get(year);
    if (!official) return statutoryDays(year, opts);
    // Official occasions carry notes: 'Tết Nguyên đán (dự kiến)', 'Giỗ Tổ Hùng Vương (10/3 …)'.
    const of = (occasion: string) => (r: CalendarDay) => r.occasion === occasion || r.occasion.startsWith(`${occasion} `);
    // Checked without the fallback first, so a year whose rows are complete never loads date-holidays.
    const short = Object.entries(STATUTORY_DAYS).filter(([occasion, n]) => {
      if (occasion === CULTURE_DAY && year < 2026) return false;
      const culture = occasion === CULTURE_DAY && isWeekend(epochDay(`${year}-11-24`)) && !opts.cultureDayMakeUp;
      return weekdaysOff(official.filter(of(occasion))) < (culture ? 0 : n);
    });
    if (short.length === 0) return [];
    const fallback = statutoryDays(year, opts);
    const added: CalendarDay[] = [];
    for (const [occasion] of short) {
      const listed = new Set(official.filter(of(occasion)).map((r) => r.date));
      for (const r of fallback.filter(of(occasion))) if (!listed.has(r.date)) added.push({ ...r, sourceDoc: SHORT_SOURCE });
    }
    return added;
  }

  /** Saturdays and Sundays are off unless a swap_workday row makes them worked; any day with a
   * holiday, compensatory or swap_off row for this audience (or 'all') is off. */
  isWorkingDay(date: string): boolean {
    return this.workingAt(epochDay(date));
  }

  /** "Within n working days from `date`" (trong n ngày làm việc kể từ ...): `date` itself is not
   * counted (Civil Code 2015 Art 147(1): a period in days starts the next day), so the result is
   * the n-th working day after `date`. n = 0 gives `date` if it is a working day, else the next
   * working day. n < 0 counts back: the |n|-th working day before `date` ("at least 05 working
   * days before", Decree 59/2023 Art 22(1)(b)). */
  addWorkingDays(date: string, n: number): string {
    checkInteger(n);
    let day = epochDay(date);
    if (n === 0) {
      while (!this.workingAt(day)) day++;
      return isoOf(day);
    }
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.workingAt(day)) left--;
    }
    return isoOf(day);
  }

  /** Number of working days d with from < d <= to; negative (−count of to < d <= from) when to < from.
   * For n > 0, workingDaysBetween(x, addWorkingDays(x, n)) === n. */
  workingDaysBetween(from: string, to: string): number {
    const a = epochDay(from);
    const b = epochDay(to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let d = lo + 1; d <= hi; d++) if (this.workingAt(d)) count++;
    return sign * count;
  }

  /** The rows that apply to `date` for this audience (official, or fallback rows marked
   * provisional), e.g. [{ kind: 'holiday', occasion: 'Tết Nguyên đán', … }]; [] on ordinary days. */
  dayInfo(date: string): CalendarDay[] {
    const day = epochDay(date);
    return (this.year(yearOf(day)).rows.get(day) ?? []).map((r) => ({ ...r }));
  }

  private workingAt(day: number): boolean {
    const y = this.year(yearOf(day));
    return y.working[day - y.start] === 1;
  }

  private year(year: number): YearData {
    const memo = this.years.get(year);
    if (memo) return memo;
    const start = epochDay(`${String(year).padStart(4, '0')}-01-01`);
    const end = Date.UTC(year + 1, 0, 1) / DAY_MS;
    const source = [...(this.official.get(year) ?? []), ...this.fallbackDays(year)];
    const rows = new Map<number, CalendarDay[]>();
    for (const r of source) {
      if (r.audience !== 'all' && r.audience !== this.audience) continue;
      const day = epochDay(r.date);
      const list = rows.get(day);
      if (list) list.push(r);
      else rows.set(day, [r]);
    }
    const working = new Uint8Array(end - start);
    for (let i = 0; i < working.length; i++) {
      const rs = rows.get(start + i) ?? [];
      // A day off (holiday etc.) wins over a swap_workday row for the same date.
      if (rs.some((r) => r.kind !== 'swap_workday')) working[i] = 0;
      else working[i] = !isWeekend(start + i) || rs.length > 0 ? 1 : 0;
    }
    const data = { start, working, rows };
    this.years.set(year, data);
    return data;
  }
}
