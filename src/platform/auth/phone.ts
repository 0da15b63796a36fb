/** Vietnamese mobile numbers: 10 digits starting with 0; +84 / 84 prefixes and spaces accepted. */
export function normalizePhone(input: string): string | null {
  let s = input.replace(/[\s.\-()]/g, '');
  if (s.startsWith('+84')) s = `0${s.slice(3)}`;
  else if (/^84\d{9}$/.test(s)) s = `0${s.slice(2)}`;
  return /^0[35789]\d{8}$/.test(s) ? s : null;
}
