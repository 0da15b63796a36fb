// Sealed personal data (R-H4; Denunciation Law Arts 8(3), 9(1)(b), 56): AES-256-GCM with a random
// 96-bit nonce per value; the tag makes any change to the stored text fail to open rather than
// yield altered data. Format: "v1." + base64url(nonce | tag | ciphertext).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';

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
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

export const sealJson = (key: Buffer, value: unknown): string => seal(key, JSON.stringify(value));
export const unsealJson = <T>(key: Buffer, sealed: string): T => JSON.parse(unseal(key, sealed)) as T;
