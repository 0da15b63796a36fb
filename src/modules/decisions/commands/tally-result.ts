// Turning counts into the stored result and its working (Law 10/2022 Art 21(1); R-A2, R-A4): the
// approving count against every household on the register on the vote date.
import type { RuleSet } from '../../../law/rule-sets.js';
import type { MatterItem } from '../rules/matters.js';
import { electionResult, type StoredWorking, villageResult } from '../rules/threshold.js';

export function resultOf(
  kind: 'general' | 'election' | 'dismissal',
  item: MatterItem,
  options: { key: string; label: string; resident_id: number | null }[],
  counts: Record<string, number>,
  householdsTotal: number,
  present: number | null,
  seats: number,
  rs: RuleSet,
): StoredWorking {
  if (kind === 'election') {
    return electionResult(
      {
        item,
        householdsTotal,
        present,
        seats,
        candidates: options.map((o) => ({ key: o.key, label: o.label, residentId: o.resident_id, approving: counts[o.key] ?? 0 })),
      },
      rs,
    );
  }
  // A general matter or a dismissal: "agree" approves (for a dismissal, agreeing to dismiss).
  return villageResult({ item, householdsTotal, present, approving: counts.agree ?? 0 }, rs);
}
