// Village covenants (hương ước, quy ước; Decree 61/2023/NĐ-CP; Law 10/2022 Art 15 item 3): the cycle from
// proposal to recognition hangs on decisions' matter and vote; the consultation module carries comments.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { defineModule, type IndicatorQuery, type IndicatorValue } from '../module.js';
import { VILLAGE_LEVELS } from '../units/levels.js';
import { covenantsApi } from './api.js';
import { seedDemoCovenants } from './demo.js';
import { covenantsUnder, stateOf } from './repo.js';
import { covenantRoutes } from './routes.js';
import { C } from './views/labels.js';

/** Per unit of the query: its villages, and its covenants in force on `to` (R-E3: from recognition). */
async function inForceUnder(deps: AppDeps, unit: Unit, on: string) {
  const villages = await deps.db.selectFrom('units').select('id').where('path', 'like', `${unit.path}%`).where('level', 'in', VILLAGE_LEVELS).execute();
  const live = [];
  for (const c of await covenantsUnder(deps.db, unit)) {
    const s = await stateOf(deps.db, c, on);
    if ((s.status === 'in_force' || s.status === 'suspended') && s.inForceFrom && s.inForceFrom <= on) live.push(c);
  }
  return { villages: villages.length, live };
}

async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const t = view.t;
  const { live } = await inForceUnder(deps, commune, todayInVietnam(deps.clock.now()));
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
        for (const u of q.units) {
          const r = await inForceUnder(deps, u, q.to);
          out.set(u.id, { value: new Set(r.live.map((c) => c.unit_id)).size, of: r.villages });
        }
        return out;
      },
    },
    /** Share of covenants in force reviewed within the period (R-E6; Decree 61 Art 15(4)). */
    reviewed_this_year: {
      kind: 'share',
      compute: async (deps, q: IndicatorQuery) => {
        const out = new Map<number, IndicatorValue>();
        for (const u of q.units) {
          const { live } = await inForceUnder(deps, u, q.to);
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
          out.set(u.id, { value: reviewed.length, of: live.length });
        }
        return out;
      },
    },
  },
});
