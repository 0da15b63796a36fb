import { defineModule } from '../module.js';
import { decisionsApi } from './api.js';
import { ballotRoutes } from './ballot-routes.js';
import { seedDemoDecisions } from './demo.js';
import { docsRoutes } from './docs-routes.js';
import { electionRoutes } from './election-routes.js';
import { decisionRoutes } from './routes.js';

export const decisionsModule = defineModule({
  name: 'decisions',
  routes: (app, deps) => {
    decisionRoutes(app, deps);
    ballotRoutes(app, deps);
    docsRoutes(app, deps);
    electionRoutes(app, deps);
    decisionsApi(app, deps);
  },
  seedDemo: seedDemoDecisions,
});
