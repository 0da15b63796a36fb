// Finding 4 (R-H4; Denunciation Law Art 9(1)(b)): a public text may not carry the author's name (with
// or without diacritics), the address of their home, phone, e-mail or ID number; it may name the
// village or commune the matter is about.
import { describe, expect, it } from 'vitest';
import { addressMarks, carriesIdentity } from './public-text.js';

const who = { name: 'Phạm Thị Bímật', address: 'Ngõ Kín số 9, thôn Pác Cáp', phone: '0987 654 321', email: 'bimat.to@example.vn', idNumber: '001234567890' };

describe('carriesIdentity (finding 4)', () => {
  it.each([
    'Gửi bà Phạm Thị Bímật.',
    'Gửi bà Pham Thi Bimat.',
    'gửi bà PHAM THI BIMAT',
    'bà Phạm-Thị-Bímật phản ánh',
    'Xác minh tại ngõ Kín số 9.',
    'Xác minh tại Ngo Kin so 9, thon Pac Cap.',
    'ĐT 0987.654.321',
    'thư bimat.to@example.vn',
    'CCCD 001234567890',
  ])('refuses %s', (text) => expect(carriesIdentity(who, text)).toBe(true));

  it.each(['Sự việc xảy ra tại thôn Pác Cáp.', 'Người tố cáo phản ánh đúng.', 'Bà Phạm Thị Lan, công chức, đã xác minh.', 'Ngõ 9 thôn khác'])(
    'allows %s',
    (text) => expect(carriesIdentity(who, text)).toBe(false),
  );

  it('takes only the parts of an address that point to a home, never a village or commune alone', () => {
    expect(addressMarks('Thôn Hai, xã Na Rì')).toEqual([]);
    expect(addressMarks('Số 12 đường Lê Lợi, tổ 5, phường Đức Xuân')).toEqual(['so 12 duong le loi', 'so 12 duong le loi to 5 phuong duc xuan']);
  });
});
