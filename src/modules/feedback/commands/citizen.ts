// What the citizen holding a tracking code may do after the answer (issue 5 item 5; R-H8; Law 10/2022
// Arts 34(1), 35(2)(a)): rate each answer once (satisfied / not satisfied, with a comment), and, for a
// petition, report or question, ask the commune to consider it again within the commune's reopen
// period (Law 10/2022 Art 35(2)(b)). A complaint or denunciation is never reopened at the same body
// (review finding 9): the law sends it upward instead (Complaints Law Art 33: a second complaint or a
// court action; Denunciation Law Art 37: a denunciation to the body above), which the tracking page
// shows with its date.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { FeedbackKind } from '../../../db/types.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { appendEvent, CITIZEN, normaliseTrackingCode, notifyCitizen } from '../common.js';
import { firstClock } from '../rules/clocks.js';

export type CitizenResult = { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' };
const MAX_COMMENT = 2000;
const ANSWERED = ['answered', 'closed'] as const;

/** The kinds the commune itself considers again (Law 10/2022 Art 35(2)(b); Reception Law Art 28). */
export const REOPENABLE: readonly FeedbackKind[] = ['petition', 'report', 'question'];

/**
 * Has the current answer been rated? The item keeps its latest rating (the statistics count it, and
 * the earlier ones stay in the history as "rated" events), so after a reopening the rating on the
 * item belongs to the earlier answer until a "rated" event follows the last "reopened" one.
 */
export async function ratedThisAnswer(db: Conn, item: { id: number; rating: string | null }): Promise<boolean> {
  if (!item.rating) return false;
  const last = await db
    .selectFrom('feedback_events')
    .select(['kind', (eb) => eb.fn.max('id').as('id')])
    .where('item_id', '=', item.id)
    .where('kind', 'in', ['rated', 'reopened'])
    .groupBy('kind')
    .execute();
  const at = (k: string) => Number(last.find((r) => r.kind === k)?.id ?? 0);
  return at('rated') > at('reopened') || at('reopened') === 0;
}

async function itemByCode(deps: AppDeps, code: string) {
  return deps.db.selectFrom('feedback_items').selectAll().where('tracking_code', '=', normaliseTrackingCode(code)).executeTakeFirst();
}

/** R-H8: one rating per answer. A reopened item's next answer may be rated again; the new rating
 * replaces the item's latest rating, the earlier one stays in the history. */
export async function rateAnswer(deps: AppDeps, t: T, code: string, input: { rating: string; comment: string }): Promise<CitizenResult> {
  const item = await itemByCode(deps, code);
  if (!item) return { ok: false, reason: 'not_found' };
  const errors: FieldErrors = {};
  if (!(ANSWERED as readonly string[]).includes(item.status) || !item.answered_on) errors.rating = t('feedback.intake.err.notAnswered');
  else if (await ratedThisAnswer(deps.db, item)) errors.rating = t('feedback.intake.err.alreadyRated');
  else if (input.rating !== 'satisfied' && input.rating !== 'not_satisfied') errors.rating = t('feedback.intake.err.rating');
  const comment = input.comment.trim();
  if (comment.length > MAX_COMMENT) errors.comment = t('feedback.intake.err.tooLong', { max: MAX_COMMENT });
  if (Object.keys(errors).length) return { ok: false, errors };
  const rating = input.rating as 'satisfied' | 'not_satisfied';
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<CitizenResult> => {
    const r = await trx
      .updateTable('feedback_items')
      .set({ rating, rating_comment: comment || null, rated_at: now.toISOString(), updated_at: now.toISOString(), version: item.version + 1 })
      .where('id', '=', item.id)
      .where('version', '=', item.version)
      .executeTakeFirst();
    // Two submissions at once: only the first counts.
    if (Number(r.numUpdatedRows) !== 1) return { ok: false, errors: { rating: t('feedback.intake.err.alreadyRated') } };
    await appendEvent(trx, item.id, now, CITIZEN, { kind: 'rated', note: t(`feedback.intake.rating.${rating}`) + (comment ? `: ${comment}` : '') });
    // No comment in the audit data: it is the citizen's free text.
    await appendAudit(trx, deps.dialect, now, CITIZEN, {
      action: 'feedback.rated',
      entityType: 'feedback_item',
      entityId: item.id,
      unitId: item.commune_id,
      data: { code: item.tracking_code, rating },
    });
    return { ok: true };
  });
}

/**
 * Reopening a petition, report or question within `reopen_until` (set at the answer from the
 * commune's reopen period) returns it to its handling unit with a fresh answer clock counted from
 * today (Reception Law Art 28(1); R-H6). The earlier answer and rating stay in the history, and the
 * rating stays on the item as its latest until the next answer is rated.
 */
export async function reopenItem(deps: AppDeps, t: T, code: string, input: { reason: string }): Promise<CitizenResult & { due?: string }> {
  const item = await itemByCode(deps, code);
  if (!item) return { ok: false, reason: 'not_found' };
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const errors: FieldErrors = {};
  // Finding 9: a complaint goes to a second complaint or to court (Complaints Law Art 33), a
  // denunciation to the body above (Denunciation Law Art 37); neither starts again at the same body.
  if (item.kind === 'complaint') errors.reason = t('feedback.intake.err.reopenComplaint');
  else if (item.kind === 'denunciation') errors.reason = t('feedback.intake.err.reopenDenunciation');
  else if (!(ANSWERED as readonly string[]).includes(item.status) || !item.reopen_until) errors.reason = t('feedback.intake.err.notReopenable');
  else if (today > item.reopen_until) errors.reason = t('feedback.intake.err.reopenExpired', { date: formatDate(item.reopen_until) });
  const reason = input.reason.trim();
  if (!errors.reason && !reason) errors.reason = t('feedback.intake.err.reopenReason');
  else if (reason.length > MAX_COMMENT) errors.reason = t('feedback.intake.err.tooLong', { max: MAX_COMMENT });
  if (Object.keys(errors).length) return { ok: false, errors };

  const rules = ruleSetOn(today).feedback;
  const cal = await workingCalendar(deps);
  const { clock, due } = firstClock(item.kind, today, { multiSite: item.multi_site === 1 }, rules, cal);
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('feedback_items')
      .set({
        status: 'received',
        accept_due: due,
        clock,
        due_on: due,
        answered_on: null,
        escalated_on: null,
        reopen_until: null,
        reopen_count: item.reopen_count + 1,
        updated_at: now.toISOString(),
        version: item.version + 1,
      })
      .where('id', '=', item.id)
      .where('version', '=', item.version)
      .where('kind', 'in', REOPENABLE)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { ok: false as const, errors: { reason: t('feedback.intake.err.changed') } };
    await appendEvent(trx, item.id, now, CITIZEN, { kind: 'reopened', note: reason, toUnitId: item.handler_unit_id });
    await appendAudit(trx, deps.dialect, now, CITIZEN, {
      action: 'feedback.reopened',
      entityType: 'feedback_item',
      entityId: item.id,
      unitId: item.commune_id,
      data: { code: item.tracking_code, clock, due },
    });
    await notifyCitizen(
      trx,
      deps,
      item,
      {
        title: t('feedback.intake.notice.reopenedTitle', { code: item.tracking_code }),
        body: t('feedback.intake.notice.reopenedBody', { due: formatDate(due) }),
      },
      now,
    );
    return { ok: true as const, due };
  });
}
