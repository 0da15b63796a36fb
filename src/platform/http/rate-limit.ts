// Rate limits kept in the database (rate_hits), so that every process of a deployment counts the
// same hits: spam bursts of submissions and stuffing of ratings (issue 5, "Bad input"). A hit is
// recorded only when allowed, so a flood does not grow the table beyond `max` rows per key per window.
import type { Conn } from '../../db/index.js';

export type Limit = { key: string; max: number; windowMs: number };

/** Records a hit for every key and returns true, or returns false (recording nothing) if any key is at its limit. */
export async function allowHit(db: Conn, limits: Limit[], now: Date): Promise<boolean> {
  for (const l of limits) {
    const since = new Date(now.getTime() - l.windowMs).toISOString();
    const r = await db
      .selectFrom('rate_hits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', l.key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(r.n) >= l.max) return false;
  }
  await db
    .insertInto('rate_hits')
    .values(limits.map((l) => ({ key: l.key, at: now.toISOString() })))
    .execute();
  return true;
}

/** Deletes hits older than a day; the outbox worker's interval is a fine place to call it. */
export async function pruneHits(db: Conn, now: Date): Promise<void> {
  await db
    .deleteFrom('rate_hits')
    .where('at', '<', new Date(now.getTime() - 86_400_000).toISOString())
    .execute();
}
