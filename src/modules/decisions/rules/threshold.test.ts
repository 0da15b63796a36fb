// Table tests for the adoption thresholds (Law 10/2022 Art 21(1); Decree 59/2023 Art 3(5)). Every count is
// against ALL households on the register, never those present; integer arithmetic only.
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import type { MatterItem } from './matters.js';
import { attendanceTooLow, communeResult, electionResult, mayMeetInClusters, neededApprovals, procedurePasses, villageResult } from './threshold.js';

const rs = ruleSetOn('2026-12-10');
const village = (item: MatterItem, householdsTotal: number, approving: number, present: number | null = null) =>
  villageResult({ item, householdsTotal, present, approving }, rs);

describe('villageResult: R-A4 (> 50 % of all households, items 3–6)', () => {
  it.each([3, 4, 5, 6] as const)('R-A4 Art 21(1): item %i, 61 of 120 households adopts, 60 does not', (item) => {
    expect(village(item, 120, 61)).toMatchObject({ kind: 'majority', needed: 61, adopted: true });
    expect(village(item, 120, 60)).toMatchObject({ kind: 'majority', needed: 61, adopted: false });
  });

  it('R-A4 Art 21(1): absent households stay in the denominator: 70 present, 61 approving of 120 adopts', () => {
    expect(village(6, 120, 61, 70)).toEqual({
      kind: 'majority',
      householdsTotal: 120,
      present: 70,
      approving: 61,
      needed: 61,
      adopted: true,
      article: 'Điều 21 khoản 1 điểm c Luật 10/2022/QH15',
    });
  });

  it('R-A4 Art 21(1): 45 of 70 present (64 % of those present) is still not > 50 % of 120 households', () => {
    expect(village(4, 120, 45, 70).adopted).toBe(false);
  });
});

describe('villageResult: R-A2 (≥ 2/3 of all households, items 1–2 at village scope)', () => {
  it.each([1, 2] as const)('R-A2 Art 21(1): item %i, 80 of 120 is exactly 2/3 and adopts; 79 does not', (item) => {
    expect(village(item, 120, 80)).toMatchObject({ kind: 'two_thirds', needed: 80, adopted: true });
    expect(village(item, 120, 79)).toMatchObject({ kind: 'two_thirds', needed: 80, adopted: false });
  });

  it('R-A2 Art 21(1): 65 of 70 present (93 % of those present) but 120 on the register does not reach 2/3', () => {
    expect(village(1, 120, 65, 70)).toEqual({
      kind: 'two_thirds',
      householdsTotal: 120,
      present: 70,
      approving: 65,
      needed: 80,
      adopted: false,
      article: 'Điều 21 khoản 1 điểm a Luật 10/2022/QH15',
    });
  });

  it('R-A2/R-A4 Art 21(1): the article text differs by kind (point a for 2/3, point c for > 50 %)', () => {
    expect(village(2, 10, 10).article).toBe('Điều 21 khoản 1 điểm a Luật 10/2022/QH15');
    expect(village(5, 10, 10).article).toBe('Điều 21 khoản 1 điểm c Luật 10/2022/QH15');
    expect(village(2, 10, 10).article).not.toBe(village(6, 10, 10).article);
  });
});

