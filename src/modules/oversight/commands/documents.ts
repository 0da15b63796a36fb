// The project register's documents (issue 7 item 5; Law 10/2022 Arts 41–43): the investment decision,
// design, contract, acceptance record, final accounts and others, one kind per file, kept in the
// platform's `files` table through the same upload checks as the boards' evidence. Most are public
// (Art 11(3) disclosure of investment; Art 43(2) the board's right to them); the official marks each.
import type { AppDeps } from '../../../app-deps.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { type Checked, insertFileRow, withStoredFiles } from '../../../platform/files/uploads.js';
import type { T } from '../../../platform/i18n/index.js';
import { oversightPolicy } from '../oversight.policy.js';
import { DOC_KINDS } from '../tables.js';
import { audit, invalid, type Result, refuse } from './common.js';

export async function addProjectDocuments(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  projectId: number,
  input: { kind: string; public: boolean },
  files: Checked[],
): Promise<Result<{ count: number }>> {
  const p = await deps.db.selectFrom('oversight_projects').select(['id', 'commune_id']).where('id', '=', projectId).executeTakeFirst();
  if (!p) return refuse('not_found');
  const commune = await deps.db.selectFrom('units').select('path').where('id', '=', p.commune_id).executeTakeFirstOrThrow();
  if (!actor || !oversightPolicy(actor, 'manageProjects', { unitPath: commune.path })) return refuse('forbidden');
  const e: FieldErrors = {};
  const kind = DOC_KINDS.find((k) => k === input.kind);
  if (!kind) e.docKind = t('oversight.err.choose');
  if (!files.length) e.files = t('oversight.err.fileRequired');
  if (!kind || Object.keys(e).length) return invalid(e);
  const iso = deps.clock.now().toISOString();
  return withStoredFiles(deps, files, (stored) =>
    deps.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (const f of stored) {
        const fileId = await insertFileRow(trx, f, actor.userId, iso);
        await trx
          .insertInto('oversight_files')
          .values({ activity_id: null, project_id: p.id, file_id: fileId, doc_kind: kind, public: input.public ? 1 : 0 })
          .execute();
        ids.push(fileId);
      }
      await audit(trx, deps, actor, {
        action: 'oversight.project.documents_added',
        entityType: 'oversight_project',
        entityId: p.id,
        unitId: p.commune_id,
        data: { kind, public: input.public, fileIds: ids, sha256: stored.map((f) => f.file.sha256) },
      });
      return { ok: true as const, count: ids.length };
    }),
  );
}
