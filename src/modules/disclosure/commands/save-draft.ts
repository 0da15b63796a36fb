// Prepare a disclosure (issue 3 item 1): create or update a draft. Drafts are edited freely; once
// published a disclosure is only corrected (a new version), never silently edited (item 3).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { checkUploads, type Upload, withStoredFiles } from '../../../platform/files/uploads.js';
import type { T } from '../../../platform/i18n/index.js';
import { writeDetails } from '../disclosure.repo.js';
import { attach } from './attachments.js';
import { type DraftInput, validateDraft } from './validate.js';

export type Target = { unitId: number; unitPath: string; scope: 'commune' | 'agency'; agencyId: number | null; villageIds: Set<number> };
export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_draft' | 'not_found' };

export async function saveDraft(deps: AppDeps, t: T, actor: Actor, target: Target, input: DraftInput, uploads: Upload[], id?: number): Promise<SaveResult> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const v = validateDraft(t, input, target.scope, today, target.villageIds);
  const up = checkUploads(deps, t, uploads);
  if (!v.ok || !up.ok) return { ok: false, errors: { ...(v.ok ? {} : v.errors), ...(up.ok ? {} : up.errors) } };
  const d = v.value;
  return withStoredFiles(deps, up.files, (stored) =>
    deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
      const values = {
        category: d.category,
        title: d.title,
        body: d.body,
        decision_number: d.decisionNumber,
        decision_date: d.decisionDate,
        decision_signer: d.decisionSigner,
        audience: d.audience,
        posting_start: d.postingStart,
        posting_end: d.postingEnd,
        late_reason: d.lateReason,
        year: Number((d.postingStart ?? d.decisionDate ?? today).slice(0, 4)),
        updated_at: now.toISOString(),
      };
      let disclosureId: number;
      if (id) {
        const row = await trx.selectFrom('disclosures').select(['id', 'status', 'unit_id', 'agency_id']).where('id', '=', id).executeTakeFirst();
        if (!row || row.unit_id !== target.unitId || row.agency_id !== target.agencyId) return { ok: false, reason: 'not_found' };
        if (row.status !== 'draft') return { ok: false, reason: 'not_draft' };
        await trx.updateTable('disclosures').set(values).where('id', '=', id).execute();
        disclosureId = id;
      } else {
        const row = await trx
          .insertInto('disclosures')
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
        disclosureId = row.id;
      }
      await writeDetails(trx, disclosureId, d, actor.userId, now.toISOString());
      await attach(trx, disclosureId, 1, stored, actor.userId, now.toISOString());
      await appendAudit(trx, deps.dialect, now, actor, {
        action: id ? 'disclosure.draft_updated' : 'disclosure.draft_created',
        entityType: 'disclosure',
        entityId: disclosureId,
        unitId: target.unitId,
        data: { title: d.title, category: d.category, files: stored.map((s) => s.file.sha256) },
      });
      return { ok: true, id: disclosureId };
    }),
  );
}
