// The workplace module (issue 8, second half): democracy regulations of communes (Law 10/2022
// Art 35(2)(c)) and agencies (Art 59(1)(a)), drafted and consulted through the consultation module
// (R-D4), issued, amended and replaced; the register of who has one in force (T-2.4); the annual staff
// conference or staff-wide ballot (Arts 50–51; R-G3), the matters staff decide (Art 49) and the
// six-monthly reviews (Art 52(3)); JSON API and indicators for monitoring.
import { defineModule } from '../module.js';
import { workplaceApi } from './api.js';
import { seedDemoWorkplace } from './demo.js';
import { conferenceHeld, regulationInForce } from './indicators.js';
import { workplaceRoutes } from './routes.js';
import { communeSection } from './section.js';

export const workplaceModule = defineModule({
  name: 'workplace',
  routes: (app, deps) => {
    workplaceRoutes(app, deps);
    workplaceApi(app, deps);
  },
  seedDemo: seedDemoWorkplace,
  communeSection,
  indicators: {
    regulation_in_force: regulationInForce,
    conference_held: conferenceHeld,
  },
  auditSubjects: {
    staff_conference: async (deps, id) => {
      const r = await deps.db
        .selectFrom('workplace_conferences as c')
        .innerJoin('agencies as a', 'a.id', 'c.agency_id')
        .innerJoin('units as u', 'u.id', 'a.unit_id')
        .select(['c.id', 'c.work_year', 'c.agency_id', 'a.name', 'u.path'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      return r ? { name: `${r.name} (${r.work_year})`, unitPath: r.path, href: `/staff-conferences/${r.id}`, agencyId: r.agency_id } : undefined;
    },
  },
});
