// Residents' initiative (Law 10/2022 Art 16(3); R-A15) on both databases: consents online and from
// paper, one per household, the 10 % threshold against all households, 3-month validity, and the
// Front work committee's approval below 10 %.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveInitiative, forwardInitiative, giveConsent, recordPaperConsents, standingOf } from '../../src/modules/decisions/commands/initiative.js';
import { proposeMatter } from '../../src/modules/decisions/commands/propose.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { makeTestDb, type TestDb } from '../helpers.js';

const t = translator('vi');
const clock = fixedClock('2026-12-10T02:00:00Z');
let db: TestDb;
let village: { id: number };
let head: Actor;
let front: Actor;
let resident: Actor;
let households: number[];

const actorOf = async (where: { username?: string; phone?: string }) => {
  let q = db.deps.db.selectFrom('users').select('id');
  q = where.username ? q.where('username', '=', where.username) : q.where('phone', '=', where.phone!);
  return (await loadActor(db.deps.db, (await q.executeTakeFirstOrThrow()).id)) as Actor;
};

beforeAll(async () => {
  db = await makeTestDb({ seed: 'demo', clock });
  village = await db.deps.db.selectFrom('units').select('id').where('code', '=', '02191-01').executeTakeFirstOrThrow();
  head = await actorOf({ username: 'truongthon.xd' });
  front = await actorOf({ username: 'bancongtac.xd' });
  resident = await actorOf({ phone: '0912345678' });
  households = (await db.deps.db.selectFrom('households').select('id').where('unit_id', '=', village.id).orderBy('code').execute()).map((h) => h.id);
}, 60_000);
afterAll(async () => db?.drop());

async function initiative(title: string) {
  const r = await proposeMatter(db.deps, t, head, village.id, {
    item: '6',
    title,
    description: '',
    proposer: 'initiative',
    agreementBy: '',
    agreementOn: '',
    initiatorName: 'Hoàng Văn Đồng',
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.id;
}

describe('R-A15 residents’ initiative', () => {
  it('Art 16(3): forwarded only at ≥ 10 % of all households; one consent per household', async () => {
    const id = await initiative('Trồng cây xanh dọc đường thôn');
    const needed = Math.ceil(households.length / 10);
    expect(await giveConsent(db.deps, resident, id)).toEqual({ ok: true });
    expect(await giveConsent(db.deps, resident, id)).toEqual({ ok: false, reason: 'already' });
    // Paper consents for households short of the threshold by one (the resident's household is the first).
    expect(await recordPaperConsents(db.deps, t, head, id, { householdIds: households.slice(0, needed - 1).map(String), givenOn: '01/12/2026' })).toMatchObject(
      { ok: true, added: needed - 2 },
    );
    const short = await forwardInitiative(db.deps, t, head, id);
    expect(short.ok).toBe(false);
    expect(JSON.stringify(short)).toContain('Điều 16 khoản 3');
    await recordPaperConsents(db.deps, t, head, id, { householdIds: [String(households[needed - 1])], givenOn: '02/12/2026' });
    expect(await standingOf(db.deps, { id, unit_id: village.id, front_approved_on: null })).toMatchObject({ valid: needed, needed, reached: true });
    expect(await forwardInitiative(db.deps, t, head, id)).toEqual({ ok: true });
    expect((await db.deps.db.selectFrom('matters').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('Art 16(3): consents older than 3 months no longer count; the Front work committee may still approve', async () => {
    const id = await initiative('Lắp đèn chiếu sáng ngõ xóm');
    const needed = Math.ceil(households.length / 10);
    await recordPaperConsents(db.deps, t, head, id, { householdIds: households.slice(0, needed).map(String), givenOn: '09/09/2026' });
    expect(await standingOf(db.deps, { id, unit_id: village.id, front_approved_on: null })).toMatchObject({ valid: 0, reached: false });
    expect((await forwardInitiative(db.deps, t, head, id)).ok).toBe(false);
    expect((await approveInitiative(db.deps, head, id)).ok).toBe(false); // only the Front work committee head approves
    expect(await approveInitiative(db.deps, front, id)).toEqual({ ok: true });
    expect(await forwardInitiative(db.deps, t, head, id)).toEqual({ ok: true });
  });

  it('Art 16(3): a consent from a household not on the village register is refused', async () => {
    const id = await initiative('Nạo vét mương');
    const other = await db.deps.db
      .selectFrom('households as h')
      .innerJoin('units as u', 'u.id', 'h.unit_id')
      .select('h.id')
      .where('u.code', '=', '02191-02')
      .executeTakeFirstOrThrow();
    const r = await recordPaperConsents(db.deps, t, head, id, { householdIds: [String(other.id)], givenOn: '01/12/2026' });
    expect(r).toMatchObject({ ok: false, errors: { householdIds: expect.stringContaining('sổ hộ') } });
  });
});
