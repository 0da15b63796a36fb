// Officials' pages of feedback handling (issue 5 items 3–6): the work list of a commune, village or
// agency; one item with its history, the identity shown only after a POST to the roles allowed
// (R-H4, each view audit-logged by readIdentity); the handling commands; the commune's settings.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from '../units/levels.js';
import { childrenOn, unitById } from '../units/units.repo.js';
import { officialsApi } from './api-officials.js';
import { attachmentsOf } from './attachments.js';
import { answerItem, linkSubject, publishItem, recordStep } from './commands/answer.js';
import { acceptItem, extendItem, refuseItem, setComplexity } from './commands/decide.js';
import { type HandleResult, loadHandled, readVersion, secretsShown, type Verb } from './commands/handle.js';
import { reclassifyItem } from './commands/reclassify.js';
import { forwardItem, routeItem } from './commands/route.js';
import { readIdentity } from './common.js';
import { feedbackPolicy } from './feedback.policy.js';
import { detailData, mayRead } from './manage-data.js';
import type { Identity } from './model.js';
import { queueFor, readFilter, scopeFor } from './queue.js';
import { settingsRoutes } from './settings-routes.js';
import { ManageDetailPage } from './views/manage-detail.js';
import { handlerKey, ManageListPage } from './views/manage-list.js';

type P = Record<string, string>;

type Run = (deps: AppDeps, req: FastifyRequest, id: number, version: number) => Promise<HandleResult>;
const b = (req: FastifyRequest, name: string) => field(req.body, name);
/** Each command: how it reads its form, the fields to show again on an error, its flash message. */
const COMMANDS: Record<Verb, { run: Run; fields: string[] }> = {
  route: { run: (d, r, id, v) => routeItem(d, r.t, r.actor, id, v, { target: b(r, 'target'), note: b(r, 'routeNote') }), fields: ['target', 'routeNote'] },
  forward: {
    run: (d, r, id, v) => forwardItem(d, r.t, r.actor, id, v, { destination: b(r, 'destination'), note: b(r, 'forwardNote') }),
    fields: ['destination', 'forwardNote'],
  },
  accept: {
    run: (d, r, id, v) => acceptItem(d, r.t, r.actor, id, v, { excludedDays: b(r, 'excludedDays'), excludedReason: b(r, 'excludedReason') }),
    fields: ['excludedDays', 'excludedReason'],
  },
  reclassify: {
    run: (d, r, id, v) => reclassifyItem(d, r.t, r.actor, id, v, { kind: b(r, 'kind'), category: b(r, 'category'), knownOn: b(r, 'knownOn') }),
    fields: ['kind', 'category', 'knownOn'],
  },
  refuse: { run: (d, r, id, v) => refuseItem(d, r.t, r.actor, id, v, { reason: b(r, 'refusalReason') }), fields: ['refusalReason'] },
  complexity: {
    run: (d, r, id, v) => setComplexity(d, r.t, r.actor, id, v, { complexity: b(r, 'complexity'), multiSite: b(r, 'multiSite') === '1' }),
    fields: ['complexity', 'multiSite'],
  },
  extend: { run: (d, r, id, v) => extendItem(d, r.t, r.actor, id, v, { reason: b(r, 'extensionReason') }), fields: ['extensionReason'] },
  step: {
    run: (d, r, id, v) => recordStep(d, r.t, r.actor, id, v, { note: b(r, 'stepNote'), public: b(r, 'public') === '1' }),
    fields: ['stepNote', 'public'],
  },
  answer: {
    run: (d, r, id, v) =>
      answerItem(d, r.t, r.actor, id, v, { answer: b(r, 'answer'), publishable: b(r, 'publishable') === '1', publicAnswer: b(r, 'publicAnswer') }),
    fields: ['answer', 'publishable', 'publicAnswer'],
  },
  publish: {
    run: (d, r, id, v) => publishItem(d, r.t, r.actor, id, v, { publicAnswer: b(r, 'publicAnswer'), where: b(r, 'publishWhere') }),
    fields: ['publicAnswer', 'publishWhere'],
  },
  subject: {
    run: (d, r, id, v) => linkSubject(d, r.t, r.actor, id, v, { unitId: b(r, 'subjectUnitId'), userId: b(r, 'subjectUserId'), text: b(r, 'subjectText') }),
    fields: ['subjectUnitId', 'subjectUserId', 'subjectText'],
  },
};

