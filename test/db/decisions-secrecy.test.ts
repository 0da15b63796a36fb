// Issue 4 item 9 on the storage itself: after the close, nothing the database keeps links a ballot to
// the receipt of the household that cast it — no id or time on the ballot, no row order (SQLite keeps
// the table WITHOUT ROWID), and on PostgreSQL no shared transaction id (xmin) with the receipt.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVote } from '../../src/modules/decisions/commands/count.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { makeTestDb, type TestDb } from '../helpers.js';

const clock = fixedClock('2026-11-25T03:00:00Z');
let tdb: TestDb;
let voteId: number;

beforeAll(async () => {
  tdb = await makeTestDb({ seed: 'demo', clock });
  const v = await tdb.deps.db
    .selectFrom('votes')
    .select(['id', 'closes_at'])
    .where('form', '=', 'online')
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  voteId = v.id;
  clock.set(new Date(new Date(v.closes_at!).getTime() + 60_000).toISOString());
  const u = await tdb.deps.db.selectFrom('users').select('id').where('username', '=', 'truongthon.xd').executeTakeFirstOrThrow();
  const head = (await loadActor(tdb.deps.db, u.id)) as Actor;
  expect(await countVote(tdb.deps, translator('vi'), head, voteId, { witnesses: '' })).toEqual({ ok: true });
}, 60_000);
afterAll(async () => tdb?.drop());

describe('secret ballots at rest', () => {
  it('item 9: the ballot rows carry the vote, a receipt hash, the choice and nothing else', async () => {
    const row = await tdb.deps.db.selectFrom('vote_ballots').selectAll().where('vote_id', '=', voteId).executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['option_key', 'other_text', 'receipt_hash', 'vote_id']);
    const receipts = await tdb.deps.db.selectFrom('vote_receipts').select('household_id').where('vote_id', '=', voteId).execute();
    expect(receipts.length).toBeGreaterThan(5);
  });

  it('item 9: the order of voting cannot be read from the storage', async () => {
    if (tdb.deps.dialect === 'sqlite') {
      // No rowid: rows live in the order of their random key.
      await expect(sql`select rowid from vote_ballots`.execute(tdb.deps.db)).rejects.toThrow(/rowid/);
    } else {
      const ballots = await sql<{ x: string }>`select distinct xmin::text as x from vote_ballots where vote_id = ${voteId}`.execute(tdb.deps.db);
      const receipts = await sql<{ x: string }>`select distinct xmin::text as x from vote_receipts where vote_id = ${voteId}`.execute(tdb.deps.db);
      expect(ballots.rows.length).toBe(1); // rewritten together at the close
      expect(receipts.rows.map((r) => r.x)).not.toContain(ballots.rows[0]!.x);
    }
  });
});
