// The monitoring module (issue 9): the resolution's targets as data (catalogue.ts), indicators from
// every module's manifest (compute.ts), officials' records with evidence (training T-2.1/M-3.1,
// outreach M-3.2, commendation and discipline M-3.8, funding Art 2), the dashboard with drill-down,
// the Word report (Decree 30/2020) and Excel workbook, and open data under /api/v1/indicators.
import { defineModule } from '../module.js';
import { monitoringApi } from './api.js';
import { seedDemoMonitoring } from './demo.js';
import { monitoringIndicators } from './indicators.js';
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
