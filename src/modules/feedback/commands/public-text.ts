// The personal-data check on every text an official writes for the public: a published answer or
// conclusion, and the notes of history events the tracking page shows (a public step, a hand-over,
// a forwarding, a refusal, an extension). Denunciation Law Art 9(1)(b) protects the denouncer's name
// and address (and Art 56 removes them before the file goes on); Law 10/2022 Art 9(2) the author's
// identity generally. Names and addresses are compared without diacritics, so "Pham Thi Bimat" is
// caught as well as "Phạm Thị Bímật" (finding 4).
import type { Conn } from '../../../db/index.js';
import { unsealJson } from '../../../platform/crypto/seal.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { fold } from '../../../platform/search/fold.js';
import type { Identity } from '../model.js';

const digits = (s: string) => s.replace(/\D/g, '');
/** Folded words joined by single spaces: punctuation does not hide a name ("Lý-Văn-Tố", "Lý Văn  Tố."). */
const words = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
const has = (haystack: string, needle: string) => needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);

/** The part of an address that names a place of the administrative map (thôn, xã …): a public text
 * may name where the matter happened, so such a part alone is not the author's address. */
const AREA = /^(thon|xom|ban|ap|to|to dan pho|khu|khu pho|xa|phuong|thi tran|huyen|quan|thi xa|tinh|thanh pho|tp)( |$)/;

/** The parts of an address that point to the author's home: a part with a number (house, lane, km)
 * or a lane or alley, and the whole address when it holds such a part. */
export function addressMarks(address: string): string[] {
  const parts = address
    .split(/[,;\n]/)
    .map(words)
    .filter((p) => p.length >= 4);
  const marks = parts.filter((p) => !AREA.test(p) && (/\d/.test(p) || /^(ngo|ngach|hem|kiet|so nha|nha)( |$)/.test(p)));
  return marks.length ? [...marks, words(address)] : [];
}

/** Does `text` still carry the author's name, address, phone, e-mail or ID number? */
export function carriesIdentity(id: Identity, text: string): boolean {
  const w = words(text);
  const name = words(id.name ?? '');
  if (name.length >= 4 && has(w, name)) return true;
  if (id.email && fold(text).includes(fold(id.email))) return true;
  if (addressMarks(id.address ?? '').some((m) => has(w, m))) return true;
  const textDigits = digits(text);
  for (const n of [id.phone, id.idNumber]) {
    const d = digits(n ?? '');
    if (d.length >= 6 && textDigits.includes(d)) return true;
  }
  return false;
}

export async function identityOf(trx: Conn, key: Buffer, itemId: number): Promise<Identity | null> {
  const row = await trx.selectFrom('feedback_identities').select('sealed').where('item_id', '=', itemId).executeTakeFirst();
  return row ? unsealJson<Identity>(key, row.sealed) : null;
}

export async function containsIdentity(trx: Conn, key: Buffer, itemId: number, text: string): Promise<boolean> {
  const id = await identityOf(trx, key, itemId);
  return !!id && carriesIdentity(id, text);
}

/** Adds an error to each named public text that still carries the author's identity. */
export async function checkPublic(trx: Conn, key: Buffer, t: T, itemId: number, e: FieldErrors, texts: Record<string, string>): Promise<void> {
  const todo = Object.entries(texts).filter(([name, text]) => text && !e[name]);
  if (!todo.length) return;
  const id = await identityOf(trx, key, itemId);
  if (!id) return;
  for (const [name, text] of todo) if (carriesIdentity(id, text)) e[name] = t('feedback.handling.err.publicHasIdentity');
}
