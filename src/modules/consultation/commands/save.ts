// Prepare a consultation (issue 6 item 1): the matter, the draft split into articles, the uploaded
// Word/PDF kept too, the plan (Art 28(1)), the period (R-D1) and the audience. A draft is edited
// freely; once opened its text is what residents comment on and is no longer changed.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { checkUploads, insertFileRow, type Upload, withStoredFiles } from '../../../platform/files/uploads.js';
import { parseDate, type T } from '../../../platform/i18n/index.js';
import { formsFor, mattersFor } from '../matters.js';
import { splitArticles } from '../rules/articles.js';
import { checkPeriod } from '../rules/period.js';

export type ConsultationInput = {
  title: string;
  matter: string;
  summary: string;
  draftText: string;
  audience: string;
  villageIds: string[];
  periodDays: string;
  shortPeriodLaw: string;
  planContent: string;
  planForms: string[];
  planTimeline: string;
  planResponsible: string;
  planSentOn: string;
};
export type Target = { unitId: number; scope: 'commune' | 'agency'; agencyId: number | null; villageIds: Set<number> };
export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'wrong_state' };

export function validate(t: T, input: ConsultationInput, target: Target, today: string) {
  const e: FieldErrors = {};
  const title = input.title.trim();
  if (!title) e.title = t('consultation.err.title');
  else if (title.length > 300) e.title = t('consultation.err.titleLong');
  if (!mattersFor(target.scope).includes(input.matter)) e.matter = t('consultation.err.matter');
  const articles = splitArticles(input.draftText);
  if (articles.length === 0) e.draftText = t('consultation.err.draftText');
  else if (input.draftText.length > 200_000) e.draftText = t('consultation.err.draftLong');
  const days = /^\d{1,3}$/.test(input.periodDays.trim()) ? Number(input.periodDays.trim()) : Number.NaN;
  const period = checkPeriod(target.scope, days, input.shortPeriodLaw);
  if (!period.ok) {
    if (period.reason === 'not_positive') e.periodDays = t('consultation.err.periodDays');
    else e.shortPeriodLaw = t('consultation.err.shortPeriodLaw', { days });
  }
  const villages = input.audience === 'villages' ? input.villageIds.map(Number).filter((v) => target.villageIds.has(v)) : [];
  if (target.scope === 'commune') {
    if (input.audience !== 'all' && input.audience !== 'villages') e.audience = t('consultation.err.audience');
    else if (input.audience === 'villages' && villages.length === 0) e.villageIds = t('consultation.err.villages');
    if (!input.planContent.trim()) e.planContent = t('consultation.err.planContent');
    if (!input.planTimeline.trim()) e.planTimeline = t('consultation.err.planTimeline');
    if (!input.planResponsible.trim()) e.planResponsible = t('consultation.err.planResponsible');
  }
  const forms = input.planForms.filter((f) => formsFor(target.scope).includes(f));
  let planSentOn: string | null = null;
  if (input.planSentOn.trim()) {
    planSentOn = parseDate(input.planSentOn);
    if (!planSentOn) e.planSentOn = t('consultation.err.date');
    else if (planSentOn > today) e.planSentOn = t('consultation.err.future');
  }
  if (Object.keys(e).length) return { ok: false as const, errors: e };
  return {
    ok: true as const,
    value: {
      title,
      matter: input.matter,
      summary: input.summary.trim(),
      draft_text: input.draftText.trim(),
      audience: (target.scope === 'agency' ? 'all' : input.audience) as 'all' | 'villages',
      period_days: days,
      short_period_law: input.shortPeriodLaw.trim() || null,
      plan_content: input.planContent.trim(),
      plan_forms: JSON.stringify(forms),
      plan_timeline: input.planTimeline.trim(),
      plan_responsible: input.planResponsible.trim(),
      plan_sent_on: planSentOn,
    },
    articles,
    villages,
  };
}

export async function saveConsultation(
  deps: AppDeps,
  t: T,
  actor: Actor,
  target: Target,
  input: ConsultationInput,
  uploads: Upload[],
  id?: number,
): Promise<SaveResult> {
  const now = deps.clock.now();
  const v = validate(t, input, target, todayInVietnam(now));
  const up = checkUploads(deps, t, uploads);
  if (!v.ok || !up.ok) return { ok: false, errors: { ...(v.ok ? {} : v.errors), ...(up.ok ? {} : up.errors) } };
  return withStoredFiles(deps, up.files, (stored) =>
    deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
      let cid: number;
      const values = { ...v.value, updated_at: now.toISOString() };
      if (id) {
        const row = await trx.selectFrom('consultations').select(['status', 'unit_id', 'agency_id']).where('id', '=', id).executeTakeFirst();
        if (!row || row.unit_id !== target.unitId || row.agency_id !== target.agencyId) return { ok: false, reason: 'not_found' };
        if (row.status !== 'draft') return { ok: false, reason: 'wrong_state' };
        await trx.updateTable('consultations').set(values).where('id', '=', id).execute();
        await trx.deleteFrom('consultation_articles').where('consultation_id', '=', id).execute();
        await trx.deleteFrom('consultation_villages').where('consultation_id', '=', id).execute();
        cid = id;
      } else {
        const row = await trx
          .insertInto('consultations')
          .values({
            ...values,
            unit_id: target.unitId,
            agency_id: target.agencyId,
            scope: target.scope,
            status: 'draft',
            created_by: actor.userId,
            created_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        cid = row.id;
      }
      // A draft's articles are replaced as a whole: nobody has commented on a draft yet.
      await trx
        .insertInto('consultation_articles')
        .values(v.articles.map((a) => ({ consultation_id: cid, ...a })))
        .execute();
      if (v.villages.length)
        await trx
          .insertInto('consultation_villages')
          .values(v.villages.map((village_id) => ({ consultation_id: cid, village_id })))
          .execute();
      for (const s of stored) {
        const fileId = await insertFileRow(trx, s, actor.userId, now.toISOString());
        await trx.insertInto('consultation_attachments').values({ consultation_id: cid, file_id: fileId }).execute();
      }
      await appendAudit(trx, deps.dialect, now, actor, {
        action: id ? 'consultation.draft_updated' : 'consultation.draft_created',
        entityType: 'consultation',
        entityId: cid,
        unitId: target.unitId,
        data: {
          title: v.value.title,
          matter: v.value.matter,
          articles: v.articles.length,
          periodDays: v.value.period_days,
          files: stored.map((s) => s.file.sha256),
        },
      });
      return { ok: true, id: cid };
    }),
  );
}
