import { describe, expect, it } from 'vitest';
import { AGENCY_CATEGORIES, agencyCategory, COMMUNE_CATEGORIES, communeCategory, isAgencyCategory, isCommuneCategory } from './categories.js';

describe('disclosure categories (R-C1)', () => {
  it('Law 10/2022 Art 11 has 14 commune categories, ids 1..14 in order, distinct labels', () => {
    expect(COMMUNE_CATEGORIES.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(new Set(COMMUNE_CATEGORIES.map((c) => c.vi)).size).toBe(14);
    expect(new Set(COMMUNE_CATEGORIES.map((c) => c.en)).size).toBe(14);
  });

  it('Art 46 has 12 agency categories, ids 1..12 in order, distinct labels', () => {
    expect(AGENCY_CATEGORIES.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(AGENCY_CATEGORIES.map((c) => c.vi)).size).toBe(12);
  });

  it.each([
    [2, 'Dự toán, tình hình thực hiện, quyết toán ngân sách xã'],
    [4, 'Quy chế thực hiện dân chủ'],
    [11, 'giải trình, tiếp thu'],
    [12, 'Phí, lệ phí'],
    [13, 'Thủ tục hành chính'],
    [14, 'Nội dung khác'],
  ])('Art 11(%i) label contains %s', (id, text) => {
    expect(communeCategory(id).vi).toContain(text);
  });

  it.each([
    [2, 'Kế hoạch công tác'],
    [7, 'kê khai tài sản, thu nhập'],
    [10, 'Tổng hợp ý kiến'],
    [12, 'Nội dung khác'],
  ])('Art 46(%i) label contains %s', (id, text) => {
    expect(agencyCategory(id).vi).toContain(text);
  });

  it.each([
    [0, false],
    [1, true],
    [14, true],
    [15, false],
    [1.5, false],
    [Number.NaN, false],
  ])('isCommuneCategory(%s) is %s', (n, ok) => {
    expect(isCommuneCategory(n)).toBe(ok);
  });

  it('isAgencyCategory: 12 yes, 13 no', () => {
    expect(isAgencyCategory(12)).toBe(true);
    expect(isAgencyCategory(13)).toBe(false);
  });

  it('an id outside the article throws RangeError', () => {
    expect(() => communeCategory(15)).toThrow(RangeError);
    expect(() => communeCategory(0)).toThrow(RangeError);
    expect(() => agencyCategory(13)).toThrow(RangeError);
  });
});
