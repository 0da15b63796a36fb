// Requests for information (issue item 6; R-C4; Law 10/2022 Art 14(2), Law 104/2016 Arts 28-31).
// Public: GET/POST /units/:id/info-requests/new, GET /info-requests?code=, GET /info-requests/:code.
// Officials: GET /units/:id/info-requests, GET/POST /units/:id/info-requests/record,
// GET /units/:id/info-requests/:reqId, POST .../:reqId/answer | extend | refuse.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import { manageRequestRoutes } from './manage-routes.js';
import { publicRequestRoutes } from './public-routes.js';

export { infoRequestSummary } from './summary.js';

export function infoRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  publicRequestRoutes(app, deps);
  manageRequestRoutes(app, deps);
}
