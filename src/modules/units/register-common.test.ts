// Art 18(2): the household representative is a member with full civil capacity (18 or over); the
// register holds only the year of birth, so a person is accepted only when certainly 18 today.
import { describe, expect, it } from 'vitest';
import { adultCheck } from './register-common.js';

describe('Art 18(2) adultCheck from the year of birth', () => {
  it.each([
    [1980, '2026-11-25', 'adult'],
    [2007, '2026-11-25', 'adult'], // 19 calendar years: 18 whatever the birthday
    [2008, '2026-11-25', 'maybe_minor'], // turns 18 in 2026, perhaps after today
    [2008, '2026-12-31', 'adult'], // on 31 December everyone born in 2008 is 18
    [2012, '2026-11-25', 'minor'],
    [null, '2026-11-25', 'unknown'],
  ] as const)('born %s, on %s: %s', (year, today, expected) => {
    expect(adultCheck(year, today)).toBe(expected);
  });
});