describe('neededApprovals: odd and small totals (R-A2 ⌈2t/3⌉, R-A4 ⌊t/2⌋ + 1)', () => {
  it.each([
    // total, > 50 %, ≥ 2/3
    [1, 1, 1],
    [2, 2, 2],
    [3, 2, 2],
    [4, 3, 3],
    [5, 3, 4],
    [6, 4, 4],
    [7, 4, 5],
    [9, 5, 6],
    [10, 6, 7],
    [120, 61, 80],
    [199, 100, 133],
    [200, 101, 134],
    [201, 101, 134],
    [202, 102, 135],
  ])('R-A2/R-A4 Art 21(1): %i households need %i (> 50 %) and %i (≥ 2/3)', (total, majority, twoThirds) => {
    expect(neededApprovals('majority', total)).toBe(majority);
    expect(neededApprovals('two_thirds', total)).toBe(twoThirds);
    // The least count: one fewer never passes, the count itself does (checked with integers).
    expect(2 * majority > total && 2 * (majority - 1) <= total).toBe(true);
    expect(3 * twoThirds >= 2 * total && 3 * (twoThirds - 1) < 2 * total).toBe(true);
  });

  it.each([
    [7, 4, 3],
    [199, 100, 99],
    [201, 101, 100],
  ])('R-A4 Art 21(1): %i households, %i approvals adopt and %i do not', (total, yes, no) => {
    expect(village(6, total, yes).adopted).toBe(true);
    expect(village(6, total, no).adopted).toBe(false);
  });

  it.each([
    [3, 2, 1],
    [7, 5, 4],
    [199, 133, 132],
    [200, 134, 133],
    [201, 134, 133],
  ])('R-A2 Art 21(1): %i households, %i approvals reach 2/3 and %i do not', (total, yes, no) => {
    expect(village(1, total, yes).adopted).toBe(true);
    expect(village(1, total, no).adopted).toBe(false);
  });

  it('R-A4 Art 21(1): a single-household village decides with its one approval', () => {
    expect(village(6, 1, 1).adopted).toBe(true);
    expect(village(6, 1, 0).adopted).toBe(false);
  });

  it.each([0, -1])('R-A2/R-A4 Art 21(1): a village with %i households has no threshold to reach (RangeError)', (total) => {
    expect(() => village(6, total, 0)).toThrow(RangeError);
    expect(() => village(1, total, 0)).toThrow(RangeError);
  });
});

describe('communeResult: R-A3 (≥ 2/3 of all villages, items 1–2 commune-wide)', () => {
  it.each([
    [12, 8, true],
    [12, 7, false],
    [3, 2, true],
    [3, 1, false],
    [1, 1, true],
    [2, 1, false],
    [2, 2, true],
    [7, 5, true],
    [7, 4, false],
  ] as const)('R-A3 Art 21(1): %i villages, %i approving -> adopted %s', (total, approving, adopted) => {
    const r = communeResult(total, approving);
    expect(r.adopted).toBe(adopted);
    expect(r.needed).toBe(neededApprovals('two_thirds', total));
    expect(r.article).toBe('Điều 21 khoản 1 điểm b Luật 10/2022/QH15');
  });

  it('R-A3 Art 21(1): a commune with no villages cannot decide', () => {
    expect(() => communeResult(0, 0)).toThrow(RangeError);
  });
});

describe('procedurePasses: R-A5 (> 50 % of the representatives attending, Decree 59 Art 3(5))', () => {
  it.each([
    [3, 5, true],
    [2, 5, false],
    [2, 4, false],
    [3, 4, true],
    [36, 70, true],
    [35, 70, false],
    [1, 1, true],
    [0, 1, false],
    [0, 0, false],
  ] as const)('R-A5 Decree 59 Art 3(5): %i of %i attending -> %s (strictly more than half)', (approving, present, passes) => {
    expect(procedurePasses(approving, present)).toBe(passes);
  });
});

describe('attendanceTooLow: Art 19(1)(b) (the attendees could not reach the Art 21(1) threshold)', () => {
  it.each([
    [1, 120, 79, true],
    [1, 120, 80, false],
    [2, 7, 4, true],
    [2, 7, 5, false],
    [3, 120, 60, true],
    [3, 120, 61, false],
    [6, 199, 99, true],
    [6, 199, 100, false],
    [4, 120, 0, true],
  ] as const)('R-A6 Art 19(1)(b): item %i, %i households, %i present -> too low %s', (item, total, present, low) => {
    expect(attendanceTooLow(item, total, present, rs)).toBe(low);
  });
});

describe('mayMeetInClusters: R-A16 (Law Art 18(3): ≥ 200 households)', () => {
  it.each([
    [199, false],
    [200, true],
    [201, true],
    [1, false],
  ] as const)('R-A16 Art 18(3): %i households -> clusters allowed %s', (total, allowed) => {
    expect(mayMeetInClusters(total, rs)).toBe(allowed);
  });
});

