// Form bodies arrive url-encoded or, with attachments, as multipart; both become plain fields here.
// Multipart parts are buffered by the plugin's onFile (platform/http/multipart.ts). Typed fields (dates,
// times, counts) are read with a Vietnamese message next to the field when they are not valid.
import type { FieldErrors } from '../errors.js';
import { formatDate, parseDate, type T } from '../i18n/index.js';

export type Uploaded = { filename: string; bytes: Buffer; truncated: boolean };

type Part = { value?: unknown; type?: string };
const partValue = (p: unknown): unknown => (p && typeof p === 'object' && 'value' in (p as Part) ? (p as Part).value : p);

/** One text field ('' when missing); the last value when a field repeats. */
export function field(body: unknown, name: string): string {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const value = partValue(v);
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkboxes). */
export function fields(body: unknown, name: string): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map(partValue).filter((v): v is string => typeof v === 'string');
}

/** Uploaded files of a field; an empty file input (no name, no bytes) is no file. */
export function files(body: unknown, name: string): Uploaded[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .map(partValue)
    .filter((v): v is Uploaded => !!v && typeof v === 'object' && Buffer.isBuffer((v as Uploaded).bytes))
    .filter((u) => u.filename !== '' || u.bytes.length > 0);
}

/** A required or optional dd/mm/yyyy date; a message next to the field when it is not a real date. */
export function readDate(t: T, e: FieldErrors, name: string, text: string | undefined, required: boolean): string | null {
  const s = (text ?? '').trim();
  if (!s) {
    if (required) e[name] = t('decisions.core.err.dateRequired');
    return null;
  }
  const d = parseDate(s);
  if (!d) e[name] = t('decisions.core.err.dateInvalid');
  return d;
}

/** A date and an HH:MM time in Vietnam time (UTC+7, no daylight saving) -> an ISO instant. */
export function readInstant(t: T, e: FieldErrors, name: string, date: string | undefined, time: string | undefined): string | null {
  const d = readDate(t, e, name, date, true);
  const m = /^(\d{1,2}):(\d{2})$/.exec((time ?? '').trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    if (!e[name]) e[name] = t('decisions.core.err.timeInvalid');
    return null;
  }
  if (!d) return null;
  const utc = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), Number(m[1]) - 7, Number(m[2]));
  return new Date(utc).toISOString();
}

/** A whole number ≥ 0 typed in a form. */
export function readCount(t: T, e: FieldErrors, name: string, text: string | undefined, required = true): number | null {
  const s = (text ?? '').trim();
  if (!s) {
    if (required) e[name] = t('decisions.core.err.countRequired');
    return null;
  }
  if (!/^\d{1,7}$/.test(s)) {
    e[name] = t('decisions.core.err.countInvalid');
    return null;
  }
  return Number(s);
}

/** Names typed one per line (teams, committees, witnesses). */
export const readNames = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n|;/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** "Ít nhất N ngày trước …: chậm nhất ngày dd/mm/yyyy (article)". */
export const noticeMessage = (t: T, p: { days: number; latest: string; article: string }): string =>
  t('decisions.core.err.noticeTooShort', { days: p.days, latest: formatDate(p.latest), article: p.article });
