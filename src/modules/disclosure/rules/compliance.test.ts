// Plan items against what was disclosed (Law 10/2022 Art 14(1)).
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { planItemStatus } from './compliance.js';

// No official rows: the statutory fallback calendar (weekends off, fixed holidays).
const cal = new WorkingCalendar([]);
const today = '2026-11-25';

describe('plan item status (Art 14(1))', () => {
  it.each([
    ['posted on the due day', '2026-04-15', { postingStart: '2026-04-15', status: 'published' as const }, 'on_time', 0],
    ['posted before the due day', '2026-04-15', { postingStart: '2026-04-10', status: 'ended' as const }, 'on_time', 0],
    ['posted the next working day', '2026-04-15', { postingStart: '2026-04-16', status: 'published' as const }, 'late', 1],
    ['posted a week later (Fri -> Fri)', '2026-04-10', { postingStart: '2026-04-17', status: 'published' as const }, 'late', 5],
    ['linked but withdrawn, due date past', '2026-04-15', { postingStart: '2026-04-16', status: 'withdrawn' as const }, 'missing', 0],
    ['not linked, due date past', '2026-01-07', null, 'missing', 0],
    ['not linked, due today', today, null, 'due', 0],
    ['not linked, due later', '2027-01-08', null, 'due', 0],
  ])('%s', (_name, due, linked, status, late) => {
    expect(planItemStatus(due, linked, today, cal)).toEqual({ status, workingDaysLate: late });
  });
});
