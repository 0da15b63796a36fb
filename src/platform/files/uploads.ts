// Uploaded attachments: checked by content and size before anything is written; stored before the
// transaction and removed again if it fails, so a failed upload leaves no record and no file.
import type { AppDeps } from '../../app-deps.js';
import type { Conn } from '../../db/index.js';
import type { FieldErrors } from '../errors.js';
import type { T } from '../i18n/index.js';
import { removeIfCreated, type StoredFile, saveFile, sniff } from './store.js';

export type Upload = { filename: string; bytes: Buffer; truncated?: boolean };
export type Checked = { upload: Upload; kind: NonNullable<ReturnType<typeof sniff>> };
export const MAX_FILES = 10;

export function checkUploads(deps: AppDeps, t: T, uploads: Upload[]): { ok: true; files: Checked[] } | { ok: false; errors: FieldErrors } {
  const files: Checked[] = [];
  if (uploads.length > MAX_FILES) return { ok: false, errors: { files: t('disclosure.err.tooManyFiles', { max: MAX_FILES }) } };
  for (const u of uploads) {
    if (u.truncated || u.bytes.length > deps.config.maxUploadBytes) {
      return { ok: false, errors: { files: t('disclosure.err.fileTooLarge', { file: u.filename, mb: Math.round(deps.config.maxUploadBytes / 1048576) }) } };
    }
    const kind = sniff(u.bytes);
    if (!kind) return { ok: false, errors: { files: t('disclosure.err.fileType', { file: u.filename }) } };
    files.push({ upload: u, kind });
  }
  return { ok: true, files };
}

/** Writes the files, runs `work` with their ids, and removes what it wrote if `work` throws. */
export async function withStoredFiles<T>(deps: AppDeps, files: Checked[], work: (stored: { file: StoredFile; filename: string }[]) => Promise<T>): Promise<T> {
  const stored = files.map((f) => ({ file: saveFile(deps.config.filesDir, f.upload.bytes, f.kind), filename: f.upload.filename }));
  try {
    return await work(stored);
  } catch (e) {
    for (const s of stored) removeIfCreated(s.file);
    throw e;
  }
}

/** The `files` row of a stored upload, in the command's transaction; its id goes into the module's own link table. */
export async function insertFileRow(
  trx: Conn,
  s: { file: Pick<StoredFile, 'sha256' | 'size'> & { kind: { mime: string } }; filename: string },
  createdBy: number | null,
  at: string,
): Promise<number> {
  const row = await trx
    .insertInto('files')
    .values({ sha256: s.file.sha256, filename: s.filename.slice(0, 200), mime: s.file.kind.mime, size: s.file.size, created_by: createdBy, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
