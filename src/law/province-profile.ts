// What the law leaves to the province (DESIGN.md "a province profile may set what the law leaves to
// the province"). Values marked [U] in the brief are settings with the best-known default.

export type ProvinceProfile = {
  /** R-B4: the village head's term. Decree 185/2026 (reported, [S, weak]) sets 5 years; before it the
   * province chose 2.5 or 5 years (Circular 04/2012/TT-BNV as amended) [U]. */
  villageHeadTermMonths: number;
  /** Decree 185/2026 (reported): the commune may shorten or lengthen a term by at most 6 months [U]. */
  termAdjustMaxMonths: number;
  /** Decree 185/2026 (reported): an interim village head serves at most 6 months [U]. */
  interimMaxMonths: number;
};

export const DEFAULT_PROVINCE_PROFILE: ProvinceProfile = {
  villageHeadTermMonths: 60,
  termAdjustMaxMonths: 6,
  interimMaxMonths: 6,
};

/** Thái Nguyên (code 19) uses the defaults until its People's Council decides otherwise. */
export function provinceProfile(_provinceCode: string | null): ProvinceProfile {
  return DEFAULT_PROVINCE_PROFILE;
}
