// Posting another module's draft for residents' comments inside that module's transaction: a village
// covenant is posted at the village for ≥ 30 days with comments by article (Decree 61/2023 Art 9(1);
// R-E1, R-D4). The caller has authorised the actor; this opens the consultation at once, as
// openConsultation does for a commune's own draft, so residents comment through the usual pages.
import type { Conn, Dialect } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { splitArticles } from '../rules/articles.js';
import { lastDay } from '../rules/period.js';

export type PostedDraft = {
  communeId: number;
  villageId: number;
  title: string;
  summary: string;
  draftText: string;
  periodDays: number;
  /** The Art 25 item; a covenant is 'item9' ("other contents the law provides": Decree 61 Art 9). */
  matter: string;
  planForms: string[];
  responsible: string;
};

export async function postDraftForComments(trx: Conn, dialect: Dialect, now: Date, actor: Actor, d: PostedDraft): Promise<{ id: number; closesOn: string }> {
  const today = todayInVietnam(now);
  const closesOn = lastDay(today, d.periodDays);
  const row = await trx
    .insertInto('consultations')
    .values({
      unit_id: d.communeId,
      agency_id: null,
      scope: 'commune',
      matter: d.matter,
      title: d.title,
      summary: d.summary,
      draft_text: d.draftText,
      status: 'open',
      audience: 'villages',
      period_days: d.periodDays,
      short_period_law: null,
      plan_content: d.summary,
      plan_forms: JSON.stringify(d.planForms),
      // Shown as written on the draft's page: Vietnamese dates (dd/mm/yyyy), like every date a resident reads.
      plan_timeline: `${formatDate(today)} – ${formatDate(closesOn)}`,
      plan_responsible: d.responsible,
      plan_sent_on: today,
      opens_on: today,
      closes_on: closesOn,
      created_by: actor.userId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('consultation_articles')
    .values(splitArticles(d.draftText).map((a) => ({ consultation_id: row.id, ...a })))
    .execute();
  await trx.insertInto('consultation_villages').values({ consultation_id: row.id, village_id: d.villageId }).execute();
  await appendAudit(trx, dialect, now, actor, {
    action: 'consultation.opened',
    entityType: 'consultation',
    entityId: row.id,
    unitId: d.communeId,
    data: { opensOn: today, closesOn, periodDays: d.periodDays, postedFor: d.matter },
  });
  return { id: row.id, closesOn };
}
