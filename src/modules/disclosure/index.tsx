import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { formatDate } from '../../platform/i18n/index.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { defineModule } from '../module.js';
import { disclosureApi } from './api.js';
import { seedDemoDisclosures } from './demo.js';
import { mayReadRequests } from './disclosure.policy.js';
import { feedRoutes } from './feeds.js';
import { disclosureIndicators } from './indicators.js';
import { infoRequestRoutes } from './info-requests/routes.js';
import { manageRoutes } from './manage-routes.js';
import { planRoutes } from './plan-routes.js';
import { disclosureRoutes } from './routes.js';

/** The commune home page's "people know" section: the latest published disclosures. */
async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const t = view.t;
  const rows = await deps.db
    .selectFrom('disclosures')
    .select(['id', 'title', 'posting_start'])
    .where('unit_id', '=', commune.id)
    .where('scope', '=', 'commune')
    .where('status', '=', 'published')
    .orderBy('posting_start', 'desc')
    .orderBy('id', 'desc')
    .limit(5)
    .execute();
  return (
    <section aria-labelledby="h-disclosures">
      <h3 id="h-disclosures">{t('disclosure.section.title')}</h3>
      {rows.length === 0 ? (
        <p class="muted">{t('disclosure.section.empty')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <a href={`/disclosures/${r.id}`}>{r.title}</a> <span class="muted">{formatDate(r.posting_start)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/units/${commune.id}/disclosures`}>{t('disclosure.section.all', { unit: commune.name })}</a>
      </p>
      {mayReadRequests(view.actor, { unitPath: commune.path }) && (
        // R-C4 (Art 12(2)): requests to answer within 03 working days, for the officials who answer them.
        <p>
          <a href={`/units/${commune.id}/info-requests`}>{t('inforeq.title')}</a>
        </p>
      )}
    </section>
  );
}

export const disclosureModule = defineModule({
  name: 'disclosure',
  indicators: disclosureIndicators,
  routes: (app, deps) => {
    disclosureRoutes(app, deps);
    manageRoutes(app, deps);
    feedRoutes(app, deps);
    planRoutes(app, deps);
    disclosureApi(app, deps);
    infoRequestRoutes(app, deps);
  },
  seedDemo: seedDemoDisclosures,
  communeSection,
  auditSubjects: {
    disclosure: async (deps, id) => {
      const d = await deps.db
        .selectFrom('disclosures as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select(['d.id', 'd.title', 'd.agency_id', 'u.path'])
        .where('d.id', '=', id)
        .executeTakeFirst();
      return d ? { name: d.title, unitPath: d.path, href: `/disclosures/${d.id}`, agencyId: d.agency_id } : undefined;
    },
    info_request: async (deps, id) => {
      const r = await deps.db
        .selectFrom('info_requests as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .select(['r.id', 'r.tracking_code', 'r.unit_id', 'u.path'])
        .where('r.id', '=', id)
        .executeTakeFirst();
      return r ? { name: `Yêu cầu ${r.tracking_code}`, unitPath: r.path, href: `/units/${r.unit_id}/info-requests/${r.id}` } : undefined;
    },
  },
});
