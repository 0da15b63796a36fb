// What the channel senders share: opening a sealed recipient only for the moment of delivery, keeping
// it out of every error text (errors end up in outbox.last_error and in logs; R-H4, the contact of a
// denouncer is part of their identity), and a JSON POST with a timeout.
import { unseal } from '../../crypto/seal.js';
import type { Deliver, Outgoing } from '../outbox.js';

/** Below the outbox lease (60 s): a hung gateway must not let a second worker send the message again. */
export const HTTP_TIMEOUT_MS = 10_000;

/** A recipient written by notifyCitizen (and others) is sealed with config.dataKey; older or internal
 * messages may carry it plain. */
export function openRecipient(key: Buffer, recipient: string): string {
  if (!recipient.startsWith('v1.')) return recipient.trim();
  try {
    return unseal(key, recipient).trim();
  } catch {
    throw new Error('Không mở được người nhận đã mã hoá (cannot open the sealed recipient: was DATA_KEY changed?)');
  }
}

/** Removes every spelling of the recipient from a text: the address itself, case-insensitively, and
 * for a phone number its national digits, which 0…, 84… and +84… forms all contain. */
export function scrub(text: string, recipient: string): string {
  const forms = [recipient];
  const digits = recipient.replace(/[\s.()-]/g, '');
  const national = /^(?:\+?84|0)(\d{8,10})$/.exec(digits)?.[1];
  if (national) forms.push(national);
  else if (/^\+?\d{6,}$/.test(digits)) forms.push(digits.replace(/^\+/, ''));
  let out = text;
  for (const f of forms.filter((x) => x.length >= 3)) {
    out = out.replace(new RegExp(f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '***');
  }
  return out;
}

/** The message of an error and of its cause (fetch hides the useful part, e.g. ECONNREFUSED, there). */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? e.cause.message : '';
  return cause && !e.message.includes(cause) ? `${e.message} (${cause})` : e.message;
}

/** A sender that receives the opened recipient; whatever it throws is rethrown without the recipient. */
export function withRecipient(key: Buffer, label: string, send: (to: string, m: Outgoing) => Promise<void>): Deliver {
  return async (_db, m) => {
    const to = openRecipient(key, m.recipient);
    try {
      await send(to, m);
    } catch (e) {
      throw new Error(scrub(`${label}: ${errorText(e)}`, to).slice(0, 500));
    }
  };
}

/** A short, single-line piece of a gateway's answer for the error message. */
export const excerpt = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 200);

export async function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; ok: boolean; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
  });
  return { status: res.status, ok: res.ok, text: await res.text() };
}
