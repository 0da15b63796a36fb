// Comments (issue 6 item 2; Law 10/2022 Arts 26, 54): a signed-in resident (or, in an agency, a
// staff member) comments online on the whole draft or on one article, with a light agree/disagree;
// officials enter comments from meetings, household forms, the suggestion box, the hotline, the
// portal, social networks and organisations' letters. Comments are public: a text still carrying a
// phone or ID number or the author's own name is sent back (Art 9(2)). Only while the period runs.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { carriesIdentity } from '../../feedback/commands/public-text.js';
import { abilities, mayCommentOnline } from '../consultation.policy.js';
import { channelsFor } from '../matters.js';
import { phaseOn } from '../rules/period.js';
import { loadForUpdate, looksPersonal, type Result, villagePaths } from './common.js';

export type CommentInput = {
  article: string;
  body: string;
  stance: string;
  /** Empty for one's own online comment; otherwise the channel an official enters it from. */
  channel: string;
  authorName: string;
  organisation: string;
};

const MAX_BODY = 5000;

async function articleOf(trx: Conn, id: number, raw: string): Promise<number | null | undefined> {
  if (raw === '' || raw === 'general') return null;
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  const a = await trx.selectFrom('consultation_articles').select('id').where('consultation_id', '=', id).where('id', '=', Number(raw)).executeTakeFirst();
  return a ? a.id : undefined;
}

async function upsertStance(
  trx: Conn,
  c: { id: number },
  articleId: number,
  userId: number | null,
  commentId: number | null,
  stance: 'agree' | 'disagree',
  now: string,
) {
  if (userId !== null) {
    const had = await trx.selectFrom('consultation_stances').select('id').where('article_id', '=', articleId).where('user_id', '=', userId).executeTakeFirst();
    if (had) {
      await trx.updateTable('consultation_stances').set({ stance, updated_at: now, comment_id: commentId }).where('id', '=', had.id).execute();
      return;
    }
  }
  await trx
    .insertInto('consultation_stances')
    .values({ consultation_id: c.id, article_id: articleId, user_id: userId, comment_id: commentId, stance, updated_at: now })
    .execute();
}

/** Comments are received from the publication day through the last day (R-D1). */
function phaseError(t: T, c: { opens_on: string | null; closes_on: string | null; status: string }, today: string): string | null {
  const phase = phaseOn(c, today);
  if (phase === 'open') return null;
  if (phase === 'not_yet' || phase === 'draft') return t('consultation.err.notOpenYet');
  return t('consultation.err.closedForComments', { date: formatDate(c.closes_on) });
}

export function addComment(deps: AppDeps, t: T, actor: Actor, id: number, input: CommentInput): Promise<Result> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    const entered = input.channel !== '';
    if (entered ? !abilities(actor, c).prepare : !mayCommentOnline(actor, c, await villagePaths(trx, id, c.audience)))
      return { ok: false, reason: 'forbidden' };
    const e: FieldErrors = {};
    const closed = phaseError(t, c, today);
    if (closed) return { ok: false, errors: { body: closed } };
    const articleId = await articleOf(trx, id, input.article);
    if (articleId === undefined) e.article = t('consultation.err.article');
    const body = input.body.trim();
    if (!body) e.body = t('consultation.err.emptyComment');
    else if (body.length > MAX_BODY) e.body = t('consultation.err.commentLong', { max: MAX_BODY });
    else if (looksPersonal(body)) e.body = t('consultation.err.personalData');
    const stance = input.stance === 'agree' || input.stance === 'disagree' ? input.stance : null;
    if (stance && !articleId) e.stance = t('consultation.err.stanceNeedsArticle');
    if (entered) {
      if (!channelsFor(c.scope).includes(input.channel)) e.channel = t('consultation.err.channel');
      if (input.channel === 'organisation' && !input.organisation.trim()) e.organisation = t('consultation.err.organisation');
      if (!e.body && input.authorName.trim() && carriesIdentity({ name: input.authorName }, body)) e.body = t('consultation.err.personalData');
    } else if (!e.body) {
      const me = await trx
        .selectFrom('users')
        .select(['display_name', 'phone'])
        .where('id', '=', actor.userId ?? -1)
        .executeTakeFirst();
      if (me && carriesIdentity({ name: me.display_name, phone: me.phone ?? undefined }, body)) e.body = t('consultation.err.personalData');
    }
    if (Object.keys(e).length) return { ok: false, errors: e };
    const row = await trx
      .insertInto('consultation_comments')
      .values({
        consultation_id: id,
        article_id: articleId ?? null,
        channel: entered ? input.channel : 'online',
        author_user_id: entered ? null : actor.userId,
        author_name: entered ? input.authorName.trim().slice(0, 200) || null : null,
        organisation: input.organisation.trim().slice(0, 200) || null,
        body,
        entered_by: entered ? actor.userId : null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (stance && articleId) await upsertStance(trx, c, articleId, entered ? null : actor.userId, row.id, stance, now.toISOString());
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.comment_added',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { commentId: row.id, articleId: articleId ?? null, channel: entered ? input.channel : 'online', stance },
    });
    return { ok: true, id: row.id };
  });
}

