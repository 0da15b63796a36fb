// Periods in months (R-B4 terms, R-A15 consents) and in plain days with the Civil Code Art 148(5)
// roll-over (R-I3), on the official civil-service calendar (holidays.csv).
import { describe, expect, it } from 'vitest';
import { loadOfficialDays, WorkingCalendar } from './calendar.js';
import { addMonths, daysDeadline } from './periods.js';

const cal = new WorkingCalendar(loadOfficialDays());

describe('addMonths: months clamped to the last day of the month (R-B4 terms, R-A15 consents)', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 3, '2026-04-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-08-31', 60, '2031-08-31'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('R-B4/R-A15: addMonths(%s, %i) = %s', (date, months, out) => {
    expect(addMonths(date, months)).toBe(out);
  });
});

describe('daysDeadline: a period in days ends on the next working day when its last day is off (Civil Code Art 148(5); R-I3)', () => {
  it.each([
    ['2026-01-15', 30, '2026-02-23', 'ends Sat 14/02 in the Tết break → Mon 23/02'],
    ['2026-02-06', 10, '2026-02-23', 'ends Mon 16/02 (29 Chạp) → 23/02'],
    ['2026-02-10', 10, '2026-02-23', 'ends Fri 20/02 (mùng 4) → 23/02'],
    ['2026-02-12', 10, '2026-02-23', 'ends Sun 22/02 → 23/02'],
    ['2026-02-13', 10, '2026-02-23', 'ends Mon 23/02, a working day'],
    ['2026-11-14', 10, '2026-11-25', 'ends Tue 24/11, Culture Day → Wed 25/11'],
    ['2026-10-25', 30, '2026-11-25', 'ends on Culture Day → 25/11'],
    ['2026-03-02', 30, '2026-04-01', 'ends Wed 01/04, a working day'],
    ['2026-03-27', 30, '2026-04-28', 'ends Sun 26/04 (Hùng Kings), Mon 27/04 made up → Tue 28/04'],
    ['2025-12-11', 30, '2026-01-10', 'ends Sat 10/01/2026, a swapped working Saturday: stays'],
    ['2025-12-03', 30, '2026-01-05', 'ends Fri 02/01/2026 (swap day off) → Mon 05/01'],
  ])('%s + %i days → %s (%s)', (from, days, due) => expect(daysDeadline(from, days, cal)).toBe(due));
});
