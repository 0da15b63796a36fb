import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../../test/helpers.js';
import { migration } from './202612080100_covenants__vote-day-after-posting.js';

describe('migration 202612080100: covenants posted before the R-E1 fix', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb({ seed: 'demo' });
  });
  afterAll(() => t.drop());

  it("R-E1 (Decree 61/2023 Art 9(1)): a hold stored as the posting's last day moves to the day after; others are untouched", async () => {
    const db = t.deps.db;
    const posted = await db
      .selectFrom('covenants as c')
      .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
      .innerJoin('matters as m', 'm.id', 'c.matter_id')
      .select(['m.id as matterId', 'm.vote_not_before as hold', 'k.closes_on as closesOn'])
      .execute();
    expect(posted.length).toBeGreaterThan(1);
    const [old, current] = posted;
    await db.updateTable('matters').set({ vote_not_before: old!.closesOn }).where('id', '=', old!.matterId).execute();
    await migration.up(db, t.deps.dialect);
    await migration.up(db, t.deps.dialect); // a second run changes nothing
    const holdOf = async (id: number) =>
      (await db.selectFrom('matters').select('vote_not_before').where('id', '=', id).executeTakeFirstOrThrow()).vote_not_before;
    const next = new Date(Date.parse(`${old!.closesOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await holdOf(old!.matterId)).toBe(next);
    expect(await holdOf(current!.matterId)).toBe(current!.hold);
  });
});
