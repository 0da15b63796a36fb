// JSON API (issue 6 item 8): a commune's opened consultations and one consultation with its articles,
// counts and, once published, its synthesis. Public, like the pages; agency consultations are not
// listed here (they stay inside the agency, Art 53).
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { NotFound } from '../../platform/errors.js';
import { communeOf } from '../disclosure/context.js';
import * as repo from './consultation.repo.js';
import { synthesisGroups } from './pages.js';
import { daysLeft, phaseOn } from './rules/period.js';
import { departsFromMajority, majorityView } from './rules/synthesis.js';
import type { ConsultationTable } from './tables.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Summary = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  title: Type.String(),
  matter: Type.String({ description: 'Law 10/2022 Art 25 item (item1 … item9)' }),
  state: Type.String({ description: 'open | ended (period over, synthesis pending) | closed | issued' }),
  opensOn: Nullable(Type.String({ format: 'date' })),
  closesOn: Nullable(Type.String({ format: 'date', description: 'Last day comments are received' })),
  daysLeft: Type.Integer(),
  synthesisPublished: Type.Boolean(),
  url: Type.String(),
});
const Group = Type.Object({
  articleId: Type.Union([Type.Integer(), Type.Null()], { description: 'null: comments on the draft as a whole' }),
  title: Type.String(),
  comments: Type.Integer(),
  agree: Type.Integer(),
  disagree: Type.Integer(),
  majority: Type.String({ description: 'agree | disagree | none' }),
  answer: Nullable(Type.String({ description: 'accepted | partly | not_accepted (after publication)' })),
  summary: Nullable(Type.String()),
  explanation: Nullable(Type.String()),
  departsFromMajority: Type.Boolean(),
});
const Detail = Type.Composite([
  Summary,
  Type.Object({
    summary: Type.String(),
    periodDays: Type.Integer(),
    shortPeriodLaw: Nullable(Type.String()),
    planSentOn: Nullable(Type.String({ format: 'date' })),
    articles: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String(), heading: Type.String(), body: Type.String() })),
    groups: Type.Array(Group),
    synthesis: Nullable(Type.String()),
    majorityExplanation: Nullable(Type.String()),
  }),
]);
const ListQuery = Type.Object({
  unit: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of the commune (GET /api/v1/units?code=…)' }),
  state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'open: comments received now; closed: with synthesis' })),
});

export function consultationApi(app: FastifyInstance, deps: AppDeps): void {
  const url = (id: number) => `${deps.config.publicUrl}/consultations/${id}`;
  const summary = (r: Awaited<ReturnType<typeof repo.listFor>>[number], today: string): Static<typeof Summary> => {
    const phase = phaseOn(r, today);
    return {
      id: r.id,
      unitId: r.unit_id,
      title: r.title,
      matter: r.matter,
      state: r.status === 'open' ? (phase === 'open' ? 'open' : 'ended') : r.status,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      daysLeft: r.closes_on && phase === 'open' ? daysLeft(r.closes_on, today) : 0,
      synthesisPublished: !!r.synthesis_published_at,
      url: url(r.id),
    };
  };

  app.get(
    '/api/v1/consultations',
    {
      schema: {
        summary: 'Consultations of a commune (opened ones)',
        tags: ['consultations'],
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Summary) }) },
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const unit = await communeOf(deps, q.unit);
      const statuses: ConsultationTable['status'][] =
        q.state === 'open' ? ['open'] : q.state === 'closed' ? ['closed', 'issued'] : ['open', 'closed', 'issued'];
      const today = todayInVietnam(deps.clock.now());
      const rows = await repo.listFor(deps.db, { unitId: unit.id, agencyId: null, statuses });
      return { items: rows.map((r) => summary(r, today)) };
    },
  );

  app.get(
    '/api/v1/consultations/:id',
    {
      schema: {
        summary: 'One consultation: articles, counts per article, synthesis once published',
        tags: ['consultations'],
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 200: Detail },
      },
    },
    async (req) => {
      const c = await repo.findConsultation(deps.db, (req.params as { id: number }).id);
      if (c?.scope !== 'commune' || c.status === 'draft') throw new NotFound();
      const today = todayInVietnam(deps.clock.now());
      const [articles, groups] = await Promise.all([repo.articlesOf(deps.db, c.id), synthesisGroups(deps, c.id, 'Toàn bộ dự thảo')]);
      const published = !!c.synthesis_published_at;
      return {
        ...summary(c, today),
        summary: c.summary,
        periodDays: c.period_days,
        shortPeriodLaw: c.short_period_law,
        planSentOn: c.plan_sent_on,
        articles: articles.map((a) => ({ id: a.id, label: a.label, heading: a.heading, body: a.body })),
        groups: groups.map((g) => {
          const r = published ? g.response : null;
          return {
            articleId: g.articleId,
            title: g.title,
            comments: g.comments,
            agree: g.agree,
            disagree: g.disagree,
            majority: majorityView(g.agree, g.disagree),
            answer: r?.answer ?? null,
            summary: r?.summary ?? null,
            explanation: r?.explanation ?? null,
            departsFromMajority: r ? departsFromMajority(r.answer, g.agree, g.disagree) : false,
          };
        }),
        synthesis: published ? c.synthesis_text : null,
        majorityExplanation: published ? c.majority_explanation : null,
      };
    },
  );
}
