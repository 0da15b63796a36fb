// R-H6 (Citizen Reception Law Arts 15(2)(d), 18(2)): the commune chairman's reception days, at least
// one a week; agency heads', at least one a month; and the slots a citizen may book.
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { addMonths, type CalendarDay, checkReceptionCalendar, slotStarted, slotsOf, weekStart } from './reception.js';

const rules = ruleSetOn('2026-12-01').feedback;
const chair = (day: string): CalendarDay => ({ day, hostRole: 'commune_chairman', agencyId: null });
const head = (day: string, agencyId = 7): CalendarDay => ({ day, hostRole: 'agency_head', agencyId });
const cal = new WorkingCalendar(loadOfficialDays());
const isWorkingDay = (d: string) => cal.isWorkingDay(d);

describe('weekStart and addMonths', () => {
  it.each([
    ['2026-12-07', '2026-12-07'], // Monday
    ['2026-12-09', '2026-12-07'], // Wednesday
    ['2026-12-13', '2026-12-07'], // Sunday belongs to the week that began on Monday
    ['2027-01-01', '2026-12-28'], // across the year
  ])('the week of %s begins on %s', (d, monday) => expect(weekStart(d)).toBe(monday));

  it('months roll over the year', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', 14)).toBe('2027-05');
  });
});

describe('checkReceptionCalendar: R-H6 chairman ≥ 1 day a week (Reception Law Art 15(2)(d))', () => {
  const today = '2026-12-09'; // Wednesday
  it('R-H6: a Tuesday every week for four weeks passes, the day already past this week counts', () => {
    const days = ['2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'].map(chair);
    const r = checkReceptionCalendar({ today, isWorkingDay, days, agencies: [], weeks: 4, months: 0 }, rules);
    expect(r.weeks.map((w) => [w.start, w.end, w.days, w.ok])).toEqual([
      ['2026-12-07', '2026-12-13', 1, true],
      ['2026-12-14', '2026-12-20', 1, true],
      ['2026-12-21', '2026-12-27', 1, true],
      ['2026-12-28', '2027-01-03', 1, true],
    ]);
    expect(r.ok).toBe(true);
  });

  it('R-H6: a week without the chairman is flagged, even when the next week has two days', () => {
    const days = ['2026-12-08', '2026-12-22', '2026-12-24'].map(chair);
    const r = checkReceptionCalendar({ today, isWorkingDay, days, agencies: [], weeks: 3, months: 0 }, rules);
    expect(r.weeks.filter((w) => !w.ok).map((w) => w.start)).toEqual(['2026-12-14']);
    expect(r.weeks[2]!.days).toBe(2);
    expect(r.ok).toBe(false);
  });

  it("R-H6: two rows on the same day count once; an agency head's day does not count for the chairman", () => {
    const days = [chair('2026-12-10'), chair('2026-12-10'), head('2026-12-17')];
    const r = checkReceptionCalendar({ today, isWorkingDay, days, agencies: [7], weeks: 2, months: 0 }, rules);
    expect(r.weeks.map((w) => w.days)).toEqual([1, 0]);
  });

  it('R-H6: an empty calendar flags every week', () => {
    const r = checkReceptionCalendar({ today, isWorkingDay, days: [], agencies: [], weeks: 8, months: 0 }, rules);
    expect(r.weeks).toHaveLength(8);
    expect(r.weeks.every((w) => !w.ok)).toBe(true);
  });
});

