// Whether a community decision is adopted (Law 10/2022 Art 21(1); R-A2, R-A3, R-A4, R-A5). Every
// count is against ALL households on the village register on the vote date, not those present:
// absent households stay in the denominator. Integer arithmetic only, so 80 of 120 is exactly 2/3.
import type { RuleSet } from '../../../law/rule-sets.js';
import { type MatterItem, thresholdKindOf } from './matters.js';

/** The working a result page and the minutes show: enough to check the result by hand. */
export type Working = {
  kind: 'two_thirds' | 'majority';
  householdsTotal: number;
  present: number | null;
  approving: number;
  /** The least number of approving households that adopts the decision. */
  needed: number;
  adopted: boolean;
  article: string;
};

/** R-A2 (≥ ⌈2/3 × total⌉) and R-A4 (strictly more than half) for one village. */
export function neededApprovals(kind: 'two_thirds' | 'majority', total: number): number {
  // ≥ 2/3: 3a ≥ 2t, the least such a is ⌈2t/3⌉. > 1/2: 2a > t, the least such a is ⌊t/2⌋ + 1.
  return kind === 'two_thirds' ? Math.ceil((2 * total) / 3) : Math.floor(total / 2) + 1;
}

export function villageResult(input: { item: MatterItem; householdsTotal: number; present: number | null; approving: number }, rs: RuleSet): Working {
  const kind = thresholdKindOf(input.item, 'village', rs) === 'two_thirds' ? 'two_thirds' : 'majority';
  if (input.householdsTotal <= 0) throw new RangeError('a village with no households cannot decide');
  const needed = neededApprovals(kind, input.householdsTotal);
  return {
    kind,
    householdsTotal: input.householdsTotal,
    present: input.present,
    approving: input.approving,
    needed,
    adopted: input.approving >= needed,
    article: kind === 'two_thirds' ? 'Điều 21 khoản 1 điểm a Luật 10/2022/QH15' : 'Điều 21 khoản 1 điểm c Luật 10/2022/QH15',
  };
}

/** An election's working: each candidate judged against all households; the `seats` best that reach
 * the threshold are elected (Law Art 21(1); Decree 59/2023 Art 3(5)(d)). */
export type CandidateWorking = { key: string; label: string; residentId: number | null; approving: number; elected: boolean };
export type StoredWorking = Working & { candidates?: CandidateWorking[] };

export function electionResult(
  input: { item: MatterItem; householdsTotal: number; present: number | null; seats: number; candidates: Omit<CandidateWorking, 'elected'>[] },
  rs: RuleSet,
): StoredWorking {
  const ranked = [...input.candidates].sort((a, b) => b.approving - a.approving);
  const needed = villageResult({ item: input.item, householdsTotal: input.householdsTotal, present: input.present, approving: 0 }, rs).needed;
  // A tie at the last seat elects nobody for that seat: the minutes state why (Art 3(5)(d)).
  const cut = ranked[input.seats - 1]?.approving;
  const tiedOut = ranked.length > input.seats && ranked[input.seats]?.approving === cut;
  const elected = new Set(ranked.filter((c, i) => i < input.seats && c.approving >= needed && !(tiedOut && c.approving === cut)).map((c) => c.key));
  const best = ranked[0]?.approving ?? 0;
  return {
    ...villageResult({ item: input.item, householdsTotal: input.householdsTotal, present: input.present, approving: best }, rs),
    adopted: elected.size > 0,
    candidates: input.candidates.map((c) => ({ ...c, elected: elected.has(c.key) })),
  };
}

export type CommuneWorking = {
  villagesTotal: number;
  villagesApproving: number;
  needed: number;
  adopted: boolean;
  article: string;
};

/** R-A3: a commune-wide item 1–2 matter passes when ≥ 2/3 of all villages approve, each village
 * judged first by its own ≥ 2/3 of households. Villages that did not vote count as not approving. */
export function communeResult(villagesTotal: number, villagesApproving: number): CommuneWorking {
  if (villagesTotal <= 0) throw new RangeError('a commune with no villages cannot decide');
  const needed = neededApprovals('two_thirds', villagesTotal);
  return { villagesTotal, villagesApproving, needed, adopted: villagesApproving >= needed, article: 'Điều 21 khoản 1 điểm b Luật 10/2022/QH15' };
}

/** R-A5 (Decree 59/2023 Art 3(5)): a procedural vote at a meeting (secretary, counting committee,
 * an option) passes with more than half of the household representatives attending. */
export const procedurePasses = (approving: number, present: number): boolean => present > 0 && 2 * approving > present;

/** Art 19(1)(b): a meeting whose attendance could not reach the threshold even if every attendee
 * approved lacked enough households; the household ballot is then the legal fallback. */
export function attendanceTooLow(item: MatterItem, householdsTotal: number, present: number, rs: RuleSet): boolean {
  const kind = thresholdKindOf(item, 'village', rs) === 'two_thirds' ? 'two_thirds' : 'majority';
  return present < neededApprovals(kind, householdsTotal);
}

/** Art 18(3); R-A16: a village of ≥ 200 households may meet in clusters. */
export const mayMeetInClusters = (householdsTotal: number, rs: RuleSet): boolean => householdsTotal >= rs.decisions.clusterMinHouseholds;
