// A feedback item's files (issue 5 items 1, 6): checking uploads and the optional signature image,
// storing them, and opening them again for those allowed. A denunciation's attachments are stored
// sealed (R-H4; Denunciation Law Arts 9(1)(b), 56: the denouncer's name, address, handwriting and
// signature are kept from verifiers): the bytes on disk are AES-256-GCM (sealBytes, marked by their
// prefix) and the filename in `files` is sealed too, since a scanned letter is often named after its
// author. Other kinds' attachments are stored as any other file.
import { readFileSync } from 'node:fs';
import type { AppDeps } from '../../app-deps.js';
import type { Conn } from '../../db/index.js';
import type { FeedbackKind } from '../../db/types.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/policy.js';
import { isSealedBytes, seal, sealBytes, sealJson, unseal, unsealBytes, unsealJson } from '../../platform/crypto/seal.js';
import type { FieldErrors } from '../../platform/errors.js';
import { filePath, removeIfCreated, type StoredFile, saveFile, sniff } from '../../platform/files/store.js';
import type { T } from '../../platform/i18n/index.js';
import { type Handled, mayHandle, secretsShown } from './commands/handle.js';

export type Upload = { filename: string; bytes: Buffer; truncated?: boolean };
export const MAX_FILES = 5;
/** A scanned or photographed signature is small; a larger image is most likely the whole letter. */
export const MAX_SIGNATURE_BYTES = 512 * 1024;
/** A signature is kept only with a complaint or a denunciation, whose author must be named (Complaints Law Art 8(2); Denunciation Law Art 23(1)). */
export const SIGNED_KINDS: readonly FeedbackKind[] = ['complaint', 'denunciation'];
const SIGNATURE_MIMES = ['image/png', 'image/jpeg'];

/** Every problem with the files at once (before anything is written). */
export function checkFiles(deps: Pick<AppDeps, 'config'>, t: T, kind: string, uploads: Upload[], signature: Upload | null): FieldErrors | null {
  const e: FieldErrors = {};
  const mb = Math.round(deps.config.maxUploadBytes / 1048576);
  if (uploads.length > MAX_FILES) e.files = t('feedback.intake.err.tooManyFiles', { max: MAX_FILES });
  for (const u of e.files ? [] : uploads) {
    if (u.truncated || u.bytes.length > deps.config.maxUploadBytes) e.files = t('feedback.intake.err.fileTooLarge', { file: u.filename, mb });
    else if (!sniff(u.bytes)) e.files = t('feedback.intake.err.fileType', { file: u.filename });
    if (e.files) break;
  }
  if (signature) {
    const kb = Math.round(Math.min(MAX_SIGNATURE_BYTES, deps.config.maxUploadBytes) / 1024);
    if (!(SIGNED_KINDS as readonly string[]).includes(kind)) e.signature = t('feedback.intake.err.signatureKind');
    else if (signature.truncated || signature.bytes.length > MAX_SIGNATURE_BYTES || signature.bytes.length > deps.config.maxUploadBytes)
      e.signature = t('feedback.intake.err.signatureTooLarge', { kb });
    else if (!SIGNATURE_MIMES.includes(sniff(signature.bytes)?.mime ?? '')) e.signature = t('feedback.intake.err.signatureType');
  }
  return Object.keys(e).length ? e : null;
}

export type Prepared = { file: StoredFile; filename: string; mime: string; size: number };

/** Writes the checked uploads before the transaction; `sealed` for a denunciation. The caller removes
 * them again (discard) if the transaction fails. */
export function storeFiles(deps: Pick<AppDeps, 'config'>, uploads: Upload[], sealed: boolean): Prepared[] {
  return uploads.map((u) => {
    const kind = sniff(u.bytes)!;
    const name = u.filename.slice(0, 200);
    const bytes = sealed ? sealBytes(deps.config.dataKey, u.bytes) : u.bytes;
    return {
      file: saveFile(deps.config.filesDir, bytes, kind),
      filename: sealed ? seal(deps.config.dataKey, name) : name,
      mime: kind.mime,
      size: u.bytes.length,
    };
  });
}
export const discardFiles = (stored: Prepared[]): void => {
  for (const s of stored) removeIfCreated(s.file);
};

