// The boards' work through real HTTP on a real database with a fixed clock: the 05-working-day plan
// notice (R-F4), activities with evidence and recommendations whose 15-day clock is counted as the
// Civil Code counts days (R-F5), answers (a late one accepted and marked late), escalation to the
// chairman, a report routed from feedback, the project register and its supervision board (R-F6,
// R-F7), the public pages and the JSON API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/modules/disclosure/demo.js';
import { routeItem } from '../../src/modules/feedback/commands/route.js';
import { escalateOverdueRecommendations } from '../../src/modules/oversight/escalate.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z'); // Mon 07/12/2026, 10:00 in Vietnam
let s: TestServer;
let naRi: number;
let boardId: number;
let member: Agent;
let chairman: Agent;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  naRi = (await (await fetch(`${s.url}/api/v1/units?code=02155`)).json()).items[0].id;
  boardId = (
    await s.deps.db
      .selectFrom('oversight_boards')
      .select('id')
      .where('commune_id', '=', naRi)
      .where('kind', '=', 'commune_inspection')
      .executeTakeFirstOrThrow()
  ).id;
  [member, chairman] = [await signIn(s.url, 'ttnd.nari', clock), await signIn(s.url, 'chutich.nari', clock)];
}, 120_000);
afterAll(() => s?.close());

async function post(a: Agent, page: string, action: string, form: Record<string, string>) {
  const p = await a.get(page);
  return a.post(action, { ...form, _csrf: Agent.csrf(p.text) });
}
const board = () => `/oversight/boards/${boardId}`;
/** In-app notices in the outbox for a demo account whose title is `title`. */
async function noticesTo(username: string, title: string) {
  const u = await s.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const rows = await s.deps.db.selectFrom('outbox').select('params').where('channel', '=', 'in_app').where('recipient', '=', String(u.id)).execute();
  return rows.filter((r) => JSON.parse(r.params).title === title).length;
}
const activity = (form: Record<string, string>, files: { field: string; name: string; bytes: Buffer; type?: string }[] = []) =>
  member
    .get(`${board()}/activities/new`)
    .then((p) =>
      member.postMultipart(
        `${board()}/activities`,
        { kind: 'inspection', heldOn: '07/12/2026', sentOn: '07/12/2026', published: '1', ...form, _csrf: Agent.csrf(p.text) },
        files,
      ),
    );

describe('the report to the Front (Decree 59/2023 Arts 14(3), 22(3))', () => {
  it('R-F4: the fourth-quarter report is generated from the activities, as a page and a Word file', async () => {
    const q = 'period=quarter&year=2026&n=4';
    const page = await new Agent(s.url).get(`${board()}/report?${q}`);
    expect(page.text).toContain('Báo cáo kết quả hoạt động quý IV năm 2026');
    expect(page.text).toContain('Từ 01/10/2026 đến 31/12/2026: 2 cuộc kiểm tra, giám sát; 3 kiến nghị, 2 đã trả lời (1 trả lời muộn), 1 quá hạn.');
    const docx = await fetch(`${s.url}${board()}/report.docx?${q}`);
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
    const xml =
      unzip(Buffer.from(await docx.arrayBuffer()))
        .get('word/document.xml')
        ?.toString('utf8') ?? '';
    expect(xml).toContain('Kết quả hoạt động quý IV năm 2026');
    expect(xml).toContain('tiếp thu một phần, trả lời muộn');
    const term = await new Agent(s.url).get(`${board()}/report?period=term`);
    expect(term.text).toContain('Từ 25/07/2026 đến 25/07/2031: 2 cuộc kiểm tra, giám sát;');
  });
});

