// Builds and sends the draft page and the synthesis page, also when a form on them comes back with
// errors (the page again, with what was typed and the messages next to the fields).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import type { CommentInput } from './commands/comment.js';
import { abilities, mayCommentOnline } from './consultation.policy.js';
import * as repo from './consultation.repo.js';
import { channelsFor } from './matters.js';
import { daysLeft, phaseOn } from './rules/period.js';
import { ConsultationPage } from './views/detail.js';
import { label } from './views/labels.js';
import type { ManageModel } from './views/manage.js';
import { type GroupView, SynthesisPage } from './views/synthesis.js';

/** The consultation, if the actor may read it (agency consultations: its staff only, Art 53). */
export async function readable(req: FastifyRequest, deps: AppDeps, id: number) {
  const c = Number.isSafeInteger(id) ? await repo.findConsultation(deps.db, id) : undefined;
  if (!c) throw new NotFound();
  const can = abilities(req.actor, c);
  if (!can.read) {
    if (c.scope === 'commune') throw new NotFound();
    throw req.actor ? new Forbidden() : new Unauthenticated();
  }
  return { c, can };
}

export const placeOf = (c: repo.ConsultationRow) =>
  c.scope === 'agency'
    ? { href: `/agencies/${c.agency_id}/consultations`, name: c.agency_name ?? '' }
    : { href: `/units/${c.unit_id}/consultations`, name: c.unit_name };

export const emptyComment = (): CommentInput => ({ article: '', body: '', stance: '', channel: '', authorName: '', organisation: '' });

type Extras = { form?: CommentInput; errors?: Record<string, string>; values?: Record<string, string> };

export async function sendDetail(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, id: number, x: Extras = {}, status = 200) {
  const { c, can } = await readable(req, deps, id);
  const q = req.query as Record<string, string | undefined>;
  const today = todayInVietnam(deps.clock.now());
  const phase = phaseOn(c, today);
  const mine = q.mine === '1' && !!req.actor?.userId;
  const articleFilter = q.article === 'general' ? null : q.article && /^\d{1,9}$/.test(q.article) ? Number(q.article) : undefined;
  const before = q.before && /^\d{1,9}$/.test(q.before) ? Number(q.before) : undefined;
  const [articles, counts, attachments, villages, page, responses, stances, affected] = await Promise.all([
    repo.articlesOf(deps.db, id),
    repo.groupCounts(deps.db, id),
    repo.attachmentsOf(deps.db, id),
    repo.villagesOf(deps.db, id),
    repo.commentPage(deps.db, id, { articleId: articleFilter, before, authorId: mine ? req.actor!.userId! : undefined }),
    c.synthesis_published_at ? repo.responsesOf(deps.db, id) : Promise.resolve([]),
    req.actor?.userId
      ? deps.db
          .selectFrom('consultation_stances')
          .select(['article_id', 'stance'])
          .where('consultation_id', '=', id)
          .where('user_id', '=', req.actor.userId)
          .execute()
      : Promise.resolve([]),
    can.prepare ? repo.affectedOf(deps.db, id) : Promise.resolve([]),
  ]);
  const myStance = new Map(stances.map((s) => [s.article_id, s.stance]));
  const zero = { comments: 0, agree: 0, disagree: 0 };
  const manage: ManageModel | null =
    can.prepare || can.recordUnion
      ? {
          c,
          canPrepare: can.prepare,
          canEnter: can.prepare && phase === 'open',
          canRecordUnion: can.recordUnion,
          channels: channelsFor(c.scope),
          affected,
          values: x.values ?? {},
          errors: x.errors ?? {},
        }
      : null;
  return sendPage(
    req,
    reply,
    <ConsultationPage
      view={viewOf(req, deps)}
      m={{
        c,
        phase,
        daysLeft: c.closes_on ? daysLeft(c.closes_on, today) : 0,
        place: placeOf(c),
        villages,
        articles: articles.map((a) => ({ ...a, ...(counts.get(a.id) ?? zero), mine: myStance.get(a.id) ?? null })),
        general: counts.get(null)?.comments ?? 0,
        attachments,
        comments: page.rows,
        next: page.next,
        filter: { article: q.article ?? '', mine },
        answers: new Map(responses.map((r) => [r.article_id, label(req.t, 'answer', r.answer)])),
        canComment: mayCommentOnline(req.actor, c, villages.length ? villages.map((v) => v.path) : null),
        signedIn: !!req.actor,
        readNames: can.readNames,
        manage,
        // Coming from an article's link, the form is already on that article.
        form: x.form ?? { ...emptyComment(), article: articleFilter ? String(articleFilter) : '' },
        errors: x.errors,
      }}
    />,
    status,
  );
}

/** The groups of the synthesis: the whole draft first, then each article, with counts and answers. */
export async function synthesisGroups(deps: AppDeps, id: number, wholeDraft: string): Promise<GroupView[]> {
  const [articles, counts, responses] = await Promise.all([repo.articlesOf(deps.db, id), repo.groupCounts(deps.db, id), repo.responsesOf(deps.db, id)]);
  const byArticle = new Map(responses.map((r) => [r.article_id, r]));
  const zero = { comments: 0, agree: 0, disagree: 0 };
  const group = (articleId: number | null, title: string): GroupView => {
    const r = byArticle.get(articleId);
    return {
      key: articleId === null ? 'general' : String(articleId),
      articleId,
      title,
      ...(counts.get(articleId) ?? zero),
      response: r ? { answer: r.answer, summary: r.summary, explanation: r.explanation } : null,
    };
  };
  // Only groups with something to answer: comments, agree/disagree, or an answer already given.
  return [group(null, wholeDraft), ...articles.map((a) => group(a.id, a.heading ? `${a.label}. ${a.heading}` : a.label))].filter(
    (g) => g.comments > 0 || g.agree + g.disagree > 0 || g.response,
  );
}

export async function sendSynthesis(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, id: number, x: Extras = {}, status = 200) {
  const { c, can } = await readable(req, deps, id);
  const editable = can.prepare && c.status === 'open' && !c.synthesis_published_at;
  // Until it is published the synthesis is the officials' working paper.
  if (!c.synthesis_published_at && !can.readDrafts) throw new NotFound();
  const groups = await synthesisGroups(deps, id, req.t('consultation.wholeDraft'));
  const mineRows = req.actor?.userId
    ? await deps.db
        .selectFrom('consultation_comments')
        .select(['id', 'article_id', 'body', 'public_body'])
        .where('consultation_id', '=', id)
        .where('author_user_id', '=', req.actor.userId)
        .orderBy('id', 'desc')
        .limit(50)
        .execute()
    : [];
  return sendPage(
    req,
    reply,
    <SynthesisPage
      view={viewOf(req, deps)}
      m={{
        c,
        groups,
        editable,
        canDisclose: can.prepare && c.scope === 'commune' && !!c.synthesis_published_at,
        mine: mineRows.map((r) => ({ id: r.id, group: r.article_id === null ? 'general' : String(r.article_id), body: r.public_body ?? r.body })),
        values: x.values ?? {},
        errors: x.errors,
      }}
    />,
    status,
  );
}
