// A residents' initiative (R-A15, Law 10/2022 Art 16(3)): forwarded with consents of ≥ 10 % of all households
// of the village, or with the Front work committee's approval; each consent counts for 03 months.
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { consentValid, initiativeStatus } from './initiative.js';

const rs = ruleSetOn('2026-04-01');
const TODAY = '2026-04-01';
const consents = (n: number, givenOn = '2026-03-01') => Array.from({ length: n }, () => givenOn);

describe('initiativeStatus: R-A15 ≥ 10 % of all households (Art 16(3))', () => {
  it.each([
    [100, 10, 10, true],
    [100, 9, 10, false],
    [101, 10, 11, false],
    [101, 11, 11, true],
    [110, 11, 11, true],
    [111, 11, 12, false],
    [9, 1, 1, true],
    [10, 1, 1, true],
    [11, 1, 2, false],
    [11, 2, 2, true],
    [1, 1, 1, true],
    [1, 0, 1, false],
    [199, 19, 20, false],
    [200, 20, 20, true],
  ] as const)('R-A15 Art 16(3): %i households, %i valid consents (needed %i) -> reached %s', (total, n, needed, reached) => {
    expect(initiativeStatus(consents(n), total, false, TODAY, rs)).toEqual({
      valid: n,
      householdsTotal: total,
      needed,
      reached,
      frontApproved: false,
      mayForward: reached,
    });
  });

  it('R-A15 Art 16(3): a village with no households on the register never reaches the share', () => {
    expect(initiativeStatus([], 0, false, TODAY, rs)).toMatchObject({ reached: false, mayForward: false });
  });

  it.each([
    [0, 100],
    [9, 100],
    [1, 101],
  ])('R-A15 Art 16(3): %i consents of %i households, approved by the Front work committee -> may go forward below 10 %', (n, total) => {
    const s = initiativeStatus(consents(n), total, true, TODAY, rs);
    expect(s).toMatchObject({ reached: false, frontApproved: true, mayForward: true });
  });

  it('R-A15 Art 16(3): Front approval and 10 % together also go forward', () => {
    expect(initiativeStatus(consents(10), 100, true, TODAY, rs)).toMatchObject({ reached: true, mayForward: true });
  });

  it('R-A15 Art 16(3): expired consents no longer count (10 given, 1 of them on 15/01/2026, judged on 16/04/2026)', () => {
    const list = [...consents(9, '2026-03-01'), '2026-01-15'];
    expect(initiativeStatus(list, 100, false, '2026-04-15', rs)).toMatchObject({ valid: 10, reached: true });
    expect(initiativeStatus(list, 100, false, '2026-04-16', rs)).toMatchObject({ valid: 9, needed: 10, reached: false, mayForward: false });
  });
});

// Civil Code 2015 Arts 147(1), 148(1)(c): a period of months starts the day after the consent and ends
// at the end of the same-numbered day of the last month (its last day when there is none).
describe('consentValid: R-A15 each consent valid 03 months (Art 16(3); Civil Code Arts 147–148)', () => {
  it.each([
    ['2026-01-15', '2026-01-15', true, 'the day it was given'],
    ['2026-01-15', '2026-04-15', true, 'the last valid day'],
    ['2026-01-15', '2026-04-16', false, 'the day after: expired'],
    ['2025-11-30', '2026-02-28', true, 'no 30/02: the period ends on 28/02/2026'],
    ['2025-11-30', '2026-03-01', false, 'expired on 01/03/2026'],
    ['2027-11-30', '2028-02-29', true, 'leap year: last valid day 29/02/2028'],
    ['2027-11-30', '2028-03-01', false, 'leap year: expired on 01/03/2028'],
    ['2025-11-28', '2026-02-28', true, '28/11 -> last valid day 28/02'],
    ['2025-11-28', '2026-03-01', false, '28/11 -> expired 01/03'],
    ['2026-01-31', '2026-04-30', true, 'no 31/04: last valid day 30/04'],
    ['2026-01-31', '2026-05-01', false, '31/01 -> expired 01/05'],
    ['2025-12-15', '2026-03-15', true, 'across the new year'],
    ['2025-12-15', '2026-03-16', false, 'across the new year: expired'],
  ])('R-A15 Art 16(3): given %s, judged %s -> valid %s (%s)', (givenOn, today, valid) => {
    expect(consentValid(givenOn, today, rs)).toBe(valid);
  });
});
