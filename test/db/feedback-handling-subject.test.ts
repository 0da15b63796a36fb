// Review findings 1, 5, 8 and 14 over real HTTP on both databases: who is kept out of a denunciation
// and what is left to the unit it names (R-H4; Denunciation Law Arts 8(3), 9(1)(b), 13), that a
// subject link is never cleared, that the People's Inspection Board handles only its own items
// (Law 10/2022 Arts 36–39), and that finished items take no more steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../src/modules/feedback/escalate.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, addOfficial, at, commune, complaint, denunciation, item, Officials, receive, report, userId } from './feedback-handling-helpers.js';

const clock = fixedClock('2026-03-02T02:00:00Z');
let s: TestServer;
let nari: { id: number; path: string };
let o: Officials;
let village: (n: number) => Promise<number>;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  nari = await commune(s, '02155');
  o = new Officials(s, clock);
  // A second holder of the chairman's role (a vice-chairman), not denounced.
  await addOfficial(s, 'phochutich.nari', [['commune_chairman', nari.id]]);
  village = async (n: number) => (await s.deps.db.selectFrom('units').select('id').where('code', '=', `02155-0${n}`).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => s?.close());

const school = () => s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', nari.id).where('kind', '=', 'school').executeTakeFirstOrThrow();
const recipients = async (code: string, after: number) =>
  (await s.deps.db.selectFrom('outbox').selectAll().where('id', '>', after).where('channel', '=', 'in_app').execute())
    .filter((m) => JSON.parse(m.params).code === code)
    .map((m) => Number(m.recipient));
