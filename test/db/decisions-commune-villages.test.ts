// R-A3 (Law 10/2022 Art 21(1)): a commune-wide decision on items 1–2 counts approving villages against
// ALL villages of the commune, taken on the vote's date (its last day, in Asia/Ho_Chi_Minh), not on the
// day the matter was proposed nor on a UTC date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeStanding } from '../../src/modules/decisions/commands/conclude.js';
import { fixedClock } from '../../src/platform/clock.js';
import { makeTestDb, type TestDb } from '../helpers.js';

const clock = fixedClock('2026-12-03T03:00:00Z');
let tdb: TestDb;
let commune: { id: number; path: string };
let existing: { id: number; level: string }[];

async function addVillage(code: string, name: string, validFrom: string | null, validTo: string | null): Promise<number> {
  const db = tdb.deps.db;
  const row = await db
    .insertInto('units')
    .values({
      code,
      name,
      name_folded: name.toLowerCase(),
      level: existing[0]!.level,
      parent_id: commune.id,
      valid_from: validFrom,
      valid_to: validTo,
      path: '',
      is_demo: 1,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('units')
    .set({ path: `${commune.path}${row.id}/` })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

beforeAll(async () => {
  tdb = await makeTestDb({ seed: 'demo', clock });
  const db = tdb.deps.db;
  const v1 = await db.selectFrom('units').select('parent_id').where('code', '=', '02191-01').executeTakeFirstOrThrow();
  commune = await db.selectFrom('units').select(['id', 'path']).where('id', '=', v1.parent_id!).executeTakeFirstOrThrow();
  existing = await db.selectFrom('units').select(['id', 'level']).where('parent_id', '=', commune.id).where('valid_to', 'is', null).execute();
}, 60_000);
afterAll(async () => tdb?.drop());

describe('R-A3: the villages of the commune on the vote’s last day in Vietnam', () => {
  it('R-A3 Art 21(1): a village created after the matter counts, one dissolved before the vote does not; the close is read in Asia/Ho_Chi_Minh', async () => {
    const db = tdb.deps.db;
    // Proposed on 01/11/2026; one village ends on 10/11, one begins on 01/12/2026.
    const gone = await addVillage('02191-98', 'Thôn Cũ', null, '2026-11-10');
    const born = await addVillage('02191-99', 'Thôn Mới', '2026-12-01', null);
    const now = '2026-11-01T02:00:00.000Z';
    const matter = await db
      .insertInto('matters')
      .values({
        unit_id: commune.id,
        scope: 'commune',
        item: 1,
        kind: 'general',
        title: 'Đóng góp làm đường liên thôn',
        description: '—',
        proposer: 'commune_chairman',
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every village that existed before 01/12 votes and approves; the last one by an online vote that
    // closes at 00:30 on 01/12/2026 in Vietnam (17:30 on 30/11 UTC), so the vote's last day is 01/12.
    for (const [i, v] of existing.entries()) {
      const last = i === existing.length - 1;
      await db
        .insertInto('votes')
        .values({
          matter_id: matter.id,
          unit_id: v.id,
          form: last ? 'online' : 'meeting',
          status: 'finalised',
          outcome: 'adopted',
          vote_date: last ? '2026-11-30' : '2026-11-20',
          opens_at: last ? '2026-11-30T00:00:00.000Z' : null,
          closes_at: last ? '2026-11-30T17:30:00.000Z' : null,
          notice_on: '2026-11-15',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const s = await communeStanding(tdb.deps, { id: matter.id, unit_id: commune.id });
    const ids = s.rows.map((r) => r.village.id);
    expect(ids).toContain(born);
    expect(ids).not.toContain(gone);
    expect(s.rows.find((r) => r.village.id === born)).toMatchObject({ voteId: null, outcome: null });
    expect(s.allVoted).toBe(false);
    // The new village, not having voted, counts as not approving in the denominator of 2/3.
    expect(s.working).toMatchObject({ villagesTotal: existing.length + 1, villagesApproving: existing.length });
  });
});
