// A disclosure version's attachments: the files (checked and stored by platform/files/uploads.ts)
// linked to the version they were published with.
import type { Conn } from '../../../db/index.js';
import type { StoredFile } from '../../../platform/files/store.js';

export async function attach(
  trx: Conn,
  disclosureId: number,
  version: number,
  stored: { file: StoredFile; filename: string }[],
  actorId: number | null,
  now: string,
) {
  for (const s of stored) {
    const row = await trx
      .insertInto('files')
      .values({ sha256: s.file.sha256, filename: s.filename.slice(0, 200), mime: s.file.kind.mime, size: s.file.size, created_by: actorId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('disclosure_attachments').values({ disclosure_id: disclosureId, file_id: row.id, version }).execute();
  }
}
