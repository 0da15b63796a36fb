import { describe, expect, it } from 'vitest';
import { SMS_MAX, smsText, toGsm } from './gsm.js';

describe('SMS text in GSM-7 (issue 5 item 8)', () => {
  it('folds Vietnamese to unaccented text, keeping case, đ/Đ and punctuation', () => {
    expect(toGsm('Đã nhận phản ánh của ông/bà: “Cầu treo Nà Rì” – hỏng…')).toBe('Da nhan phan anh cua ong/ba: "Cau treo Na Ri" - hong...');
    expect(toGsm('Ưu tiên ĐƯỜNG   xã\nBằng Vân')).toBe('Uu tien DUONG xa Bang Van');
  });

  it('replaces characters outside the GSM basic set', () => {
    expect(toGsm('a[b]{c}~€ 中')).toBe('a(b)(c)-EUR ?');
    expect(toGsm('漢字😀')).toMatch(/^\?+$/);
  });

  it('puts title and body in one SMS and keeps the tracking link whole', () => {
    const link = 'https://danchu.example.vn/feedback/PA-7K3M9Q';
    const t = smsText({ title: 'Phản ánh đã được tiếp nhận', body: 'Nội dung rất dài '.repeat(20), link });
    expect(t.length).toBeLessThanOrEqual(SMS_MAX);
    expect(t.startsWith('Phan anh da duoc tiep nhan: Noi dung rat dai')).toBe(true);
    expect(t.endsWith(`... ${link}`)).toBe(true);
  });

  it('does not repeat a title the body already starts with', () => {
    expect(smsText({ title: 'Mã đăng nhập', body: 'Ma dang nhap Dan chu co so: 123456.' })).toBe('Ma dang nhap Dan chu co so: 123456.');
  });
});
