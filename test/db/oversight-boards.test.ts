// People's Inspection Boards through real HTTP on a real database with a fixed clock: sizes (R-F1),
// eligibility with the reason and the dated rule set (R-F2), recognition, the term from the province
// profile, vacancies and by-elections (R-F3), members from the decisions module's elections, and the
// agency board (R-F8). The demo seeds Xã Na Rì's boards through the real commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z'); // Mon 07/12/2026, 10:00 in Vietnam
let s: TestServer;
let naRi: number;
let vanLang: number;
let vanLangVillages: { id: number; name: string }[];
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const id = async (code: string) => (await (await fetch(`${s.url}/api/v1/units?code=${code}`)).json()).items[0].id as number;
  naRi = await id('02155');
  vanLang = await id('02143');
  vanLangVillages = await s.deps.db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', vanLang)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
}, 120_000);
afterAll(() => s?.close());

async function post(a: Agent, page: string, action: string, form: Record<string, string>) {
  const p = await a.get(page);
  return a.post(action, { ...form, _csrf: Agent.csrf(p.text) });
}
const naRiBoard = () =>
  s.deps.db.selectFrom('oversight_boards').selectAll().where('commune_id', '=', naRi).where('kind', '=', 'commune_inspection').executeTakeFirstOrThrow();

describe("the demo's commune board (R-F1, R-F3; Law 10/2022 Art 36)", () => {
  it('R-F1 Art 36(1): Na Rì has one recognised member per village (at least 05), a term of the village head’s 60 months', async () => {
    const b = await naRiBoard();
    const villages = await s.deps.db.selectFrom('units').select('id').where('parent_id', '=', naRi).where('valid_to', 'is', null).execute();
    const members = await s.deps.db.selectFrom('oversight_members').select('village_id').where('board_id', '=', b.id).where('ended_on', 'is', null).execute();
    expect(members).toHaveLength(Math.max(5, villages.length));
    // Every village is represented (Decree 59 Art 13(2)).
    expect(new Set(members.map((m) => m.village_id)).size).toBe(villages.length);
    expect(b).toMatchObject({ status: 'recognised', recognised_on: '2026-07-25', term_ends_on: '2031-07-25' });
    const page = await new Agent(s.url).get(`/units/${naRi}/oversight`);
    expect(page.text).toContain('Đã công nhận');
    expect(page.text).toContain('Nhiệm kỳ từ 25/07/2026 đến 25/07/2031');
    expect(page.text).toContain('Triệu Văn Sơn');
  });

  it('R-F3 Art 36(2): a member leaving with 55 months of the term left raises a by-election task', async () => {
    const a = await signIn(s.url, 'mattran.nari', clock);
    const b = await naRiBoard();
    const m = await s.deps.db
      .selectFrom('oversight_members')
      .select(['id', 'full_name'])
      .where('board_id', '=', b.id)
      .where('position', '=', 'member')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const r = await post(a, `/oversight/boards/${b.id}`, `/oversight/boards/${b.id}/members/end`, {
      memberId: String(m.id),
      endedOn: '07/12/2026',
      reason: 'Chuyển đi nơi khác',
    });
    expect(r.status).toBe(303);
    const task = await s.deps.db.selectFrom('oversight_tasks').selectAll().where('member_id', '=', m.id).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ kind: 'by_election', months_left: 55, done_on: null });
    const page = await a.get(`/oversight/boards/${b.id}`);
    expect(page.text).toContain(`Bầu bổ sung thay ${m.full_name}`);
    expect(page.text).toContain('nhiệm kỳ còn 55 tháng');
    expect(page.text).toContain(`href="/units/${naRi}/elections/new?village=${task.village_id}"`);
    // The village elects a replacement: recorded from the minutes, the task is done.
    const village = await s.deps.db.selectFrom('oversight_members').select('village_id').where('id', '=', m.id).executeTakeFirstOrThrow();
    const add = await post(a, `/oversight/boards/${b.id}`, `/oversight/boards/${b.id}/members`, {
      fullName: 'Người Bầu Bổ Sung',
      villageId: String(village.village_id),
      position: 'member',
      occupation: 'none',
      permanentResident: '1',
      electedOn: '07/12/2026',
    });
    expect(add.status).toBe(303);
    expect((await s.deps.db.selectFrom('oversight_tasks').select('done_on').where('id', '=', task.id).executeTakeFirstOrThrow()).done_on).toBe('2026-12-07');
  });
});

