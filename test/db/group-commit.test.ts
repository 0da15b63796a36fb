// Group commit (src/db/group-commit.ts; docs/architecture.md): use cases that arrive together share a
// commit on SQLite, each under its own savepoint, so one that fails leaves nothing while the others
// keep their writes and answer only once committed. On PostgreSQL each is its own transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/db/group-commit.js';
import type { Conn } from '../../src/db/index.js';
import { makeTestDb, type TestDb } from '../helpers.js';

let t: TestDb;
beforeAll(async () => {
  t = await makeTestDb({ seed: 'none' });
}, 60_000);
afterAll(() => t?.drop());

const hit = (trx: Conn, key: string) => trx.insertInto('rate_hits').values({ key, at: '2026-11-20T03:00:00.000Z' }).execute();
const keys = async (prefix: string) =>
  (await t.deps.db.selectFrom('rate_hits').select('key').where('key', 'like', `${prefix}%`).orderBy('key').execute()).map((r) => r.key);

describe('group commit', () => {
  it('a use case that fails in the middle of a group leaves none of its writes; the others before and after it are committed and answered', async () => {
    const [a, b, c] = await Promise.allSettled([
      groupCommit(t.deps, async (trx) => {
        await hit(trx, 'gc1:a');
        return 'a';
      }),
      groupCommit(t.deps, async (trx) => {
        await hit(trx, 'gc1:b1');
        await hit(trx, 'gc1:b2');
        throw new Error('refused half-way');
      }),
      groupCommit(t.deps, async (trx) => {
        await hit(trx, 'gc1:c');
        return 'c';
      }),
    ]);
    expect(a).toEqual({ status: 'fulfilled', value: 'a' });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: 'refused half-way' } });
    expect(c).toEqual({ status: 'fulfilled', value: 'c' });
    expect(await keys('gc1:')).toEqual(['gc1:a', 'gc1:c']);
  });

  it('a use case sees the writes of those committed before it in the same group (one writer: a count cannot miss a parallel hit)', async () => {
    const counts = await Promise.all(
      Array.from({ length: 5 }, () =>
        groupCommit(t.deps, async (trx) => {
          await hit(trx, 'gc2:x');
          const r = await trx
            .selectFrom('rate_hits')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('key', '=', 'gc2:x')
            .executeTakeFirstOrThrow();
          return Number(r.n);
        }),
      ),
    );
    // On SQLite the five run one after another in one transaction; on PostgreSQL in parallel
    // transactions, where a count may not see an uncommitted hit (hence allowHitIn's advisory lock).
    if (t.deps.dialect === 'sqlite') expect(counts).toEqual([1, 2, 3, 4, 5]);
    expect(await keys('gc2:')).toHaveLength(5);
  });
});
