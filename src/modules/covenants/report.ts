// The commune's yearly covenant figures for the province (R-E6; Decree 61/2023 Art 16; UPDATES.md:
// the commune now reports straight to the province's focal agency), due before 30 November: counts of
// covenants recognised, refused, amended, suspended and annulled in the year, and those in force.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { covenantsUnder, stateOf } from './repo.js';

export type YearCounts = { recognised: number; refused: number; amended: number; suspended: number; annulled: number; inForce: number; reviewed: number };
export type VillageCounts = YearCounts & { village: string };

const inYear = (d: string | null | undefined, year: number) => !!d && d.startsWith(`${year}-`);

export async function yearReport(deps: AppDeps, commune: Unit, year: number, today: string): Promise<{ villages: VillageCounts[]; total: YearCounts }> {
  const rows = await covenantsUnder(deps.db, commune);
  const zero = (): YearCounts => ({ recognised: 0, refused: 0, amended: 0, suspended: 0, annulled: 0, inForce: 0, reviewed: 0 });
  const byVillage = new Map<string, VillageCounts>();
  const total = zero();
  const reviewed = new Set(
    (
      await deps.db
        .selectFrom('covenant_reviews')
        .select('covenant_id')
        .where('year', '=', year)
        .where('covenant_id', 'in', rows.map((r) => r.id).concat(-1))
        .execute()
    ).map((r) => r.covenant_id),
  );
  for (const r of rows) {
    const s = await stateOf(deps.db, r, today);
    const v = byVillage.get(r.village) ?? { village: r.village, ...zero() };
    byVillage.set(r.village, v);
    const decided = s.vote && (s.vote.status === 'recognised' || s.vote.status === 'refused') && inYear(s.vote.recognised_on, year) ? s.vote.status : null;
    const add = (k: keyof YearCounts) => {
      v[k]++;
      total[k]++;
    };
    if (decided === 'recognised') add(r.kind === 'new' ? 'recognised' : 'amended');
    if (decided === 'refused') add('refused');
    if (inYear(r.suspended_on, year)) add('suspended');
    if (inYear(r.annulled_on, year)) add('annulled');
    if (s.status === 'in_force' || s.status === 'suspended') add('inForce');
    if (reviewed.has(r.id)) add('reviewed');
  }
  return { villages: [...byVillage.values()], total };
}
