// JSON API of disclosures: reads are public (published commune disclosures); writes take an API
// token bound to a role on the commune (cookies are not accepted for writes, so no CSRF risk).
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { AppError, Forbidden, NotFound, Unauthenticated, ValidationFailed } from '../../platform/errors.js';
import { publishDisclosure } from './commands/publish.js';
import { saveDraft } from './commands/save-draft.js';
import { communeOf, targetFor } from './context.js';
import { disclosurePolicy } from './disclosure.policy.js';
import * as repo from './disclosure.repo.js';
import { presentDisclosure } from './present.js';

const Item = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  category: Type.Integer({ description: 'Law 10/2022 Art 11 group (1–14)' }),
  categoryLabel: Type.String(),
  state: Type.String({ description: 'current | expired | ended | withdrawn' }),
  version: Type.Integer(),
  title: Type.String(),
  postingStart: Type.Union([Type.String(), Type.Null()]),
  postingEnd: Type.Union([Type.String(), Type.Null()], { description: 'null: posted permanently (Art 13(2))' }),
  decision: Type.Object({
    number: Type.Union([Type.String(), Type.Null()]),
    date: Type.Union([Type.String(), Type.Null()]),
    signer: Type.Union([Type.String(), Type.Null()]),
  }),
  timeliness: Type.Union([
    Type.Object({ status: Type.String(), deadline: Type.String(), workingDaysLate: Type.Integer(), reason: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  url: Type.String(),
});
const ListQuery = Type.Object({
  unit: Type.Integer({ description: 'Internal id of the commune (GET /api/v1/units?code=…)' }),
  category: Type.Optional(Type.Integer({ minimum: 1, maximum: 14 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Search; diacritics are ignored' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
const Create = Type.Object({
  unit: Type.Integer(),
  category: Type.Integer(),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  body: Type.Optional(Type.String({ maxLength: 100000 })),
  decision: Type.Optional(
    Type.Object({ number: Type.Optional(Type.String()), date: Type.Optional(Type.String({ format: 'date' })), signer: Type.Optional(Type.String()) }),
  ),
  audience: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('villages')])),
  villageIds: Type.Optional(Type.Array(Type.Integer())),
  postingStart: Type.Optional(Type.String({ format: 'date' })),
  postingEnd: Type.Optional(Type.String({ format: 'date' })),
  lateReason: Type.Optional(Type.String()),
  forms: Type.Optional(
    Type.Array(
      Type.Object({
        form: Type.String(),
        start: Type.String({ format: 'date' }),
        end: Type.Optional(Type.String({ format: 'date' })),
        detail: Type.Optional(Type.String()),
      }),
    ),
  ),
});

function tokenActor(req: FastifyRequest) {
  if (!req.actor) throw new Unauthenticated();
  if (req.actor.via !== 'token') throw new AppError(403, 'token_required', 'token_required');
  return req.actor;
}

export function disclosureApi(app: FastifyInstance, deps: AppDeps): void {
  const url = (id: number) => `${deps.config.publicUrl}/disclosures/${id}`;

  app.get(
    '/api/v1/disclosures',
    {
      schema: {
        summary: 'Published disclosures of a commune',
        tags: ['disclosures'],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Item),
            total: Type.Integer({ description: 'Counted up to 1000' }),
            more: Type.Boolean({ description: 'More than `total` match; narrow the query' }),
            nextPage: Type.Union([Type.Integer(), Type.Null()]),
            page: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const unit = await communeOf(deps, q.unit);
      const page = q.page ?? 1;
      const { rows, total, capped, hasNext } = await repo.listDisclosures(deps.db, deps.dialect, {
        unitId: unit.id,
        scope: 'commune',
        category: q.category,
        year: q.year,
        q: q.q,
        statuses: ['published', 'ended'],
        page,
        pageSize: 50,
      });
      const cal = await workingCalendar(deps);
      const today = todayInVietnam(deps.clock.now());
      return {
        items: rows.map((r) => ({ ...pick(presentDisclosure(r, today, cal)), url: url(r.id) })),
        total,
        more: capped,
        nextPage: hasNext ? page + 1 : null,
        page,
      };
    },
  );

  app.get(
    '/api/v1/disclosures/:id',
    { schema: { summary: 'One disclosure with its forms, attachments and versions', tags: ['disclosures'], params: Type.Object({ id: Type.Integer() }) } },
    async (req) => {
      const d = await repo.findDisclosure(deps.db, (req.params as { id: number }).id);
      if (d?.scope !== 'commune' || d.status === 'draft') throw new NotFound();
      const [forms, files, versions, cal] = await Promise.all([
        repo.formsOf(deps.db, d.id),
        repo.attachmentsOf(deps.db, d.id),
        repo.versionsOf(deps.db, d.id),
        workingCalendar(deps),
      ]);
      const v = presentDisclosure(d, todayInVietnam(deps.clock.now()), cal);
      return {
        ...pick(v),
        body: v.body,
        statusReason: v.statusReason,
        url: url(d.id),
        forms: forms.map((f) => ({ form: f.form, start: f.start_date, end: f.end_date, detail: f.detail, villageId: f.village_id })),
        attachments: files.map((f) => ({
          filename: f.filename,
          mime: f.mime,
          size: f.size,
          sha256: f.sha256,
          url: `${deps.config.publicUrl}/files/${f.id}/${encodeURIComponent(f.filename)}`,
        })),
        versions: versions.map((x) => ({ version: x.version, changeNote: x.change_note, createdAt: x.created_at })),
      };
    },
  );

  app.post(
    '/api/v1/disclosures',
    {
      schema: {
        summary: 'Create a draft disclosure (API token with commune_official or commune_chairman on the commune)',
        tags: ['disclosures'],
        body: Create,
        security: [{ bearer: [] }],
      },
    },
    async (req, reply) => {
      const actor = tokenActor(req);
      const b = req.body as Static<typeof Create>;
      const unit = await communeOf(deps, b.unit);
      if (!disclosurePolicy(actor, 'prepare', { unitPath: unit.path })) throw new Forbidden();
      const target = await targetFor(deps, unit, null);
      const r = await saveDraft(
        deps,
        req.t,
        actor,
        target,
        {
          category: String(b.category),
          title: b.title,
          body: b.body ?? '',
          decisionNumber: b.decision?.number ?? '',
          decisionDate: b.decision?.date ?? '',
          decisionSigner: b.decision?.signer ?? '',
          audience: b.audience ?? 'all',
          villageIds: (b.villageIds ?? []).map(String),
          postingStart: b.postingStart ?? '',
          postingEnd: b.postingEnd ?? '',
          lateReason: b.lateReason ?? '',
          forms: (b.forms ?? []).map((f) => ({ form: f.form, start: f.start, end: f.end ?? '', detail: f.detail ?? '' })),
        },
        [],
      );
      if (!r.ok) throw 'errors' in r ? new ValidationFailed(r.errors) : new NotFound();
      return reply.code(201).send({ id: r.id, status: 'draft', url: url(r.id) });
    },
  );

  app.post(
    '/api/v1/disclosures/:id/publish',
    { schema: { summary: 'Publish a draft', tags: ['disclosures'], params: Type.Object({ id: Type.Integer() }), security: [{ bearer: [] }] } },
    async (req) => {
      const actor = tokenActor(req);
      const d = await repo.findDisclosure(deps.db, (req.params as { id: number }).id);
      if (d?.scope !== 'commune') throw new NotFound();
      const unit = await communeOf(deps, d.unit_id);
      if (!disclosurePolicy(actor, 'publish', { unitPath: unit.path })) throw new Forbidden();
      const r = await publishDisclosure(deps, actor, d.id, unit.id);
      if (!r.ok) throw new AppError(409, 'not_draft', 'not_draft');
      return { id: d.id, status: 'published', url: url(d.id) };
    },
  );
}

function pick(v: ReturnType<typeof presentDisclosure>) {
  return {
    id: v.id,
    unitId: v.unitId,
    category: v.category,
    categoryLabel: v.categoryLabel,
    state: v.state,
    version: v.version,
    title: v.title,
    postingStart: v.postingStart,
    postingEnd: v.postingEnd,
    decision: v.decision,
    timeliness: v.timeliness,
  };
}