export function handlingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/units/:id/feedback/manage', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const unit = await unitById(db, idOr404((req.params as P).id));
    const isCommune = !!unit && COMMUNE_LEVELS.includes(unit.level);
    if (!unit || !(isCommune || VILLAGE_LEVELS.includes(unit.level))) throw new NotFound();
    const scope = scopeFor(req.actor, unit, isCommune);
    if (!scope) throw new Forbidden();
    const { filter, page } = readFilter(req.query as P);
    const queue = await queueFor(deps, scope, filter, page, req.actor);
    const communeId = isCommune ? unit.id : (unit.parent_id as number);
    const villages = isCommune ? await childrenOn(db, unit.id, todayInVietnam(deps.clock.now())) : [];
    const agencies = await db.selectFrom('agencies').select(['id', 'name']).where('unit_id', '=', communeId).execute();
    const units = await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(queue.rows.map((r) => r.handlerUnitId)), unit.id])
      .execute();
    const handlers: Record<string, string> = { board: req.t('feedback.handling.board') };
    for (const u of units) handlers[handlerKey({ handlerUnitId: u.id, handlerAgencyId: null, board: false })] = u.name;
    for (const a of agencies) handlers[`agency:${a.id}`] = a.name;
    // Issue 7 item 6: items with a project's supervision board.
    const projectIds = [...new Set(queue.rows.map((r) => r.projectId).filter((x): x is number => x !== null))];
    if (projectIds.length)
      for (const p of await db.selectFrom('oversight_projects').select(['id', 'name']).where('id', 'in', projectIds).execute())
        handlers[`project:${p.id}`] = req.t('feedback.handling.projectBoard', { name: p.name });
    const m = {
      unit: { id: unit.id, name: unit.name, isCommune },
      agencyNames: scope.by === 'agency' ? agencies.filter((a) => scope.agencyIds.includes(a.id)).map((a) => a.name) : [],
      villages: villages.map((v) => ({ id: v.id, name: v.name })),
      handlers,
      filter,
      queue,
      canConfigure: isCommune && feedbackPolicy(req.actor, 'configure', { unitPath: unit.path }),
    };
    return sendPage(req, reply, <ManageListPage view={viewOf(req, deps)} m={m} />);
  });

  /** The item the actor may read; 404 when it does not exist, 403 when the actor may not read it. */
  async function readable(req: FastifyRequest) {
    if (!req.actor) throw new Unauthenticated();
    const it = await loadHandled(db, idOr404((req.params as P).id));
    if (!it) throw new NotFound();
    if (!mayRead(req.actor, it)) throw new Forbidden();
    return { actor: req.actor, it };
  }

  async function detail(req: FastifyRequest, reply: FastifyReply, extra: { identity?: Identity | null; values?: P; errors?: P; status?: number } = {}) {
    const { actor, it } = await readable(req);
    const d = await detailData(deps, req.t, actor, it);
    const attachments = await attachmentsOf(deps, actor, it);
    const m = { d, attachments, identity: extra.identity, values: extra.values, errors: extra.errors };
    return sendPage(req, reply, <ManageDetailPage view={viewOf(req, deps)} m={m} />, extra.status ?? 200);
  }

  app.get('/feedback/manage/:id', (req, reply) => detail(req, reply));

  // R-H4: the identity is opened only by a deliberate POST of an allowed actor; readIdentity writes
  // the audit entry before returning it. The page is sent with no-store (sendPage).
  app.post('/feedback/manage/:id/identity', async (req, reply) => {
    const { actor, it } = await readable(req);
    if (!(await secretsShown(db, actor, it)).identity) throw new Forbidden();
    const identity = await readIdentity(deps, actor, it);
    return detail(req, reply, { identity });
  });

  for (const [verb, cmd] of Object.entries(COMMANDS) as [Verb, (typeof COMMANDS)[Verb]][]) {
    app.post(`/feedback/manage/:id/${verb}`, async (req, reply) => {
      if (!req.actor) throw new Unauthenticated();
      const id = idOr404((req.params as P).id);
      const before = await loadHandled(db, id);
      const r = await cmd.run(deps, req, id, readVersion(b(req, 'version')));
      if (r.ok) {
        // After a hand-over the actor may no longer read the item: back to the list it came from then.
        const it = await loadHandled(db, id);
        const to = it && mayRead(req.actor, it) ? `/feedback/manage/${id}` : `/units/${before?.handler_unit_id}/feedback/manage`;
        return redirectWithFlash(reply, to, req.t(`feedback.handling.flash.${verb}` as MessageKey));
      }
      const values = Object.fromEntries(cmd.fields.map((f) => [f, b(req, f)]));
      if ('errors' in r) return detail(req, reply, { values, errors: r.errors, status: 422 });
      if (r.reason === 'not_found') throw new NotFound();
      if (r.reason === 'forbidden') throw new Forbidden();
      const message = req.t(
        r.reason === 'stale'
          ? 'feedback.handling.err.stale'
          : r.reason === 'held_by_subject'
            ? 'feedback.handling.err.heldBySubject'
            : 'feedback.handling.err.wrongState',
      );
      return detail(req, reply, { values, errors: { _form: message }, status: 409 });
    });
  }

  settingsRoutes(app, deps);
  officialsApi(app, deps);
}
