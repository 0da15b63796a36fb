// Answering a request closes it (R-C4). The answer goes to the requester; it is shown on the public
// status page only when the official chooses to publish it (it may concern one person's affairs).
// An answer after the deadline is still recorded, and the status says it was late.
import type { AppDeps } from '../../../../app-deps.js';
import { appendAudit } from '../../../../platform/audit/audit.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../../platform/calendar/calendar.js';
import type { T } from '../../../../platform/i18n/index.js';
import { MAX_TEXT } from '../input.js';
import { statusOf } from '../model.js';
import { authorise, type ChangeResult, type Commune, notifyRequester, openRequest, updateIfOpen } from './common.js';

export async function answerInfoRequest(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Commune,
  id: number,
  input: { answer: string; publish: boolean },
): Promise<ChangeResult> {
  const who = authorise(actor, commune);
  const answer = input.answer.trim();
  if (!answer) return { ok: false, errors: { answer: t('inforeq.err.answerRequired') } };
  if (answer.length > MAX_TEXT) return { ok: false, errors: { answer: t('inforeq.err.answerTooLong') } };
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<ChangeResult> => {
    const r = await openRequest(trx, commune, id);
    if (typeof r === 'string') return { ok: false, reason: r };
    const set = { status: 'answered' as const, answer, closed_on: today, publish_answer: input.publish ? 1 : 0 };
    if (!(await updateIfOpen(trx, id, set))) return { ok: false, reason: 'closed' };
    await appendAudit(trx, deps.dialect, now, who, {
      action: 'info_request.answered',
      entityType: 'info_request',
      entityId: id,
      unitId: commune.id,
      data: { code: r.tracking_code, closedOn: today, published: input.publish, status: statusOf({ ...r, ...set }, today) },
    });
    await notifyRequester(trx, r, `Trả lời yêu cầu ${r.tracking_code}`, answer, now);
    return { ok: true };
  });
}
