// JSON API of dialogues (issue 6 item 8): a commune's dialogue conferences with residents (Law 10/2022
// Art 32) with their questions, answers and published minutes. Leaders' dialogues inside agencies are
// their staff's only (Art 59(1)(b)) and are never listed here.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { NotFound } from '../../platform/errors.js';
import * as repo from './dialogue.repo.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Summary = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  topic: Type.String(),
  place: Type.String(),
  startsAt: Type.String({ description: 'ISO 8601 instant (UTC)' }),
  year: Type.Integer({ description: 'Calendar year in Vietnam time (R-G2: at least one a year)' }),
  coOrganiser: Type.String({ description: 'Art 32: held with the commune Fatherland Front' }),
  status: Type.String({ description: 'scheduled | held' }),
  heldOn: Nullable(Type.String()),
  minutesPublishedAt: Nullable(Type.String()),
  questions: Type.Integer(),
  answered: Type.Integer(),
  url: Type.String(),
});
const Question = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  askerName: Nullable(Type.String({ description: 'The name the asker chose to show, if any' })),
  channel: Type.String(),
  askedAt: Type.String(),
  answer: Nullable(Type.String()),
  answeredBy: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});
const Detail = Type.Intersect([
  Summary,
  Type.Object({
    minutes: Nullable(Type.String()),
    questionList: Type.Object({ items: Type.Array(Question), page: Type.Integer(), nextPage: Type.Union([Type.Integer(), Type.Null()]) }),
  }),
]);
const ListQuery = Type.Object({
  unit: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of a commune (or a province: all its communes)' }),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
const PAGE = 100;

export function dialogueApi(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const url = (id: number) => `${deps.config.publicUrl}/dialogues/${id}`;
  const base = () =>
    db
      .selectFrom('dialogues as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .select([
        'd.id',
        'd.unit_id',
        'u.name as unit_name',
        'u.path',
        'd.topic',
        'd.place',
        'd.starts_at',
        'd.year',
        'd.co_organiser',
        'd.status',
        'd.held_on',
        'd.minutes_published_at',
        'd.minutes',
      ])
      .where('d.agency_id', 'is', null);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const summary = (r: Row, counts: { total: number; answered: number }) => ({
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    topic: r.topic,
    place: r.place,
    startsAt: r.starts_at,
    year: r.year,
    coOrganiser: r.co_organiser,
    status: r.status,
    heldOn: r.held_on,
    minutesPublishedAt: r.minutes_published_at,
    questions: counts.total,
    answered: counts.answered,
    url: url(r.id),
  });

  app.get(
    '/api/v1/dialogues',
    {
      schema: {
        summary: "A commune's dialogue conferences with residents (Law 10/2022 Art 32; R-G2), by year",
        tags: ['dialogues'],
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Summary), page: Type.Integer(), nextPage: Type.Union([Type.Integer(), Type.Null()]) }) },
      },
    },
    async (req) => {
      const q = req.query as { unit: number; year?: number; page?: number };
      const unit = await db.selectFrom('units').select('path').where('id', '=', q.unit).executeTakeFirst();
      if (!unit) throw new NotFound();
      const page = q.page ?? 1;
      let sel = base().where('u.path', 'like', `${unit.path}%`);
      if (q.year) sel = sel.where('d.year', '=', q.year);
      const rows = await sel
        .orderBy('d.starts_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(PAGE + 1)
        .offset((page - 1) * PAGE)
        .execute();
      const items = await Promise.all(rows.slice(0, PAGE).map(async (r) => summary(r, await repo.questionCounts(db, r.id))));
      return { items, page, nextPage: rows.length > PAGE ? page + 1 : null };
    },
  );

  app.get(
    '/api/v1/dialogues/:id',
    {
      schema: {
        summary: 'One dialogue conference with its questions (a page of 50), answers and published minutes',
        tags: ['dialogues'],
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }),
        response: { 200: Detail },
      },
    },
    async (req) => {
      const { id } = req.params as { id: number };
      const page = (req.query as { page?: number }).page ?? 1;
      const r = await base().where('d.id', '=', id).executeTakeFirst();
      if (!r) throw new NotFound();
      const [counts, qs] = await Promise.all([repo.questionCounts(db, id), repo.questionsOf(db, id, { withHidden: false, page })]);
      return {
        ...summary(r, counts),
        minutes: r.minutes_published_at ? r.minutes : null,
        questionList: {
          items: qs.rows.map((q) => ({
            id: q.id,
            text: q.text,
            askerName: q.asker_name,
            channel: q.channel,
            askedAt: q.created_at,
            answer: q.answer,
            answeredBy: q.answered_by,
            answeredAt: q.answered_at,
          })),
          page,
          nextPage: qs.more ? page + 1 : null,
        },
      };
    },
  );
}
