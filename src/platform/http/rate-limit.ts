// Rate limits kept in the database (rate_hits), so that every process of a deployment counts the
// same hits: spam bursts of submissions and stuffing of ratings (issue 5, "Bad input").
// A hit is written first and counted after (review finding 19): a check-then-insert lets parallel
// requests all pass the check before any of them is written. Written hits over the limit are
// deleted again, so a flood does not grow the table beyond `max` rows per key per window.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import { compiledInsert, compiledOnce } from '../../db/compiled-once.js';
import type { Conn, Dialect } from '../../db/index.js';

export type Limit = { key: string; max: number; windowMs: number };

/**
 * A client's address as a rate-limit key: an HMAC with the server's secret, truncated. A plain
 * SHA-256 of an IPv4 address is reversed by trying all 2^32 addresses; the keyed hash is not, so
 * rate_hits never holds a usable address (Decree 13/2023 on personal data: keep no more than needed).
 */
export function clientKey(config: Pick<Config, 'sessionSecret'>, ip: string): string {
  return createHmac('sha256', config.sessionSecret).update(`client:${ip}`).digest('base64url').slice(0, 22);
}

// Compiled once (src/db/compiled-once.ts): every submission and rating passes here.
const insertHit = compiledInsert('rate_hits', ['id']);
const countHits = compiledOnce(
  (db, key: string, since: string) =>
    db
      .selectFrom('rate_hits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since),
  ['\u0000key', '\u0000since'],
);

/**
 * Records a hit for every key and returns true, or returns false (and keeps nothing) if any key is
 * over its limit. Call it with the database, not inside an open transaction (there, use `allowHitIn`):
 * the written hit must be visible to parallel requests before this one counts. Two racing requests
 * can then at worst both be refused, never both admitted past the limit.
 */
export async function allowHit(db: Conn, limits: Limit[], now: Date): Promise<boolean> {
  if (!limits.length) return true;
  const at = now.toISOString();
  const mine: { id: number }[] = [];
  for (const l of limits) mine.push((await insertHit<{ id: number }>(db, { key: l.key, at })).rows[0]!);
  for (const l of limits) {
    const since = new Date(now.getTime() - l.windowMs).toISOString();
    const n = (await countHits<{ n: number }>(db, l.key, since)).rows[0]?.n;
    if (Number(n) > l.max) {
      await db
        .deleteFrom('rate_hits')
        .where(
          'id',
          'in',
          mine.map((m) => m.id),
        )
        .execute();
      return false;
    }
  }
  return true;
}

/**
 * The same check inside the caller's transaction, so that the hit commits with the use case it admits
 * (one commit instead of two; docs/performance.md "Feedback"). Hits for one key are serialised: on
 * SQLite the insert takes the database's only write lock before the count reads, and the transaction
 * keeps it; on PostgreSQL a transaction-scoped advisory lock per key makes a parallel request wait
 * until this one commits, and its count (read committed) then sees this hit. So parallel requests
 * are never admitted past the limit. A refused request writes nothing; the caller's transaction may
 * still commit its own writes.
 */
export async function allowHitIn(trx: Conn, dialect: Dialect, limits: Limit[], now: Date): Promise<boolean> {
  if (dialect === 'postgres') {
    // Sorted, so that two requests that share two keys always take them in the same order.
    for (const key of limits.map((l) => l.key).sort()) await sql`select pg_advisory_xact_lock(7702, hashtext(${key}))`.execute(trx);
  }
  return allowHit(trx, limits, now);
}

/** Deletes hits older than a day; the outbox worker's interval is a fine place to call it. */
export async function pruneHits(db: Conn, now: Date): Promise<void> {
  await db
    .deleteFrom('rate_hits')
    .where('at', '<', new Date(now.getTime() - 86_400_000).toISOString())
    .execute();
}
