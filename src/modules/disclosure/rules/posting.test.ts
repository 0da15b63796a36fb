import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { checkLoudspeakerDays, checkPostingEnd, minimumPostingEnd, postingRules } from './posting.js';

const rs = ruleSetOn('2026-03-02');
const START = '2026-03-02'; // Mon; 30 days after it (Civil Code Art 147: the posting day is not counted) = Wed 1/4/2026

describe('postingRules (R-C2, Art 13(2)–(3); R-C5, Art 48)', () => {
  it.each([
    [1, false, 30, null],
    [2, false, 30, null],
    [3, false, 30, null],
    [4, true, null, null],
    [5, false, 30, null],
    [6, false, 30, null],
    [7, false, 30, 3],
    [8, false, 30, 3],
    [9, false, 30, 3],
    [10, false, 30, 3],
    [11, false, 30, 3],
    [12, false, 30, 3],
    [13, true, null, null],
    [14, false, null, null],
  ])('commune category %i: permanent %s, minDays %s, loudspeaker %s', (cat, permanent, minDays, loudspeakerMinDays) => {
    expect(postingRules(cat, rs, 'commune')).toEqual({ permanent, minDays, loudspeakerMinDays });
  });

  it('R-C5 (Art 48): every agency category is 20 consecutive days, never permanent, no loudspeaker', () => {
    for (let c = 1; c <= 12; c++) expect(postingRules(c, rs, 'agency')).toEqual({ permanent: false, minDays: 20, loudspeakerMinDays: null });
  });

  it('a category outside the scope throws RangeError (commune 0, 15; agency 13)', () => {
    expect(() => postingRules(0, rs, 'commune')).toThrow(RangeError);
    expect(() => postingRules(15, rs, 'commune')).toThrow(RangeError);
    expect(() => postingRules(13, rs, 'agency')).toThrow(RangeError);
  });
});

describe('minimumPostingEnd (R-C2, Art 13(2); Civil Code Arts 147, 148(1))', () => {
  it.each([
    [1, START, 'commune', '2026-04-01'],
    [12, '2026-02-13', 'commune', '2026-03-15'], // across Tết: calendar days, holidays count
    [2, '2026-12-15', 'commune', '2027-01-14'], // across the year end
    [6, START, 'agency', '2026-03-22'], // Art 48: 20 days
    [14, START, 'commune', START], // no legal minimum
  ] as const)('category %i posted %s (%s) may come down after %s', (cat, start, scope, end) => {
    expect(minimumPostingEnd(cat, start, rs, scope)).toBe(end);
  });

  it('permanent categories 4 and 13 have no lawful end: null', () => {
    expect(minimumPostingEnd(4, START, rs, 'commune')).toBeNull();
    expect(minimumPostingEnd(13, START, rs, 'commune')).toBeNull();
  });

  it('a malformed start throws RangeError', () => {
    expect(() => minimumPostingEnd(1, '2026-02-30', rs, 'commune')).toThrow(RangeError);
  });
});

describe('checkPostingEnd (R-C2, Art 13(2); R-C5, Art 48)', () => {
  it.each([
    ['2026-03-31', 'R-C2: 29 days after posting is below the 30-day minimum', { ok: false, reason: 'below_minimum', minimumEnd: '2026-04-01' }],
    ['2026-04-01', 'R-C2: 30 days after posting is the minimum', { ok: true }],
    ['2026-04-02', 'R-C2: 31 days (an official may lengthen)', { ok: true }],
    [START, 'R-C2: taken down the day it went up', { ok: false, reason: 'below_minimum', minimumEnd: '2026-04-01' }],
    [null, 'R-C2: no end set (still up)', { ok: true }],
    ['2026-03-01', 'an end before the start', { ok: false, reason: 'end_before_start' }],
  ])('category 1 posted Mon 2/3/2026, last day %s: %s', (end, _why, result) => {
    expect(checkPostingEnd(1, START, end, rs, 'commune')).toEqual(result);
  });

  it.each([4, 13])('R-C2 (Art 13(2)): category %i is permanent: any end is refused, no end is fine', (cat) => {
    expect(checkPostingEnd(cat, START, '2027-03-02', rs, 'commune')).toEqual({ ok: false, reason: 'permanent_required' });
    expect(checkPostingEnd(cat, START, null, rs, 'commune')).toEqual({ ok: true });
  });

  it('a permanent item with an end before its start is a data error first', () => {
    expect(checkPostingEnd(4, START, '2026-03-01', rs, 'commune')).toEqual({ ok: false, reason: 'end_before_start' });
  });

  it.each([
    ['2026-03-21', { ok: false, reason: 'below_minimum', minimumEnd: '2026-03-22' }],
    ['2026-03-22', { ok: true }],
    ['2026-03-23', { ok: true }],
  ])('R-C5 (Art 48): agency item posted 2/3/2026, last day %s (19/20/21 days)', (end, result) => {
    expect(checkPostingEnd(6, START, end, rs, 'agency')).toEqual(result);
  });

  it('category 14 (Art 11(14)) has no minimum in Law 10/2022: even a same-day end passes', () => {
    expect(checkPostingEnd(14, START, START, rs, 'commune')).toEqual({ ok: true });
    expect(checkPostingEnd(14, START, '2026-03-01', rs, 'commune')).toEqual({ ok: false, reason: 'end_before_start' });
  });
});

describe('checkLoudspeakerDays (R-C2, Art 13(3): ≥ 3 consecutive days for categories 7–12)', () => {
  const fail = (longestRun: number) => ({ ok: false, reason: 'too_few_consecutive_days', needed: 3, longestRun });
  it.each([
    [[], fail(0), 'no broadcast'],
    [['2026-03-02', '2026-03-03'], fail(2), '2 consecutive days'],
    [['2026-03-02', '2026-03-03', '2026-03-04'], { ok: true }, '3 consecutive days'],
    [['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'], { ok: true }, '4 consecutive days'],
    [['2026-03-02', '2026-03-03', '2026-03-05'], fail(2), '3 days, not consecutive'],
    [['2026-03-02', '2026-03-04', '2026-03-06'], fail(1), '3 alternate days'],
    [['2026-03-03', '2026-03-03', '2026-03-02', '2026-03-03'], fail(2), 'two broadcasts on one day count once'],
    [['2026-03-04', '2026-03-02', '2026-03-03'], { ok: true }, 'unordered input'],
    [['2026-02-28', '2026-03-01', '2026-03-02'], { ok: true }, 'across a month end (weekend days count)'],
    [['2026-02-16', '2026-02-17', '2026-02-18'], { ok: true }, 'during Tết (calendar days, not working days)'],
  ])('category 7, broadcasts %j -> %j (%s)', (days, result, _why) => {
    expect(checkLoudspeakerDays(7, days, rs)).toEqual(result);
  });

  it.each([7, 8, 9, 10, 11, 12])('category %i needs 3 consecutive days', (cat) => {
    expect(checkLoudspeakerDays(cat, ['2026-03-02'], rs)).toEqual(fail(1));
  });

  it.each([1, 2, 3, 4, 5, 6, 13, 14])('category %i has no broadcast rule: always ok', (cat) => {
    expect(checkLoudspeakerDays(cat, [], rs)).toEqual({ ok: true });
  });

  it('a malformed date throws RangeError', () => {
    expect(() => checkLoudspeakerDays(7, ['2026-3-2'], rs)).toThrow(RangeError);
  });
});
