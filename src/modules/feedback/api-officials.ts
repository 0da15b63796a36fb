// Officials' JSON API of feedback (issue 5 item 10): a unit's work list (overdue, due soon, open) and
// one item with its history, for an API token bound to a role on the commune or village (as the
// decisions API). Never the author's identity (R-H4): the response schemas are also the
// serializers, so a field not listed cannot leak.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { AppError, Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { idOr404 } from '../../platform/http/ids.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from '../units/levels.js';
import { unitById } from '../units/units.repo.js';
import { loadHandled, secretsShown } from './commands/handle.js';
import { detailData, mayRead } from './manage-data.js';
import { queueFor, readFilter, scopeFor } from './queue.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const Row = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  kind: Type.String(),
  category: Type.String(),
  title: Type.String(),
  status: Type.String(),
  clock: Nullable(Type.String({ description: 'accept | initial | resolve | answer | publish' })),
  dueOn: Type.String(),
  dueState: Type.String({ description: 'overdue | due_soon | on_time' }),
  receivedOn: Type.String(),
  handlerUnitId: Type.Integer(),
  handlerAgencyId: NullableInt,
  board: Type.Boolean(),
  villageId: NullableInt,
  url: Type.String(),
});
const List = Type.Object({
  items: Type.Array(Row),
  counts: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), dueSoon: Type.Integer() }),
  page: Type.Integer(),
  nextPage: NullableInt,
});
const ListQuery = Type.Object({
  due: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('due_soon')])),
  kind: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  village: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
// Read as text and checked by idOr404 (finding 21): a 404 for anything that is not a row id.
const IdParams = Type.Object({ id: Type.String({ maxLength: 20 }) });
const Item = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  kind: Type.String(),
  category: Type.String(),
  channel: Type.String(),
  title: Type.String(),
  content: Type.String(),
  status: Type.String(),
  anonymous: Type.Boolean(),
  receivedOn: Type.String(),
  handler: Type.String(),
  clock: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  dueState: Nullable(Type.String()),
  forwardDue: Nullable(Type.String()),
  acceptedOn: Nullable(Type.String()),
  resolveDue: Nullable(Type.String()),
  complexity: Type.String(),
  extensions: Type.Integer(),
  maxExtensions: Type.Integer(),
  lateDays: Type.Integer({ description: 'R-H1: days a complaint was past the 90-day limit' }),
  answeredOn: Nullable(Type.String()),
  publicAnswer: Nullable(Type.String()),
  publishDue: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  version: Type.Integer({ description: 'Changes with every handling step (optimistic guard of the forms)' }),
  history: Type.Array(Type.Object({ at: Type.String(), kind: Type.String(), note: Nullable(Type.String()), public: Type.Boolean(), actor: Type.String() })),
});

function tokenActor(req: FastifyRequest) {
  if (!req.actor) throw new Unauthenticated();
  if (req.actor.via !== 'token') throw new AppError(403, 'token_required', 'token_required');
  return req.actor;
}

export function officialsApi(app: FastifyInstance, deps: AppDeps): void {
  const docs = { tags: ['feedback'], security: [{ bearer: [] }] };

  app.get(
    '/api/v1/units/:id/feedback',
    {
      schema: {
        ...docs,
        summary: "A unit's open feedback, overdue first (token of a role on the unit)",
        params: IdParams,
        querystring: ListQuery,
        response: { 200: List },
      },
    },
    async (req) => {
      const actor = tokenActor(req);
      const unit = await unitById(deps.db, idOr404((req.params as { id: string }).id));
      const isCommune = !!unit && COMMUNE_LEVELS.includes(unit.level);
      if (!unit || !(isCommune || VILLAGE_LEVELS.includes(unit.level))) throw new NotFound();
      const scope = scopeFor(actor, unit, isCommune);
      if (!scope) throw new Forbidden();
      const q = req.query as Static<typeof ListQuery>;
      const { filter, page } = readFilter({
        due: q.due,
        kind: q.kind,
        status: q.status,
        village: q.village ? String(q.village) : undefined,
        page: String(q.page ?? 1),
      });
      const r = await queueFor(deps, scope, filter, page, actor);
      const label = (x: { kind: string; category: string }) =>
        `${req.t(`feedback.kind.${x.kind}` as MessageKey)} · ${req.t(`feedback.category.${x.category}` as MessageKey)}`;
      return {
        // Art 56 (finding 6): a denunciation's title only to those who may see the denouncer.
        items: r.rows.map(({ titleHidden, ...x }) => ({
          ...x,
          title: titleHidden ? label(x) : x.title,
          url: `${deps.config.publicUrl}/feedback/manage/${x.id}`,
        })),
        counts: r.counts,
        page: r.page,
        nextPage: r.hasNext ? r.page + 1 : null,
      };
    },
  );

  app.get(
    '/api/v1/feedback/manage/:id',
    { schema: { ...docs, summary: 'One feedback item with its whole history, without the author (R-H4)', params: IdParams, response: { 200: Item } } },
    async (req) => {
      const actor = tokenActor(req);
      const it = await loadHandled(deps.db, idOr404((req.params as { id: string }).id));
      if (!it) throw new NotFound();
      if (!mayRead(actor, it)) throw new Forbidden();
      const d = await detailData(deps, req.t, actor, it);
      // Art 56 (finding 6): a denunciation's title and content only to those who may see the denouncer.
      const shown = (await secretsShown(deps.db, actor, it)).content;
      const hidden = req.t('feedback.handling.detail.contentHidden');
      return {
        id: it.id,
        code: it.tracking_code,
        kind: it.kind,
        category: it.category,
        channel: it.channel,
        title: shown ? it.title : `${req.t(`feedback.kind.${it.kind}` as MessageKey)} · ${req.t(`feedback.category.${it.category}` as MessageKey)}`,
        content: shown ? it.content : hidden,
        status: it.status,
        anonymous: it.anonymous === 1,
        receivedOn: it.received_on,
        handler: d.handler,
        clock: it.clock,
        dueOn: it.due_on,
        dueState: d.dueState,
        forwardDue: it.forward_due,
        acceptedOn: it.accepted_on,
        resolveDue: it.resolve_due,
        complexity: it.complexity,
        extensions: it.extensions,
        maxExtensions: d.maxExtensions,
        lateDays: it.late_days,
        answeredOn: it.answered_on,
        publicAnswer: it.public_answer,
        publishDue: it.publish_due,
        publishedOn: it.published_on,
        version: it.version,
        history: d.events.map((e) => ({ at: e.at, kind: e.kind, note: e.note, public: e.public, actor: e.actor })),
      };
    },
  );
}