/** The light agree/disagree on one article, without a comment; a resident may change it. */
export function setStance(deps: AppDeps, t: T, actor: Actor, id: number, article: string, stance: string): Promise<Result> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!mayCommentOnline(actor, c, await villagePaths(trx, id, c.audience)) || actor.userId === null) return { ok: false, reason: 'forbidden' };
    const closed = phaseError(t, c, todayInVietnam(now));
    if (closed) return { ok: false, errors: { stance: closed } };
    const articleId = await articleOf(trx, id, article);
    if (!articleId || (stance !== 'agree' && stance !== 'disagree')) return { ok: false, errors: { stance: t('consultation.err.stance') } };
    await upsertStance(trx, c, articleId, actor.userId, null, stance, now.toISOString());
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.stance_set',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { articleId, stance },
    });
    return { ok: true, id };
  });
}

export type ModerateInput = { action: string; reason: string; publicBody: string };

/** Moderation never deletes: a comment is hidden with a reason, or shown with personal data removed;
 * the earlier public text stays in the audit log (issue 6 item 2). */
export function moderateComment(deps: AppDeps, t: T, actor: Actor, id: number, commentId: number, input: ModerateInput): Promise<Result> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).prepare) return { ok: false, reason: 'forbidden' };
    const cm = await trx.selectFrom('consultation_comments').selectAll().where('id', '=', commentId).where('consultation_id', '=', id).executeTakeFirst();
    if (!cm) return { ok: false, reason: 'not_found' };
    const e: FieldErrors = {};
    const set: { hidden_reason?: string | null; public_body?: string | null } = {};
    if (input.action === 'hide') {
      if (!input.reason.trim()) e.reason = t('consultation.err.hideReason');
      set.hidden_reason = input.reason.trim().slice(0, 500);
    } else if (input.action === 'redact') {
      const text = input.publicBody.trim();
      if (!text) e.publicBody = t('consultation.err.emptyComment');
      else if (looksPersonal(text) || (cm.author_name && carriesIdentity({ name: cm.author_name }, text))) e.publicBody = t('consultation.err.personalData');
      set.public_body = text;
    } else if (input.action === 'show') {
      set.hidden_reason = null;
    } else e.action = t('consultation.err.moderation');
    if (Object.keys(e).length) return { ok: false, errors: e };
    await trx.updateTable('consultation_comments').set(set).where('id', '=', commentId).execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: `consultation.comment_${input.action}`,
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { commentId, reason: set.hidden_reason ?? null, previousPublic: cm.public_body, previousHidden: cm.hidden_reason },
    });
    return { ok: true, id: commentId };
  });
}
