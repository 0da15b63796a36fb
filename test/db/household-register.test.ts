// The household register per village over time (issue 4 item 2; Law 10/2022 Arts 18(2), 21(1)):
// households join, leave and move on a date, the register as it stood on a day is the denominator of
// a vote held that day, and each household has exactly one representative, an adult member or a
// person it authorises. Through real HTTP on a real database, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsTotalOn, registerOn } from '../../src/modules/decisions/decisions.repo.js';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-11-25T02:00:00Z'); // Wed 25/11/2026, 09:00 in Vietnam
let s: TestServer;
let v1: number; // 02191-01: truongthon.xd is its village head
// 02191-04: a village with no community decisions in the demo, so that changes dated in the past are
// not refused for coming before a vote already held there (the register of a held vote stays as it was).
let vd: number;
let v2: number;
let v3: number;
let official: Agent; // canbo.xuanduong, commune official of 02191
let head: Agent; // truongthon.xd

const villageId = async (code: string) => (await s.deps.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const household = (unit: number, code: string) =>
  s.deps.db.selectFrom('households').selectAll().where('unit_id', '=', unit).where('code', '=', code).executeTakeFirstOrThrow();
const total = (unit: number, date: string) => householdsTotalOn(s.deps.db, unit, date);
const codesOn = async (unit: number, date: string) => (await registerOn(s.deps.db, unit, date)).map((e) => e.code);
const reps = (householdId: number) =>
  s.deps.db.selectFrom('residents').select(['id', 'full_name']).where('household_id', '=', householdId).where('is_representative', '=', 1).execute();

async function submit(a: Agent, formPath: string, action: string, form: Record<string, string>) {
  const page = await a.get(formPath);
  expect(page.status, formPath).toBe(200);
  return a.post(action, { ...form, _csrf: Agent.csrf(page.text) });
}
const add = (a: Agent, v: number, form: Record<string, string>) =>
  submit(a, `/units/${v}/households/new`, `/units/${v}/households`, { address: 'Xóm Nà Mò', name: 'Hà Văn Mới', birthYear: '1980', phone: '', ...form });

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  [v1, v2, v3, vd] = await Promise.all(['02191-01', '02191-02', '02191-03', '02191-04'].map(villageId));
  official = await signIn(s.url, 'canbo.xuanduong', clock);
  head = await signIn(s.url, 'truongthon.xd', clock);
});
afterAll(() => s.close());

