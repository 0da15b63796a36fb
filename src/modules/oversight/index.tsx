// The oversight module ("dân kiểm tra, dân giám sát", issue 7): People's Inspection Boards of communes
// and agencies, Community Investment Supervision Boards, the investment project register, plans,
// activities and recommendations with their 15-day answers (Law 10/2022 Arts 36–45, 60–63; Decree
// 59/2023 Arts 12–23; R-F1…R-F8; resolution M-3.6, target T-2.5).

import { defineModule } from '../module.js';
import { oversightApi } from './api.js';
import { seedDemoOversight } from './demo.js';
import { seedDemoProjectLinks } from './demo-links.js';
import { oversightIndicators } from './indicators.js';
import { actionRoutes } from './routes-actions.js';
import { agencyRoutes } from './routes-agency.js';
import { pageRoutes } from './routes-pages.js';
import { communeSection } from './section.js';

export const oversightModule = defineModule({
  name: 'oversight',
  indicators: oversightIndicators,
  routes: (app, deps) => {
    pageRoutes(app, deps);
    actionRoutes(app, deps);
    agencyRoutes(app, deps);
    oversightApi(app, deps);
  },
  seedDemo: async (deps) => {
    await seedDemoOversight(deps);
    await seedDemoProjectLinks(deps);
  },
  communeSection,
  auditSubjects: {
    oversight_board: async (deps, id) => {
      const r = await deps.db
        .selectFrom('oversight_boards as b')
        .innerJoin('units as u', 'u.id', 'b.commune_id')
        .select(['b.id', 'b.kind', 'b.agency_id', 'u.path', 'u.name'])
        .where('b.id', '=', id)
        .executeTakeFirst();
      return r ? { name: `${r.kind} ${r.name}`, unitPath: r.path, href: `/oversight/boards/${r.id}`, agencyId: r.agency_id } : undefined;
    },
    oversight_activity: async (deps, id) => {
      const r = await deps.db
        .selectFrom('oversight_activities as a')
        .innerJoin('oversight_boards as b', 'b.id', 'a.board_id')
        .innerJoin('units as u', 'u.id', 'b.commune_id')
        .select(['a.id', 'a.subject', 'b.agency_id', 'u.path'])
        .where('a.id', '=', id)
        .executeTakeFirst();
      return r ? { name: r.subject, unitPath: r.path, href: `/oversight/activities/${r.id}`, agencyId: r.agency_id } : undefined;
    },
    oversight_project: async (deps, id) => {
      const r = await deps.db
        .selectFrom('oversight_projects as p')
        .innerJoin('units as u', 'u.id', 'p.commune_id')
        .select(['p.id', 'p.name', 'u.path'])
        .where('p.id', '=', id)
        .executeTakeFirst();
      return r ? { name: r.name, unitPath: r.path, href: `/projects/${r.id}` } : undefined;
    },
  },
});
