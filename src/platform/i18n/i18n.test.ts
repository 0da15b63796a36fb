import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../auth/phone.js';
import { en } from './en.js';
import { formatDate, formatDateTime, parseDate, translator } from './index.js';
import { vi } from './vi.js';

describe('Vietnamese formats (DESIGN.md "Time")', () => {
  it('dates show as dd/mm/yyyy; instants in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    // 17:30 UTC on 30 June is already 1 July in Vietnam
    expect(formatDate(new Date('2025-06-30T17:30:00Z'))).toBe('01/07/2025');
    expect(formatDateTime('2025-06-30T17:30:00Z')).toBe('00:30 01/07/2025');
  });
  it('parses dd/mm/yyyy and yyyy-mm-dd, refusing impossible dates', () => {
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate('2025-07-01')).toBe('2025-07-01');
    expect(parseDate('30/02/2026')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('hôm nay')).toBeNull();
  });
  it('messages fill their parameters, in either language', () => {
    expect(translator('vi')('err.throttled', { minutes: 15 })).toBe('Bạn đã thử sai quá nhiều lần. Vui lòng thử lại sau 15 phút.');
    expect(translator('en')('err.throttled', { minutes: 15 })).toContain('15 minutes');
  });
  it('the English catalogue has every Vietnamese key and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
  });
});

describe('phone numbers', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
  ])('%s is accepted as %s', (input, out) => expect(normalizePhone(input)).toBe(out));
  it.each(['12345', '091234567', '09123456789', '0212345678', 'abc'])('%s is refused', (input) => expect(normalizePhone(input)).toBeNull());
});
