// The working-day calendar (LAW.md R-I3: "ngày" = calendar day, "ngày làm việc" = working day).
// Pure: no database, no I/O. Official rows (holidays.csv, UPDATES.md §4) decide every year they
// touch; a year with no official row at all falls back to the statutory holidays of Labour Code
// 45/2019/QH14 Art 112(1) (lunar dates from `date-holidays`) plus Culture Day 24/11 (Resolution
// 28/2026/QH16 Art 2), with Art 111(3) make-up days (statutory.ts). In a year with official rows, an
// occasion whose rows give fewer days off than the statute still gets its missing statutory days.
// Dates are ISO 'YYYY-MM-DD' strings; arithmetic is on whole UTC days (days.ts).
import { checkInteger, DAY_MS, epochDay, ISO, isoOf, isWeekend, yearOf } from './days.js';
import { OFFICIAL_DAYS } from './official-days.js';
import { fallbackDays } from './statutory.js';

export { addDays, daysBetween, todayInVietnam, toVnDate } from './days.js';
export { statutoryDays } from './statutory.js';

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

  /** The statutory rows the calendar adds to `year` (R-I3): all of them in a year with no official
   * row, else the missing days of each occasion the official rows leave short (statutory.ts), e.g.
   * Fri 3/9/2027, the National Day adjacent day the provisional 2027 rows do not name. */
  fallbackDays(year: number): CalendarDay[] {
    return fallbackDays(year, this.official.get(year), { cultureDayMakeUp: this.cultureDayMakeUp });
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