describe('electionResult: R-B2 (Art 21(1); Decree 59 Art 3(5)(d)) each candidate against ALL households', () => {
  const cand = (key: string, approving: number) => ({ key, label: key.toUpperCase(), residentId: Number(key.slice(1)), approving });
  const elect = (householdsTotal: number, seats: number, candidates: ReturnType<typeof cand>[], item: MatterItem = 4, present: number | null = null) =>
    electionResult({ item, householdsTotal, present, seats, candidates }, rs);
  const electedKeys = (r: ReturnType<typeof elect>) => (r.candidates ?? []).filter((c) => c.elected).map((c) => c.key);

  it('R-B2 Art 21(1): one seat, 61 of 120 elects; the working shows needed 61 and the best count', () => {
    const r = elect(120, 1, [cand('c1', 61), cand('c2', 40)], 4, 105);
    expect(electedKeys(r)).toEqual(['c1']);
    expect(r).toMatchObject({ kind: 'majority', householdsTotal: 120, present: 105, approving: 61, needed: 61, adopted: true });
    expect(r.candidates).toEqual([
      { key: 'c1', label: 'C1', residentId: 1, approving: 61, elected: true },
      { key: 'c2', label: 'C2', residentId: 2, approving: 40, elected: false },
    ]);
  });

  it('R-B2 Art 21(1): one seat, 60 of 120 (a majority of the 100 present) elects nobody', () => {
    const r = elect(120, 1, [cand('c1', 60), cand('c2', 40)], 4, 100);
    expect(electedKeys(r)).toEqual([]);
    expect(r.adopted).toBe(false);
  });

  it('R-B2 Art 21(1): a sole candidate is elected only above half of all households', () => {
    expect(electedKeys(elect(7, 1, [cand('c1', 4)]))).toEqual(['c1']);
    expect(elect(7, 1, [cand('c1', 3)]).adopted).toBe(false);
  });

  it('R-B2 Decree 59 Art 3(5)(d): two candidates tied at the last seat -> nobody is elected for that seat', () => {
    const r = elect(120, 1, [cand('c1', 70), cand('c2', 70)]);
    expect(electedKeys(r)).toEqual([]);
    expect(r.adopted).toBe(false);
  });

  it('R-A4 Decree 59 Art 3(5)(d): three seats, the first two elected, a tie at the third leaves it empty', () => {
    const r = elect(120, 3, [cand('c4', 65), cand('c1', 90), cand('c3', 65), cand('c2', 80)], 5);
    expect(electedKeys(r)).toEqual(['c1', 'c2']);
    expect(r.adopted).toBe(true);
    // Candidates keep their input order in the working.
    expect((r.candidates ?? []).map((c) => c.key)).toEqual(['c4', 'c1', 'c3', 'c2']);
  });

  it('R-A4 Decree 59 Art 3(5)(d): three tied for two seats -> both seats stay empty (none can be told apart)', () => {
    expect(electedKeys(elect(120, 2, [cand('c1', 70), cand('c2', 70), cand('c3', 70)], 5))).toEqual([]);
  });

  it('R-A4 Art 21(1): several seats, equal counts inside the seats are all elected', () => {
    expect(electedKeys(elect(120, 2, [cand('c1', 70), cand('c2', 70), cand('c3', 30)], 5))).toEqual(['c1', 'c2']);
  });

  it('R-A4 Art 21(1): several seats, only those above half of ALL households fill them', () => {
    const r = elect(120, 3, [cand('c1', 90), cand('c2', 61), cand('c3', 60), cand('c4', 10)], 5);
    expect(electedKeys(r)).toEqual(['c1', 'c2']);
    expect(r.adopted).toBe(true);
  });

  it('R-A4 Art 21(1): more candidates above the threshold than seats -> the best ones', () => {
    expect(electedKeys(elect(120, 2, [cand('c1', 62), cand('c2', 100), cand('c3', 80)], 5))).toEqual(['c2', 'c3']);
  });

  it('R-A4 Art 21(1): a tie below the seats but under the threshold changes nothing above it', () => {
    expect(electedKeys(elect(120, 2, [cand('c1', 90), cand('c2', 50), cand('c3', 50)], 5))).toEqual(['c1']);
  });

  it('R-B2 Art 21(1): nobody reaching the threshold -> adopted false, nobody elected', () => {
    const r = elect(120, 2, [cand('c1', 60), cand('c2', 59), cand('c3', 1)], 5);
    expect(electedKeys(r)).toEqual([]);
    expect(r.adopted).toBe(false);
    expect(r.approving).toBe(60);
  });

  it('R-B2: no candidates -> nothing adopted', () => {
    expect(elect(120, 1, []).adopted).toBe(false);
  });

  it('R-B2 Art 21(1): an election in a village with 0 households throws (RangeError)', () => {
    expect(() => elect(0, 1, [cand('c1', 0)])).toThrow(RangeError);
  });
});
