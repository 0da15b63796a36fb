// Correcting a published disclosure (issue 3 item 3): a new version with a note saying what changed;
// the earlier versions stay readable on the page and every version is in the audit chain. Categories
// 4 and 13 are "updated on change" this way (Law 10/2022 Art 13(2)).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { checkUploads, type Upload, withStoredFiles } from '../../../platform/files/uploads.js';
import type { T } from '../../../platform/i18n/index.js';
import { snapshot, writeDetails } from '../disclosure.repo.js';
import { attach } from './attachments.js';
import { indexDisclosure, notifyFollowers } from './publish.js';
import type { SaveResult, Target } from './save-draft.js';
import { type DraftInput, validateDraft } from './validate.js';

export async function correctDisclosure(
  deps: AppDeps,
  t: T,
  actor: Actor,
  target: Target,
  id: number,
  input: DraftInput,
  changeNote: string,
  uploads: Upload[],
): Promise<SaveResult> {
  const now = deps.clock.now();
  const v = validateDraft(t, input, target.scope, todayInVietnam(now), target.villageIds);
  const up = checkUploads(deps, t, uploads);
  const errors = { ...(v.ok ? {} : v.errors), ...(up.ok ? {} : up.errors) };
  if (!changeNote.trim()) errors.changeNote = t('disclosure.err.changeNoteRequired');
  if (!v.ok || !up.ok || errors.changeNote) return { ok: false, errors };
  const d = v.value;
  return withStoredFiles(deps, up.files, (stored) =>
    deps.db.transaction().execute(async (trx): Promise<SaveResult> => {
      const row = await trx.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || row.unit_id !== target.unitId || row.agency_id !== target.agencyId) return { ok: false, reason: 'not_found' };
      if (row.status !== 'published') return { ok: false, reason: 'not_draft' };
      const version = row.version + 1;
      await trx
        .updateTable('disclosures')
        .set({
          version,
          category: d.category,
          title: d.title,
          body: d.body,
          decision_number: d.decisionNumber,
          decision_date: d.decisionDate,
          decision_signer: d.decisionSigner,
          audience: d.audience,
          posting_start: d.postingStart ?? row.posting_start,
          posting_end: d.postingEnd ?? row.posting_end,
          late_reason: d.lateReason,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await writeDetails(trx, id, d, actor.userId, now.toISOString());
      await attach(trx, id, version, stored, actor.userId, now.toISOString());
      await trx
        .insertInto('disclosure_versions')
        .values({
          disclosure_id: id,
          version,
          snapshot: JSON.stringify(await snapshot(trx, id)),
          change_note: changeNote.trim(),
          created_by: actor.userId,
          created_at: now.toISOString(),
        })
        .execute();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'disclosure.corrected',
        entityType: 'disclosure',
        entityId: id,
        unitId: row.unit_id,
        data: { version, changeNote: changeNote.trim() },
      });
      await indexDisclosure(trx, { ...row, ...{ title: d.title, body: d.body, category: d.category, decision_number: d.decisionNumber } });
      await notifyFollowers(trx, { ...row, title: d.title, category: d.category }, d.villageIds, 'corrected', now);
      return { ok: true, id };
    }),
  );
}
