// Village covenants (hương ước, quy ước; Decree 61/2023/NĐ-CP; Law 10/2022 Art 15 item 3): the cycle from
// proposal to recognition hangs on decisions' matter and vote; the consultation module carries comments.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { defineModule, type IndicatorQuery, type IndicatorValue, rollUp, shared, underAny } from '../module.js';
import { VILLAGE_LEVELS } from '../units/levels.js';
import { covenantsApi } from './api.js';
import { seedDemoCovenants } from './demo.js';
import { stateOf } from './repo.js';
import { covenantRoutes } from './routes.js';
import { C } from './views/labels.js';

/** Per unit of the query: its villages, and its covenants in force on `to` (R-E3: from recognition).
 * Read once for the subtree of all the queried units and shared by both indicators: a province and its
 * 92 communes were 2 × 93 reads of the same rows. */
function inForceUnder(deps: AppDeps, q: IndicatorQuery) {
  return shared('covenants.in_force', { ...q, from: q.to }, async () => {
    const [villages, covenants] = await Promise.all([
      deps.db.selectFrom('units as u').select('u.path').where(underAny(q, 'u.path')).where('u.level', 'in', VILLAGE_LEVELS).execute(),
      deps.db
        .selectFrom('covenants as c')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .selectAll('c')
        .select(['u.name as village', 'u.path as unit_path'])
        .where(underAny(q, 'u.path'))
        .orderBy('c.id')
        .execute(),
    ]);
    const live: typeof covenants = [];
    for (const c of covenants) {
      const s = await stateOf(deps.db, c, q.to);
      if ((s.status === 'in_force' || s.status === 'suspended') && s.inForceFrom && s.inForceFrom <= q.to) live.push(c);
    }
    const count = rollUp(
      q,
      villages.map((v) => ({ path: v.path, value: 1 })),
      false,
    );
    return new Map(q.units.map((u) => [u.id, { villages: count.get(u.id)!.value, live: live.filter((c) => c.unit_path.startsWith(u.path)) }]));
  });
}

async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const t = view.t;
  const today = todayInVietnam(deps.clock.now());
  const { live } = (await inForceUnder(deps, { units: [commune], from: today, to: today })).get(commune.id)!;
  const villages = new Set(live.map((c) => c.unit_id));
  return (
    <section aria-labelledby="h-covenants">
      <h3 id="h-covenants">{C(t, 'section.title')}</h3>
      <p>{C(t, 'section.inForce', { n: villages.size })}</p>
      <p>
        <a href={`/units/${commune.id}/covenants`}>{C(t, 'section.all', { unit: commune.name })}</a>
      </p>
    </section>
  );
}

export const covenantsModule = defineModule({
  name: 'covenants',
  routes: (app, deps) => {
    covenantRoutes(app, deps);
    covenantsApi(app, deps);
  },
  seedDemo: seedDemoCovenants,
  communeSection,
  auditSubjects: {
    covenant: async (deps, id) => {
      const c = await deps.db
        .selectFrom('covenants as c')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .select(['c.id', 'c.title', 'u.path'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      return c ? { name: c.title, unitPath: c.path, href: `/covenants/${c.id}` } : undefined;
    },
  },
  indicators: {
    /** Share of villages with a recognised covenant in force on the last day of the period (Decree 61 Art 11). */
    in_force: {
      kind: 'share',
      compute: async (deps, q: IndicatorQuery) => {
        const out = new Map<number, IndicatorValue>();
        for (const [id, r] of await inForceUnder(deps, q)) out.set(id, { value: new Set(r.live.map((c) => c.unit_id)).size, of: r.villages });
        return out;
      },
    },
    /** Share of covenants in force reviewed within the period (R-E6; Decree 61 Art 15(4)). */
    reviewed_this_year: {
      kind: 'share',
      compute: async (deps, q: IndicatorQuery) => {
        const out = new Map<number, IndicatorValue>();
        for (const [id, { live }] of await inForceUnder(deps, q)) {
          const reviewed = live.length
            ? await deps.db
                .selectFrom('covenant_reviews')
                .select('covenant_id')
                .distinct()
                .where(
                  'covenant_id',
                  'in',
                  live.map((c) => c.id),
                )
                .where('held_on', '>=', q.from)
                .where('held_on', '<=', q.to)
                .execute()
            : [];
          out.set(id, { value: reviewed.length, of: live.length });
        }
        return out;
      },
    },
  },
});