describe('checkReceptionCalendar: R-H6 days off are no reception days (Reception Law Arts 15(2), 18(2))', () => {
  it('R-H6 (Art 15(2)): a chairman day on a Saturday or on the New Year holiday does not fill the week', () => {
    const days = ['2026-12-12', '2027-01-01'].map(chair); // Sat 12/12/2026; Fri 01/01/2027, Tết Dương lịch
    const r = checkReceptionCalendar({ today: '2026-12-09', isWorkingDay, days, agencies: [], weeks: 4, months: 0 }, rules);
    expect(r.weeks.map((w) => [w.start, w.days, w.ok])).toEqual([
      ['2026-12-07', 0, false],
      ['2026-12-14', 0, false],
      ['2026-12-21', 0, false],
      ['2026-12-28', 0, false],
    ]);
  });

  it('R-H6 (Art 15(2)): the Tết week of 16–20/02/2026 has no working day, so it asks for no chairman day', () => {
    const r = checkReceptionCalendar({ today: '2026-02-09', isWorkingDay, days: [chair('2026-02-10')], agencies: [], weeks: 2, months: 0 }, rules);
    expect(r.weeks.map((w) => [w.start, w.workdays, w.ok])).toEqual([
      ['2026-02-09', 5, true],
      ['2026-02-16', 0, true],
    ]);
  });

  it("R-H6 (Art 18(2)): an agency head's only day of February 2026 on Tết (17/02) leaves the month short", () => {
    const r = checkReceptionCalendar({ today: '2026-02-02', isWorkingDay, days: [head('2026-02-17')], agencies: [7], weeks: 0, months: 1 }, rules);
    expect(r.months).toEqual([{ month: '2026-02', agencyId: 7, days: 0, ok: false }]);
  });
});

describe('checkReceptionCalendar: R-H6 agency heads ≥ 1 day a month (Reception Law Art 18(2))', () => {
  const today = '2026-11-20';
  it('R-H6: each agency is checked apart, month by month, from the current month', () => {
    const days = [head('2026-11-03', 7), head('2026-12-01', 7), head('2027-01-05', 7), head('2026-11-10', 9)];
    const r = checkReceptionCalendar({ today, isWorkingDay, days, agencies: [7, 9], weeks: 0, months: 3 }, rules);
    expect(r.months.map((m) => [m.month, m.agencyId, m.ok])).toEqual([
      ['2026-11', 7, true],
      ['2026-11', 9, true],
      ['2026-12', 7, true],
      ['2026-12', 9, false],
      ['2027-01', 7, true],
      ['2027-01', 9, false],
    ]);
  });

  it("R-H6: with no agency on the calendar, the commune's months need any agency head's day", () => {
    const r = checkReceptionCalendar({ today, isWorkingDay, days: [head('2026-12-02', 3)], agencies: [], weeks: 0, months: 2 }, rules);
    expect(r.months).toEqual([
      { month: '2026-11', agencyId: null, days: 0, ok: false },
      { month: '2026-12', agencyId: null, days: 1, ok: true },
    ]);
  });

  it("R-H6: the chairman's days do not count as an agency head's", () => {
    const r = checkReceptionCalendar({ today, isWorkingDay, days: [chair('2026-11-24')], agencies: [7], weeks: 0, months: 1 }, rules);
    expect(r.months[0]!.ok).toBe(false);
  });
});

describe('slots of a reception day', () => {
  it('every 15 minutes from 07:30, each ending by 11:00', () => {
    const s = slotsOf('07:30', '11:00', 15);
    expect(s[0]).toBe('07:30');
    expect(s.at(-1)).toBe('10:45');
    expect(s).toHaveLength(14);
  });
  it('a slot that would run past the end is left out', () => expect(slotsOf('13:30', '14:40', 20)).toEqual(['13:30', '13:50', '14:10']));
  it.each([
    ['11:00', '07:30', 15],
    ['7:30', '11:00', 15],
    ['07:30', '11:00', 0],
    ['07:30', '24:00', 15],
  ])('no slots for start %s, end %s, %s minutes', (a, b, m) => expect(slotsOf(a, b, m)).toEqual([]));

  it('a slot has started at its time in Vietnam (UTC+7)', () => {
    const now = new Date('2026-12-08T01:00:00Z'); // 08:00 in Vietnam
    expect(slotStarted('2026-12-08', '07:45', now)).toBe(true);
    expect(slotStarted('2026-12-08', '08:00', now)).toBe(true);
    expect(slotStarted('2026-12-08', '08:15', now)).toBe(false);
    expect(slotStarted('2026-12-09', '07:30', now)).toBe(false);
  });
});