const lastOutbox = async () => (await s.deps.db.selectFrom('outbox').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0;

describe('finding 1: the person and the unit denounced (R-H4; Denunciation Law Arts 8(3), 13)', () => {
  it('finding 1 (R-H4; Denunciation Law Arts 8(3), 13): against the commune chairman, he neither lists, opens nor settles it; a commune official forwards it upward', async () => {
    const d = await receive(s, clock, '2026-03-02', nari.id, denunciation({ title: 'Tố cáo chủ tịch xã nhận tiền' }));
    const off = await o.as('canbo.nari');
    // Linking where nothing was linked only takes access away: any handler may do it.
    expect((await act(off, d.id, 'subject', { subjectUserId: String(await userId(s, 'chutich.nari')) })).status).toBe(303);

    const chairman = await o.as('chutich.nari');
    const list = await chairman.get(`/units/${nari.id}/feedback/manage`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(d.code);
    expect((await chairman.get(`/feedback/manage/${d.id}`)).status).toBe(403);
    const csrf = Agent.csrf(list.text);
    const { version } = await item(s, d.id);
    for (const [verb, form] of [
      ['accept', {}],
      ['refuse', { refusalReason: 'Không có căn cứ.' }],
      ['forward', { destination: 'Nơi khác' }],
      ['subject', { subjectUserId: String(await userId(s, 'canbo.nari')) }],
      ['identity', {}],
    ] as const) {
      expect((await chairman.post(`/feedback/manage/${d.id}/${verb}`, { _csrf: csrf, version: String(version), ...form })).status, verb).toBe(403);
    }

    // Another holder of the chairman's role is not denounced, but the unit may still only hand it on.
    const vice = await o.as('phochutich.nari');
    const held = await act(vice, d.id, 'accept');
    expect(held.status).toBe(409);
    expect(held.text).toContain('đơn vị chỉ được chuyển đơn đến cấp có thẩm quyền');
    expect((await act(vice, d.id, 'step', { stepNote: 'Đã xem.' })).status).toBe(409);
    // Nor does anyone there open the denouncer or the denunciation while it is held (Arts 8(3), 56).
    const vicePage = await vice.get(`/feedback/manage/${d.id}`);
    expect(vicePage.text).not.toContain(`/feedback/manage/${d.id}/identity`);
    expect(vicePage.text).not.toContain('Cán bộ một cửa thu thêm tiền');
    expect(vicePage.text).not.toContain('Tố cáo chủ tịch xã nhận tiền');
    expect((await vice.post(`/feedback/manage/${d.id}/identity`, { _csrf: Agent.csrf(vicePage.text) })).status).toBe(403);
    expect((await vice.get(`/units/${nari.id}/feedback/manage`)).text).not.toContain('Tố cáo chủ tịch xã nhận tiền');
    const page = await off.get(`/feedback/manage/${d.id}`);
    expect(page.text).toContain('chỉ được chuyển đến cấp có thẩm quyền');
    expect(page.text).toContain(`/feedback/manage/${d.id}/forward`);
    expect(page.text).not.toContain(`/feedback/manage/${d.id}/step`);
    // The school is under the chairman: no hand-over to it.
    expect((await act(off, d.id, 'route', { target: `agency:${(await school()).id}` })).status).toBe(422);
    expect((await act(off, d.id, 'forward', { destination: 'Thanh tra tỉnh Thái Nguyên' })).status).toBe(303);
    expect((await item(s, d.id)).status).toBe('forwarded');
  });

  it('finding 1 (R-H4; Denunciation Law Art 13): against an agency head, escalation skips him and tells the commune officials; his staff hand it to the commune', async () => {
    const chairman = await o.as('chutich.nari');
    const sp = await chairman.get(`/units/${nari.id}/feedback/settings`);
    const sch = await school();
    expect(
      (await chairman.post(`/units/${nari.id}/feedback/settings`, { _csrf: Agent.csrf(sp.text), reopenDays: '30', route_health_education: `agency:${sch.id}` }))
        .status,
    ).toBe(303);
    const d = await receive(s, clock, '2026-03-03', nari.id, denunciation({ category: 'health_education', title: 'Tố cáo hiệu trưởng thu quỹ' }));
    expect((await item(s, d.id)).handler_agency_id).toBe(sch.id);
    const principal = await userId(s, 'hieutruong.nari');
    expect((await act(await o.as('giaovien.nari'), d.id, 'subject', { subjectUserId: String(principal) })).status).toBe(303);
    expect((await (await o.as('hieutruong.nari')).get(`/feedback/manage/${d.id}`)).status).toBe(403);

    at(clock, '2026-03-13'); // initial handling ended 12/03
    const before = await lastOutbox();
    await escalateOverdue(s.deps);
    const told = await recipients(d.code, before);
    expect(told).not.toContain(principal);
    expect(told).toContain(await userId(s, 'canbo.nari'));

    const staff = await o.as('giaovien.nari');
    expect((await act(staff, d.id, 'step', { stepNote: 'x' })).status).toBe(409);
    expect((await act(staff, d.id, 'route', { target: 'commune' })).status).toBe(303);
    // At the commune the chairman settles a denunciation against an agency head.
    expect((await act(await o.as('chutich.nari'), d.id, 'accept')).status).toBe(303);
  });
});

describe('finding 5: a subject link is never cleared (R-H4)', () => {
  it('finding 5 (R-H4; Denunciation Law Arts 8(3), 13): an official adds a link; only the head changes it; nobody clears it; never the whole commune', async () => {
    at(clock, '2026-03-16');
    const d = await receive(s, clock, '2026-03-16', nari.id, denunciation({ title: 'Tố cáo cán bộ thôn' }));
    const [v1, v2] = [await village(1), await village(2)];
    const off = await o.as('canbo.nari');
    expect((await act(off, d.id, 'subject', { subjectUnitId: String(v1) })).status).toBe(303);
    const cleared = await act(off, d.id, 'subject', { subjectUnitId: '' });
    expect(cleared.status).toBe(422);
    expect(cleared.text).toContain('Không được xoá đối tượng bị tố cáo');
    expect((await act(off, d.id, 'subject', { subjectUnitId: String(v2) })).status).toBe(403);
    const chairman = await o.as('chutich.nari');
    expect((await act(chairman, d.id, 'subject', { subjectUnitId: '' })).status).toBe(422);
    expect((await act(chairman, d.id, 'subject', { subjectUnitId: String(nari.id) })).text).toContain('cả UBND xã');
    expect((await act(chairman, d.id, 'subject', { subjectUnitId: String(v2) })).status).toBe(303);
    expect((await item(s, d.id)).subject_unit_id).toBe(v2);
  });
});

describe("finding 8: the People's Inspection Board (Law 10/2022 Arts 36–39)", () => {
  it('finding 8 (Law 10/2022 Arts 36–39; R-H4): the board handles and lists only its items; elsewhere it reads without forms or identity', async () => {
    at(clock, '2026-03-17');
    const mine = await receive(s, clock, '2026-03-17', nari.id, report({ title: 'Việc giao Ban TTND', name: 'Đinh Văn Báo', phone: '0912777003' }));
    const theirs = await receive(s, clock, '2026-03-17', nari.id, report({ title: 'Việc của UBND xã', name: 'Đinh Văn Khác', phone: '0912777004' }));
    expect((await act(await o.as('canbo.nari'), mine.id, 'route', { target: 'board' })).status).toBe(303);
    const board = await o.as('ttnd.nari');
    const list = await board.get(`/units/${nari.id}/feedback/manage`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(mine.code);
    expect(list.text).not.toContain(theirs.code);
    expect((await act(board, mine.id, 'step', { stepNote: 'Ban đã kiểm tra tại chỗ.' })).status).toBe(303);
    expect((await act(board, theirs.id, 'step', { stepNote: 'x' })).status).toBe(403);
    const page = await board.get(`/feedback/manage/${theirs.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('name="version"');
    expect(page.text).not.toContain(`/feedback/manage/${theirs.id}/identity`);
    expect((await board.post(`/feedback/manage/${theirs.id}/identity`, { _csrf: Agent.csrf(page.text) })).status).toBe(403);
    const own = await board.get(`/feedback/manage/${mine.id}`);
    const shown = await board.post(`/feedback/manage/${mine.id}/identity`, { _csrf: Agent.csrf(own.text) });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Đinh Văn Báo');
  });
});

describe('finding 14: finished items take no steps or subject links', () => {
  it('finding 14 (R-H3, R-H7; Complaints Law Art 27): a forwarded or refused item refuses a step and a subject link (409)', async () => {
    at(clock, '2026-03-18');
    const r = await receive(s, clock, '2026-03-18', nari.id, report({ title: 'Quốc lộ hỏng' }));
    const off = await o.as('canbo.nari');
    expect((await act(off, r.id, 'forward', { destination: 'Khu Quản lý đường bộ' })).status).toBe(303);
    expect((await act(off, r.id, 'step', { stepNote: 'Thêm.' })).status).toBe(409);
    const c = await receive(s, clock, '2026-03-18', nari.id, complaint({ knownOn: '10/03/2026', title: 'Khiếu nại không thuộc thẩm quyền' }));
    const chairman = await o.as('chutich.nari');
    expect((await act(chairman, c.id, 'refuse', { refusalReason: 'Không thuộc thẩm quyền của UBND xã.' })).status).toBe(303);
    expect((await act(chairman, c.id, 'step', { stepNote: 'Thêm.' })).status).toBe(409);
    expect((await act(chairman, c.id, 'subject', { subjectUnitId: String(await village(1)) })).status).toBe(409);
    expect((await item(s, c.id)).subject_unit_id).toBeNull();
  });
});
