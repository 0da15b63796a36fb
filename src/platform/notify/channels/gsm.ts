// SMS text in the GSM-7 alphabet: Vietnamese with its marks would go out as UCS-2, which halves a
// message to 70 characters and is garbled by some handsets and gateways; unaccented Vietnamese is how
// public-service SMS are written. search/fold.ts lower-cases, so SMS has its own small fold.
const MARKS = /[\u0300-\u036f]/g;
const TYPOGRAPHY: Record<string, string> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '‘': "'",
  '’': "'",
  '–': '-',
  '—': '-',
  '…': '...',
  '•': '-',
  '«': '"',
  '»': '"',
  // GSM extension characters cost two septets and are dropped by some gateways: use a plain look-alike.
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '\\': '/',
  '|': '/',
  '~': '-',
  '^': "'",
  '`': "'",
  '€': 'EUR',
};
/** Printable ASCII that is also in the GSM-7 basic character set. */
const GSM_SAFE = /[A-Za-z0-9 !"#$%&'()*+,\-./:;<=>?@_]/;

export function toGsm(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/\s+/g, ' ').trim()) {
    out += TYPOGRAPHY[ch] ?? (GSM_SAFE.test(ch) ? ch : '?');
  }
  return out;
}

/** One SMS is 160 GSM-7 characters. */
export const SMS_MAX = 160;

/** title + body, folded and cut to one SMS; the link (the tracking page) is kept whole at the end,
 * since it is what the citizen needs. A body that already starts with its title is not repeated
 * (the sign-in code message). */
export function smsText(m: { title: string; body: string; link?: string }): string {
  const title = toGsm(m.title);
  const body = toGsm(m.body);
  const link = m.link ? toGsm(m.link) : '';
  let text = !title || body.toLowerCase().startsWith(title.toLowerCase()) ? body : `${title}: ${body}`;
  const room = SMS_MAX - (link ? link.length + 1 : 0);
  if (text.length > room) text = `${text.slice(0, Math.max(0, room - 3)).trimEnd()}...`;
  return link ? `${text} ${link}`.trim() : text;
}
