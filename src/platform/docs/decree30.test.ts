// Decree 30/2020/NĐ-CP Appendix I: the place-date line (box 4) and the page setup.
import { describe, expect, it } from 'vitest';
import { A4, MARGINS_MM, mmToTwip, placeDate, placeOf, TEXT_WIDTH, vnDateWords } from './decree30.js';

describe('place and date (Decree 30 Appendix I, box 4: day < 10 and months 1–2 get a leading zero)', () => {
  it.each([
    ['2027-01-05', 'ngày 05 tháng 01 năm 2027'],
    ['2027-02-15', 'ngày 15 tháng 02 năm 2027'],
    ['2026-11-20', 'ngày 20 tháng 11 năm 2026'],
    ['2026-03-09', 'ngày 09 tháng 3 năm 2026'],
    ['2026-10-01', 'ngày 01 tháng 10 năm 2026'],
    ['2026-12-31', 'ngày 31 tháng 12 năm 2026'],
  ])('%s -> %s', (iso, words) => {
    expect(vnDateWords(iso)).toBe(words);
  });
  it('puts the place first, then a comma', () => {
    expect(placeDate('Na Rì', '2027-01-05')).toBe('Na Rì, ngày 05 tháng 01 năm 2027');
  });
  it('takes the place from the unit name without "Xã"/"Phường"', () => {
    expect(placeOf('Xã Na Rì')).toBe('Na Rì');
    expect(placeOf('Phường Đức Xuân')).toBe('Đức Xuân');
    expect(placeOf('Thị trấn Yến Lạc')).toBe('Yến Lạc');
    expect(placeOf('Na Rì')).toBe('Na Rì');
  });
  it('refuses what is not a date', () => {
    expect(() => vnDateWords('05/01/2027')).toThrow(RangeError);
    expect(() => vnDateWords('2027-13-01')).toThrow(RangeError);
  });
});

describe('page setup (Appendix I: A4 portrait, margins top/bottom 20, left 30, right 15 mm)', () => {
  it('converts millimetres to twips as Word writes them', () => {
    expect(mmToTwip(MARGINS_MM.left)).toBe(1701);
    expect(mmToTwip(MARGINS_MM.right)).toBe(850);
    expect(mmToTwip(MARGINS_MM.top)).toBe(1134);
    expect(A4).toEqual({ width: 11906, height: 16838 });
    expect(TEXT_WIDTH).toBe(11906 - 1701 - 850);
  });
});
