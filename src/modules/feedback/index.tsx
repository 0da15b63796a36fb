// The feedback module ("dân kiểm tra, giám sát", issue 5): intake from every channel with tracking
// codes, statutory clocks and routing, confidential denunciations, citizen reception, and the
// one-stop desk's QR ratings (Law 10/2022 Arts 34–35; Complaints, Denunciation and Citizen
// Reception Laws; Decree 20/2008; resolution M-3.3(b), M-3.4(b), M-3.5(b), M-3.7).

import { defineModule } from '../module.js';
import { confidentialAuditEntries } from './audit-confidential.js';
import { seedDemoHandling } from './demo-handling.js';
import { seedDemoIntake } from './demo-intake.js';
import { seedDemoReception } from './demo-reception.js';
import { exportRoutes } from './export-routes.js';
import { handlingRoutes } from './handling-routes.js';
import { feedbackIndicators } from './indicators.js';
import { intakeRoutes } from './intake-routes.js';
import { ratingRoutes } from './rating-routes.js';
import { receptionRoutes } from './reception-routes.js';
import { communeSection } from './section.js';

export const feedbackModule = defineModule({
  name: 'feedback',
  indicators: feedbackIndicators,
  routes: (app, deps) => {
    intakeRoutes(app, deps);
    handlingRoutes(app, deps);
    receptionRoutes(app, deps);
    ratingRoutes(app, deps);
    exportRoutes(app, deps);
  },
  seedDemo: async (deps) => {
    await seedDemoIntake(deps);
    await seedDemoHandling(deps);
    await seedDemoReception(deps);
  },
  communeSection,
  auditConfidential: confidentialAuditEntries,
  auditSubjects: {
    feedback_item: async (deps, id) => {
      const r = await deps.db
        .selectFrom('feedback_items as f')
        .innerJoin('units as u', 'u.id', 'f.handler_unit_id')
        .select(['f.id', 'f.tracking_code', 'f.title', 'u.path'])
        .where('f.id', '=', id)
        .executeTakeFirst();
      return r ? { name: `${r.tracking_code}: ${r.title}`, unitPath: r.path, href: `/feedback/manage/${r.id}` } : undefined;
    },
  },
});
