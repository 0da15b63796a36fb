// Notification outbox (DESIGN.md "notify"): a use case writes its messages into the outbox inside
// its own transaction, so a message exists exactly when its change does; a worker delivers them
// with retries and exponential backoff. A channel's failure therefore never undoes the change that
// queued the message (issue 5, "a gateway that is down"). Senders: in-app and a development channel
// here; SMS, Zalo and e-mail in ./channels, assembled by buildSenders (./senders.ts) from the config.
import { PostgresAdapter, type Selectable, sql } from 'kysely';
import { compiledInsert } from '../../db/compiled-once.js';
import type { Conn, Db } from '../../db/index.js';
import type { OutboxTable } from '../../db/types.js';
import { renderTemplate, type TemplateName } from './templates.js';

/** sms, zalo and email recipients may be sealed (seal() from platform/crypto): the worker opens them. */
export type Channel = 'in_app' | 'dev' | 'sms' | 'zalo' | 'email';
export type Message = { channel: Channel; recipient: string; template: TemplateName; params: Record<string, string | number> };

/** With the backoff below, 8 attempts span about two hours (1, 2, 4 … 64 minutes apart), long enough
 * to ride out a typical gateway outage before the message is marked failed. */
/** Messages claimed per round of the worker. */
const BATCH = 50;
export const MAX_ATTEMPTS = 8;
/** A claimed message is retried after this lease if its worker died mid-delivery. Channel senders
 * time out well before it, so a slow gateway never lets a second worker send the same message. */
const LEASE_MS = 60_000;

const insertMessage = compiledInsert('outbox');

export async function enqueue(db: Conn, msg: Message, now: Date): Promise<void> {
  await insertMessage(db, {
    channel: msg.channel,
    recipient: msg.recipient,
    template: msg.template,
    params: JSON.stringify(msg.params),
    status: 'queued',
    attempts: 0,
    next_attempt_at: now.toISOString(),
    created_at: now.toISOString(),
  });
}

/** What a sender receives: the rendered text, plus the outbox id (a tracking id for the gateway) and
 * the template parameters (Zalo fills its registered template with them). */
export type Outgoing = {
  id?: number;
  channel: string;
  recipient: string;
  title: string;
  body: string;
  link?: string;
  params?: Record<string, string | number>;
};
export type Deliver = (db: Db, msg: Outgoing, now: Date) => Promise<void>;

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

type OutboxRow = Selectable<OutboxTable>;

/**
 * Claims the next due message after `afterId` for this worker: its attempt is counted and its next
 * attempt set to a lease (LEASE_MS) from now, so that only this worker sends it. One message at a time,
 * so that every lease starts when its message is sent (a slow gateway never outlasts a lease).
 * PostgreSQL: FOR UPDATE SKIP LOCKED, so the workers of several processes take different messages
 * instead of waiting for each other's rows. SQLite (one writer): claimed if the row is still as read.
 */
async function claimNext(db: Db, now: Date, afterId: number): Promise<OutboxRow | undefined> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql<OutboxRow>`update outbox set attempts = attempts + 1, next_attempt_at = ${lease}
      where id = (select id from outbox where status = 'queued' and next_attempt_at <= ${at} and id > ${afterId}
                  order by id limit 1 for update skip locked)
      returning *`.execute(db);
    return r.rows[0];
  }
  for (let after = afterId; ; ) {
    const m = await db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', at)
      .where('id', '>', after)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!m) return undefined;
    const r = await db
      .updateTable('outbox')
      .set({ attempts: m.attempts + 1, next_attempt_at: lease })
      .where('id', '=', m.id)
      .where('attempts', '=', m.attempts)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return { ...m, attempts: m.attempts + 1, next_attempt_at: lease };
    after = m.id;
  }
}

/** Delivers due messages once; returns how many were sent and how many failed this round. */
export async function processOutbox(db: Db, now: Date, senders: Record<string, Deliver> = defaultSenders, limit = BATCH) {
  let sent = 0;
  let failed = 0;
  let last = 0;
  for (let i = 0; i < limit; i++) {
    const m = await claimNext(db, now, last);
    if (!m) break;
    last = m.id;
    const sender = senders[m.channel];
    try {
      if (!sender) throw new Error(`no sender for channel ${m.channel}`);
      const params = JSON.parse(m.params) as Record<string, string | number>;
      const text = renderTemplate(m.template as TemplateName, params);
      await sender(db, { id: m.id, channel: m.channel, recipient: m.recipient, ...text, params }, now);
      await db.updateTable('outbox').set({ status: 'sent', sent_at: now.toISOString(), last_error: null }).where('id', '=', m.id).execute();
      sent++;
    } catch (e) {
      const attempts = m.attempts;
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

/** Runs the worker in this process until stopped; main.ts passes buildSenders(config). */
export function startOutboxWorker(
  db: Db,
  clock: { now(): Date },
  intervalMs = 2000,
  onError?: (e: unknown) => void,
  senders: Record<string, Deliver> = defaultSenders,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      // A full batch means more are waiting (a burst of submissions): go on at once rather than
      // after the interval, so thousands of notices leave in seconds, not minutes.
      for (let round = 0; round < 100; round++) {
        const r = await processOutbox(db, clock.now(), senders);
        if (r.sent + r.failed < BATCH) break;
      }
    } catch (e) {
      onError?.(e);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
