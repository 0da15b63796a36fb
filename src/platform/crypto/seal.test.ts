import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealedBytes, seal, sealBytes, sealJson, unseal, unsealBytes, unsealJson } from './seal.js';

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

describe('sealed files (R-H4; Denunciation Law Arts 9(1)(b), 56: attachments and the signature image)', () => {
  const key = randomBytes(32);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('chữ ký Nguyễn Văn Hùng')]);

  it('opens with the same key; the sealed bytes hold neither the content nor its signature, and differ each time', () => {
    const a = sealBytes(key, png);
    const b = sealBytes(key, png);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(png.subarray(8))).toBe(false);
    expect(a.includes(png.subarray(0, 8))).toBe(false);
    expect(isSealedBytes(a)).toBe(true);
    expect(isSealedBytes(png)).toBe(false);
    expect(unsealBytes(key, a).equals(png)).toBe(true);
    expect(unsealBytes(key, sealBytes(key, Buffer.alloc(0))).length).toBe(0);
  });

  it('refuses another key, any altered byte and bytes that were never sealed', () => {
    const s = sealBytes(key, png);
    expect(() => unsealBytes(randomBytes(32), s)).toThrow();
    const bad = Buffer.from(s);
    bad[bad.length - 1] ^= 1;
    expect(() => unsealBytes(key, bad)).toThrow();
    expect(() => unsealBytes(key, png)).toThrow();
  });
});

describe('a tag cut short is refused (review finding 20; R-H4, NIST SP 800-38D: GCM tags of 128 bits)', () => {
  const key = randomBytes(32);
  /** A value sealed with a 4-byte tag: forged in about 2^32 tries if the short tag were accepted. */
  const shortTag = () => {
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 4 });
    c.final();
    return { nonce, tag: c.getAuthTag() };
  };

  it('unseal refuses a value whose tag has only 4 bytes', () => {
    const { nonce, tag } = shortTag();
    expect(() => unseal(key, `v1.${Buffer.concat([nonce, tag]).toString('base64url')}`)).toThrow();
  });
});
