import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDay,
  daysBetween,
  loadOfficialDays,
  parseCalendarCsv,
  statutoryDays,
  todayInVietnam,
  toVnDate,
  WorkingCalendar,
} from './calendar.js';

const official = loadOfficialDays();
const civil = new WorkingCalendar(official); // default audience: civil_service
const priv = new WorkingCalendar(official, { audience: 'private_default' });

/** [date, working?, why] rows for the civil-service calendar. */
type Row = [string, boolean, string];
/** Weekday dates made off by `rows` (the CSV lists holidays falling on a weekend only via their make-up day). */
const weekdaysOff = (rows: CalendarDay[]) =>
  rows
    .filter((r) => r.kind !== 'swap_workday' && daysBetween('2024-01-01', r.date) % 7 < 5) // 2024-01-01 was a Monday
    .map((r) => r.date)
    .sort();
const civilTable: Row[] = [
  // Tết Ất Tỵ 2025 (8726/VPCP-KGVX): statutory 5 = Mon 27 – Fri 31 Jan
  ['2025-01-24', true, 'Fri before the Tết 2025 block'],
  ['2025-01-25', false, 'Sat: weekly rest'],
  ['2025-01-27', false, 'first Tết day (28 Chạp)'],
  ['2025-01-29', false, 'mùng 1 Tết Ất Tỵ'],
  ['2025-01-31', false, 'last Tết day (mùng 3)'],
  ['2025-02-03', true, 'Mon after the Tết 2025 block'],
  ['2025-04-26', true, 'Sat 26/4/2025 worked (swap, 6150/TB-BLĐTBXH)'],
  ['2025-05-02', false, 'Fri 2/5/2025 off (swap)'],
  // New Year 2026 (12729/VPCP-KGVX)
  ['2025-12-31', true, 'Wed before New Year 2026'],
  ['2026-01-01', false, 'Tết Dương lịch'],
  ['2026-01-02', false, 'Fri 2/1/2026 swap_off'],
  ['2026-01-05', true, 'Mon after the New Year block'],
  ['2026-01-10', true, 'Sat 10/1/2026 swap_workday'],
  // Tết Bính Ngọ 2026 (9441/TB-BNV): Mon 16 (29 Chạp) – Fri 20 Feb
  ['2026-02-13', true, 'Fri before the Tết 2026 block'],
  ['2026-02-16', false, '29 Chạp, last day of Ất Tỵ'],
  ['2026-02-17', false, 'mùng 1 Tết Bính Ngọ'],
  ['2026-02-20', false, 'mùng 4, last Tết day'],
  ['2026-02-21', false, 'Sat inside the 9-day break'],
  ['2026-02-23', true, 'Mon after the Tết 2026 block'],
  // Hùng Kings 2026: 10/3 lunar = Sun 26/4 → made up Mon 27/4 (Art 111(3))
  ['2026-04-26', false, 'Sun: 10/3 lunar on the weekly rest day'],
  ['2026-04-27', false, 'Mon 27/4 compensatory (Art 111(3))'],
  ['2026-04-28', true, 'Tue between Hùng Kings and 30/4'],
  ['2026-04-30', false, 'Ngày Chiến thắng'],
  ['2026-05-01', false, 'Quốc tế Lao động'],
  ['2026-05-04', true, 'Mon after 30/4–1/5 (no swap: 3383/BNV-CVL)'],
  // National Day 2026: Sat 29/8 – Wed 2/9; swap Mon 31/8 off, Sat 22/8 worked
  ['2026-08-21', true, 'Fri before the swapped Saturday'],
  ['2026-08-22', true, 'Sat 22/8/2026 swap_workday'],
  ['2026-08-28', true, 'Fri before the National Day block'],
  ['2026-08-31', false, 'Mon 31/8/2026 swap_off'],
  ['2026-09-01', false, 'Tue 1/9: the adjacent day (Art 112(1),(3))'],
  ['2026-09-02', false, 'Quốc khánh'],
  ['2026-09-03', true, 'Thu after the National Day block'],
  // Culture Day (Resolution 28/2026/QH16 Art 2)
  ['2026-11-23', true, 'Mon before Culture Day'],
  ['2026-11-24', false, 'Tue 24/11/2026 first Ngày Văn hóa Việt Nam'],
  ['2026-11-25', true, 'Wed after Culture Day'],
];

