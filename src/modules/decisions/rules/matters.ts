// The six kinds of matter the community decides directly (Law 10/2022 Art 15) and what each carries:
// the scopes it may have, its threshold (Art 21(1)), who recognises it and when it takes effect
// (Art 21(2)). Pure data, read through the rule set in force on the vote date.
import type { RuleSet } from '../../../law/rule-sets.js';

export type MatterItem = 1 | 2 | 3 | 4 | 5 | 6;
export type Scope = 'village' | 'commune';
export type Recogniser = 'committee' | 'front' | null;

export const MATTER_ITEMS: readonly MatterItem[] = [1, 2, 3, 4, 5, 6];
export const isMatterItem = (n: number): n is MatterItem => Number.isInteger(n) && n >= 1 && n <= 6;

/** Items 1–2 (contributions, community funds) may be commune-wide; items 3–6 are decided in a village. */
export const scopesOf = (item: MatterItem): readonly Scope[] => (item <= 2 ? ['village', 'commune'] : ['village']);

/** Art 21(2): the commune People's Committee recognises a covenant (3) and a village head (4); the
 * commune Front recognises board members (5); items 1, 2 and 6 need no recognition. */
export function recogniserOf(item: MatterItem): Recogniser {
  if (item === 3 || item === 4) return 'committee';
  if (item === 5) return 'front';
  return null;
}

export type EffectRule = 'from_vote' | 'set_by_committee' | 'from_recognition';
/** Art 21(2): items 1, 2, 6 at village scope take effect from the vote; items 1–2 at commune scope on
 * the date the commune People's Committee sets after aggregating; items 3–5 from recognition. */
export function effectOf(item: MatterItem, scope: Scope): EffectRule {
  if (recogniserOf(item)) return 'from_recognition';
  return scope === 'commune' ? 'set_by_committee' : 'from_vote';
}

export type ThresholdKind = 'two_thirds' | 'majority' | 'two_thirds_of_villages';
/** Art 21(1): items 1–2 need ≥ 2/3 of all households in the village (≥ 2/3 of villages commune-wide);
 * items 3–6 need > 50 % of all households. */
export function thresholdKindOf(item: MatterItem, scope: Scope, rs: RuleSet): ThresholdKind {
  if (!rs.decisions.twoThirdsItems.includes(item)) return 'majority';
  return scope === 'commune' ? 'two_thirds_of_villages' : 'two_thirds';
}
