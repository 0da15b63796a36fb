// Refusing a request closes it, always in writing with the reasons (Law 104/2016 Art 28(2)): the
// reasons go to the requester and stay on the public status page.
import type { AppDeps } from '../../../../app-deps.js';
import { appendAudit } from '../../../../platform/audit/audit.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../../platform/calendar/calendar.js';
import type { T } from '../../../../platform/i18n/index.js';
import { MAX_TEXT } from '../input.js';
import { authorise, type ChangeResult, type Commune, notifyRequester, openRequest, updateIfOpen } from './common.js';

export async function refuseInfoRequest(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Commune,
  id: number,
  input: { reason: string },
): Promise<ChangeResult> {
  const who = authorise(actor, commune);
  const reason = input.reason.trim();
  if (!reason) return { ok: false, errors: { refusalReason: t('inforeq.status.refusalNote') } };
  if (reason.length > MAX_TEXT) return { ok: false, errors: { refusalReason: t('inforeq.err.refusalTooLong') } };
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<ChangeResult> => {
    const r = await openRequest(trx, commune, id);
    if (typeof r === 'string') return { ok: false, reason: r };
    if (!(await updateIfOpen(trx, id, { status: 'refused', refusal_reason: reason, closed_on: today }))) return { ok: false, reason: 'closed' };
    await appendAudit(trx, deps.dialect, now, who, {
      action: 'info_request.refused',
      entityType: 'info_request',
      entityId: id,
      unitId: commune.id,
      data: { code: r.tracking_code, closedOn: today, reason },
    });
    await notifyRequester(trx, r, `Từ chối cung cấp thông tin (${r.tracking_code})`, `Lý do: ${reason}`, now);
    return { ok: true };
  });
}
