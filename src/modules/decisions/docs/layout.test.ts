// Pure helpers of the community documents: Vietnam time in words, unit names inside a sentence,
// shares of all households (Law 10/2022 Art 21(1)), and which paper forms a vote has (R-A11, R-A12).
import { describe, expect, it } from 'vitest';
import { countForm, hasBallotForm, thresholdVi } from './labels.js';
import { mid, orDots, pct, placeName, vnClock, vnTimeWords } from './layout.js';

describe('Vietnam time in the documents', () => {
  it.each([
    ['2026-11-30T10:00:00.000Z', '17 giờ 00 phút, ngày 30 tháng 11 năm 2026'],
    ['2026-01-04T18:30:00.000Z', '01 giờ 30 phút, ngày 05 tháng 01 năm 2026'], // the next day in Vietnam
  ])('%s is %s', (iso, words) => expect(vnTimeWords(iso)).toBe(words));

  it('gives the Vietnam date of an instant', () => expect(vnClock('2026-11-20T17:00:00.000Z').date).toBe('2026-11-21'));
});

describe('names and figures', () => {
  it('writes a unit inside a sentence in lower case, and the date-line place without its type', () => {
    expect(mid('Xã Xuân Dương')).toBe('xã Xuân Dương');
    expect(mid('Thôn Nà Cà')).toBe('thôn Nà Cà');
    expect(mid('Tổ dân phố 3')).toBe('tổ dân phố 3');
    expect(mid('Bản Khét')).toBe('bản Khét');
    expect(placeName({ commune: { name: 'Xã Xuân Dương' }, village: { name: 'Thôn Nà Cà' } })).toBe('Xuân Dương');
  });

  it('R-A2: shares are of all households, in Vietnamese notation; unknown figures are left blank for the hand', () => {
    expect(pct(80, 120)).toBe('66,67%');
    expect(pct(1, null)).toBe('—');
    expect(orDots(null)).toBe('……………');
    expect(orDots(0)).toBe('0');
  });

  it('R-A2, R-A4: the threshold says ≥ 2/3 or > 1/2 of all households and the least number', () => {
    expect(thresholdVi({ kind: 'two_thirds', needed: 80, householdsTotal: 120 })).toBe(
      'Từ hai phần ba (2/3) tổng số hộ gia đình trở lên: cần ít nhất 80/120 hộ tán thành',
    );
    expect(thresholdVi({ kind: 'majority', needed: 61, householdsTotal: 120 })).toBe(
      'Trên một phần hai (50%) tổng số hộ gia đình: cần ít nhất 61/120 hộ tán thành',
    );
  });
});

describe('which paper forms a vote has', () => {
  it('R-A12: Mẫu 02 for a secret ballot at a meeting, Mẫu 04 for a household ballot, none otherwise', () => {
    expect(countForm({ form: 'meeting', method: 'secret_ballot' })).toBe('02');
    expect(countForm({ form: 'household_ballot', method: null })).toBe('04');
    expect(countForm({ form: 'meeting', method: 'show_of_hands' })).toBeNull();
    expect(countForm({ form: 'online', method: null })).toBeNull();
  });

  it('R-A11: a printed ballot for a household ballot and a secret ballot, not for an online vote or a show of hands', () => {
    expect(hasBallotForm({ form: 'household_ballot', method: null })).toBe(true);
    expect(hasBallotForm({ form: 'meeting', method: 'secret_ballot' })).toBe(true);
    expect(hasBallotForm({ form: 'meeting', method: 'show_of_hands' })).toBe(false);
    expect(hasBallotForm({ form: 'online', method: null })).toBe(false);
  });
});
