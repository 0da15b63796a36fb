// How long a disclosure must stay up, and how often it must be broadcast (R-C2, R-C5).
// Law 10/2022/QH15 Art 13(2)–(3) for communes, Art 48 for agencies. Pure: (input, ruleSet) -> data.
//
// Counting "ít nhất 30 ngày liên tục kể từ ngày niêm yết" (at least 30 consecutive days from the
// day of posting). The law does not say whether the posting day is day 1, so the Civil Code's rule
// for periods applies (Civil Code 2015 Art 144: its counting rules apply unless a law says
// otherwise): Art 147 — for a period in days, the first day (the day of the event) is not counted,
// counting starts the next day; Art 148(1) — the period ends at the end of its last day. So 30 days
// from a posting on day S are S+1 … S+30 and the notice may come down after S+30. Courts count
// "15 ngày kể từ ngày tuyên án" (Civil Procedure Code 2015 Art 273) the same way. The other reading
// (S is day 1, end S+29) is one day shorter; S+30 satisfies both, so a commune following this
// module is compliant under either. Flip POSTING_DAY_COUNTS if the ministry settles the other way.
// Art 148(5) (a period ending on a day off runs to the next working day) is not applied: the
// notice stays up over the weekend anyway, and the period is a duration of display, not a time
// limit for someone to act.
//
// `end` is always the LAST day the item is on display (inclusive); null = still up, no end set.

import type { RuleSet } from '../../../law/rule-sets.js';
import { addDays, daysBetween } from '../../../platform/calendar/calendar.js';
import { isAgencyCategory, isCommuneCategory } from './categories.js';

export type Scope = 'commune' | 'agency';

export type PostingRules = {
  /** Art 13(2): categories 4 and 13 stay posted permanently and are updated on change. */
  permanent: boolean;
  /** Consecutive calendar days ("ngày", R-I3); null = no legal minimum (permanent, or "other"). */
  minDays: number | null;
  /** Art 13(3): consecutive calendar days of loudspeaker broadcast, where the commune has a system. */
  loudspeakerMinDays: number | null;
};

/** False: the day of posting is not day 1 (Civil Code Art 147; see the header). */
export const POSTING_DAY_COUNTS = false;

function checkCategory(category: number, scope: Scope): void {
  const ok = scope === 'commune' ? isCommuneCategory(category) : isAgencyCategory(category);
  if (!ok) throw new RangeError(`not a ${scope} disclosure category: ${category}`);
}

/**
 * Commune (Art 13): 1–3, 5–12 at least 30 days; 4 and 13 permanent; 7–12 also on loudspeakers.
 * Category 14 ("other", Art 11(14)) is in neither list of Art 13(2): Law 10/2022 sets no minimum,
 * the law or regulation that requires the item may (Art 13(6)); the official records that period.
 * Agency (Art 48): every Art 46 category at least 20 consecutive days on the internal system, or
 * posted where there is none. Art 48 waives the posting when written notice went to every member
 * of staff; that is a fact about the item, for the caller to record. No loudspeaker rule.
 * Sector laws may set other durations (Art 13(2) "trừ trường hợp pháp luật có quy định khác").
 */
export function postingRules(category: number, ruleSet: RuleSet, scope: Scope): PostingRules {
  checkCategory(category, scope);
  const d = ruleSet.disclosure;
  if (scope === 'agency') return { permanent: false, minDays: d.agencyMinPostingDays, loudspeakerMinDays: null };
  return {
    permanent: d.permanentCategories.includes(category),
    minDays: d.postedCategories.includes(category) ? d.minPostingDays : null,
    loudspeakerMinDays: d.loudspeakerCategories.includes(category) ? d.minLoudspeakerDays : null,
  };
}

/**
 * The earliest lawful last day on display for an item posted on `postingStart`: start + 30 for a
 * 30-day category (start + 20 for agencies). null when the item is permanent (no lawful end).
 * With no legal minimum (category 14) the item may come down the day it went up: `postingStart`.
 */
export function minimumPostingEnd(category: number, postingStart: string, ruleSet: RuleSet, scope: Scope): string | null {
  const rules = postingRules(category, ruleSet, scope);
  if (rules.permanent) return null;
  if (rules.minDays === null) return addDays(postingStart, 0);
  return addDays(postingStart, POSTING_DAY_COUNTS ? rules.minDays - 1 : rules.minDays);
}

export type PostingEndCheck =
  | { ok: true }
  | { ok: false; reason: 'below_minimum'; minimumEnd: string }
  | { ok: false; reason: 'permanent_required' }
  | { ok: false; reason: 'end_before_start' };

/**
 * An official may post longer than the law requires (or set no end), never shorter. A permanent
 * item (4, 13) takes no end: a changed version replaces it (Art 13(2) "cập nhật khi có sự thay
 * đổi"), which the caller records as a new version, not as an end.
 */
export function checkPostingEnd(category: number, start: string, end: string | null, ruleSet: RuleSet, scope: Scope): PostingEndCheck {
  const minimumEnd = minimumPostingEnd(category, start, ruleSet, scope);
  if (end === null) return { ok: true };
  if (daysBetween(start, end) < 0) return { ok: false, reason: 'end_before_start' };
  if (minimumEnd === null) return { ok: false, reason: 'permanent_required' };
  if (daysBetween(minimumEnd, end) < 0) return { ok: false, reason: 'below_minimum', minimumEnd };
  return { ok: true };
}

export type LoudspeakerCheck = { ok: true } | { ok: false; reason: 'too_few_consecutive_days'; needed: number; longestRun: number };

/**
 * Art 13(3): categories 7–12 go out on the commune loudspeaker system (where it has one; the caller
 * knows) on at least 3 CONSECUTIVE calendar days: the longest run of back-to-back broadcast dates
 * must reach 3. Weekends and holidays count; several broadcasts on one day count once. Other
 * commune categories have no broadcast rule and always pass.
 */
export function checkLoudspeakerDays(category: number, days: readonly string[], ruleSet: RuleSet): LoudspeakerCheck {
  const needed = postingRules(category, ruleSet, 'commune').loudspeakerMinDays;
  if (needed === null) return { ok: true };
  const sorted = [...new Set(days.map((d) => addDays(d, 0)))].sort();
  let longestRun = 0;
  let run = 0;
  sorted.forEach((d, i) => {
    run = i > 0 && daysBetween(sorted[i - 1], d) === 1 ? run + 1 : 1;
    longestRun = Math.max(longestRun, run);
  });
  return longestRun >= needed ? { ok: true } : { ok: false, reason: 'too_few_consecutive_days', needed, longestRun };
}
