// The life of a consultation: opened (R-D1: published with its period counted from that day, the
// plan already sent to the commune People's Council and Front, Art 28(1)–(2)), closed only once
// the synthesis and explanation are published (R-D2, Art 28(3)), then marked issued (R-D3 for an
// adverse decision, Art 27; the union's opinion for an agency's democracy regulation, Art 55(2)).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, parseDate, type T } from '../../../platform/i18n/index.js';
import { abilities } from '../consultation.policy.js';
import { ADVERSE_MATTER, UNION_MATTER } from '../matters.js';
import { lastDay } from '../rules/period.js';
import { loadForUpdate, type Result } from './common.js';

export function openConsultation(deps: AppDeps, t: T, actor: Actor, id: number): Promise<Result> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).prepare) return { ok: false, reason: 'forbidden' };
    if (c.status !== 'draft') return { ok: false, reason: 'wrong_state' };
    if (c.scope === 'commune' && !c.plan_sent_on) return { ok: false, errors: { planSentOn: t('consultation.err.planNotSent') } };
    const closes = lastDay(today, c.period_days);
    await trx
      .updateTable('consultations')
      .set({ status: 'open', opens_on: today, closes_on: closes, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.opened',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { opensOn: today, closesOn: closes, periodDays: c.period_days, shortPeriodLaw: c.short_period_law },
    });
    return { ok: true, id };
  });
}

export function closeConsultation(deps: AppDeps, t: T, actor: Actor, id: number): Promise<Result> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).prepare) return { ok: false, reason: 'forbidden' };
    if (c.status !== 'open') return { ok: false, reason: 'wrong_state' };
    // R-D2: no closing without the published synthesis and explanation (Art 28(3)).
    if (!c.synthesis_published_at) return { ok: false, errors: { close: t('consultation.err.closeWithoutSynthesis') } };
    if (c.closes_on && today <= c.closes_on) return { ok: false, errors: { close: t('consultation.err.stillOpen', { date: formatDate(c.closes_on) }) } };
    await trx
      .updateTable('consultations')
      .set({ status: 'closed', closed_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, { action: 'consultation.closed', entityType: 'consultation', entityId: id, unitId: c.unit_id });
    return { ok: true, id };
  });
}

export type IssueInput = { number: string; date: string };

export function markIssued(deps: AppDeps, t: T, actor: Actor, id: number, input: IssueInput): Promise<Result> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const c = await loadForUpdate(trx, id);
    if (!c) return { ok: false, reason: 'not_found' };
    if (!abilities(actor, c).prepare) return { ok: false, reason: 'forbidden' };
    const e: FieldErrors = {};
    if (c.status !== 'closed') e.issue = t('consultation.err.issueNotClosed');
    const date = parseDate(input.date);
    if (!date) e.issuedOn = t('consultation.err.date');
    else if (date > today) e.issuedOn = t('consultation.err.future');
    if (!input.number.trim()) e.issuedNumber = t('consultation.err.issuedNumber');
    if (c.matter === ADVERSE_MATTER && c.scope === 'commune') {
      // R-D3 (Art 27): the affected persons were told, and their views (or that they gave none)
      // and the explanation are in the dossier.
      const affected = await trx.selectFrom('consultation_affected').select(['id']).where('consultation_id', '=', id).execute();
      if (affected.length === 0) e.issue = t('consultation.err.noAffected');
    }
    if (c.matter === UNION_MATTER && c.scope === 'agency' && !c.union_consulted_on) e.issue = t('consultation.err.noUnion');
    if (Object.keys(e).length) return { ok: false, errors: e };
    await trx
      .updateTable('consultations')
      .set({ status: 'issued', issued_on: date, issued_number: input.number.trim().slice(0, 100), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'consultation.issued',
      entityType: 'consultation',
      entityId: id,
      unitId: c.unit_id,
      data: { number: input.number.trim(), date },
    });
    return { ok: true, id };
  });
}
