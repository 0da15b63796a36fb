import { describe, expect, it } from 'vitest';
import { fold, foldTerms } from './fold.js';

describe('Vietnamese folding for search', () => {
  it.each([
    ['Dân chủ cơ sở', 'dan chu co so'],
    ['Đổng Xá', 'dong xa'],
    ['XÃ LIÊM THỦY', 'xa liem thuy'],
    ['Nà Rì', 'na ri'],
    // NFD input (decomposed marks, as some phones send) folds the same as NFC
    ['Tha\u0300nh', 'thanh'],
    ['  Văn   Lang ', 'van lang'],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
  it('đ folds to d in both cases and is not dropped', () => {
    expect(fold('đĐ')).toBe('dd');
  });
  it('splits a query into folded words, dropping punctuation', () => {
    expect(foldTerms('"Dân-chủ", cơ sở!')).toEqual(['dan', 'chu', 'co', 'so']);
  });
});
