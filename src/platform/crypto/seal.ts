// Sealed personal data (R-H4; Denunciation Law Arts 8(3), 9(1)(b), 56): AES-256-GCM with a random
// 96-bit nonce per value; the tag makes any change to the stored text fail to open rather than
// yield altered data. Format: "v1." + base64url(nonce | tag | ciphertext).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';
/** The full 128-bit tag, always: without authTagLength, GCM decipher accepts a value cut short to a
 * 4-byte tag (a sealed value shorter than 28 bytes), which an attacker can forge in 2^32 tries
 * (review finding 20; NIST SP 800-38D §5.2.1.2). */
const TAG_BYTES = 16;

export function seal(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return PREFIX + Buffer.concat([nonce, c.getAuthTag(), body]).toString('base64url');
}

/** Throws if the value was not sealed with this key or was altered. */
export function unseal(key: Buffer, sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12), { authTagLength: TAG_BYTES });
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

export const sealJson = (key: Buffer, value: unknown): string => seal(key, JSON.stringify(value));
export const unsealJson = <T>(key: Buffer, sealed: string): T => JSON.parse(unseal(key, sealed)) as T;

/** Sealed files begin with these bytes; no upload the file store accepts does (sniff() admits only
 * PDF, images and Office signatures), so the prefix marks a stored file as sealed. */
const BYTES_MAGIC = Buffer.from('DCSEAL1\n', 'latin1');

/** Seals a whole file (R-H4: a denunciation's attachments and the denouncer's signature image,
 * Denunciation Law Arts 9(1)(b), 56). Format: magic | nonce (12) | tag (16) | ciphertext. */
export function sealBytes(key: Buffer, plain: Buffer): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([BYTES_MAGIC, nonce, c.getAuthTag(), body]);
}

export const isSealedBytes = (b: Buffer): boolean => b.length >= BYTES_MAGIC.length + 28 && b.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC);

/** Throws if the bytes were not sealed with this key or were altered. */
export function unsealBytes(key: Buffer, sealed: Buffer): Buffer {
  if (!isSealedBytes(sealed)) throw new Error('not sealed bytes');
  const raw = sealed.subarray(BYTES_MAGIC.length);
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12), { authTagLength: TAG_BYTES });
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
}
