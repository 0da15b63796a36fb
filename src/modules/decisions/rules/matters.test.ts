// Table tests for the six kinds of matter (Law 10/2022 Arts 15, 21).
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { effectOf, isMatterItem, MATTER_ITEMS, recogniserOf, scopesOf, thresholdKindOf } from './matters.js';

const rs = ruleSetOn('2026-12-10');

describe('matters (Law 10/2022 Art 15)', () => {
  it('R-A2–R-A4 Art 15: six items, numbered 1 to 6', () => {
    expect(MATTER_ITEMS).toEqual([1, 2, 3, 4, 5, 6]);
    expect([0, 1, 6, 7, 2.5, Number.NaN, -1].map(isMatterItem)).toEqual([false, true, true, false, false, false, false]);
  });

  it.each([
    [1, ['village', 'commune']],
    [2, ['village', 'commune']],
    [3, ['village']],
    [4, ['village']],
    [5, ['village']],
    [6, ['village']],
  ] as const)('R-A3 Art 15(1)–(2), 21(1): item %i may have scopes %j', (item, scopes) => {
    expect(scopesOf(item)).toEqual(scopes);
  });

  it.each([
    [1, null],
    [2, null],
    [3, 'committee'],
    [4, 'committee'],
    [5, 'front'],
    [6, null],
  ] as const)('R-A14 Art 21(2): item %i is recognised by %s', (item, who) => {
    expect(recogniserOf(item)).toBe(who);
  });

  it.each([
    [1, 'village', 'from_vote'],
    [2, 'village', 'from_vote'],
    [6, 'village', 'from_vote'],
    [1, 'commune', 'set_by_committee'],
    [2, 'commune', 'set_by_committee'],
    [3, 'village', 'from_recognition'],
    [4, 'village', 'from_recognition'],
    [5, 'village', 'from_recognition'],
  ] as const)('R-A14 Art 21(2): item %i at %s scope takes effect %s', (item, scope, effect) => {
    expect(effectOf(item, scope)).toBe(effect);
  });

  it.each([
    [1, 'village', 'two_thirds'],
    [2, 'village', 'two_thirds'],
    [1, 'commune', 'two_thirds_of_villages'],
    [2, 'commune', 'two_thirds_of_villages'],
    [3, 'village', 'majority'],
    [4, 'village', 'majority'],
    [5, 'village', 'majority'],
    [6, 'village', 'majority'],
  ] as const)('R-A2/R-A3/R-A4 Art 21(1): item %i at %s scope needs %s', (item, scope, kind) => {
    expect(thresholdKindOf(item, scope, rs)).toBe(kind);
  });
});
