// Issue 7 item 6 (Law 10/2022 Art 45(3): the Community Investment Supervision Board receives residents'
// reports about its project; Arts 41–43): a report about a project is routed to that project's board
// while the board is active; the board's members (supervision_board_member) list and handle only those
// items and turn one into a supervision visit; the People's Inspection Board route keeps working;
// complaints and denunciations still go only to a body that settles them (Complaints Law Art 17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, at, commune, complaint, item, Officials, receive, report } from './feedback-handling-helpers.js';

const clock = fixedClock('2026-12-07T02:00:00Z');
let s: TestServer;
let nari: { id: number; path: string };
let o: Officials;
let road: number;
let supBoard: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  nari = await commune(s, '02155');
  o = new Officials(s, clock);
  road = (
    await s.deps.db
      .selectFrom('oversight_projects')
      .select('id')
      .where('commune_id', '=', nari.id)
      .where('name', 'like', 'Bê tông hóa%')
      .executeTakeFirstOrThrow()
  ).id;
  supBoard = (await s.deps.db.selectFrom('oversight_boards').select('id').where('project_id', '=', road).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => s?.close());

describe("routing to a project's Community Investment Supervision Board (issue 7 item 6; Law 10/2022 Art 45(3))", () => {
  it('Art 45(3): a report about the road goes to its board; gsdt.nari lists and handles it, the inspection board does not', async () => {
    at(clock, '2026-12-07');
    const r = await receive(s, clock, '2026-12-07', nari.id, report({ title: 'Mặt đường bê tông mỏng', name: 'Lò Văn Hùng', phone: '0912777101' }));
    const insp = await receive(s, clock, '2026-12-07', nari.id, report({ title: 'Việc giao Ban TTND' }));
    const off = await o.as('canbo.nari');
    const page = await off.get(`/feedback/manage/${r.id}`);
    expect(page.text).toContain(`value="project:${road}"`);
    expect((await act(off, r.id, 'route', { target: `project:${road}`, routeNote: 'Đề nghị Ban giám sát.' })).status).toBe(303);
    expect((await act(off, insp.id, 'route', { target: 'board' })).status).toBe(303);
    const routed = await item(s, r.id);
    expect([routed.handler_board, routed.handler_project_id]).toEqual([1, road]);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'feedback.routed')
      .where('entity_id', '=', String(r.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data).projectId).toBe(road);

    const sup = await o.as('gsdt.nari');
    const list = await sup.get(`/units/${nari.id}/feedback/manage`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(r.code);
    expect(list.text).toContain('Ban Giám sát đầu tư của cộng đồng: Bê tông hóa');
    expect(list.text).not.toContain(insp.code);
    expect((await act(sup, r.id, 'step', { stepNote: 'Ban đã xem hiện trường.' })).status).toBe(303);
    expect((await act(sup, insp.id, 'step', { stepNote: 'x' })).status).toBe(403);
    // The board reads the author of the reports it handles (as the inspection board does for its own).
    const own = await sup.get(`/feedback/manage/${r.id}`);
    const shown = await sup.post(`/feedback/manage/${r.id}/identity`, { _csrf: Agent.csrf(own.text) });
    expect(shown.text).toContain('Lò Văn Hùng');

    const ttnd = await o.as('ttnd.nari');
    expect((await ttnd.get(`/units/${nari.id}/feedback/manage`)).text).not.toContain(r.code);
    expect((await act(ttnd, r.id, 'step', { stepNote: 'x' })).status).toBe(403);
  });

  it('Art 45(3): the board turns the routed report into a supervision visit; the inspection board may not take it up', async () => {
    at(clock, '2026-12-07');
    const r = await receive(s, clock, '2026-12-07', nari.id, report({ title: 'Rãnh thoát nước chưa làm' }));
    const off = await o.as('canbo.nari');
    expect((await act(off, r.id, 'route', { target: `project:${road}` })).status).toBe(303);
    const sup = await o.as('gsdt.nari');
    const detail = await sup.get(`/feedback/manage/${r.id}`);
    const href = `/units/${nari.id}/oversight/inspect?feedback=${r.code}&amp;project=${road}`;
    expect(detail.text).toContain(href);
    expect(detail.text).toContain('ghi hoạt động giám sát từ phản ánh này');
    const go = await sup.get(href.replace('&amp;', '&'));
    expect(go.location).toBe(`/oversight/boards/${supBoard}/activities/new?feedback=${r.code}`);
    const form = await sup.get(go.location!);
    expect(form.text).toContain(r.code);
    const posted = await sup.postMultipart(`/oversight/boards/${supBoard}/activities`, {
      _csrf: Agent.csrf(form.text),
      kind: 'supervision',
      subject: 'Giám sát rãnh thoát nước theo phản ánh',
      findings: 'Rãnh chưa thi công đoạn cuối.',
      heldOn: '07/12/2026',
      feedbackCode: r.code,
      published: '1',
    });
    expect(posted.status).toBe(303);
    const id = Number(/\/oversight\/activities\/(\d+)/.exec(posted.location!)?.[1]);
    expect(
      (await s.deps.db.selectFrom('oversight_activities').select('feedback_item_id').where('id', '=', id).executeTakeFirstOrThrow()).feedback_item_id,
    ).toBe(r.id);

    // The People's Inspection Board's form refuses the code: the report is the project board's.
    const ttnd = await o.as('ttnd.nari');
    const inspBoard = (
      await s.deps.db
        .selectFrom('oversight_boards')
        .select('id')
        .where('commune_id', '=', nari.id)
        .where('kind', '=', 'commune_inspection')
        .executeTakeFirstOrThrow()
    ).id;
    const f2 = await ttnd.get(`/oversight/boards/${inspBoard}/activities/new`);
    const refused = await ttnd.postMultipart(`/oversight/boards/${inspBoard}/activities`, {
      _csrf: Agent.csrf(f2.text),
      kind: 'inspection',
      subject: 'Xác minh',
      findings: 'x',
      heldOn: '07/12/2026',
      feedbackCode: r.code,
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Ban Giám sát đầu tư của cộng đồng của một dự án khác');
  });

  it('Complaints Law Art 17: a complaint is not routed to a supervision board; a project without an active board is no target', async () => {
    at(clock, '2026-12-07');
    const c = await receive(s, clock, '2026-12-07', nari.id, complaint({ knownOn: '01/12/2026' }));
    const off = await o.as('canbo.nari');
    expect((await off.get(`/feedback/manage/${c.id}`)).text).not.toContain(`value="project:${road}"`);
    const refused = await act(off, c.id, 'route', { target: `project:${road}` });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Khiếu nại, tố cáo chỉ');
    expect((await item(s, c.id)).handler_project_id).toBeNull();
    // A project registered without a supervision board yet.
    const bare = await s.deps.db
      .insertInto('oversight_projects')
      .values({
        commune_id: nari.id,
        name: 'Nhà văn hóa thôn (chưa có Ban giám sát)',
        investor: 'UBND xã',
        decision_maker: 'Chủ tịch UBND xã',
        decision_number: '1/QĐ',
        decision_date: '2026-11-01',
        contractor: null,
        budget_state: 0,
        budget_commune: 1,
        budget_community: 0,
        budget_other: 0,
        villages: '',
        starts_on: '2026-12-01',
        ends_on: '2027-06-01',
        progress_percent: 0,
        disbursed: 0,
        accepted_on: null,
        final_accounts_on: null,
        status: 'ongoing',
        ended_on: null,
        created_at: '2026-12-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await receive(s, clock, '2026-12-07', nari.id, report({ title: 'Nhà văn hóa' }));
    const bad = await act(off, r.id, 'route', { target: `project:${bare.id}` });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Hãy chọn nơi nhận trong danh sách.');
  });
});
