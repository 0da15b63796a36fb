import { describe, expect, it } from 'vitest';
import { seal } from '../../crypto/seal.js';
import { openRecipient, scrub } from './common.js';
import { zaloPhone } from './zalo.js';

const key = Buffer.alloc(32, 3);

describe('channel recipients (R-H4: opened only to send, never in an error text)', () => {
  it('opens a sealed recipient and passes a plain one through', () => {
    expect(openRecipient(key, seal(key, '0912345678'))).toBe('0912345678');
    expect(openRecipient(key, ' 0912345678 ')).toBe('0912345678');
    expect(() => openRecipient(Buffer.alloc(32, 4), seal(key, '0912345678'))).toThrow(/DATA_KEY/);
  });

  it('removes every spelling of a phone number and an e-mail address', () => {
    expect(scrub('to 0912345678, 84912345678 or +84 912345678', '0912 345 678')).toBe('to 0***, 84*** or +84 ***');
    expect(scrub('550 <Lan.Ha@Example.vn>: no such user', 'lan.ha@example.vn')).toBe('550 <***>: no such user');
  });

  it('Zalo wants the 84… form of a Vietnamese mobile number', () => {
    expect(zaloPhone('0912 345 678')).toBe('84912345678');
    expect(zaloPhone('+84912345678')).toBe('84912345678');
    expect(() => zaloPhone('12345')).toThrow(/not a Vietnamese mobile number/);
  });
});
