// JSON API of community decisions (issue 4 item 10): published results are public, each with its
// working (households in total, present, approving, threshold, outcome, article); writes take an
// API token bound to a role on the village or commune and run the same commands as the pages.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { AppError, Forbidden, NotFound, Unauthenticated, ValidationFailed } from '../../platform/errors.js';
import type { Failure } from '../../platform/results.js';
import { unitById } from '../units/units.repo.js';
import { countVote } from './commands/count.js';
import { finaliseVote } from './commands/finalise.js';
import { confirmMinutes, saveMinutes } from './commands/minutes.js';
import { proposeMatter } from './commands/propose.js';
import { recogniseVote } from './commands/recognise.js';
import { recordMeeting } from './commands/record-meeting.js';
import { emptySchedule, scheduleVote } from './commands/schedule.js';
import { publishResult, submitVote } from './commands/submit.js';
import { loadVoteRecord } from './present.js';
import type { StoredWorking } from './rules/threshold.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Working = Type.Object({
  householdsTotal: Type.Integer({ description: 'All households on the village register on the vote date (Art 21(1))' }),
  present: Type.Union([Type.Integer(), Type.Null()], { description: 'Present at the meeting, or households that voted' }),
  approving: Type.Integer(),
  threshold: Type.String({ description: "'two_thirds' (≥ 2/3, items 1–2) or 'majority' (> 1/2, items 3–6)" }),
  needed: Type.Integer({ description: 'Least number of approving households that adopts' }),
  outcome: Type.String({ description: 'adopted | not_adopted' }),
  article: Type.String(),
  candidates: Type.Optional(Type.Array(Type.Object({ name: Type.String(), approving: Type.Integer(), elected: Type.Boolean() }))),
});
const Decision = Type.Object({
  id: Type.Integer({ description: 'The vote id' }),
  matter: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    item: Type.Integer({ description: 'Law 10/2022 Art 15 item (1–6)' }),
    scope: Type.String(),
    status: Type.String(),
    effectiveFrom: Nullable(Type.String()),
  }),
  village: Type.Object({ id: Type.Integer(), name: Type.String() }),
  form: Type.String({ description: 'meeting | household_ballot | online' }),
  date: Type.String(),
  status: Type.String(),
  decision: Nullable(Type.String()),
  counts: Type.Record(Type.String(), Type.Integer()),
  working: Type.Union([Working, Type.Null()]),
  publishedOn: Nullable(Type.String()),
  url: Type.String(),
});
const ListQuery = Type.Object({
  unit: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of a village or commune' }),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const S = Type.Optional(Type.String({ maxLength: 20000 }));

function tokenActor(req: FastifyRequest) {
  if (!req.actor) throw new Unauthenticated();
  if (req.actor.via !== 'token') throw new AppError(403, 'token_required', 'token_required');
  return req.actor;
}
function orThrow<T extends { ok: true }>(r: T | Failure): T {
  if (r.ok) return r;
  if ('errors' in r) throw new ValidationFailed(r.errors);
  if (r.reason === 'not_found') throw new NotFound();
  if (r.reason === 'forbidden') throw new Forbidden();
  throw new AppError(409, 'conflict', 'wrong_state');
}

export function decisionsApi(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const url = (id: number) => `${deps.config.publicUrl}/votes/${id}`;

  async function present(id: number) {
    const r = await loadVoteRecord(deps, id);
    if (!r?.vote.published_on) return null;
    const w = r.working as StoredWorking | null;
    return {
      id: r.vote.id,
      matter: {
        id: r.matter.id,
        title: r.matter.title,
        item: r.matter.item,
        scope: r.matter.scope,
        status: r.matter.status,
        effectiveFrom: r.matter.effective_from,
      },
      village: { id: r.village.id, name: r.village.name },
      form: r.vote.form,
      date: r.vote.vote_date,
      status: r.vote.status,
      decision: r.vote.decision_text,
      counts: r.counts,
      working: w && {
        householdsTotal: w.householdsTotal,
        present: w.present,
        approving: w.approving,
        threshold: w.kind,
        needed: w.needed,
        outcome: w.adopted ? 'adopted' : 'not_adopted',
        article: w.article,
        ...(w.candidates ? { candidates: w.candidates.map((c) => ({ name: c.label, approving: c.approving, elected: c.elected })) } : {}),
      },
      publishedOn: r.vote.published_on,
      url: url(r.vote.id),
    };
  }

  app.get(
    '/api/v1/decisions',
    {
      schema: {
        summary: 'Published community decisions of a village or commune (R-A17)',
        tags: ['decisions'],
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Decision), page: Type.Integer(), nextPage: Type.Union([Type.Integer(), Type.Null()]) }) },
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const unit = await unitById(db, q.unit);
      if (!unit) throw new NotFound();
      const page = q.page ?? 1;
      const rows = await db
        .selectFrom('votes as v')
        .innerJoin('units as u', 'u.id', 'v.unit_id')
        .select('v.id')
        .where('u.path', 'like', `${unit.path}%`)
        .where('v.published_on', 'is not', null)
        .orderBy('v.vote_date', 'desc')
        .orderBy('v.id', 'desc')
        .limit(51)
        .offset((page - 1) * 50)
        .execute();
      const items = [];
      for (const r of rows.slice(0, 50)) {
        const d = await present(r.id);
        if (d) items.push(d);
      }
      return { items, page, nextPage: rows.length > 50 ? page + 1 : null };
    },
  );

  app.get(
    '/api/v1/decisions/:id',
    { schema: { summary: 'One published community decision with its working', tags: ['decisions'], params: IdParams, response: { 200: Decision } } },
    async (req) => {
      const d = await present((req.params as { id: number }).id);
      if (!d) throw new NotFound();
      return d;
    },
  );

  const write = { tags: ['decisions'], security: [{ bearer: [] }] };
  const Propose = Type.Object({
    unit: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    item: Type.Integer({ minimum: 1, maximum: 6 }),
    title: Type.String({ maxLength: 300 }),
    description: S,
    initiative: Type.Optional(Type.Boolean()),
    agreementBy: S,
    agreementOn: S,
    initiatorName: S,
  });
  app.post(
    '/api/v1/matters',
    { schema: { ...write, summary: 'Propose a matter (village head / commune chairman token)', body: Propose } },
    async (req, reply) => {
      const b = req.body as Static<typeof Propose>;
      const r = orThrow(
        await proposeMatter(deps, req.t, tokenActor(req), b.unit, {
          item: String(b.item),
          title: b.title,
          description: b.description ?? '',
          proposer: b.initiative ? 'initiative' : 'leader',
          agreementBy: b.agreementBy ?? '',
          agreementOn: b.agreementOn ?? '',
          initiatorName: b.initiatorName ?? '',
        }),
      );
      return reply.code(201).send({ id: r.id, url: `${deps.config.publicUrl}/matters/${r.id}` });
    },
  );

  const Schedule = Type.Partial(Type.Record(Type.Union(Object.keys(emptySchedule()).map((k) => Type.Literal(k))), Type.String({ maxLength: 2000 })));
  app.post(
    '/api/v1/matters/:id/votes',
    { schema: { ...write, summary: 'Schedule a vote (same fields as the page; dates dd/mm/yyyy or yyyy-mm-dd)', params: IdParams, body: Schedule } },
    async (req, reply) => {
      const r = orThrow(await scheduleVote(deps, req.t, tokenActor(req), (req.params as { id: number }).id, { ...emptySchedule(), ...(req.body as object) }));
      return reply.code(201).send({ id: r.id, url: url(r.id) });
    },
  );

  const Meeting = Type.Object({
    method: Type.Union([Type.Literal('show_of_hands'), Type.Literal('secret_ballot')]),
    attendance: Type.Array(
      Type.Object({ household: Type.Integer({ minimum: 1, maximum: 2147483647 }), cluster: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }),
      { maxItems: 100000 },
    ),
    secretary: Type.String(),
    secretaryVotes: Type.Integer({ minimum: 0 }),
    committee: Type.Optional(Type.Array(Type.String())),
    committeeVotes: Type.Optional(Type.Integer({ minimum: 0 })),
    witnesses: Type.Optional(Type.Array(Type.String())),
    counts: Type.Array(Type.Object({ option: Type.String(), count: Type.Integer({ minimum: 0 }), cluster: Type.Optional(Type.Integer({ minimum: 1 })) })),
  });
  const id = (req: FastifyRequest) => (req.params as { id: number }).id;
  app.post(
    '/api/v1/votes/:id/meeting',
    { schema: { ...write, summary: 'Record a held meeting: attendance and counts', params: IdParams, body: Meeting } },
    async (req) => {
      const b = req.body as Static<typeof Meeting>;
      orThrow(
        await recordMeeting(deps, req.t, tokenActor(req), id(req), {
          method: b.method,
          attendance: Object.fromEntries(b.attendance.map((a) => [String(a.household), String(a.cluster ?? 1)])),
          secretary: b.secretary,
          secretaryVotes: String(b.secretaryVotes),
          committee: (b.committee ?? []).join('\n'),
          committeeVotes: b.committeeVotes == null ? '' : String(b.committeeVotes),
          witnesses: (b.witnesses ?? []).join('\n'),
          counts: Object.fromEntries(b.counts.map((c) => [`${c.cluster ?? 1}:${c.option}`, String(c.count)])),
        }),
      );
      return { ok: true };
    },
  );
  const Witnesses = Type.Object({ witnesses: Type.Optional(Type.Array(Type.String())) });
  app.post(
    '/api/v1/votes/:id/count',
    { schema: { ...write, summary: 'Count an online vote or household ballot after its close', params: IdParams, body: Witnesses } },
    async (req) => {
      orThrow(await countVote(deps, req.t, tokenActor(req), id(req), { witnesses: ((req.body as Static<typeof Witnesses>).witnesses ?? []).join('\n') }));
      return { ok: true };
    },
  );
  const Minutes = Type.Object({ content: Type.String(), decisionText: Type.String(), rep1: Type.String(), rep2: Type.String() });
  app.post('/api/v1/votes/:id/minutes', { schema: { ...write, summary: 'Write the minutes (Art 20(2))', params: IdParams, body: Minutes } }, async (req) => {
    orThrow(await saveMinutes(deps, req.t, tokenActor(req), id(req), req.body as Static<typeof Minutes>));
    return { ok: true };
  });
  const Confirm = Type.Object({ as: Type.Union([Type.Literal('village_head'), Type.Literal('front_head')]) });
  app.post(
    '/api/v1/votes/:id/confirm',
    { schema: { ...write, summary: 'Confirm the minutes as village head or Front work committee head', params: IdParams, body: Confirm } },
    async (req) => {
      orThrow(await confirmMinutes(deps, req.t, tokenActor(req), id(req), (req.body as Static<typeof Confirm>).as));
      return { ok: true };
    },
  );
  app.post(
    '/api/v1/votes/:id/finalise',
    { schema: { ...write, summary: 'Finalise the decision (refused while any Art 20(2) part is missing)', params: IdParams } },
    async (req) => {
      orThrow(await finaliseVote(deps, req.t, tokenActor(req), id(req)));
      return { ok: true };
    },
  );
  const Submit = Type.Object({ submittedOn: Type.Optional(Type.String()) });
  app.post(
    '/api/v1/votes/:id/submit',
    { schema: { ...write, summary: 'Record sending to the commune People’s Committee and Front (Art 20(3))', params: IdParams, body: Submit } },
    async (req) => {
      orThrow(await submitVote(deps, req.t, tokenActor(req), id(req), { submittedOn: (req.body as Static<typeof Submit>).submittedOn ?? '' }));
      return { ok: true };
    },
  );
  const Recognise = Type.Object({
    decision: Type.Union([Type.Literal('recognise'), Type.Literal('refuse')]),
    decidedOn: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
  });
  app.post(
    '/api/v1/votes/:id/recognise',
    { schema: { ...write, summary: 'Recognise or refuse (Art 21(2))', params: IdParams, body: Recognise } },
    async (req) => {
      const b = req.body as Static<typeof Recognise>;
      orThrow(await recogniseVote(deps, req.t, tokenActor(req), id(req), { decision: b.decision, decidedOn: b.decidedOn ?? '', reason: b.reason ?? '' }));
      return { ok: true };
    },
  );
  app.post('/api/v1/votes/:id/publish', { schema: { ...write, summary: 'Publish the result to residents (Art 23(2))', params: IdParams } }, async (req) => {
    orThrow(await publishResult(deps, tokenActor(req), id(req)));
    return { ok: true };
  });
}