describe('R-I3 working days on the official civil-service calendar (Labour Code Art 111–112)', () => {
  it.each(civilTable)('%s working=%s: %s', (date, working) => {
    expect(civil.isWorkingDay(date)).toBe(working);
  });

  it('R-I3: 5 working days from Fri 13/2/2026 = Fri 27/2/2026 (14–22/2 off: weekend, Tết 16–20/2, weekend; then Mon 23 … Fri 27 are days 1–5)', () => {
    expect(civil.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(civil.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
  });
  it('R-I3: 1 working day from Fri 24/1/2025 skips the whole Tết 2025 block to Mon 3/2/2025', () => {
    expect(civil.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
  });
  it('R-I3: 3 working days from Fri 24/4/2026 = Mon 4/5/2026 (27/4 make-up, 28, 29 worked, 30/4–3/5 off)', () => {
    expect(civil.addWorkingDays('2026-04-24', 3)).toBe('2026-05-04');
  });
  it('R-I3: 1 working day from Wed 31/12/2025 crosses the year: Mon 5/1/2026 (1/1 holiday, 2/1 swapped off)', () => {
    expect(civil.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
  });
  it('R-I3 swap: the worked Saturday 22/8/2026 counts as a working day', () => {
    expect(civil.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
    expect(civil.workingDaysBetween('2026-08-28', '2026-09-03')).toBe(1);
  });
  it('n = 0: the date itself if working, else the next working day (mùng 1 Tết 2026 → Mon 23/2)', () => {
    expect(civil.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(civil.addWorkingDays('2026-02-17', 0)).toBe('2026-02-23');
  });
  it('Decree 59/2023 Art 22(1)(b) "at least 05 working days before": negative n counts back over Tết', () => {
    expect(civil.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(civil.addWorkingDays('2026-02-27', -5)).toBe('2026-02-13');
    expect(civil.workingDaysBetween('2026-02-27', '2026-02-13')).toBe(-5);
  });
  it('working days per year: 2025 = 261 weekdays − 12 off + 1 worked Sat = 250; 2026 = 261 − 14 + 2 = 249', () => {
    expect(civil.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250);
    expect(civil.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(249);
  });
  it('workingDaysBetween inverts addWorkingDays for n = 1…40 from dates around every 2026 block', () => {
    for (const from of ['2025-12-30', '2026-02-12', '2026-04-25', '2026-08-20', '2026-11-20']) {
      for (let n = 1; n <= 40; n++) expect(civil.workingDaysBetween(from, civil.addWorkingDays(from, n))).toBe(n);
    }
  });
  it('dayInfo names the occasion for display', () => {
    expect(civil.dayInfo('2026-02-17').map((r) => r.occasion)).toEqual(['Tết Nguyên đán']);
    expect(civil.dayInfo('2026-04-27')[0]).toMatchObject({ kind: 'compensatory', legalBasis: 'Labour Code Art 111(3)' });
    expect(civil.dayInfo('2026-01-10')[0]).toMatchObject({ kind: 'swap_workday', audience: 'civil_service' });
    expect(civil.dayInfo('2026-03-10')).toEqual([]);
  });
});

describe('private_default audience: civil-service swaps do not apply (UPDATES.md §4.1)', () => {
  it.each<Row>([
    ['2025-04-26', false, 'Sat 26/4/2025 stays a rest day'],
    ['2025-05-02', true, 'Fri 2/5/2025 stays worked'],
    ['2026-01-02', true, 'Fri 2/1/2026 stays worked'],
    ['2026-01-10', false, 'Sat 10/1/2026 stays a rest day'],
    ['2026-08-22', false, 'Sat 22/8/2026 stays a rest day'],
    ['2026-08-31', true, 'Mon 31/8/2026 stays worked'],
    ['2026-02-17', false, 'Tết (audience all) still applies'],
    ['2026-04-27', false, 'the Art 111(3) make-up (audience all) still applies'],
    ['2026-11-24', false, 'Culture Day (audience all) still applies'],
  ])('%s working=%s: %s', (date, working) => {
    expect(priv.isWorkingDay(date)).toBe(working);
  });
  it('1 working day from Wed 31/12/2025 is Fri 2/1/2026 for private employers', () => {
    expect(priv.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(priv.workingDaysBetween('2026-08-28', '2026-09-03')).toBe(2);
    expect(priv.dayInfo('2026-01-10')).toEqual([]);
  });
});

describe('2027: provisional official rows (MOHA notice not yet issued)', () => {
  it.each<Row>([
    ['2027-01-01', false, 'Fri 1/1/2027 Tết Dương lịch'],
    ['2027-02-04', true, 'Thu before Tết Đinh Mùi'],
    ['2027-02-05', false, 'Fri 5/2: last day of Bính Ngọ'],
    ['2027-02-06', false, 'Sat: mùng 1 Tết Đinh Mùi'],
    ['2027-02-08', false, 'mùng 3'],
    ['2027-02-09', false, 'mùng 4'],
    ['2027-02-10', false, 'make-up for mùng 1 on Sat (Art 111(3))'],
    ['2027-02-11', false, 'make-up for mùng 2 on Sun (Art 111(3))'],
    ['2027-02-12', true, 'Fri after the block'],
    ['2027-04-16', false, 'Fri 16/4: 10/3 Đinh Mùi'],
    ['2027-04-30', false, 'Fri 30/4/2027'],
    ['2027-05-01', false, 'Sat 1/5/2027'],
    ['2027-05-03', false, 'Mon 3/5/2027: make-up for 1/5 on Sat (Art 111(3))'],
    ['2027-05-04', true, 'Tue after the block'],
    ['2027-11-24', false, 'Wed 24/11/2027 Culture Day'],
  ])('%s working=%s: %s', (date, working) => {
    expect(civil.isWorkingDay(date)).toBe(working);
  });
  it('2027 rows are marked provisional for display', () => {
    expect(civil.dayInfo('2027-02-10')[0]).toMatchObject({ kind: 'compensatory', provisional: true });
    expect(civil.hasOfficialRows(2027)).toBe(true);
  });
  it('R-I3 (Labour Code Art 112(1)): 2/9/2027 plus its adjacent day Fri 3/9 though the rows list only 2/9', () => {
    expect(civil.isWorkingDay('2027-09-01')).toBe(true);
    expect(civil.isWorkingDay('2027-09-02')).toBe(false);
    expect(civil.isWorkingDay('2027-09-03')).toBe(false);
    expect(priv.isWorkingDay('2027-09-03')).toBe(false);
    // Tue 31/8 + 3 working days: Wed 1/9, Mon 6/9, Tue 7/9.
    expect(civil.addWorkingDays('2027-08-31', 3)).toBe('2027-09-07');
    expect(civil.dayInfo('2027-09-03')).toEqual([expect.objectContaining({ occasion: 'Quốc khánh', kind: 'holiday', provisional: true })]);
    expect(civil.fallbackDays(2027).map((r) => r.date)).toEqual(['2027-09-03']);
  });
  it('R-I3: complete official years get no fallback day; rows the notice gives win over the fallback', () => {
    expect(civil.fallbackDays(2025)).toEqual([]);
    expect(civil.fallbackDays(2026)).toEqual([]);
    // A notice naming 1/9 as the adjacent day: the fallback's 3/9 is not added.
    const withNotice = new WorkingCalendar([...official, { ...official.find((r) => r.date === '2027-09-02')!, date: '2027-09-01' }]);
    expect(withNotice.isWorkingDay('2027-09-01')).toBe(false);
    expect(withNotice.isWorkingDay('2027-09-03')).toBe(true);
    // A year with only a Tết row still gets every other statutory holiday (1/5/2028 Mon).
    const partial = new WorkingCalendar([{ ...official[0]!, date: '2028-01-26', occasion: 'Tết Nguyên đán' }]);
    expect(partial.isWorkingDay('2028-05-01')).toBe(false);
    expect(partial.isWorkingDay('2028-01-25')).toBe(false);
  });
  it('the statutory fallback agrees with the 2027 rows except the 2/9 adjacent day the CSV leaves open', () => {
    const csv2027 = weekdaysOff(official.filter((r) => r.date.startsWith('2027')));
    expect(weekdaysOff(statutoryDays(2027))).toEqual([...csv2027, '2027-09-03'].sort());
  });
});

describe('statutory fallback for years without official rows (Labour Code Art 111(3), 112(1))', () => {
  it('gives the same weekdays off as the official 2026 "all" rows (swaps are not statutory)', () => {
    const csv2026 = weekdaysOff(official.filter((r) => r.date.startsWith('2026') && r.audience === 'all'));
    expect(weekdaysOff(statutoryDays(2026))).toEqual(csv2026);
  });
  it.each<Row>([
    ['2027-12-31', true, 'Fri 31/12/2027 (covered year, ordinary weekday)'],
    ['2028-01-01', false, 'Sat 1/1/2028 Tết Dương lịch'],
    ['2028-01-03', false, 'Mon 3/1/2028 make-up for 1/1 on Sat'],
    ['2028-01-04', true, 'Tue after New Year'],
    ['2028-01-24', true, 'Mon before Tết Mậu Thân'],
    ['2028-01-25', false, 'Tue 25/1: last day of Đinh Mùi'],
    ['2028-01-26', false, 'Wed 26/1: mùng 1 Tết Mậu Thân'],
    ['2028-01-28', false, 'Fri 28/1: mùng 3'],
    ['2028-01-29', false, 'Sat 29/1: mùng 4 on the weekly rest day'],
    ['2028-01-31', false, 'Mon 31/1: make-up for mùng 4'],
    ['2028-02-01', true, 'Tue after the Tết block'],
    ['2028-04-03', true, 'Mon before Hùng Kings'],
    ['2028-04-04', false, 'Tue 4/4/2028: 10/3 Mậu Thân'],
    ['2028-04-05', true, 'Wed after Hùng Kings'],
    ['2028-04-30', false, 'Sun 30/4/2028'],
    ['2028-05-01', false, 'Mon 1/5/2028'],
    ['2028-05-02', false, 'Tue 2/5/2028: make-up for 30/4 on Sun (1/5 is itself a holiday)'],
    ['2028-05-03', true, 'Wed after the block'],
    ['2028-08-31', true, 'Thu before National Day'],
    ['2028-09-01', false, 'Fri 1/9: adjacent day (2/9 on Sat: 2023 precedent)'],
    ['2028-09-02', false, 'Sat 2/9/2028'],
    ['2028-09-04', false, 'Mon 4/9: make-up for 2/9 on Sat'],
    ['2028-09-05', true, 'Tue after National Day'],
    ['2028-11-24', false, 'Fri 24/11/2028 Culture Day'],
  ])('%s working=%s: %s', (date, working) => {
    expect(civil.isWorkingDay(date)).toBe(working);
    expect(priv.isWorkingDay(date)).toBe(working);
  });
  it('fallback rows are provisional and cite their basis', () => {
    expect(civil.hasOfficialRows(2028)).toBe(false);
    expect(civil.dayInfo('2028-01-26')[0]).toMatchObject({ occasion: 'Tết Nguyên đán', provisional: true, audience: 'all' });
    expect(civil.dayInfo('2028-05-02')[0]).toMatchObject({ kind: 'compensatory', legalBasis: 'Labour Code Art 111(3)' });
  });
  it('Culture Day on Sat 24/11/2029 is made up only if cultureDayMakeUp is set (Art 112 not amended)', () => {
    expect(civil.isWorkingDay('2029-11-26')).toBe(true);
    expect(new WorkingCalendar(official, { cultureDayMakeUp: true }).isWorkingDay('2029-11-26')).toBe(false);
  });
  it('2/9 on Sun (2029): adjacent Mon 3/9, make-up Tue 4/9', () => {
    expect(['2029-08-31', '2029-09-03', '2029-09-04', '2029-09-05'].map((d) => civil.isWorkingDay(d))).toEqual([true, false, false, true]);
  });
  it('R-I3: a year with official rows still gets the statutory days its rows leave out, per occasion', () => {
    const one: CalendarDay = {
      date: '2030-06-06',
      kind: 'swap_off',
      occasion: 'test',
      audience: 'all',
      legalBasis: 'test',
      sourceDoc: 'test',
      provisional: false,
    };
    const cal = new WorkingCalendar([one]);
    expect(cal.isWorkingDay('2030-01-01')).toBe(false); // Tue: no official 1/1 row, the statute gives it
    expect(cal.dayInfo('2030-01-01')[0]).toMatchObject({ occasion: 'Tết Dương lịch', provisional: true });
    expect(cal.isWorkingDay('2030-06-06')).toBe(false);
    expect(cal.hasOfficialRows(2030)).toBe(true);
    expect(cal.isWorkingDay('2031-01-01')).toBe(false); // 2031 not covered → fallback
  });
});

describe('plain calendar days ("ngày", R-I3) and formatting', () => {
  it('addDays and daysBetween ignore holidays and handle leap years and year ends', () => {
    expect(addDays('2026-02-13', 5)).toBe('2026-02-18');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });
  it('todayInVietnam is UTC+7: 17:00 UTC is already the next day in Hà Nội', () => {
    expect(todayInVietnam(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(todayInVietnam(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
  it('toVnDate formats dd/mm/yyyy', () => {
    expect(toVnDate('2026-02-27')).toBe('27/02/2026');
  });
  it.each(['2026-02-30', '2026-2-3', '27/02/2026', '', '2026-13-01'])('rejects %j', (bad) => {
    expect(() => addDays(bad, 1)).toThrow(RangeError);
    expect(() => civil.isWorkingDay(bad)).toThrow(RangeError);
  });
  it('rejects fractional day counts', () => {
    expect(() => civil.addWorkingDays('2026-02-13', 1.5)).toThrow(RangeError);
  });
});

describe('bundled rows', () => {
  it('official-days.ts matches holidays.csv (run scripts/gen-official-days.mjs after editing the CSV)', () => {
    const csv = readFileSync(new URL('./holidays.csv', import.meta.url), 'utf8');
    expect(loadOfficialDays()).toEqual(parseCalendarCsv(csv));
  });
  it('parseCalendarCsv reports the line of a bad row', () => {
    const head = 'date,kind,occasion,audience,legal_basis,source_doc,provisional\n';
    expect(() => parseCalendarCsv(`${head}2026-01-01,feast,x,all,x,x,false\n`)).toThrow(/line 2: bad kind/);
    expect(parseCalendarCsv(`${head}2026-01-01,holiday,"a, b",all,x,x,true\n`)[0].occasion).toBe('a, b');
  });
});
