// Attachments: the type is decided by the file's content, never by its name or the browser's claim;
// only documents officials publish are accepted (PDF, images, Word, Excel). Files are stored by
// SHA-256 under FILES_DIR and served with their checked type, `nosniff` and a sandbox CSP, so an
// upload can never run as a page of ours.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type FileKind = { mime: string; ext: string; inline: boolean };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniff(b: Buffer): FileKind | null {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', ext: 'pdf', inline: true };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png', inline: true };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg', inline: true };
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return { mime: 'image/webp', ext: 'webp', inline: true };
  if (startsWith(b, ZIP)) {
    // Office Open XML: a ZIP whose entries name the Word or Excel part.
    const names = b.toString('latin1');
    if (names.includes('word/document.xml') || names.includes('word/'))
      return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', inline: false };
    if (names.includes('xl/workbook.xml') || names.includes('xl/'))
      return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', inline: false };
    return null;
  }
  if (startsWith(b, OLE)) return { mime: 'application/octet-stream', ext: 'doc', inline: false }; // legacy .doc/.xls: download only
  return null;
}

export type StoredFile = { sha256: string; size: number; kind: FileKind; path: string; created: boolean };

/** Writes the bytes once (content-addressed). `created` says whether this call made the file, so a
 * failed transaction removes only what it wrote. */
export function saveFile(dir: string, bytes: Buffer, kind: FileKind): StoredFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const sub = join(dir, sha256.slice(0, 2));
  const path = join(sub, sha256);
  if (existsSync(path)) return { sha256, size: bytes.length, kind, path, created: false };
  mkdirSync(sub, { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return { sha256, size: bytes.length, kind, path, created: true };
}

export function removeIfCreated(f: StoredFile): void {
  if (f.created) {
    try {
      unlinkSync(f.path);
    } catch {
      /* already gone */
    }
  }
}

export const filePath = (dir: string, sha256: string): string => join(dir, sha256.slice(0, 2), sha256);

/** A filename safe for Content-Disposition (RFC 6266 with a UTF-8 form for Vietnamese names). */
export function contentDisposition(name: string, inline: boolean): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\w.\- ]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
