import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { DEFAULTS, quarterOf, yearlyPlan } from './plan.js';

const cal = new WorkingCalendar(loadOfficialDays());
const rs = ruleSetOn('2026-01-01');

describe('quarterOf', () => {
  it.each([
    ['2026-01-01', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-03-31', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-04-01', 2026, 2, '2026-04-01', '2026-06-30'],
    ['2026-09-30', 2026, 3, '2026-07-01', '2026-09-30'],
    ['2026-12-31', 2026, 4, '2026-10-01', '2026-12-31'],
    ['2024-02-29', 2024, 1, '2024-01-01', '2024-03-31'],
  ])('%s is in %i Q%i (%s – %s)', (date, year, quarter, start, end) => {
    expect(quarterOf(date)).toEqual({ year, quarter, start, end });
  });

  it('a malformed date throws RangeError', () => {
    expect(() => quarterOf('2026-13-01')).toThrow(RangeError);
  });
});

describe('yearlyPlan (Art 14(1) plan; Art 11 categories; Art 13(2) register, R-C3)', () => {
  const plan = yearlyPlan(2026, rs, cal);
  const due = Object.fromEntries(plan.map((i) => [i.key, i.dueDate]));

  it.each([
    ['budget-estimate-submitted', '2025-12-22', 'Art 11(2), 12(3): draft submitted Mon 15/12/2025 [U] + 5 WD'],
    ['socio-economic-plan', '2026-01-09', 'Art 11(1), 12(3): approved by 31/12/2025 [U] + 5 WD (1/1 holiday, 2/1 swap off)'],
    ['budget-estimate-approved', '2026-01-09', 'Art 11(2), 12(3): approved by 31/12/2025 [U] + 5 WD'],
    ['democracy-regulation', '2026-01-05', 'Art 13(2): permanent, checked on the 1st working day of 2026'],
    ['administrative-procedures', '2026-01-05', 'Art 13(2): permanent, checked on the 1st working day of 2026'],
    ['fees-and-charges', '2026-01-09', 'Art 11(12): 5th working day of 2026 [U]'],
    ['budget-execution-q1', '2026-04-15', 'Art 11(2): 15 days after 31/3 [U]'],
    ['budget-execution-q2', '2026-07-15', 'Art 11(2): 15 days after 30/6 [U]'],
    ['budget-execution-h1', '2026-07-15', 'Art 11(2): 6-monthly, 15 days after 30/6 [U]'],
    ['budget-execution-q3', '2026-10-15', 'Art 11(2): 15 days after 30/9 [U]'],
    ['budget-execution-q4', '2027-01-15', 'Art 11(2): 15 days after 31/12, falls in 2027'],
    ['budget-execution-year', '2027-01-15', 'Art 11(2): annual execution'],
    ['budget-settlement', '2027-08-06', 'Art 11(2): final accounts approved by Sat 31/7/2027 [U] + 5 WD'],
    ['disclosure-register-q1', '2026-04-07', 'R-C3: 5 WD after Tue 31/3 [U]'],
    ['disclosure-register-q2', '2026-07-07', 'R-C3: 5 WD after Tue 30/6'],
    ['disclosure-register-q3', '2026-10-07', 'R-C3: 5 WD after Wed 30/9'],
    ['disclosure-register-q4', '2027-01-08', 'R-C3: 5 WD after Thu 31/12 (1/1/2027 holiday)'],
  ])('2026: %s due %s (%s)', (key, date) => {
    expect(due[key]).toBe(date);
  });

  it('has exactly these 17 items, sorted by due date, keys unique', () => {
    expect(plan).toHaveLength(17);
    expect(new Set(plan.map((i) => i.key)).size).toBe(17);
    const dates = plan.map((i) => i.dueDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('categories and periods: budget items are category 2; the register has no Art 11 category', () => {
    const byKey = Object.fromEntries(plan.map((i) => [i.key, i]));
    expect(byKey['socio-economic-plan']).toMatchObject({ category: 1, period: 'year' });
    expect(byKey['budget-execution-q3']).toMatchObject({ category: 2, period: 'q3', vi: 'Tình hình thực hiện dự toán ngân sách xã quý III năm 2026' });
    expect(byKey['budget-execution-h1']).toMatchObject({ category: 2, period: 'h1' });
    expect(byKey['democracy-regulation']).toMatchObject({ category: 4, posting: { permanent: true, minDays: null, loudspeakerMinDays: null } });
    expect(byKey['administrative-procedures']).toMatchObject({ category: 13, posting: { permanent: true } });
    expect(byKey['fees-and-charges']).toMatchObject({ category: 12, posting: { permanent: false, minDays: 30, loudspeakerMinDays: 3 } });
    expect(byKey['disclosure-register-q4']).toMatchObject({ category: null, period: 'q4', posting: null });
  });

  it('Civil Code Art 148(5): 2027 Q4 execution, 15/1/2028 a Saturday, moves to Mon 17/1/2028', () => {
    expect(yearlyPlan(2027, rs, cal).find((i) => i.key === 'budget-execution-q4')?.dueDate).toBe('2028-01-17');
  });

  it('DEFAULTS is the one place the [U] assumptions live', () => {
    expect(DEFAULTS.executionDaysAfterPeriod).toBe(15);
    expect(DEFAULTS.annualApproval).toEqual({ month: 12, day: 31 });
  });

  it('a non-year throws RangeError', () => {
    expect(() => yearlyPlan(2026.5, rs, cal)).toThrow(RangeError);
  });
});