describe('forming a board in Xã Văn Lang (R-F1, R-F2; Law 10/2022 Arts 36–37; Decree 59/2023 Art 13)', () => {
  let admin: Agent;
  let boardId: number;
  const size = () => Math.max(5, vanLangVillages.length);
  beforeAll(async () => {
    admin = await signIn(s.url, 'admin', clock);
  });

  it('R-F1 Art 36(1): a size off one-per-village is refused next to the field with the range, the form keeps it', async () => {
    const r = await post(admin, `/units/${vanLang}/oversight`, `/units/${vanLang}/oversight/board`, { size: String(size() + 1) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-size-err"');
    expect(r.text).toContain(`Xã có ${vanLangVillages.length} thôn nên Ban Thanh tra nhân dân có từ ${size()} đến ${size()} thành viên`);
    expect(r.text).toContain(`value="${size() + 1}"`);
    const ok = await post(admin, `/units/${vanLang}/oversight`, `/units/${vanLang}/oversight/board`, { size: String(size()) });
    expect(ok.status).toBe(303);
    boardId = Number(/\/oversight\/boards\/(\d+)/.exec(ok.location ?? '')?.[1]);
    expect(boardId).toBeGreaterThan(0);
  });

  const member = (over: Record<string, string>) => ({
    fullName: 'Nông Văn Thử',
    villageId: String(vanLangVillages[0]!.id),
    position: 'member',
    occupation: 'none',
    permanentResident: '1',
    electedOn: '01/12/2026',
    ...over,
  });
  const add = (form: Record<string, string>) => post(admin, `/oversight/boards/${boardId}`, `/oversight/boards/${boardId}/members`, form);

  it('R-F2 Art 37(2): a commune official (known from the account’s role), a village part-time worker and a non-resident are refused with the reason', async () => {
    const official = await add(member({ fullName: 'Lục Văn Hải' }));
    expect(official.status).toBe(422);
    expect(official.text).toContain('Lục Văn Hải không đủ điều kiện: là cán bộ, công chức cấp xã (Điều 37 khoản 2)');
    expect(official.text).toContain('value="Lục Văn Hải"');
    const village = await add(member({ occupation: 'village_part_time' }));
    expect(village.text).toContain('là người hoạt động không chuyên trách ở thôn, tổ dân phố');
    const away = await add(member({ permanentResident: '' }));
    expect(away.status).toBe(422);
    expect(away.text).toContain('id="f-permanentResident-err"');
    expect(away.text).toContain('không thường trú tại xã');
  });

  it('R-F2 with Law 97/2025 Art 4(5): a part-time commune worker elected on 30/06/2025 is refused, one elected on 01/07/2025 is accepted', async () => {
    const before = await add(member({ occupation: 'commune_part_time', electedOn: '30/06/2025' }));
    expect(before.status).toBe(422);
    expect(before.text).toContain('người hoạt động không chuyên trách cấp xã');
    const after = await add(member({ occupation: 'commune_part_time', electedOn: '01/07/2025', position: 'head' }));
    expect(after.status).toBe(303);
  });

  it('R-F1: recognition is refused while villages have no member, naming them; a second head is refused', async () => {
    const twoHeads = await add(member({ fullName: 'Hà Văn Hai', villageId: String(vanLangVillages[1]!.id), position: 'head' }));
    expect(twoHeads.text).toContain('Ban đã có Trưởng ban.');
    const r = await post(admin, `/oversight/boards/${boardId}`, `/oversight/boards/${boardId}/recognise`, { recognisedOn: '07/12/2026' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Các thôn chưa có thành viên:');
    expect(r.text).toContain(vanLangVillages[1]!.name);
    expect((await s.deps.db.selectFrom('oversight_boards').select('status').where('id', '=', boardId).executeTakeFirstOrThrow()).status).toBe('forming');
  });

  it('members elected through the decisions module and recognised by the Front join the board (source: election)', async () => {
    const v = vanLangVillages[1]!;
    const resident = await s.deps.db
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select(['r.id', 'r.full_name'])
      .where('h.unit_id', '=', v.id)
      .orderBy('r.id')
      .executeTakeFirstOrThrow();
    // The term the decisions module writes when the Front recognises a board election (election-effects.ts).
    await s.deps.db
      .insertInto('office_terms')
      .values({
        unit_id: v.id,
        position: 'inspection_board',
        resident_id: resident.id,
        user_id: null,
        interim: 0,
        matter_id: null,
        starts_on: '2026-11-30',
        ends_on: '2031-11-30',
        ended_on: null,
        grant_id: null,
      })
      .execute();
    const r = await post(admin, `/oversight/boards/${boardId}`, `/oversight/boards/${boardId}/import`, {});
    expect(r.status).toBe(303);
    const m = await s.deps.db
      .selectFrom('oversight_members')
      .selectAll()
      .where('board_id', '=', boardId)
      .where('village_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({ full_name: resident.full_name, source: 'election', elected_on: '2026-11-30' });
    if (vanLangVillages.length >= 5) {
      const again = await add(member({ fullName: 'Người Thứ Hai', villageId: String(v.id) }));
      expect(again.text).toContain('Thôn này đã có thành viên trong Ban');
    }
  });
});

describe('the agency board (R-F8; Law 10/2022 Art 60; Decree 59/2023 Art 21)', () => {
  it('R-F8: the demo school (24 staff) has 03 members recognised by the union, a 02-year term; the head may not join', async () => {
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', naRi).where('kind', '=', 'school').executeTakeFirstOrThrow();
    const b = await s.deps.db.selectFrom('oversight_boards').selectAll().where('agency_id', '=', school.id).executeTakeFirstOrThrow();
    expect(b).toMatchObject({
      status: 'recognised',
      staff_count: 24,
      elected_on: '2026-09-25',
      recognition_due: '2026-10-02',
      recognised_on: '2026-09-29',
      term_ends_on: '2028-09-29',
    });
    const union = await signIn(s.url, 'congdoan.nari', clock);
    await s.deps.db.updateTable('oversight_boards').set({ planned_size: 4 }).where('id', '=', b.id).execute();
    const r = await post(union, `/oversight/boards/${b.id}`, `/oversight/boards/${b.id}/members`, {
      fullName: 'Nguyễn Văn Khánh',
      position: 'member',
      occupation: 'head',
      electedOn: '25/09/2026',
    });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Không đủ điều kiện: Người đứng đầu cơ quan không được là thành viên Ban');
  });

  it('R-F8 Art 63(1)(c): a staff member on the school board files an inspection kept inside the agency; the head answers it', async () => {
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', naRi).where('kind', '=', 'school').executeTakeFirstOrThrow();
    const b = await s.deps.db.selectFrom('oversight_boards').select('id').where('agency_id', '=', school.id).executeTakeFirstOrThrow();
    const teacher = await signIn(s.url, 'giaovien.nari', clock);
    const form = await teacher.get(`/oversight/boards/${b.id}/activities/new`);
    expect(form.text).toContain('chỉ công khai trong cơ quan');
    const r = await teacher.post(`/oversight/boards/${b.id}/activities`, {
      _csrf: Agent.csrf(form.text),
      kind: 'inspection',
      subject: 'Kiểm tra chi quỹ phúc lợi năm 2026',
      findings: 'Chi đúng quy chế chi tiêu nội bộ.',
      heldOn: '04/12/2026',
      sentOn: '04/12/2026',
      published: '1',
      rec0Addressee: 'Hiệu trưởng',
      rec0Content: 'Công khai bảng tổng hợp chi quỹ phúc lợi tại phòng hội đồng.',
    });
    expect(r.status).toBe(303);
    expect((await new Agent(s.url).get(r.location!)).status).toBe(404);
    const rec = await s.deps.db.selectFrom('oversight_recommendations').select(['id', 'due_on']).where('board_id', '=', b.id).executeTakeFirstOrThrow();
    expect(rec.due_on).toBe('2026-12-21'); // 19/12 is a Saturday: 04/12 + 15 days, moved to Monday
    const head = await signIn(s.url, 'hieutruong.nari', clock);
    const p = `/oversight/recommendations/${rec.id}/answer`;
    expect((await post(head, p, p, { kind: 'accepted', text: '', answeredOn: '07/12/2026' })).status).toBe(303);
    expect((await (await signIn(s.url, 'chutich.nari', clock)).get(p)).status).toBe(403);
  });

  it('R-F8 Art 60: an agency of 07 staff forms no board (the union performs its tasks); 10 members without the conference’s decision are refused', async () => {
    const health = await s.deps.db
      .selectFrom('agencies')
      .select('id')
      .where('unit_id', '=', naRi)
      .where('kind', '=', 'health_station')
      .executeTakeFirstOrThrow();
    // The health station's union head: an account like the demo ones (same password), granted there.
    const like = await s.deps.db.selectFrom('users').select(['password_hash', 'totp_secret']).where('username', '=', 'congdoan.nari').executeTakeFirstOrThrow();
    const user = await s.deps.db
      .insertInto('users')
      .values({ kind: 'official', username: 'congdoan.tramyte', display_name: 'Chủ tịch công đoàn trạm y tế', ...like, created_at: '2026-12-01T00:00:00Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await s.deps.db
      .insertInto('role_grants')
      .values({ user_id: user.id, role: 'union_head', unit_id: naRi, agency_id: health.id, granted_at: '2026-12-01T00:00:00Z' })
      .execute();
    const union = await signIn(s.url, 'congdoan.tramyte', clock);
    const page = `/agencies/${health.id}/oversight`;
    const big = await post(union, page, page, { staffCount: '20', conferenceOn: '04/12/2026', size: '10' });
    expect(big.status).toBe(422);
    expect(big.text).toContain('có từ 3 đến 9 thành viên');
    const small = await post(union, page, page, { staffCount: '7', conferenceOn: '04/12/2026', size: '' });
    expect(small.status).toBe(303);
    const b = await s.deps.db.selectFrom('oversight_boards').selectAll().where('agency_id', '=', health.id).executeTakeFirstOrThrow();
    expect(b).toMatchObject({ status: 'union_performs', staff_count: 7, planned_size: 0 });
    expect((await union.get(`/oversight/boards/${b.id}`)).text).toContain('Không thành lập: Công đoàn thực hiện nhiệm vụ');
  });
});
