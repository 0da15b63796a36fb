// The statutory holidays (Labour Code 45/2019/QH14 Arts 111(3), 112(1); Resolution 28/2026/QH16 Art 2)
// used where the official rows are missing or short (LAW.md R-I3). Pure apart from loading date-holidays.
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { CalendarDay, DayKind } from './calendar.js';
import { epochDay, isoOf, isWeekend, pad2, toVnDate, weekdayOf } from './days.js';

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
export function statutoryDays(year: number, opts: { cultureDayMakeUp?: boolean; fixedOnly?: boolean } = {}): CalendarDay[] {
  // `fixedOnly`: the occasions on fixed solar dates, without loading date-holidays (fallbackDays).
  const lunar = opts.fixedOnly ? null : lunarDates(year);
  const on = (m: number, d: number) => epochDay(`${String(year).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`);
  const art112 = 'Labour Code Art 112(1)';
  const national = on(9, 2);
  const holidays: Array<[number, string, string]> = [
    [on(1, 1), 'Tết Dương lịch', art112],
    ...(lunar ? [-1, 0, 1, 2, 3].map((i): [number, string, string] => [lunar.tet + i, 'Tết Nguyên đán', art112]) : []),
    ...(lunar ? [[lunar.hungKings, 'Giỗ Tổ Hùng Vương', art112] as [number, string, string]] : []),
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

/** The statutory rows a calendar adds to `year` (every row 'all' and provisional): the whole fallback
 * in a year with no official row; otherwise, for each occasion of Art 112(1) whose official
 * holiday/compensatory rows make fewer weekdays off than the statute gives, the fallback rows of
 * that occasion on dates the official rows do not list (R-I3). E.g. the provisional 2027 rows list
 * only 2/9 for Quốc khánh: the fallback adds the adjacent day it would pick with no data at all,
 * Fri 3/9 (2/9 on a Thursday, 2021 precedent; see NATIONAL_DAY_ADJACENT), until the yearly notice
 * is entered. */
export function fallbackDays(year: number, official: readonly CalendarDay[] | undefined, opts: { cultureDayMakeUp: boolean }): CalendarDay[] {
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
  // Only a short lunar occasion needs date-holidays (~25 MB resident): a missing adjacent day of
  // Quốc khánh, as in 2027's provisional rows, is computed without it.
  const lunarShort = short.some(([o]) => o === 'Tết Nguyên đán' || o === 'Giỗ Tổ Hùng Vương');
  const fallback = statutoryDays(year, { ...opts, fixedOnly: !lunarShort });
  const added: CalendarDay[] = [];
  for (const [occasion] of short) {
    const listed = new Set(official.filter(of(occasion)).map((r) => r.date));
    for (const r of fallback.filter(of(occasion))) if (!listed.has(r.date)) added.push({ ...r, sourceDoc: SHORT_SOURCE });
  }
  return added;
}
