import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../../test/helpers.js';
import { backoffMs, defaultSenders, enqueue, MAX_ATTEMPTS, processOutbox } from './outbox.js';

describe('notification outbox: delivery with retries and backoff', () => {
  let t: TestDb;
  let userId: number;
  beforeAll(async () => {
    t = await makeTestDb({ seed: 'none' });
    userId = (
      await t.deps.db
        .insertInto('users')
        .values({ kind: 'resident', phone: '0912000111', display_name: 'Hà Thị Lan', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.drop());

  it('an in-app message becomes a notification of its user and is marked sent', async () => {
    const now = new Date('2026-11-25T01:00:00Z');
    await enqueue(
      t.deps.db,
      {
        channel: 'in_app',
        recipient: String(userId),
        template: 'notice',
        params: { title: 'Công khai mới', body: 'Dự toán ngân sách 2027', link: '/units/1' },
      },
      now,
    );
    expect(await processOutbox(t.deps.db, now)).toEqual({ sent: 1, failed: 0 });
    const n = await t.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).execute();
    expect(n.map((x) => [x.title, x.body, x.link])).toEqual([['Công khai mới', 'Dự toán ngân sách 2027', '/units/1']]);
    // nothing is delivered twice
    expect(await processOutbox(t.deps.db, new Date(now.getTime() + 3600_000))).toEqual({ sent: 0, failed: 0 });
  });

  it('a failing channel is retried after growing delays and given up after the last attempt', async () => {
    let calls = 0;
    const senders = {
      ...defaultSenders,
      dev: async () => {
        calls++;
        throw new Error('gateway down');
      },
    };
    let now = new Date('2026-11-25T02:00:00Z');
    await enqueue(t.deps.db, { channel: 'dev', recipient: '0912000111', template: 'otp', params: { code: '123456' } }, now);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await processOutbox(t.deps.db, now, senders)).toEqual({ sent: 0, failed: 1 });
      // not again before its backoff has passed
      expect(await processOutbox(t.deps.db, new Date(now.getTime() + backoffMs(attempt) - 1000), senders)).toEqual({ sent: 0, failed: 0 });
      now = new Date(now.getTime() + backoffMs(attempt));
    }
    expect(calls).toBe(MAX_ATTEMPTS);
    const row = await t.deps.db.selectFrom('outbox').selectAll().where('channel', '=', 'dev').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'gateway down' });
    expect(await processOutbox(t.deps.db, new Date(now.getTime() + 86400_000), senders)).toEqual({ sent: 0, failed: 0 });
  });
});
