// Reading and checking a request form (public or recorded by an official from paper), and the
// tracking code given to the requester.
import { randomInt } from 'node:crypto';
import { RULE_SETS } from '../../../law/rule-sets.js';
import { normalizePhone } from '../../../platform/auth/phone.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { field } from '../../../platform/http/forms.js';
import { formatDate, parseDate, type T } from '../../../platform/i18n/index.js';
import type { RequestChannel } from '../rules/info-request.js';

export const MAX_CONTENT = 5000;
export const MAX_TEXT = 20_000;
/** Deadlines are computed by the rule sets, the oldest of which starts with Law 10/2022 (01/07/2023). */
const EARLIEST = RULE_SETS[RULE_SETS.length - 1]!.validFrom;

export type RequestInput = { name: string; contact: string; content: string; channel: string; receivedOn: string };

export const readRequest = (body: unknown): RequestInput => ({
  name: field(body, 'name'),
  contact: field(body, 'contact'),
  content: field(body, 'content'),
  channel: field(body, 'channel'),
  receivedOn: field(body, 'receivedOn'),
});

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** A Vietnamese mobile number (normalised to 0xxxxxxxxx) or an e-mail address (lower-cased). */
export function normalizeContact(input: string): string | null {
  const s = input.trim();
  if (s.includes('@')) return s.length <= 254 && EMAIL.test(s) ? s.toLowerCase() : null;
  return normalizePhone(s);
}

export type ValidRequest = { name: string; contact: string; content: string; channel: RequestChannel; receivedOn: string };

/**
 * The public form is always electronic and received today; an official records a paper request
 * (by post or fax, or handed in at the office) with the day it was received, never in the future.
 */
export function validateRequest(
  t: T,
  input: RequestInput,
  mode: 'public' | 'record',
  today: string,
): { ok: true; value: ValidRequest } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  const content = input.content.trim();
  const contact = normalizeContact(input.contact);
  if (!name) errors.name = t('inforeq.err.nameRequired');
  else if (name.length > 200) errors.name = t('inforeq.err.nameTooLong');
  if (!input.contact.trim()) errors.contact = t('inforeq.err.contactRequired');
  else if (!contact) errors.contact = t('inforeq.err.contactInvalid');
  let channel: RequestChannel = 'electronic';
  let receivedOn = today;
  if (mode === 'record') {
    if (input.channel === 'post' || input.channel === 'onsite') channel = input.channel;
    else errors.channel = t('inforeq.err.channelRequired');
    const d = parseDate(input.receivedOn);
    if (!d) errors.receivedOn = t('inforeq.err.receivedOnInvalid');
    else if (d > today) errors.receivedOn = t('inforeq.err.receivedOnFuture');
    else if (d < EARLIEST) errors.receivedOn = t('inforeq.err.receivedOnTooEarly', { date: formatDate(EARLIEST) });
    else receivedOn = d;
  }
  if (!content) errors.content = t('inforeq.err.contentRequired');
  else if (content.length > MAX_CONTENT) errors.content = t('inforeq.err.contentTooLong', { n: content.length });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name, contact: contact!, content, channel, receivedOn } };
}

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or copied from a screen stays unambiguous. */
export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

export function newTrackingCode(year: string): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `YC-${year}-${s}`;
}
