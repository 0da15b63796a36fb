// The monitoring module (issue 9): the resolution's targets as data (catalogue.ts), indicators from
// every module's manifest (compute.ts), officials' records with evidence (training T-2.1/M-3.1,
// outreach M-3.2, commendation and discipline M-3.8, funding Art 2), the dashboard with drill-down,
// the Word report (Decree 30/2020) and Excel workbook, and open data under /api/v1/indicators.
import { defineModule } from '../module.js';
import { monitoringApi } from './api.js';
import { seedDemoMonitoring } from './demo.js';
import { monitoringIndicators } from './indicators.js';
import { monitoringPolicy } from './monitoring.policy.js';
import { monitoringRoutes } from './routes.js';
import { communeSection } from './section.js';

export const monitoringModule = defineModule({
  name: 'monitoring',
  indicators: monitoringIndicators,
  routes: (app, deps) => {
    monitoringRoutes(app, deps);
    monitoringApi(app, deps);
  },
  seedDemo: seedDemoMonitoring,
  communeSection,
  // Loading another council's resolution as a target catalogue (admins).
  adminLinks: [{ href: '/monitoring/catalogues', label: 'monitoring.catalogue.title' }],
  // Council observers, the Front and leaders (readAll) find their dashboard in the site menu: the
  // highest unit they read, e.g. the province for a council observer of the province.
  menu: (actor) => {
    const top = actor.grants
      .filter((g) => monitoringPolicy({ ...actor, grants: [g] }, 'readAll', { unitPath: g.unitPath }))
      .sort((a, b) => a.unitPath.length - b.unitPath.length)[0];
    return top ? [{ href: `/monitoring/units/${top.unitId}`, label: 'monitoring.short' }] : [];
  },
  auditSubjects: {
    monitoring_record: async (deps, id) => {
      const r = await deps.db
        .selectFrom('monitoring_records as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .select(['r.title', 'u.id', 'u.path'])
        .where('r.id', '=', id)
        .executeTakeFirst();
      return r ? { name: r.title, unitPath: r.path, href: `/monitoring/units/${r.id}/records` } : undefined;
    },
  },
});
