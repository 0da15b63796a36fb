// Notification outbox (DESIGN.md "notify"): a use case writes its messages into the outbox inside
// its own transaction, so a message exists exactly when its change does; a worker delivers them
// with retries and exponential backoff. Channels now: in-app and a development channel whose
// messages are shown on /dev/outbox (SMS, Zalo and e-mail come with the feedback issue).
import type { Conn, Db } from '../../db/index.js';
import { renderTemplate, type TemplateName } from './templates.js';

/** sms, zalo and email recipients may be sealed (seal() from platform/crypto): the worker opens them. */
export type Channel = 'in_app' | 'dev' | 'sms' | 'zalo' | 'email';
export type Message = { channel: Channel; recipient: string; template: TemplateName; params: Record<string, string | number> };

export const MAX_ATTEMPTS = 5;
/** A claimed message is retried after this lease if its worker died mid-delivery. */
const LEASE_MS = 60_000;

export async function enqueue(db: Conn, msg: Message, now: Date): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      channel: msg.channel,
      recipient: msg.recipient,
      template: msg.template,
      params: JSON.stringify(msg.params),
      status: 'queued',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
}

export type Deliver = (db: Db, msg: { channel: string; recipient: string; title: string; body: string; link?: string }, now: Date) => Promise<void>;

/** The channels' senders. A channel that throws is retried with backoff. */
export const defaultSenders: Record<string, Deliver> = {
  async in_app(db, m, now) {
    const userId = Number(m.recipient);
    if (!Number.isInteger(userId)) throw new Error('in_app recipient must be a user id');
    await db
      .insertInto('notifications')
      .values({ user_id: userId, title: m.title, body: m.body, link: m.link ?? null, created_at: now.toISOString() })
      .execute();
  },
  async dev() {
    // Shown on /dev/outbox; nothing leaves the machine.
  },
};

export const backoffMs = (attempts: number): number => Math.min(2 ** attempts * 30_000, 6 * 3600_000);

/** Delivers due messages once; returns how many were sent and how many failed this round. */
export async function processOutbox(db: Db, now: Date, senders: Record<string, Deliver> = defaultSenders, limit = 50) {
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    // Claim: only the worker whose update matches the row it read delivers it (safe across processes).
    const claimed = await db
      .updateTable('outbox')
      .set({ attempts: m.attempts + 1, next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', m.id)
      .where('attempts', '=', m.attempts)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const sender = senders[m.channel];
    try {
      if (!sender) throw new Error(`no sender for channel ${m.channel}`);
      const text = renderTemplate(m.template as TemplateName, JSON.parse(m.params));
      await sender(db, { channel: m.channel, recipient: m.recipient, ...text }, now);
      await db.updateTable('outbox').set({ status: 'sent', sent_at: now.toISOString(), last_error: null }).where('id', '=', m.id).execute();
      sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('outbox')
        .set({
          status: giveUp ? 'failed' : 'queued',
          last_error: String((e as Error).message ?? e).slice(0, 500),
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', m.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}

/** Runs the worker in this process until stopped. */
export function startOutboxWorker(db: Db, clock: { now(): Date }, intervalMs = 2000, onError?: (e: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await processOutbox(db, clock.now());
    } catch (e) {
      onError?.(e);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
