// JSON API of village covenants (issue 8): the covenants of a village or commune, and one covenant with
// its text by article, versions, status, steps and recognition. Public covenants only (posted for
// comments or later); drafts stay with officials.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { NotFound } from '../../platform/errors.js';
import { splitArticles } from '../consultation/rules/articles.js';
import { unitById } from '../units/units.repo.js';
import { covenantRecord, isPublic } from './present.js';
import { covenantsUnder, findCovenant, stateOf } from './repo.js';

const N = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Summary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  village: Type.Object({ id: Type.Integer(), name: Type.String() }),
  status: Type.String({
    description:
      'drafting | consultation | ready_to_vote | voting | adopted | awaiting_recognition | refused | in_force | suspended | annulled | replaced | not_adopted',
  }),
  origin: Type.String({ description: "'proposed' (Decree 61/2023) or 'transitional' (adopted before 1 July 2023, Law Art 91(3))" }),
  inForceFrom: N(Type.String({ description: 'The recognition date (Decree 61 Art 11)' })),
  url: Type.String(),
});
const Detail = Type.Intersect([
  Summary,
  Type.Object({
    text: Type.Array(Type.Object({ label: Type.String(), heading: Type.String(), body: Type.String() })),
    translation: N(Type.Object({ language: Type.String(), text: Type.String() }) as never),
    versions: Type.Array(Type.Object({ number: Type.Integer(), note: Type.String(), createdAt: Type.String() })),
    recognition: Type.Object({
      submittedOn: N(Type.String()),
      decidedOn: N(Type.String()),
      decision: N(Type.String({ description: 'recognised | refused' })),
      refusalReason: N(Type.String()),
      number: N(Type.String()),
    }),
    steps: Type.Array(Type.Object({ step: Type.String(), params: Type.Record(Type.String(), Type.String()), due: N(Type.String()), overdue: Type.Boolean() })),
    reviews: Type.Array(Type.Object({ year: Type.Integer(), heldOn: Type.String(), outcome: Type.String(), note: Type.String() })),
  }),
]);
const ListQuery = Type.Object({ unit: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of a village or commune' }) });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

export function covenantsApi(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());
  const url = (id: number) => `${deps.config.publicUrl}/covenants/${id}`;

  app.get(
    '/api/v1/covenants',
    {
      schema: {
        summary: 'Village covenants of a village or commune (Decree 61/2023)',
        tags: ['covenants'],
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Summary) }) },
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const unit = await unitById(db, q.unit);
      if (!unit) throw new NotFound();
      const items = [];
      for (const c of await covenantsUnder(db, unit)) {
        const s = await stateOf(db, c, today());
        if (!isPublic(s)) continue;
        items.push({
          id: c.id,
          title: c.title,
          village: { id: c.unit_id, name: c.village },
          status: s.status,
          origin: c.origin,
          inForceFrom: s.inForceFrom,
          url: url(c.id),
        });
      }
      return { items };
    },
  );

  app.get(
    '/api/v1/covenants/:id',
    { schema: { summary: 'One village covenant: text, versions, status, recognition', tags: ['covenants'], params: IdParams, response: { 200: Detail } } },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      const c = await findCovenant(db, id);
      if (!c) throw new NotFound();
      const s = await stateOf(db, c, today());
      if (!isPublic(s)) throw new NotFound();
      const r = await covenantRecord(deps, s, today());
      const village = await unitById(db, c.unit_id);
      const last = r.versions.at(-1);
      const v = r.vote;
      return {
        id: c.id,
        title: c.title,
        village: { id: c.unit_id, name: village?.name ?? '' },
        status: r.status,
        origin: c.origin,
        inForceFrom: r.inForceFrom,
        url: url(c.id),
        text: last ? splitArticles(last.text).map((a) => ({ label: a.label, heading: a.heading, body: a.body })) : [],
        translation: last?.translation_text ? { language: last.translation_language ?? '', text: last.translation_text } : null,
        versions: r.versions.map((x) => ({ number: x.number, note: x.note, createdAt: x.created_at })),
        recognition: {
          submittedOn: v?.submitted_on ?? null,
          decidedOn: c.origin === 'transitional' ? c.recognised_on : v && (v.status === 'recognised' || v.status === 'refused') ? v.recognised_on : null,
          decision: c.origin === 'transitional' ? 'recognised' : v && (v.status === 'recognised' || v.status === 'refused') ? v.status : null,
          refusalReason: v?.refusal_reason ?? null,
          number: c.recognition_number,
        },
        steps: r.steps.map((x) => ({ step: x.key, params: x.params, due: x.clock?.due ?? null, overdue: x.clock?.overdue ?? false })),
        reviews: r.reviews.map((x) => ({ year: x.year, heldOn: x.held_on, outcome: x.outcome, note: x.note })),
      };
    },
  );
}