/** Links the stored files to the item, inside the intake's transaction. */
export async function linkFiles(trx: Conn, itemId: number, stored: Prepared[], stamp: string): Promise<void> {
  for (const s of stored) {
    const f = await trx
      .insertInto('files')
      .values({ sha256: s.file.sha256, filename: s.filename, mime: s.mime, size: s.size, created_by: null, created_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('feedback_attachments').values({ item_id: itemId, file_id: f.id, public: 0 }).execute();
  }
}

type Signature = { mime: string; data: string };
/** The signature image sealed for feedback_identities.signature_sealed. */
export const sealSignature = (key: Buffer, sig: Upload): string =>
  sealJson(key, { mime: sniff(sig.bytes)!.mime, data: sig.bytes.toString('base64') } satisfies Signature);

/** A sealed filename opens only with the key; an ordinary one is returned as it is. */
function nameOf(key: Buffer, stored: string): string {
  if (!stored.startsWith('v1.')) return stored;
  try {
    return unseal(key, stored);
  } catch {
    return stored;
  }
}

/** May the actor open the item's files? A denunciation's only where the denouncer's identity may be
 * seen (identityAllowed: the settling head, never the unit or person denounced); others' files by
 * those who handle the item. Never anyone without an account. */
export async function mayOpenFiles(db: Conn, actor: Actor | null, it: Handled): Promise<boolean> {
  if (!actor) return false;
  // While a denunciation is held by the unit it names, nobody there opens it (Art 13); see secretsShown.
  if (it.kind === 'denunciation') return (await secretsShown(db, actor, it)).identity;
  return mayHandle(actor, it);
}

export type AttachmentRow = { fileId: number; name: string; mime: string; size: number };

export type Attachments = { itemId: number; canOpen: boolean; count: number; files: AttachmentRow[]; signature: boolean };

/** The item's files as the actor may see them: names only for those who may open them (a denunciation's
 * filenames may name its author), otherwise just how many there are; whether a signature image may be
 * opened (only where the identity may be seen). */
export async function attachmentsOf(deps: AppDeps, actor: Actor | null, it: Handled): Promise<Attachments> {
  const rows = await deps.db
    .selectFrom('feedback_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.filename', 'f.mime', 'f.size'])
    .where('a.item_id', '=', it.id)
    .orderBy('f.id')
    .execute();
  const canOpen = await mayOpenFiles(deps.db, actor, it);
  const files = canOpen ? rows.map((r) => ({ fileId: r.id, name: nameOf(deps.config.dataKey, r.filename), mime: r.mime, size: r.size })) : [];
  const sig =
    actor && (await secretsShown(deps.db, actor, it)).identity
      ? await deps.db
          .selectFrom('feedback_identities')
          .select('item_id')
          .where('item_id', '=', it.id)
          .where('signature_sealed', 'is not', null)
          .executeTakeFirst()
      : undefined;
  return { itemId: it.id, canOpen, count: rows.length, files, signature: !!sig };
}

/** Opens one of the item's files for an allowed actor and logs the view in the audit chain with the
 * item's code and the file's number only (no name: R-H4). Undefined when the file is not the item's. */
export async function openAttachment(
  deps: AppDeps,
  actor: Actor,
  it: Handled,
  fileId: number,
): Promise<{ bytes: Buffer; filename: string; mime: string } | undefined> {
  if (!Number.isSafeInteger(fileId)) return undefined;
  const f = await deps.db
    .selectFrom('feedback_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.sha256', 'f.filename', 'f.mime'])
    .where('a.item_id', '=', it.id)
    .where('a.file_id', '=', fileId)
    .executeTakeFirst();
  if (!f) return undefined;
  let raw: Buffer;
  try {
    raw = readFileSync(filePath(deps.config.filesDir, f.sha256));
  } catch {
    return undefined; // the row outlived its file (restored database, cleaned disk): not found, not a 500
  }
  const bytes = isSealedBytes(raw) ? unsealBytes(deps.config.dataKey, raw) : raw;
  await audited(deps, actor, it, 'feedback.attachment_viewed', { file: f.id });
  return { bytes, filename: nameOf(deps.config.dataKey, f.filename), mime: f.mime };
}

/** Opens the signature image for an actor identityAllowed permits, logging the view (R-H4). */
export async function openSignature(deps: AppDeps, actor: Actor, it: Handled): Promise<{ bytes: Buffer; mime: string } | undefined> {
  const row = await deps.db.selectFrom('feedback_identities').select('signature_sealed').where('item_id', '=', it.id).executeTakeFirst();
  if (!row?.signature_sealed) return undefined;
  const sig = unsealJson<Signature>(deps.config.dataKey, row.signature_sealed);
  await audited(deps, actor, it, 'feedback.signature_viewed', {});
  return { bytes: Buffer.from(sig.data, 'base64'), mime: sig.mime };
}

const audited = (deps: AppDeps, actor: Actor, it: Handled, action: string, data: Record<string, unknown>) =>
  deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
      action,
      entityType: 'feedback_item',
      entityId: it.id,
      unitId: it.commune_id,
      data: { code: it.tracking_code, ...data },
    }),
  );
