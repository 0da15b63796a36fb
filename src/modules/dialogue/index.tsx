// The dialogue module (issue 6 items 6–8): the commune People's Committee's dialogue conferences with
// residents, held with the commune Front (Law 10/2022 Art 32; R-G2); leaders' dialogues with staff in
// agencies (Art 59(1)(b)); each village's annual community conference (Art 33; Decree 59/2023
// Arts 10–11; R-G1); public pages and the JSON API (resolution M-3.4(a), M-3.4(b)).

import { defineModule } from '../module.js';
import { dialogueApi } from './api.js';
import { complianceRoutes } from './compliance-routes.js';
import { conferenceApi } from './conference-api.js';
import { conferenceRoutes } from './conference-routes.js';
import { seedDemoDialogue } from './demo.js';
import { dialogueIndicators } from './indicators.js';
import { dialogueRoutes } from './routes.js';
import { communeSection } from './section.js';

export const dialogueModule = defineModule({
  name: 'dialogue',
  indicators: dialogueIndicators,
  routes: (app, deps) => {
    dialogueRoutes(app, deps);
    conferenceRoutes(app, deps);
    complianceRoutes(app, deps);
    dialogueApi(app, deps);
    conferenceApi(app, deps);
  },
  seedDemo: seedDemoDialogue,
  communeSection,
  auditSubjects: {
    dialogue: async (deps, id) => {
      const r = await deps.db
        .selectFrom('dialogues as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select(['d.id', 'd.topic', 'd.agency_id', 'u.path'])
        .where('d.id', '=', id)
        .executeTakeFirst();
      return r ? { name: r.topic, unitPath: r.path, href: `/dialogues/${r.id}`, agencyId: r.agency_id } : undefined;
    },
    village_conference: async (deps, id) => {
      const r = await deps.db
        .selectFrom('village_conferences as c')
        .innerJoin('units as u', 'u.id', 'c.village_id')
        .select(['c.id', 'c.year', 'u.name', 'u.path'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      return r ? { name: `${r.name} (${r.year})`, unitPath: r.path, href: `/village-conferences/${r.id}` } : undefined;
    },
  },
});
