// A disclosure version's attachments: the files (checked and stored by platform/files/uploads.ts)
// linked to the version they were published with.
import type { Conn } from '../../../db/index.js';
import type { StoredFile } from '../../../platform/files/store.js';
import { insertFileRow } from '../../../platform/files/uploads.js';

export async function attach(
  trx: Conn,
  disclosureId: number,
  version: number,
  stored: { file: StoredFile; filename: string }[],
  actorId: number | null,
  now: string,
) {
  for (const s of stored) {
    const fileId = await insertFileRow(trx, s, actorId, now);
    await trx.insertInto('disclosure_attachments').values({ disclosure_id: disclosureId, file_id: fileId, version }).execute();
  }
}