describe('R-A2, R-A4: the register on a date is the denominator of a vote held that day (Art 21(1))', () => {
  let before: number;
  it('a household added on 10/11/2026 counts from that day, not the day before', async () => {
    before = await total(vd, '2026-11-09');
    const r = await add(official, vd, { code: 'h901', date: '10/11/2026' });
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/units/${vd}/households`);
    expect(await total(vd, '2026-11-09')).toBe(before);
    expect(await total(vd, '2026-11-10')).toBe(before + 1);
    expect(await codesOn(vd, '2026-11-10')).toContain('H901'); // codes are kept upper-case
    const rep = await reps((await household(vd, 'H901')).id);
    expect(rep.map((x) => x.full_name)).toEqual(['Hà Văn Mới']);
  });

  it('a household that leaves on 15/11/2026 stays in the registers of earlier days', async () => {
    const h = await household(vd, 'H002');
    const r = await submit(official, `/households/${h.id}/leave`, `/households/${h.id}/leave`, { date: '15/11/2026', reason: 'Chuyển vào Nam' });
    expect(r.status).toBe(303);
    expect(await codesOn(vd, '2026-11-14')).toContain('H002');
    expect(await codesOn(vd, '2026-11-15')).not.toContain('H002');
    expect(await total(vd, '2026-11-14')).toBe(before + 1);
    expect(await total(vd, '2026-11-15')).toBe(before);
    // It has left: no more changes to it.
    const again = await official.get(`/households/${h.id}/leave`);
    expect(again.status).toBe(303);
  });

  it('a household that moves on 20/11/2026 counts in the old village before and in the new one from that day, with its members', async () => {
    const h = await household(vd, 'H003');
    const members = await s.deps.db.selectFrom('residents').select('id').where('household_id', '=', h.id).execute();
    const v2Before = await total(v2, '2026-11-19');
    const r = await submit(official, `/households/${h.id}/move`, `/households/${h.id}/move`, {
      targetId: String(v2),
      code: 'M003',
      address: 'Thôn mới, Xã Xuân Dương',
      date: '20/11/2026',
    });
    expect(r.status).toBe(303);
    expect(await codesOn(vd, '2026-11-19')).toContain('H003');
    expect(await codesOn(vd, '2026-11-20')).not.toContain('H003');
    expect(await codesOn(v2, '2026-11-19')).not.toContain('M003');
    expect(await codesOn(v2, '2026-11-20')).toContain('M003');
    expect(await total(vd, '2026-11-19')).toBe(before);
    expect(await total(vd, '2026-11-20')).toBe(before - 1);
    expect(await total(v2, '2026-11-20')).toBe(v2Before + 1);
    const moved = await household(v2, 'M003');
    const now = await s.deps.db.selectFrom('residents').select('id').where('household_id', '=', moved.id).execute();
    expect(now.map((x) => x.id).sort()).toEqual(members.map((x) => x.id).sort());
  });

  it('the page shows the register as it stood on the chosen day with its total', async () => {
    const past = await official.get(`/units/${vd}/households?on=19/11/2026`);
    expect(past.status).toBe(200);
    expect(past.text).toContain('Sổ hộ tại ngày');
    expect(past.text).toContain(`Tổng số hộ trong sổ ngày 19/11/2026: ${before}`);
    expect(past.text).toContain('H003');
    const today = await official.get(`/units/${vd}/households`);
    expect(today.text).toContain(`Tổng số hộ trong sổ ngày 25/11/2026: ${before - 1}`);
    expect(today.text).not.toContain('>H003<');
    expect(today.text).toContain('Thêm hộ vào sổ');
    const commune = (await s.deps.db.selectFrom('units').select('parent_id').where('id', '=', vd).executeTakeFirstOrThrow()).parent_id;
    const overview = await official.get(`/units/${commune}/households?on=19/11/2026`);
    expect(overview.status).toBe(200);
    expect(overview.text).toContain(`?on=19/11/2026`);
  });
});

describe('bad input gives a message next to the field, not a 500', () => {
  it('a date picker value that is not a date', async () => {
    for (const on of ['31/02/2026', 'hôm qua', '2026-13-01']) {
      const r = await official.get(`/units/${vd}/households?on=${encodeURIComponent(on)}`);
      expect(r.status, on).toBe(422);
      expect(r.text).toContain('Ngày không hợp lệ');
      expect(r.text).toContain(`value="${on}"`);
    }
  });
  it('adding: an impossible date, a future date, a code already used, a year of birth of a child', async () => {
    const bad = await add(official, vd, { code: 'H950', date: '32/13/2026', address: 'Xóm Pác Cáp' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Ngày không hợp lệ');
    expect(bad.text).toContain('value="Xóm Pác Cáp"'); // what was typed
    const future = await add(official, vd, { code: 'H950', date: '26/11/2026' });
    expect(future.text).toContain('Ngày không được sau hôm nay (25/11/2026)');
    const taken = await add(official, vd, { code: 'H002', date: '25/11/2026' }); // H002 left, its code stays used
    expect(taken.status).toBe(422);
    expect(taken.text).toContain('Mã hộ H002 đã có trong sổ');
    const child = await add(official, vd, { code: 'H950', date: '25/11/2026', birthYear: '2012' });
    expect(child.text).toContain('chưa đủ 18 tuổi');
    expect(await s.deps.db.selectFrom('households').select('id').where('code', '=', 'H950').execute()).toEqual([]);
  });
  it('leaving on or before the day the household joined', async () => {
    const h = await household(vd, 'H901'); // joined 10/11/2026
    const r = await submit(official, `/households/${h.id}/leave`, `/households/${h.id}/leave`, { date: '10/11/2026', reason: '' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Ngày phải sau ngày hộ vào sổ (10/11/2026)');
  });
});

describe('the representative (Art 18(2))', () => {
  let h: { id: number };
  let spouse: { id: number; full_name: string };
  beforeAll(async () => {
    // A household with a second adult member (the demo's second member is a spouse born 1955–1998).
    const rows = await s.deps.db
      .selectFrom('residents as r')
      .innerJoin('households as hh', 'hh.id', 'r.household_id')
      .select(['hh.id as hid', 'r.id', 'r.full_name'])
      .where('hh.unit_id', '=', v1)
      .where('r.relation', '=', 'vợ/chồng')
      .where('hh.code', '>', 'H004')
      .orderBy('hh.code')
      .executeTakeFirstOrThrow();
    h = { id: rows.hid };
    spouse = { id: rows.id, full_name: rows.full_name };
  });
  const change = (a: Agent, form: Record<string, string>) =>
    submit(a, `/households/${h.id}/representative`, `/households/${h.id}/representative`, { authorisedName: '', ...form });

  it('changing to another adult member leaves exactly one representative', async () => {
    const r = await change(head, { choice: `m${spouse.id}` });
    expect(r.status).toBe(303);
    expect(await reps(h.id)).toEqual([spouse]);
    const entry = (await registerOn(s.deps.db, v1, '2026-11-25')).find((e) => e.id === h.id);
    expect(entry?.representative).toBe(spouse.full_name);
  });
  it('a person the household authorises replaces the member, and a member replaces them again', async () => {
    expect((await change(head, { choice: 'authorised', authorisedName: 'Lường Văn Ủy' })).status).toBe(303);
    expect(await reps(h.id)).toEqual([]);
    expect((await registerOn(s.deps.db, v1, '2026-11-25')).find((e) => e.id === h.id)?.representative).toBe('Lường Văn Ủy');
    expect((await change(head, { choice: `m${spouse.id}` })).status).toBe(303);
    expect(await reps(h.id)).toEqual([spouse]);
    expect(
      (await household(v1, (await s.deps.db.selectFrom('households').select('code').where('id', '=', h.id).executeTakeFirstOrThrow()).code))
        .authorised_representative,
    ).toBeNull();
  });
  it('a minor is refused, and so is one who may turn 18 only later this year; the representative stays', async () => {
    const minor = await s.deps.db
      .insertInto('residents')
      .values({ household_id: h.id, full_name: 'Hà Thị Nhỏ', birth_year: 2012, gender: 'nữ', phone: null, relation: 'con', is_representative: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await change(head, { choice: `m${minor.id}` });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Người sinh năm 2012 chưa đủ 18 tuổi');
    expect(r.text).toContain(`value="m${minor.id}" checked`);
    const turning = await s.deps.db
      .insertInto('residents')
      .values({ household_id: h.id, full_name: 'Hà Văn Vừa', birth_year: 2008, gender: 'nam', phone: null, relation: 'con', is_representative: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await change(head, { choice: `m${turning.id}` })).text).toContain('có thể chưa đủ 18 tuổi');
    expect((await change(head, { choice: 'authorised' })).text).toContain('Vui lòng nhập họ và tên');
    expect((await change(head, { choice: '' })).text).toContain('Vui lòng chọn người đại diện hộ');
    expect(await reps(h.id)).toEqual([spouse]);
  });
});

describe('who may keep the register (decisionsPolicy manageRegister)', () => {
  it('another commune’s official gets 403 on the forms and on the commands', async () => {
    const other = await signIn(s.url, 'canbo.nari', clock);
    const csrf = Agent.csrf((await other.get('/')).text); // the sign-out form carries the session's token
    const h = await household(v1, 'H005');
    expect((await other.get(`/units/${v1}/households`)).status).toBe(403);
    expect((await other.get(`/units/${v1}/households/new`)).status).toBe(403);
    expect(
      (await other.post(`/units/${v1}/households`, { _csrf: csrf, code: 'X1', address: 'a', name: 'b', birthYear: '1980', date: '25/11/2026' })).status,
    ).toBe(403);
    expect((await other.post(`/households/${h.id}/leave`, { _csrf: csrf, date: '25/11/2026' })).status).toBe(403);
    expect((await other.post(`/households/${h.id}/representative`, { _csrf: csrf, choice: 'authorised', authorisedName: 'X' })).status).toBe(403);
    expect((await household(v1, 'H005')).valid_to).toBeNull();
  });
  it('a village head keeps only their own village: 403 in another village', async () => {
    const csrf = Agent.csrf((await head.get('/')).text);
    const h2 = await household(v2, 'H001');
    expect((await head.get(`/units/${v2}/households/new`)).status).toBe(403);
    expect((await head.get(`/households/${h2.id}/representative`)).status).toBe(403);
    expect((await head.post(`/households/${h2.id}/leave`, { _csrf: csrf, date: '25/11/2026' })).status).toBe(403);
    expect(
      (await head.post(`/units/${v2}/households`, { _csrf: csrf, code: 'X1', address: 'a', name: 'b', birthYear: '1980', date: '25/11/2026' })).status,
    ).toBe(403);
    expect((await add(head, v1, { code: 'H960', date: '25/11/2026' })).status).toBe(303);
  });
  it('a village head cannot move a household into a village they do not keep', async () => {
    const h = await household(v1, 'H006');
    const page = await head.get(`/households/${h.id}/move`);
    expect(page.text).toContain('Không có thôn nào khác trong xã mà bạn được ghi sổ hộ');
    const r = await head.post(`/households/${h.id}/move`, { _csrf: Agent.csrf(page.text), targetId: String(v2), code: 'Z1', address: 'x', date: '25/11/2026' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Bạn không có quyền ghi sổ hộ của thôn này');
    expect((await household(v1, 'H006')).valid_to).toBeNull();
  });
  it('the Front work committee head sees the register without phone numbers or register forms', async () => {
    const front = await signIn(s.url, 'bancongtac.xd', clock);
    const page = await front.get(`/units/${v1}/households`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Số điện thoại');
    expect(page.text).not.toContain('Thêm hộ vào sổ');
    expect((await front.get(`/units/${v1}/households/new`)).status).toBe(403);
    expect((await head.get(`/units/${v1}/households`)).text).toContain('Số điện thoại');
  });
});

describe('R-A1, R-A4: a change may not reach back past a vote already held (Art 20(2)(b), 21(1))', () => {
  it('a leave dated on or before a counted vote is refused; after it, accepted', async () => {
    const at = '2026-11-20T00:00:00.000Z';
    const matter = await s.deps.db
      .insertInto('matters')
      .values({
        unit_id: v3,
        scope: 'village',
        item: 6,
        kind: 'general',
        title: 'Sửa đường',
        description: '-',
        proposer: 'village_head',
        status: 'open',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await s.deps.db
      .insertInto('votes')
      .values({
        matter_id: matter.id,
        unit_id: v3,
        form: 'meeting',
        status: 'counted',
        vote_date: '2026-11-22',
        notice_on: '2026-11-18',
        households_total: 50,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const h = await household(v3, 'H001');
    const early = await submit(official, `/households/${h.id}/leave`, `/households/${h.id}/leave`, { date: '21/11/2026', reason: '' });
    expect(early.status).toBe(422);
    expect(early.text).toContain('Sổ hộ ngày 22/11/2026 đã được dùng cho một cuộc biểu quyết');
    const later = await submit(official, `/households/${h.id}/leave`, `/households/${h.id}/leave`, { date: '23/11/2026', reason: '' });
    expect(later.status).toBe(303);
  });
});

it('every change is in the audit log and the chain holds', async () => {
  const actions = await s.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'register.%').execute();
  const kinds = new Set(actions.map((a) => a.action));
  for (const k of ['register.add', 'register.leave', 'register.move_out', 'register.move_in', 'register.representative']) expect(kinds).toContain(k);
  expect((await verifyAudit(s.deps.db)).ok).toBe(true);
});
