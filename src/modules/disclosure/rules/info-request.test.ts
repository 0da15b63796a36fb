import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { checkExtension, requestDueDate, requestStatus } from './info-request.js';

const cal = new WorkingCalendar(loadOfficialDays());
const rs = ruleSetOn('2026-11-20');

describe('requestDueDate (R-C4; Law 104/2016 Arts 29(2), 30(3), 31(1))', () => {
  it.each([
    ['electronic', '2026-11-26', 'Art 30(3) 3 WD: Mon 23, (Tue 24 Culture Day off), Wed 25, Thu 26'],
    ['post', '2026-11-30', 'Art 31(1) 5 WD: 23, 25, 26, 27, Mon 30'],
    ['onsite', '2026-12-07', 'Art 29(2) 10 WD: 23, 25, 26, 27, 30/11, 1–4/12, Mon 7/12'],
  ] as const)('received Fri 20/11/2026 by %s: due %s (%s)', (channel, due, _why) => {
    expect(requestDueDate('2026-11-20', channel, rs, cal)).toBe(due);
  });

  it('R-C4 (Art 30(3)): received Sat 21/11/2026 electronically: also due Thu 26/11 (the weekend adds nothing)', () => {
    expect(requestDueDate('2026-11-21', 'electronic', rs, cal)).toBe('2026-11-26');
  });

  it('R-C4 (Art 30(3)): received Thu 12/2/2026, before Tết 16–20/2: due Tue 24/2', () => {
    expect(requestDueDate('2026-02-12', 'electronic', rs, cal)).toBe('2026-02-24');
  });
});

describe('checkExtension (R-C4, Arts 30(3), 31(1): at most 15 calendar days, R-I3)', () => {
  // received Fri 20/11/2026, due Thu 26/11; 15 days later = Fri 11/12/2026
  it.each([
    ['2026-12-10', { ok: true }, '14 days'],
    ['2026-12-11', { ok: true }, '15 days: the maximum'],
    ['2026-12-12', { ok: false, reason: 'too_long', maxDue: '2026-12-11' }, '16 days'],
    ['2026-11-26', { ok: false, reason: 'not_later' }, 'the same day: no extension'],
    ['2026-11-25', { ok: false, reason: 'not_later' }, 'earlier than the due date'],
  ])('due Thu 26/11/2026, extended to %s -> %j (%s)', (newDue, result, _why) => {
    expect(checkExtension('2026-11-20', '2026-11-26', newDue, rs)).toEqual(result);
  });

  it('Civil Code Art 148(5): with a calendar, a 15th day on Sat 12/12/2026 runs to Mon 14/12', () => {
    // received Mon 23/11, electronic: due Fri 27/11; + 15 days = Sat 12/12
    expect(requestDueDate('2026-11-23', 'electronic', rs, cal)).toBe('2026-11-27');
    expect(checkExtension('2026-11-23', '2026-11-27', '2026-12-14', rs)).toEqual({ ok: false, reason: 'too_long', maxDue: '2026-12-12' });
    expect(checkExtension('2026-11-23', '2026-11-27', '2026-12-14', rs, cal)).toEqual({ ok: true });
    expect(checkExtension('2026-11-23', '2026-11-27', '2026-12-15', rs, cal)).toEqual({ ok: false, reason: 'too_long', maxDue: '2026-12-14' });
  });

  it('a due date before receipt is a bug: RangeError', () => {
    expect(() => checkExtension('2026-11-20', '2026-11-19', '2026-11-30', rs)).toThrow(RangeError);
  });
});

describe('requestStatus (R-C4)', () => {
  const due = '2026-11-26';
  it.each([
    [{ dueDate: due }, '2026-11-25', 'open', 'the day before the due date'],
    [{ dueDate: due }, '2026-11-26', 'open', 'on the due date (the whole day is allowed)'],
    [{ dueDate: due }, '2026-11-27', 'overdue', 'the day after'],
    [{ dueDate: due, answeredAt: '2026-11-26' }, '2026-12-01', 'answered', 'answered on the due date'],
    [{ dueDate: due, answeredAt: '2026-11-27' }, '2026-12-01', 'answered_late', 'answered the day after'],
    [{ dueDate: due, extendedUntil: '2026-12-11' }, '2026-12-01', 'open', 'extended, within the extension'],
    [{ dueDate: due, extendedUntil: '2026-12-11' }, '2026-12-12', 'overdue', 'the day after the extension'],
    [{ dueDate: due, extendedUntil: '2026-12-11', answeredAt: '2026-12-11' }, '2026-12-20', 'answered', 'answered on the extended date'],
    [{ dueDate: due, extendedUntil: null, answeredAt: null, refusedAt: '2026-11-24' }, '2026-12-20', 'refused', 'refused in writing (Art 28(2))'],
    [{ dueDate: due, answeredAt: '2026-11-25', refusedAt: '2026-11-25' }, '2026-12-20', 'answered', 'partly answered, partly refused'],
  ] as const)('%j on %s -> %s (%s)', (state, today, status, _why) => {
    expect(requestStatus(state, today)).toBe(status);
  });
});
