// Publishing is a state change (issue 3 item 3): draft -> published, version 1 kept in full, audited,
// indexed for search, and announced to followers (item 8) in the same transaction. Every category
// also goes on the portal (this platform) from the day it is published (Law 10/2022 Art 13(1)).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { DisclosureTable } from '../../../db/types.js';
import { ruleSetOrNull } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { indexDoc } from '../../../platform/search/index.js';
import { snapshot } from '../disclosure.repo.js';
import { minimumPostingEnd } from '../rules/posting.js';
import { timeliness } from '../rules/timeliness.js';

export type PublishResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_draft' };

export async function indexDisclosure(trx: Conn, d: Pick<DisclosureTable, 'unit_id' | 'category' | 'title' | 'body' | 'decision_number'> & { id: number }) {
  // u<unit> and c<category> tokens let full-text search narrow to a commune and category itself.
  await indexDoc(trx, {
    entityType: 'disclosure',
    entityId: String(d.id),
    unitId: d.unit_id,
    title: d.title,
    text: `${d.body} ${d.decision_number ?? ''} u${d.unit_id} c${d.category}`,
  });
}

export async function notifyFollowers(
  trx: Conn,
  d: { id: number; unit_id: number; category: number; title: string; scope: string },
  villageIds: number[],
  kind: 'new' | 'corrected',
  now: Date,
) {
  if (d.scope !== 'commune') return; // agency disclosures stay inside the agency (Art 46)
  const units = [d.unit_id, ...villageIds];
  const followers = await trx
    .selectFrom('disclosure_follows')
    .select('user_id')
    .distinct()
    .where('unit_id', 'in', units)
    .where((eb) => eb.or([eb('category', 'is', null), eb('category', '=', d.category)]))
    .execute();
  for (const f of followers) {
    await enqueue(
      trx,
      {
        channel: 'in_app',
        recipient: String(f.user_id),
        template: 'notice',
        params: { title: kind === 'new' ? 'Thông tin mới được công khai' : 'Thông tin công khai được đính chính', body: d.title, link: `/disclosures/${d.id}` },
      },
      now,
    );
  }
}

export async function publishDisclosure(deps: AppDeps, actor: Actor, id: number, unitId: number): Promise<PublishResult> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const cal = await workingCalendar(deps);
  return deps.db.transaction().execute(async (trx): Promise<PublishResult> => {
    const d = await trx.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d || d.unit_id !== unitId) return { ok: false, reason: 'not_found' };
    if (d.status !== 'draft') return { ok: false, reason: 'not_draft' };
    const start = d.posting_start ?? today;
    const rs = ruleSetOrNull(start);
    const end = d.posting_end ?? (rs ? minimumPostingEnd(d.category, start, rs, d.scope) : null);
    await trx
      .updateTable('disclosures')
      .set({
        status: 'published',
        posting_start: start,
        posting_end: end,
        year: Number(start.slice(0, 4)),
        published_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    // A posting without its own end date stays up for the disclosure's posting period.
    await trx
      .updateTable('disclosure_forms')
      .set({ end_date: end })
      .where('disclosure_id', '=', id)
      .where('end_date', 'is', null)
      .where('form', 'in', ['posting_office', 'posting_village'])
      .execute();
    const hasPortal = await trx
      .selectFrom('disclosure_forms')
      .select('id')
      .where('disclosure_id', '=', id)
      .where('form', 'in', ['portal', 'internal_portal'])
      .executeTakeFirst();
    if (!hasPortal) {
      await trx
        .insertInto('disclosure_forms')
        .values({
          disclosure_id: id,
          form: d.scope === 'commune' ? 'portal' : 'internal_portal',
          start_date: today,
          end_date: end,
          detail: null,
          village_id: null,
          recorded_by: actor.userId,
          created_at: now.toISOString(),
        })
        .execute();
    }
    await trx
      .insertInto('disclosure_versions')
      .values({
        disclosure_id: id,
        version: 1,
        snapshot: JSON.stringify(await snapshot(trx, id)),
        change_note: null,
        created_by: actor.userId,
        created_at: now.toISOString(),
      })
      .execute();
    const timely = d.decision_date && rs ? timeliness({ decisionDate: d.decision_date, disclosureDate: start, scope: d.scope }, rs, cal) : null;
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'disclosure.published',
      entityType: 'disclosure',
      entityId: id,
      unitId: d.unit_id,
      data: { version: 1, postingStart: start, postingEnd: end, timeliness: timely?.status ?? null, workingDaysLate: timely?.workingDaysLate ?? 0 },
    });
    await indexDisclosure(trx, d);
    const villages = await trx.selectFrom('disclosure_villages').select('unit_id').where('disclosure_id', '=', id).execute();
    await notifyFollowers(
      trx,
      d,
      villages.map((v) => v.unit_id),
      'new',
      now,
    );
    return { ok: true };
  });
}
