// Ending or withdrawing a disclosure, always with a reason (issue 3 item 3). A posting may not be
// ended before its legal minimum (R-C2: never shortened below the law); withdrawing (a disclosure
// made in error) is allowed at any time and stays visible as withdrawn, with its reason.
import type { AppDeps } from '../../../app-deps.js';
import { ruleSetOrNull } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { minimumPostingEnd } from '../rules/posting.js';

export type CloseResult = { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'wrong_state' };

export async function closeDisclosure(
  deps: AppDeps,
  t: T,
  actor: Actor,
  id: number,
  unitId: number,
  how: 'end' | 'withdraw',
  reason: string,
): Promise<CloseResult> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  if (!reason.trim()) return { ok: false, errors: { reason: t('disclosure.err.reasonRequired') } };
  return deps.db.transaction().execute(async (trx): Promise<CloseResult> => {
    const d = await trx.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d || d.unit_id !== unitId) return { ok: false, reason: 'not_found' };
    const allowed = how === 'end' ? d.status === 'published' : d.status === 'published' || d.status === 'draft';
    if (!allowed) return { ok: false, reason: 'wrong_state' };
    const rs = d.posting_start ? ruleSetOrNull(d.posting_start) : null;
    if (how === 'end' && d.posting_start && rs) {
      const min = minimumPostingEnd(d.category, d.posting_start, rs, d.scope);
      if (min && today <= min) return { ok: false, errors: { reason: t('disclosure.err.tooEarlyToEnd', { date: formatDate(min) }) } };
    }
    const status = how === 'end' ? 'ended' : 'withdrawn';
    await trx
      .updateTable('disclosures')
      .set({ status, status_reason: reason.trim(), posting_end: how === 'end' ? today : d.posting_end, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: `disclosure.${status}`,
      entityType: 'disclosure',
      entityId: id,
      unitId: d.unit_id,
      data: { from: d.status, reason: reason.trim() },
    });
    return { ok: true };
  });
}
