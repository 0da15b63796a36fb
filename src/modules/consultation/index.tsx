// The consultation module ("dân bàn": Law 10/2022 Arts 25–29 in communes, Arts 53–55 in agencies).

import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { defineModule } from '../module.js';
import { consultationApi } from './api.js';
import { seedDemoConsultations } from './demo.js';
import { consultationIndicators } from './indicators.js';
import { manageRoutes } from './manage-routes.js';
import { consultationRoutes } from './routes.js';
import { daysLeft } from './rules/period.js';

/** The commune home page's "people discuss" section: consultations open now, with the days left. */
async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const { t } = view;
  const today = todayInVietnam(deps.clock.now());
  const rows = await deps.db
    .selectFrom('consultations')
    .select(['id', 'title', 'closes_on'])
    .where('unit_id', '=', commune.id)
    .where('agency_id', 'is', null)
    .where('status', '=', 'open')
    .where('closes_on', '>=', today)
    .orderBy('closes_on')
    .limit(5)
    .execute();
  // Staff of an agency of this commune reach their agency's consultations from here (Art 53).
  const agencyIds = (view.actor?.grants ?? []).map((g) => g.agencyId).filter((a): a is number => a !== null);
  const agencies = agencyIds.length
    ? await deps.db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).where('unit_id', '=', commune.id).execute()
    : [];
  return (
    <section aria-labelledby="h-consultations">
      <h3 id="h-consultations">{t('consultation.section.title')}</h3>
      {rows.length === 0 ? (
        <p class="muted">{t('consultation.section.empty')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <a href={`/consultations/${r.id}`}>{r.title}</a> <span class="muted">{t('consultation.daysLeft', { n: daysLeft(r.closes_on!, today) })}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/units/${commune.id}/consultations`}>{t('consultation.section.all', { unit: commune.name })}</a>
      </p>
      {agencies.map((a) => (
        <p key={a.id}>
          <a href={`/agencies/${a.id}/consultations`}>{t('consultation.section.agency', { agency: a.name })}</a>
        </p>
      ))}
    </section>
  );
}

export const consultationModule = defineModule({
  name: 'consultation',
  indicators: consultationIndicators,
  routes: (app, deps) => {
    consultationRoutes(app, deps);
    manageRoutes(app, deps);
    consultationApi(app, deps);
  },
  seedDemo: seedDemoConsultations,
  communeSection,
  auditSubjects: {
    consultation: async (deps, id) => {
      const c = await deps.db
        .selectFrom('consultations as c')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .select(['c.id', 'c.title', 'c.agency_id', 'u.path'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      return c ? { name: c.title, unitPath: c.path, href: `/consultations/${c.id}`, agencyId: c.agency_id } : undefined;
    },
  },
});
