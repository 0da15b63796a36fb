// The monthly satisfaction index per desk, officer and commune (R-H8; Law 10/2022 Arts 34(1),
// 35(2)(a)): one grouped query over the commune's ratings of the months shown (indexed by
// commune and month), summed in code so that the commune's figure weighs every rating once.
import { sql } from 'kysely';
import type { Conn } from '../../db/index.js';
import { addTally, CRITERIA, emptyTally, type Index, indexOf, type Tally } from './rules/ratings.js';

export type PointIndex = { id: number; kind: 'desk' | 'officer'; name: string; active: boolean; byMonth: Record<string, Index> };
export type RatingsIndex = { months: string[]; commune: Record<string, Index>; points: PointIndex[] };

export async function ratingsIndex(db: Conn, communeId: number, months: string[]): Promise<RatingsIndex> {
  const [rows, points] = await Promise.all([
    db
      .selectFrom('service_ratings')
      .select([
        'qr_point_id',
        'month',
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when overall = 3 then 1 else 0 end)`.as('satisfied'),
        sql<number>`sum(overall)`.as('total'),
        ...CRITERIA.flatMap((c) => [sql<number>`count(${sql.ref(`${c}_score`)})`.as(`${c}_n`), sql<number>`sum(${sql.ref(`${c}_score`)})`.as(`${c}_sum`)]),
      ])
      .where('commune_id', '=', communeId)
      .where('month', 'in', months)
      .groupBy(['qr_point_id', 'month'])
      .execute(),
    db
      .selectFrom('qr_points')
      .select(['id', 'kind', 'name', 'active'])
      .where('commune_id', '=', communeId)
      .where('kind', 'in', ['desk', 'officer'])
      .orderBy('kind')
      .orderBy('name')
      .execute(),
  ]);
  const tallies = new Map<string, Tally>();
  const communeTally = new Map<string, Tally>(months.map((m) => [m, emptyTally()]));
  for (const r of rows as unknown as Record<string, string | number | null>[]) {
    const t = emptyTally();
    t.n = Number(r.n);
    t.satisfied = Number(r.satisfied ?? 0);
    t.sum = Number(r.total ?? 0);
    for (const c of CRITERIA) t.criteria[c] = { n: Number(r[`${c}_n`] ?? 0), sum: Number(r[`${c}_sum`] ?? 0) };
    tallies.set(`${r.qr_point_id}|${r.month}`, t);
    const month = String(r.month);
    communeTally.set(month, addTally(communeTally.get(month) ?? emptyTally(), t));
  }
  return {
    months,
    commune: Object.fromEntries(months.map((m) => [m, indexOf(communeTally.get(m) ?? emptyTally())])),
    points: points.map((p) => ({
      id: p.id,
      kind: p.kind as 'desk' | 'officer',
      name: p.name,
      active: p.active === 1,
      byMonth: Object.fromEntries(months.map((m) => [m, indexOf(tallies.get(`${p.id}|${m}`) ?? emptyTally())])),
    })),
  };
}
