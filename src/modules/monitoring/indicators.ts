// What the monitoring module measures from its own records (issue 9 item 3): training coverage (T-2.1,
// M-3.1: people in duty roles trained / people who must be, from the yearly roster and the courses'
// attendance), units with outreach (T-2.2, M-3.2), commendations and discipline (M-3.8), and funding
// spent against planned (resolution Article 2).
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { existedIn, type IndicatorQuery, type ModuleIndicator, rollUp, shared, underAny } from '../module.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from '../units/levels.js';

function sums(deps: AppDeps, q: IndicatorQuery, kind: string) {
  return shared(`monitoring.${kind}`, q, () => sumsQuery(deps, q, kind));
}
async function sumsQuery(deps: AppDeps, q: IndicatorQuery, kind: string) {
  // Summed per unit first (one range of the (kind, held_on) index), then placed on the units' paths.
  const [sums, units] = await Promise.all([
    deps.db
      .selectFrom('monitoring_records as r')
      .select([
        'r.unit_id',
        sql<number>`sum(case when r.subkind = 'roster' then r.required else 0 end)`.as('required'),
        sql<number>`sum(case when r.subkind <> 'roster' then coalesce(r.people, 0) else 0 end)`.as('people'),
        sql<number>`sum(coalesce(r.planned, 0))`.as('planned'),
        sql<number>`sum(coalesce(r.spent, 0))`.as('spent'),
      ])
      .where('r.kind', '=', kind as 'training')
      .where('r.held_on', '>=', q.from)
      .where('r.held_on', '<=', q.to)
      .groupBy('r.unit_id')
      .execute(),
    deps.db.selectFrom('units as u').select(['u.id', 'u.path']).where(underAny(q, 'u.path')).execute(),
  ]);
  const path = new Map(units.map((u) => [u.id, u.path]));
  return sums.filter((r) => path.has(r.unit_id)).map((r) => ({ ...r, path: path.get(r.unit_id)! }));
}

const count = (kind: string): ModuleIndicator => ({
  kind: 'count',
  compute: async (deps, q) =>
    rollUp(
      q,
      (await sums(deps, q, kind)).map((r) => ({ path: r.path, value: r.people })),
      false,
    ),
});

export const monitoringIndicators: Record<string, ModuleIndicator> = {
  training_coverage: {
    kind: 'share',
    compute: async (deps, q) => {
      const out = rollUp(
        q,
        (await sums(deps, q, 'training')).map((r) => ({ path: r.path, value: r.people, of: r.required })),
        true,
      );
      // Attendance counted above the roster (a person trained twice) never shows more than everyone trained.
      for (const v of out.values()) if (v.of !== null && v.value > v.of) v.value = v.of;
      return out;
    },
  },
  outreach_units: {
    kind: 'share',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('units as u')
        .select([
          'u.path',
          sql<number>`case when exists (select 1 from monitoring_records r where r.unit_id = u.id and r.kind = 'outreach'
            and r.held_on >= ${q.from} and r.held_on <= ${q.to}) then 1 else 0 end`.as('done'),
        ])
        .where('u.level', 'in', [...COMMUNE_LEVELS, ...VILLAGE_LEVELS])
        .where(existedIn(q, 'u'))
        .where(underAny(q, 'u.path'))
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.done, of: 1 })),
        true,
      );
    },
  },
  commendations: count('commendation'),
  discipline: count('discipline'),
  funding_spent: {
    kind: 'share',
    compute: async (deps, q) =>
      rollUp(
        q,
        (await sums(deps, q, 'funding')).map((r) => ({ path: r.path, value: r.spent, of: r.planned })),
        true,
      ),
  },
};
