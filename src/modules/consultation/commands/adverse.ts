// R-D3 (Law 10/2022 Art 27): before a decision that imposes obligations or restricts rights is
// issued, each affected person is told and may give views; the views (or the record that none were
// given) and the explanation are filed with it. Art 55(2): an agency's union is consulted before
// the agency's democracy regulation is issued.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { parseDate, type T } from '../../../platform/i18n/index.js';
import { abilities } from '../consultation.policy.js';
import { ADVERSE_MATTER, UNION_MATTER } from '../matters.js';
import { loadForUpdate, type Result } from './common.js';

export type AffectedInput = { name: string; notifiedOn: string; noticeMethod: string; views: string; gaveNoViews: boolean; explanation: string };

export function addAffected(deps: AppDeps, t: T, actor: Actor, id: number, input: AffectedInput): Promise<Result> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).prepare) return { ok: false, reason: 'forbidden' };
    if (c.matter !== ADVERSE_MATTER || c.status === 'issued') return { ok: false, reason: 'wrong_state' };
    const e: FieldErrors = {};
    if (!input.name.trim()) e.name = t('consultation.err.affectedName');
    const on = parseDate(input.notifiedOn);
    if (!on) e.notifiedOn = t('consultation.err.date');
    else if (on > todayInVietnam(now)) e.notifiedOn = t('consultation.err.future');
    if (!input.noticeMethod.trim()) e.noticeMethod = t('consultation.err.noticeMethod');
    if (!input.views.trim() && !input.gaveNoViews) e.views = t('consultation.err.views');
    if (!input.explanation.trim()) e.explanation = t('consultation.err.explanation');
    if (Object.keys(e).length) return { ok: false, errors: e };
    const row = await trx
      .insertInto('consultation_affected')
      .values({
        consultation_id: id,
        name: input.name.trim().slice(0, 200),
        notified_on: on!,
        notice_method: input.noticeMethod.trim().slice(0, 200),
        views: input.views.trim() || null,
        gave_no_views: input.gaveNoViews && !input.views.trim() ? 1 : 0,
        explanation: input.explanation.trim(),
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The name is personal data: the audit keeps the record's id, not the name.
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.affected_recorded',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { affectedId: row.id, notifiedOn: on },
    });
    return { ok: true, id };
  });
}

export function recordUnionOpinion(deps: AppDeps, t: T, actor: Actor, id: number, input: { date: string; opinion: string }): Promise<Result> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).recordUnion) return { ok: false, reason: 'forbidden' };
    if (c.scope !== 'agency' || c.matter !== UNION_MATTER || c.status === 'issued' || c.status === 'draft') return { ok: false, reason: 'wrong_state' };
    const e: FieldErrors = {};
    const on = parseDate(input.date);
    if (!on) e.unionDate = t('consultation.err.date');
    else if (on > todayInVietnam(now)) e.unionDate = t('consultation.err.future');
    if (!input.opinion.trim()) e.unionOpinion = t('consultation.err.unionOpinion');
    if (Object.keys(e).length) return { ok: false, errors: e };
    await trx
      .updateTable('consultations')
      .set({ union_consulted_on: on, union_opinion: input.opinion.trim(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.union_opinion',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { date: on },
    });
    return { ok: true, id };
  });
}
