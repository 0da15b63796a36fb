// Rate limits kept in the database (rate_hits), so that every process of a deployment counts the
// same hits: spam bursts of submissions and stuffing of ratings (issue 5, "Bad input").
// A hit is written first and counted after (review finding 19): a check-then-insert lets parallel
// requests all pass the check before any of them is written. Written hits over the limit are
// deleted again, so a flood does not grow the table beyond `max` rows per key per window.
import { createHmac } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Conn } from '../../db/index.js';

export type Limit = { key: string; max: number; windowMs: number };

/**
 * A client's address as a rate-limit key: an HMAC with the server's secret, truncated. A plain
 * SHA-256 of an IPv4 address is reversed by trying all 2^32 addresses; the keyed hash is not, so
 * rate_hits never holds a usable address (Decree 13/2023 on personal data: keep no more than needed).
 */
export function clientKey(config: Pick<Config, 'sessionSecret'>, ip: string): string {
  return createHmac('sha256', config.sessionSecret).update(`client:${ip}`).digest('base64url').slice(0, 22);
}

/**
 * Records a hit for every key and returns true, or returns false (and keeps nothing) if any key is
 * over its limit. Call it with the database, not inside an open transaction: the written hit must be
 * visible to parallel requests before this one counts. Two racing requests can then at worst both
 * be refused, never both admitted past the limit.
 */
export async function allowHit(db: Conn, limits: Limit[], now: Date): Promise<boolean> {
  if (!limits.length) return true;
  const at = now.toISOString();
  const mine = await db
    .insertInto('rate_hits')
    .values(limits.map((l) => ({ key: l.key, at })))
    .returning('id')
    .execute();
  for (const l of limits) {
    const since = new Date(now.getTime() - l.windowMs).toISOString();
    const r = await db
      .selectFrom('rate_hits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', l.key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(r.n) > l.max) {
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

/** Deletes hits older than a day; the outbox worker's interval is a fine place to call it. */
export async function pruneHits(db: Conn, now: Date): Promise<void> {
  await db
    .deleteFrom('rate_hits')
    .where('at', '<', new Date(now.getTime() - 86_400_000).toISOString())
    .execute();
}
