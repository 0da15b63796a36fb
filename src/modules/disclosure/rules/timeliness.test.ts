import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { timeliness, validateDecisionDate } from './timeliness.js';

const cal = new WorkingCalendar(loadOfficialDays());
const rs = ruleSetOn('2026-01-01');
const judge = (decisionDate: string, disclosureDate: string, scope: 'commune' | 'agency' = 'commune') =>
  timeliness({ decisionDate, disclosureDate, scope }, rs, cal);

describe('timeliness (R-C1, Art 12(3): no later than 05 working days after the decision)', () => {
  it.each([
    ['2026-02-26', 'on_time', 0, 'Thu 26/2, the day before the deadline'],
    ['2026-02-27', 'on_time', 0, 'Fri 27/2, the deadline (5 WD across Tết 16–20/2)'],
    ['2026-02-28', 'late', 0, 'Sat 28/2, the day after: late, but by 0 working days'],
    ['2026-03-02', 'late', 1, 'Mon 2/3: late by 1 working day'],
    ['2026-03-06', 'late', 5, 'Fri 6/3: late by 5 working days'],
    ['2026-02-13', 'on_time', 0, 'the decision day itself'],
    ['2026-02-12', 'on_time', 0, 'dated before the decision: not late (the form refuses it)'],
  ] as const)('R-C1 (Art 12(3)): decision Fri 13/2/2026, disclosed %s is %s (%s WD late): %s', (disclosed, status, late, _why) => {
    expect(judge('2026-02-13', disclosed)).toEqual({ status, deadline: '2026-02-27', workingDaysLate: late });
  });

  it.each([
    ['2026-01-05', '2026-01-10', 'Mon 5/1/2026: Sat 10/1 is a civil-service make-up working day (12729/VPCP-KGVX)'],
    ['2026-03-07', '2026-03-13', 'Sat 7/3/2026: counting starts Mon 9/3'],
    ['2026-04-29', '2026-05-08', 'Wed 29/4/2026: 30/4 and 1/5 are holidays'],
    ['2026-08-27', '2026-09-08', 'Thu 27/8/2026: Fri 28/8, then 31/8 swap day off and 1–2/9 National Day, then 3, 4, 7, 8/9'],
    ['2026-11-20', '2026-11-30', 'Fri 20/11/2026: Tue 24/11 Culture Day (Resolution 28/2026/QH16)'],
    ['2025-12-31', '2026-01-09', 'Wed 31/12/2025: 1/1 holiday, 2/1 swap day off'],
  ])('R-C1 (Art 12(3)): decision %s, deadline %s (%s)', (decision, deadline) => {
    expect(judge(decision, deadline).deadline).toBe(deadline);
    expect(judge(decision, deadline).status).toBe('on_time');
  });

  it('R-C1: disclosed on the swap Saturday 10/1/2026 after a Mon 5/1 decision is on time; Mon 12/1 is 1 WD late', () => {
    expect(judge('2026-01-05', '2026-01-10').status).toBe('on_time');
    expect(judge('2026-01-05', '2026-01-12')).toEqual({ status: 'late', deadline: '2026-01-10', workingDaysLate: 1 });
  });

  it.each([
    ['2026-05-07', 'on_time', 0],
    ['2026-05-08', 'on_time', 0],
    ['2026-05-11', 'late', 1],
  ] as const)('R-C5 (Art 47(2)): agency decision Wed 29/4/2026, disclosed %s is %s', (disclosed, status, late) => {
    expect(judge('2026-04-29', disclosed, 'agency')).toEqual({ status, deadline: '2026-05-08', workingDaysLate: late });
  });

  it('malformed dates throw RangeError', () => {
    expect(() => judge('2026-02-30', '2026-03-02')).toThrow(RangeError);
    expect(() => judge('2026-02-13', '27/02/2026')).toThrow(RangeError);
  });
});

describe('validateDecisionDate (R-C1: the system stores the decision date; a future one is refused)', () => {
  it.each([
    ['2026-03-01', null, 'yesterday'],
    ['2026-03-02', null, 'today'],
    ['2026-03-03', 'future', 'tomorrow'],
  ] as const)('decision %s with today 2/3/2026 -> %s (%s)', (decision, result, _why) => {
    expect(validateDecisionDate(decision, '2026-03-02')).toBe(result);
  });
});
