// The one-minute rating at the one-stop desk (R-H8; Law 10/2022 Arts 34(1), 35(2)(a); resolution
// M-3.5(b)) and the monthly satisfaction index. Pure: answers -> scores -> the index.

export const OVERALL = ['satisfied', 'normal', 'not_satisfied'] as const;
export type Overall = (typeof OVERALL)[number];
/** Hài lòng = 3, Bình thường = 2, Không hài lòng = 1 (the scale every criterion uses too). */
export const SCORE: Record<Overall, number> = { satisfied: 3, normal: 2, not_satisfied: 1 };
export const isOverall = (s: string): s is Overall => (OVERALL as readonly string[]).includes(s);

/** The criteria of the evaluation of administrative-procedure handling: time, attitude,
 * correctness of the result, costs (LAW.md §6, after Decree 61/2018 Ch. on evaluation [U]). */
export const CRITERIA = ['time', 'attitude', 'correctness', 'costs'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Counts of one group (a desk, an officer, the commune) in one month. */
export type Tally = { n: number; satisfied: number; sum: number; criteria: Record<Criterion, { n: number; sum: number }> };

export type Index = {
  n: number;
  /** Satisfaction index: ratings "satisfied" ÷ all ratings (0–1); null when nobody rated. */
  share: number | null;
  /** Mean score of the overall answer, 1–3; null when nobody rated. */
  mean: number | null;
  criteria: Record<Criterion, number | null>;
};

export function indexOf(t: Tally): Index {
  const criteria = Object.fromEntries(CRITERIA.map((c) => [c, t.criteria[c].n ? t.criteria[c].sum / t.criteria[c].n : null])) as Record<
    Criterion,
    number | null
  >;
  return { n: t.n, share: t.n ? t.satisfied / t.n : null, mean: t.n ? t.sum / t.n : null, criteria };
}

export const emptyTally = (): Tally => ({
  n: 0,
  satisfied: 0,
  sum: 0,
  criteria: { time: { n: 0, sum: 0 }, attitude: { n: 0, sum: 0 }, correctness: { n: 0, sum: 0 }, costs: { n: 0, sum: 0 } },
});

/** Adds b into a (commune = sum of its points). */
export function addTally(a: Tally, b: Tally): Tally {
  const out = emptyTally();
  out.n = a.n + b.n;
  out.satisfied = a.satisfied + b.satisfied;
  out.sum = a.sum + b.sum;
  for (const c of CRITERIA) out.criteria[c] = { n: a.criteria[c].n + b.criteria[c].n, sum: a.criteria[c].sum + b.criteria[c].sum };
  return out;
}

/** A dossier code as the citizen types it: trimmed, upper case, inner spaces removed. */
export const normaliseDossierCode = (s: string): string => s.trim().toUpperCase().replace(/\s+/g, '');
export const DOSSIER_CODE = /^[0-9A-Z][0-9A-Z.\-/_]{2,59}$/;
