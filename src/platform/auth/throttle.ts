// Sign-in throttling kept in the database, so that every process sees the same count: after
// MAX_FAILURES failures for one key (an account, a phone or an address) in WINDOW_MINUTES, that
// key is refused until the window has passed.
import type { Conn } from '../../db/index.js';

export const MAX_FAILURES = 5;
/** An address is shared by a whole commune office behind one router: it gets a higher limit. */
export const MAX_FAILURES_PER_ADDRESS = 30;
export const WINDOW_MINUTES = 15;

export const throttleKeys = (account: string, ip: string) => [
  { key: `acct:${account}`, max: MAX_FAILURES },
  { key: `ip:${ip}`, max: MAX_FAILURES_PER_ADDRESS },
];

export async function isThrottled(db: Conn, keys: { key: string; max: number }[], now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  for (const { key, max } of keys) {
    const r = await db
      .selectFrom('sign_in_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(r.n) >= max) return true;
  }
  return false;
}

export async function recordFailure(db: Conn, keys: { key: string }[], now: Date): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values(keys.map(({ key }) => ({ key, at: now.toISOString() })))
    .execute();
}

/** A successful sign-in clears the account's failures (not the shared address's). */
export async function clearFailures(db: Conn, account: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', `acct:${account}`).execute();
}
