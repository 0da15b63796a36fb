// R-H8 (Law 10/2022 Arts 34(1), 35(2)(a)): the satisfaction index of a desk, an officer, a commune.
import { describe, expect, it } from 'vitest';
import { addTally, DOSSIER_CODE, emptyTally, indexOf, normaliseDossierCode, SCORE, type Tally } from './ratings.js';

const tally = (answers: number[]): Tally => {
  const t = emptyTally();
  for (const a of answers) {
    t.n++;
    t.sum += a;
    if (a === SCORE.satisfied) t.satisfied++;
    t.criteria.time.n++;
    t.criteria.time.sum += a;
  }
  return t;
};

describe('indexOf: R-H8 satisfaction index = satisfied ÷ all ratings; mean score on 1–3', () => {
  it('R-H8: 3 satisfied, 1 normal, 1 not satisfied -> 60 %, mean 2.4', () => {
    const i = indexOf(tally([3, 3, 3, 2, 1]));
    expect(i.n).toBe(5);
    expect(i.share).toBeCloseTo(0.6);
    expect(i.mean).toBeCloseTo(2.4);
    expect(i.criteria.time).toBeCloseTo(2.4);
    expect(i.criteria.costs).toBeNull();
  });
  it('R-H8: no ratings -> no index (not 0 %)', () => {
    expect(indexOf(emptyTally())).toMatchObject({ n: 0, share: null, mean: null });
  });
  it('R-H8: the commune index weighs every rating once, not every desk once', () => {
    const i = indexOf(addTally(tally([3]), tally([1, 1, 1])));
    expect(i.share).toBeCloseTo(0.25);
    expect(i.mean).toBeCloseTo(1.5);
  });
});

describe('dossier codes as typed', () => {
  it.each([
    [' 000.00.20.h12-250101-0001 ', '000.00.20.H12-250101-0001', true],
    ['hs 2026 001', 'HS2026001', true],
    ['a', 'A', false],
    ['<script>', '<SCRIPT>', false],
  ])('%j -> %s (valid %s)', (typed, code, ok) => {
    expect(normaliseDossierCode(typed)).toBe(code);
    expect(DOSSIER_CODE.test(code)).toBe(ok);
  });
});