describe('plans (R-F4; Decree 59/2023 Arts 14, 22(1)(b))', () => {
  const plan = { period: 'specific', title: 'Kiểm tra chi trả chế độ bảo trợ xã hội', startsOn: '11/12/2026', inspectedParty: 'Công chức Văn hóa – Xã hội' };
  it('R-F4 Decree 59 Art 14: a specific plan for Fri 11/12/2026 notified on Mon 07/12/2026 is refused: due by Fri 04/12/2026', async () => {
    const r = await post(member, board(), `${board()}/plans`, { ...plan, notifiedOn: '07/12/2026' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-notifiedOn-err"');
    expect(r.text).toContain('ít nhất 5 ngày làm việc trước ngày 11/12/2026, tức chậm nhất ngày 04/12/2026');
    expect(r.text).toContain('value="Kiểm tra chi trả chế độ bảo trợ xã hội"');
  });
  it('R-F4: notified on Fri 04/12/2026 it is saved and listed with the inspected party', async () => {
    const r = await post(member, board(), `${board()}/plans`, { ...plan, notifiedOn: '04/12/2026' });
    expect(r.status).toBe(303);
    expect((await new Agent(s.url).get(board())).text).toContain('đối tượng: Công chức Văn hóa – Xã hội; đã gửi ngày 04/12/2026');
    expect(await noticesTo('mattran.nari', 'Kế hoạch kiểm tra của Ban Thanh tra nhân dân, bắt đầu ngày 11/12/2026')).toBe(1);
  });
});

describe('activities, recommendations and answers (R-F5; Law 10/2022 Art 40(1)(c))', () => {
  let activityId: number;
  it('R-F5 Art 40(1)(c): a recommendation sent Mon 07/12/2026 is due Tue 22/12/2026; the evidence is kept; the public reads both', async () => {
    const r = await activity(
      {
        subject: 'Kiểm tra việc cấp thẻ bảo hiểm y tế',
        findings: 'Có 14 thẻ cấp chậm quá 30 ngày.',
        rec0Addressee: 'UBND xã Na Rì',
        rec0Content: 'Cấp ngay 14 thẻ bảo hiểm y tế còn chậm.',
      },
      [{ field: 'files', name: 'bien-ban.pdf', bytes: demoPdf('Biên bản kiểm tra'), type: 'application/pdf' }],
    );
    expect(r.status).toBe(303);
    activityId = Number(/\/oversight\/activities\/(\d+)/.exec(r.location ?? '')?.[1]);
    const rec = await s.deps.db.selectFrom('oversight_recommendations').selectAll().where('activity_id', '=', activityId).executeTakeFirstOrThrow();
    expect(rec).toMatchObject({ sent_on: '2026-12-07', due_on: '2026-12-22', status: 'open' });
    expect(await noticesTo('chutich.nari', 'Ban gửi 1 kiến nghị; hạn trả lời 22/12/2026')).toBe(1);
    const pub = await new Agent(s.url).get(`/oversight/activities/${activityId}`);
    expect(pub.text).toContain('Gửi ngày 07/12/2026; hạn trả lời 22/12/2026');
    const href = /href="(\/oversight\/files\/\d+\/bien-ban\.pdf)"/.exec(pub.text)?.[1];
    const file = await fetch(s.url + href);
    expect(file.headers.get('content-type')).toMatch(/^application\/pdf/);
  });

  it('a recommendation without its addressee, or an inspection dated tomorrow, comes back with the messages and what was typed', async () => {
    const r = await activity({ subject: 'Thử', findings: 'Không có', heldOn: '08/12/2026', rec1Content: 'Nội dung không có nơi nhận' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-rec1Addressee-err"');
    expect(r.text).toContain('id="f-heldOn-err"');
    expect(r.text).toContain('Nội dung không có nơi nhận');
  });

  it('R-F5: "rejected" without the reason is refused; the board member may not answer (403)', async () => {
    const id = (await s.deps.db.selectFrom('oversight_recommendations').select('id').where('activity_id', '=', activityId).executeTakeFirstOrThrow()).id;
    const r = await post(chairman, `/oversight/recommendations/${id}/answer`, `/oversight/recommendations/${id}/answer`, {
      kind: 'rejected',
      text: '',
      answeredOn: '07/12/2026',
    });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Khi không tiếp thu hoặc chỉ tiếp thu một phần, vui lòng nêu lý do.');
    expect((await member.get(`/oversight/recommendations/${id}/answer`)).status).toBe(403);
  });

  it('R-F5: an answer after the deadline is accepted and marked late; the public page shows it', async () => {
    const overdue = await s.deps.db
      .selectFrom('oversight_recommendations')
      .selectAll()
      .where('commune_id', '=', naRi)
      .where('status', '=', 'open')
      .where('due_on', '<', '2026-12-07')
      .executeTakeFirstOrThrow();
    expect(overdue.due_on).toBe('2026-11-26');
    const p = `/oversight/recommendations/${overdue.id}/answer`;
    expect((await chairman.get(p)).text).toContain('Đã quá hạn trả lời.');
    const r = await post(chairman, p, p, { kind: 'accepted', text: 'Đã cấp bù 20 kg gạo cho 2 hộ ngày 05/12/2026.', answeredOn: '07/12/2026' });
    expect(r.status).toBe(303);
    expect(decodeURIComponent(r.headers.get('set-cookie') ?? '')).toContain('trả lời muộn');
    expect(
      await s.deps.db.selectFrom('oversight_recommendations').select(['late', 'answer_kind']).where('id', '=', overdue.id).executeTakeFirstOrThrow(),
    ).toEqual({ late: 1, answer_kind: 'accepted' });
    const pub = await new Agent(s.url).get(`/units/${naRi}/oversight`);
    expect(pub.text).toContain('Trả lời muộn');
    expect(pub.text).toContain('Đã cấp bù 20 kg gạo cho 2 hộ ngày 05/12/2026.');
  });

  it('R-F5: an overdue recommendation escalates to the commune chairman once', async () => {
    const chair = await s.deps.db.selectFrom('users').select('id').where('username', '=', 'chutich.nari').executeTakeFirstOrThrow();
    const old = await s.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', String(chair.id))
      .where('params', 'like', '%Kiến nghị của Ban quá hạn%')
      .execute();
    expect(old.length).toBeGreaterThanOrEqual(1); // the demo's, escalated on 27/11/2026
    const r = await activity({
      subject: 'Kiểm tra sổ cấp phát vật tư nông nghiệp',
      findings: 'Thiếu chữ ký nhận.',
      heldOn: '10/11/2026',
      sentOn: '10/11/2026',
      rec0Addressee: 'UBND xã Na Rì',
      rec0Content: 'Bổ sung chữ ký nhận.',
    });
    expect(r.status).toBe(303);
    expect(await escalateOverdueRecommendations(s.deps)).toBe(1);
    expect(await escalateOverdueRecommendations(s.deps)).toBe(0);
    const now = await s.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', String(chair.id))
      .where('params', 'like', '%Kiến nghị của Ban quá hạn%')
      .execute();
    expect(now).toHaveLength(old.length + 1);
    const list = await chairman.get(`/units/${naRi}/oversight/recommendations?state=overdue`);
    expect(list.text).toContain('Bổ sung chữ ký nhận.');
    const anonymous = await new Agent(s.url).get(`/units/${naRi}/oversight/recommendations`);
    expect([anonymous.status, anonymous.location?.startsWith('/sign-in')]).toEqual([303, true]);
  });

  it('issue 7 item 6: a report the commune routed to the board becomes an inspection that names it', async () => {
    const item = await s.deps.db
      .selectFrom('feedback_items')
      .select(['id', 'version', 'tracking_code'])
      .where('commune_id', '=', naRi)
      .where('kind', 'in', ['report', 'petition'])
      .where('status', 'in', ['received', 'accepted'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const official = (await loadActor(
      s.deps.db,
      (
        await s.deps.db.selectFrom('users').select('id').where('username', '=', 'canbo.nari').executeTakeFirstOrThrow()
      ).id,
    )) as Actor;
    const routed = await routeItem(s.deps, translator('vi'), official, item.id, item.version, { target: 'board', note: '' });
    expect(routed.ok).toBe(true);
    const go = await member.get(`/units/${naRi}/oversight/inspect?feedback=${item.tracking_code}`);
    expect(go.location).toBe(`${board()}/activities/new?feedback=${item.tracking_code}`);
    const r = await activity({ subject: 'Xác minh phản ánh của người dân', findings: 'Phản ánh đúng một phần.', feedbackCode: item.tracking_code });
    expect(r.status).toBe(303);
    expect((await member.get(r.location!)).text).toContain(item.tracking_code);
    const wrong = await activity({ subject: 'Xác minh', findings: 'x', feedbackCode: 'PA-2026-XXXXXX' });
    expect(wrong.text).toContain('Không có phản ánh với mã này');
  });
});

describe('projects and their supervision boards (R-F6, R-F7; Law 10/2022 Arts 41–45)', () => {
  let projectId: number;
  it('the commune registers a project with community contributions; an amount in words is refused next to its field', async () => {
    const official = await signIn(s.url, 'canbo.nari', clock);
    const form = {
      name: 'Kênh mương nội đồng Nà Làng',
      investor: 'UBND xã Na Rì',
      decisionMaker: 'Chủ tịch UBND xã',
      decisionNumber: '301/QĐ-UBND',
      decisionDate: '01/12/2026',
      budgetState: '400.000.000',
      budgetCommunity: 'một trăm triệu',
      villages: 'Nà Làng',
      startsOn: '15/01/2027',
      endsOn: '30/06/2027',
    };
    const bad = await post(official, `/units/${naRi}/projects/new`, `/units/${naRi}/projects`, form);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="f-budgetCommunity-err"');
    const ok = await post(official, `/units/${naRi}/projects/new`, `/units/${naRi}/projects`, { ...form, budgetCommunity: '100.000.000' });
    expect(ok.status).toBe(303);
    projectId = Number(ok.location?.split('/').pop());
    const api = await (await fetch(`${s.url}/api/v1/projects?unit=${naRi}`)).json();
    const p = api.items.find((x: { id: number }) => x.id === projectId);
    expect(p).toMatchObject({ status: 'planned', budget: { state: 400_000_000, community: 100_000_000, total: 500_000_000 }, supervisionBoard: null });
    expect(api.items.some((x: { supervisionBoard: { status: string } | null }) => x.supervisionBoard?.status === 'recognised')).toBe(true);
  });

  it('R-F7 Art 45(1)(b): the investor notified 40 days before supervision is refused; 45 days is accepted', async () => {
    const front = await signIn(s.url, 'mattran.nari', clock);
    const p = `/projects/${projectId}`;
    const late = await post(front, p, `${p}/board`, { size: '5', supervisionStartsOn: '16/01/2027', investorNotifiedOn: '07/12/2026' });
    expect(late.status).toBe(422);
    expect(late.text).toContain('chậm nhất ngày 02/12/2026');
    const ok = await post(front, p, `${p}/board`, { size: '5', supervisionStartsOn: '21/01/2027', investorNotifiedOn: '07/12/2026' });
    expect(ok.status).toBe(303);
    const b = Number(ok.location?.split('/').pop());
    const conflict = await post(front, `/oversight/boards/${b}`, `/oversight/boards/${b}/members`, {
      fullName: 'Lý Văn Thầu',
      seat: 'resident',
      position: 'member',
      occupation: 'none',
      permanentResident: '1',
      electedOn: '05/12/2026',
    });
    expect(conflict.status).toBe(422);
    expect(conflict.text).toContain('có người thân là người quyết định đầu tư, chủ đầu tư, nhà thầu');
    const few = await post(front, `/oversight/boards/${b}`, `/oversight/boards/${b}/recognise`, { recognisedOn: '07/12/2026' });
    expect(few.text).toContain('ít nhất 05 thành viên');
    expect(few.text).toContain('đại diện Mặt trận Tổ quốc');
  });

  it('R-F6 Art 41(1): ending the demo road project closes its supervision board', async () => {
    const official = await signIn(s.url, 'canbo.nari', clock);
    const road = await s.deps.db
      .selectFrom('oversight_projects')
      .select('id')
      .where('commune_id', '=', naRi)
      .where('name', 'like', 'Bê tông hóa%')
      .executeTakeFirstOrThrow();
    const r = await post(official, `/projects/${road.id}`, `/projects/${road.id}/progress`, {
      progress: '100',
      disbursed: '1.120.000.000',
      acceptedOn: '05/12/2026',
      finalAccountsOn: '',
      ended: '1',
    });
    expect(r.status).toBe(303);
    expect(await s.deps.db.selectFrom('oversight_boards').select(['status', 'closed_on']).where('project_id', '=', road.id).executeTakeFirstOrThrow()).toEqual({
      status: 'closed',
      closed_on: '2026-12-07',
    });
    const page = await new Agent(s.url).get(`/projects/${road.id}`);
    expect(page.text).toContain('Đã giải thể');
    expect(page.text).toContain('Giám sát chất lượng mặt đường đoạn 1');
  });

  it('GET /api/v1/boards lists the boards with their members; both paths are in the OpenAPI document', async () => {
    const api = await (await fetch(`${s.url}/api/v1/boards?unit=${naRi}`)).json();
    const commune = api.items.find((b: { kind: string }) => b.kind === 'commune_inspection');
    expect(commune.members.find((m: { position: string }) => m.position === 'head')).toMatchObject({ name: 'Triệu Văn Sơn', source: 'minutes' });
    expect(api.items.map((b: { kind: string }) => b.kind)).toEqual(expect.arrayContaining(['agency_inspection', 'investment_supervision']));
    const doc = await (await fetch(`${s.url}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/boards', '/api/v1/projects']));
    expect((await fetch(`${s.url}/api/v1/boards?unit=abc`)).status).toBe(400);
  });
});
