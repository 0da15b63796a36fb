import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../../test/helpers.js';
import { appendAudit, GENESIS, historyOf, verifyAudit } from './audit.js';

describe('audit log: append-only hash chain (DESIGN.md "Audit")', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb({ seed: 'none' });
  });
  afterAll(() => t.drop());

  const append = (action: string, data: Record<string, unknown> = {}) =>
    t.deps.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, t.deps.dialect, new Date('2026-11-25T03:00:00Z'), { userId: null, label: 'test' }, { action, entityType: 'thing', entityId: 1, data }),
      );

  it('an empty log verifies; each entry links to the previous hash, the first to the genesis', async () => {
    expect(await verifyAudit(t.deps.db)).toEqual({ ok: true, count: 0 });
    await append('a', { b: 1, a: 2 });
    await append('b');
    await append('c');
    const rows = await historyOf(t.deps.db, 'thing', 1);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_hash).toBe(GENESIS);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(await verifyAudit(t.deps.db)).toEqual({ ok: true, count: 3 });
  });

  it('a change that rolls back leaves no audit entry', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await appendAudit(trx, t.deps.dialect, new Date(), null, { action: 'doomed', entityType: 'thing', entityId: 1 });
        throw new Error('validation failed later in the use case');
      }),
    ).rejects.toThrow();
    expect((await historyOf(t.deps.db, 'thing', 1)).map((r) => r.action)).toEqual(['a', 'b', 'c']);
  });

  it('editing an entry quietly is caught: verify names that entry', async () => {
    await sql`update audit_log set data = '{"a":3}' where seq = 2`.execute(t.deps.db);
    expect(await verifyAudit(t.deps.db)).toMatchObject({ ok: false, brokenSeq: 2, reason: 'content does not match its hash' });
  });

  it('deleting an entry is caught: verify names the missing one', async () => {
    await sql`delete from audit_log where seq = 2`.execute(t.deps.db);
    expect(await verifyAudit(t.deps.db)).toMatchObject({ ok: false, brokenSeq: 2, reason: 'entry 2 is missing' });
  });
});
