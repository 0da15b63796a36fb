// GET/POST /units/:id/feedback/settings: a commune's remote-area flag (R-H2), reopen period and
// routing rules per category (R-H7), for the roles that configure the commune.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { type FieldErrors, Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { unitById } from '../units/units.repo.js';
import { loadSettings, saveSettings } from './commands/settings.js';
import { feedbackPolicy } from './feedback.policy.js';
import { CATEGORIES } from './model.js';
import { type SettingsModel, SettingsPage } from './views/manage-settings.js';

export function settingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function commune(req: FastifyRequest): Promise<Unit> {
    if (!req.actor) throw new Unauthenticated();
    const unit = await unitById(db, idOr404((req.params as Record<string, string>).id));
    if (!unit || !COMMUNE_LEVELS.includes(unit.level)) throw new NotFound();
    if (!feedbackPolicy(req.actor, 'configure', { unitPath: unit.path })) throw new Forbidden();
    return unit;
  }

  async function page(req: FastifyRequest, reply: FastifyReply, unit: Unit, values: SettingsModel['values'], errors?: FieldErrors) {
    const agencies = await db.selectFrom('agencies').select(['id', 'name']).where('unit_id', '=', unit.id).orderBy('name').execute();
    const m = { unit: { id: unit.id, name: unit.name }, agencies, values, errors };
    return sendPage(req, reply, <SettingsPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }

  app.get('/units/:id/feedback/settings', async (req, reply) => {
    const unit = await commune(req);
    const s = await loadSettings(deps, unit.id);
    return page(req, reply, unit, { remoteArea: s.remoteArea, reopenDays: String(s.reopenDays), routing: s.routing as Record<string, string> });
  });

  app.post('/units/:id/feedback/settings', async (req, reply) => {
    const unit = await commune(req);
    const routing = Object.fromEntries(CATEGORIES.map((c) => [c, field(req.body, `route_${c}`)]));
    const input = { remoteArea: field(req.body, 'remoteArea') === '1', reopenDays: field(req.body, 'reopenDays'), routing };
    const r = await saveSettings(deps, req.t, req.actor, unit, input);
    if (!r.ok) return page(req, reply, unit, input, r.errors);
    return redirectWithFlash(reply, `/units/${unit.id}/feedback/settings`, req.t('feedback.handling.flash.settings'));
  });
}
