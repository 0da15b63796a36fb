import { describe, expect, it } from 'vitest';
import { checkPeriod, daysLeft, lastDay, phaseOn } from './period.js';

describe('R-D1 (Law 10/2022 Art 28(2)): at least 20 days from publication', () => {
  it.each([
    // Counted from the day after publication (Civil Code 2015 Art 147(1)): day 20 is the last day.
    ['2026-12-01', 20, '2026-12-21'],
    ['2026-12-20', 20, '2027-01-09'], // across the year end
    ['2027-02-10', 20, '2027-03-02'], // across February (28 days in 2027)
    ['2028-02-10', 20, '2028-03-01'], // a leap year
    ['2026-12-01', 30, '2026-12-31'],
  ])('published %s with %i days: comments received through %s', (published, days, last) => {
    expect(lastDay(published, days)).toBe(last);
  });

  it('comments are received from the publication day through the last day, not the day after', () => {
    const c = { status: 'open', opens_on: '2026-12-01', closes_on: lastDay('2026-12-01', 20) };
    expect(phaseOn(c, '2026-11-30')).toBe('not_yet');
    expect(phaseOn(c, '2026-12-01')).toBe('open');
    expect(phaseOn(c, '2026-12-21')).toBe('open');
    expect(phaseOn(c, '2026-12-22')).toBe('ended');
    expect(phaseOn({ ...c, status: 'closed' }, '2026-12-10')).toBe('ended');
    expect(phaseOn({ status: 'draft', opens_on: null, closes_on: null }, '2026-12-10')).toBe('draft');
  });

  it('days left count today and the last day', () => {
    expect(daysLeft('2026-12-21', '2026-12-21')).toBe(1);
    expect(daysLeft('2026-12-21', '2026-12-01')).toBe(21);
    expect(daysLeft('2026-12-21', '2026-12-22')).toBe(0);
  });

  it('a commune period under 20 days needs a cited law; 20 or more does not; agencies have no minimum', () => {
    expect(checkPeriod('commune', 19, '')).toEqual({ ok: false, reason: 'too_short_without_law' });
    expect(checkPeriod('commune', 19, '   ')).toEqual({ ok: false, reason: 'too_short_without_law' });
    expect(checkPeriod('commune', 10, 'Khoản 3 Điều 10 Nghị định số 00/2026/NĐ-CP')).toEqual({ ok: true });
    expect(checkPeriod('commune', 20, '')).toEqual({ ok: true });
    expect(checkPeriod('agency', 7, '')).toEqual({ ok: true });
    expect(checkPeriod('commune', 0, 'x')).toEqual({ ok: false, reason: 'not_positive' });
    expect(checkPeriod('commune', Number.NaN, '')).toEqual({ ok: false, reason: 'not_positive' });
  });
});
