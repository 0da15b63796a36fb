// The periods of the board's reports to the Front (Decree 59/2023 Art 14(3); R-F4).
import { describe, expect, it } from 'vitest';
import { periodName, periodRange } from './report.js';

describe('report periods (R-F4, Decree 59/2023 Art 14(3): quarterly, 6-monthly, yearly, per term)', () => {
  it.each([
    ['quarter', 1, '2026-01-01', '2026-03-31', 'quý I năm 2026'],
    ['quarter', 4, '2026-10-01', '2026-12-31', 'quý IV năm 2026'],
    ['half_year', 1, '2026-01-01', '2026-06-30', '6 tháng đầu năm 2026'],
    ['half_year', 2, '2026-07-01', '2026-12-31', '6 tháng cuối năm 2026'],
    ['year', 1, '2026-01-01', '2026-12-31', 'năm 2026'],
  ] as const)('R-F4 Decree 59 Art 14(3): %s %i of 2026 runs %s to %s (%s)', (period, n, from, to, name) => {
    expect(periodRange(period, 2026, n)).toEqual({ from, to });
    expect(periodName(period, 2026, n)).toBe(name);
  });
});
