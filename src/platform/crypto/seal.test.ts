import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, sealJson, unseal, unsealJson } from './seal.js';

describe('sealed personal data (R-H4, Denunciation Law Art 56)', () => {
  const key = randomBytes(32);

  it('opens with the same key and hides the text, with a fresh nonce each time', () => {
    const a = seal(key, 'Nguyễn Văn Hùng, 0912345678');
    const b = seal(key, 'Nguyễn Văn Hùng, 0912345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('0912345678');
    expect(unseal(key, a)).toBe('Nguyễn Văn Hùng, 0912345678');
    expect(unsealJson(key, sealJson(key, { name: 'Lò Thị Mai' }))).toEqual({ name: 'Lò Thị Mai' });
  });

  it('refuses another key and any altered byte', () => {
    const s = seal(key, 'Hà Văn Tư');
    expect(() => unseal(randomBytes(32), s)).toThrow();
    const raw = Buffer.from(s.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => unseal(key, `v1.${raw.toString('base64url')}`)).toThrow();
    expect(() => unseal(key, 'plain text')).toThrow();
  });
});
