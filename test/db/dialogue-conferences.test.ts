// Annual village conferences (issue 6 item 7; Law 10/2022 Art 33; Decree 59/2023 Arts 10–11; R-G1)
// through real HTTP on the demo data: the plan refused with less than 05 days' notice (citing the
// article, the form as typed), agreements by each body, the conference along the Art 11 agenda with
// a report as a file, the result report, and the commune's view flagging villages without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitByCode } from '../../src/modules/units/units.repo.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn as shared } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z');
let s: TestServer;
let xd: number;
let v1: number;
let v2: number;
let c2: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  xd = (await unitByCode(s.deps.db, '02191', '2026-07-01'))!.id;
  v1 = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02191-01').executeTakeFirstOrThrow()).id;
  v2 = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02191-02').executeTakeFirstOrThrow()).id;
  c2 = (await s.deps.db.selectFrom('village_conferences').select('id').where('village_id', '=', v2).executeTakeFirstOrThrow()).id;
});
afterAll(() => s.close());

const signIn = (username: string): Promise<Agent> => shared(s.url, username, clock);
const conf = (id: number) => s.deps.db.selectFrom('village_conferences').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the commune view of its villages (R-G1)', () => {
  it('lists every village with its state; villages without a conference show as not yet held during the year', async () => {
    const page = await new Agent(s.url).get(`/units/${xd}/village-conferences`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đã tổ chức, đã báo cáo xã');
    expect(page.text).toContain('Đã có kế hoạch');
    expect(page.text).toContain('Chưa tổ chức');
    expect(page.text).toMatch(/\d+ thôn chưa tổ chức hội nghị năm 2026\./);
    // The second village's plan still awaits the Front's and the board's agreement (Decree 59 Art 10).
    expect(page.text).toContain('(chờ ý kiến thống nhất của: Ủy ban Mặt trận Tổ quốc Việt Nam xã, Ban Thanh tra nhân dân)');
  });
  it('GET /api/v1/village-conferences gives every village with its state; a village is not a commune', async () => {
    const r = await fetch(`${s.url}/api/v1/village-conferences?unit=${xd}&year=2026`).then((x) => x.json());
    expect(r.year).toBe(2026);
    const byId = new Map(r.villages.map((v: { village: { id: number } }) => [v.village.id, v]));
    expect(byId.get(v1)).toMatchObject({ state: 'reported', conference: { heldOn: expect.any(String), resultSentOn: expect.any(String) } });
    expect(byId.get(v2)).toMatchObject({ state: 'planned', conference: { heldOn: null } });
    expect(r.villages.filter((v: { state: string }) => v.state === 'due').length).toBe(r.villages.length - 2);
    expect((await fetch(`${s.url}/api/v1/village-conferences?unit=${v1}`)).status).toBe(404);
  });
  it('after the year ends in Vietnam (00:00 on 1 January, 17:00 UTC) the villages without one are flagged as not held', async () => {
    clock.set('2026-12-31T16:59:00Z');
    expect((await new Agent(s.url).get(`/units/${xd}/village-conferences?year=2026`)).text).not.toContain('Không tổ chức');
    clock.set('2026-12-31T17:00:00Z');
    const page = await new Agent(s.url).get(`/units/${xd}/village-conferences?year=2026`);
    expect(page.text).toMatch(/\d+ thôn không tổ chức hội nghị năm 2026 \(Điều 33 Luật 10\/2022\/QH15\)/);
    // The planned but never held conference of the second village is missing too.
    const row = new RegExp(`href="/village-conferences/${c2}"[\\s\\S]*?</tr>`).exec(page.text)?.[0] ?? '';
    expect(row).toContain('Không tổ chức');
    clock.set('2026-12-07T03:00:00Z');
  });
});

describe('the plan (Decree 59 Art 10) and the 05-day notice (Art 11(1)(c))', () => {
  it('a notice 3 days before is refused next to the field, citing the article and the latest date; the form comes back as typed', async () => {
    // The demo's first village already held its 2026 conference; its head plans 2027's.
    const a = await signIn('truongthon.xd');
    const page = await a.get(`/units/${v1}/village-conferences/new`);
    expect(page.status).toBe(200);
    const form = {
      conferenceOn: '20/01/2027',
      startTime: '19:00',
      place: 'Nhà văn hóa thôn',
      content: 'Tổng kết năm',
      tasks: 'Trưởng thôn chuẩn bị báo cáo',
      planSentOn: '05/01/2027',
      noticeOn: '17/01/2027',
      noticeMethod: 'loudspeaker',
      _csrf: Agent.csrf(page.text),
    };
    const r = await a.post(`/units/${v1}/village-conferences`, form);
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-noticeOn-err"');
    expect(r.text).toContain('Phải trước ít nhất 5 ngày: chậm nhất ngày 15/01/2027 (Điều 11 khoản 1 điểm c Nghị định 59/2023/NĐ-CP)');
    expect(r.text).toContain('value="Nhà văn hóa thôn"');
    expect(r.text).toContain('value="17/01/2027"');
    const ok = await a.post(`/units/${v1}/village-conferences`, { ...form, noticeOn: '15/01/2027' });
    expect(ok.status).toBe(303);
    const c = await s.deps.db.selectFrom('village_conferences').selectAll().where('village_id', '=', v1).where('year', '=', 2027).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ conference_on: '2027-01-20', notice_on: '2027-01-15', status: 'planned', notice_method: 'loudspeaker' });
    // The commune official of Xuân Dương is told in the app that the plan awaits agreement (Decree 59 Art 10).
    const official = await s.deps.db.selectFrom('users').select('id').where('username', '=', 'canbo.xuanduong').executeTakeFirstOrThrow();
    const notice = await s.deps.db
      .selectFrom('outbox')
      .select('params')
      .where('channel', '=', 'in_app')
      .where('recipient', '=', String(official.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(notice.params)).toMatchObject({ title: expect.stringContaining('chờ ý kiến thống nhất'), link: `/village-conferences/${c.id}` });
  });
  it('one conference per village and year: a held one cannot be planned again', async () => {
    const a = await signIn('truongthon.xd');
    const page = await a.get(`/units/${v1}/village-conferences/new`);
    const r = await a.post(`/units/${v1}/village-conferences`, {
      conferenceOn: '28/12/2026',
      startTime: '19:00',
      place: 'Nhà văn hóa',
      content: 'Lần hai',
      tasks: 'Không',
      planSentOn: '07/12/2026',
      noticeOn: '20/12/2026',
      noticeMethod: 'writing',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Thôn đã tổ chức hội nghị năm 2026');
  });
  it('a village head of another village, and a visitor, cannot plan here', async () => {
    expect((await (await signIn('truongthon.xd')).get(`/units/${v2}/village-conferences/new`)).status).toBe(403);
    expect((await new Agent(s.url).get(`/units/${v1}/village-conferences/new`)).status).toBe(303);
  });
  it('the village head cannot record the Front’s agreement', async () => {
    const head = await signIn('truongthon.xd');
    const page = await head.get(`/village-conferences/${c2}`);
    expect(page.text).not.toContain('Ghi nhận thống nhất');
    const forged = await head.post(`/village-conferences/${c2}/agreement`, { body: 'front', agreedOn: '07/12/2026', _csrf: Agent.csrf(page.text) });
    expect(forged.status).toBe(403);
    expect((await conf(c2)).front_agreed_on).toBeNull();
  });
});

describe('the conference along its agenda (Decree 59 Art 11) and the result report (Art 11(2))', () => {
  it('the commune official records the People’s Committee’s agreement, not dated before the plan was sent', async () => {
    clock.set('2027-01-21T03:00:00Z');
    const c1 = await s.deps.db.selectFrom('village_conferences').select('id').where('village_id', '=', v1).where('year', '=', 2027).executeTakeFirstOrThrow();
    const a = await signIn('canbo.xuanduong');
    const page = await a.get(`/village-conferences/${c1.id}`);
    expect(page.text).toContain('Ngày Ủy ban nhân dân xã thống nhất kế hoạch');
    expect(page.text).not.toContain('value="front"');
    const early = await a.post(`/village-conferences/${c1.id}/agreement`, { body: 'committee', agreedOn: '04/01/2027', _csrf: Agent.csrf(page.text) });
    expect(early.status).toBe(422);
    expect(early.text).toContain('Ngày thống nhất không được trước ngày thôn gửi kế hoạch.');
    const ok = await a.post(`/village-conferences/${c1.id}/agreement`, { body: 'committee', agreedOn: '08/01/2027', _csrf: Agent.csrf(page.text) });
    expect(ok.status).toBe(303);
    expect(await conf(c1.id)).toMatchObject({ committee_agreed_on: '2027-01-08', committee_agreed_by: 'Đàm Thị Hương (công chức xã Xuân Dương)' });
    const again = await a.post(`/village-conferences/${c1.id}/agreement`, { body: 'committee', agreedOn: '09/01/2027', _csrf: Agent.csrf(page.text) });
    expect(again.status).toBe(422);
    expect(again.text).toContain('Ý kiến thống nhất đã được ghi nhận ngày 08/01/2027.');
  });

  it('a plan changed after the agreement needs it again; the same plan saved again keeps it', async () => {
    const c1 = await s.deps.db.selectFrom('village_conferences').selectAll().where('village_id', '=', v1).where('year', '=', 2027).executeTakeFirstOrThrow();
    const head = await signIn('truongthon.xd');
    const form = await head.get(`/units/${v1}/village-conferences/new`);
    expect(form.text).toContain('value="Nhà văn hóa thôn"');
    const same = {
      conferenceOn: '20/01/2027',
      startTime: '19:00',
      place: c1.place,
      content: c1.content,
      tasks: c1.tasks,
      planSentOn: '05/01/2027',
      noticeOn: '15/01/2027',
      noticeMethod: 'loudspeaker',
      _csrf: Agent.csrf(form.text),
    };
    expect((await head.post(`/units/${v1}/village-conferences`, same)).status).toBe(303);
    expect((await conf(c1.id)).committee_agreed_on).toBe('2027-01-08');
    expect((await head.post(`/units/${v1}/village-conferences`, { ...same, place: 'Sân nhà văn hóa thôn' })).status).toBe(303);
    expect(await conf(c1.id)).toMatchObject({ place: 'Sân nhà văn hóa thôn', committee_agreed_on: null, committee_agreed_by: null });
  });

  it('refuses missing reports and a secretary, accepts a report as a file, then the result report; all public', async () => {
    const c1 = await s.deps.db.selectFrom('village_conferences').select('id').where('village_id', '=', v1).where('year', '=', 2027).executeTakeFirstOrThrow();
    // The Front work committee head of the village may record the conference too.
    const a = await signIn('bancongtac.xd');
    const page = await a.get(`/village-conferences/${c1.id}`);
    expect(page.text).toContain('Ghi nhận hội nghị theo trình tự');
    const csrf = Agent.csrf(page.text);
    const bad = await a.postMultipart(`/village-conferences/${c1.id}/held`, {
      heldOn: '18/01/2027',
      householdsPresent: '30',
      secretary: '',
      headReport: 'Báo cáo của trưởng thôn',
      frontReport: '',
      boardReport: '',
      _csrf: csrf,
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Ghi tên thư ký hội nghị.');
    expect(bad.text).toContain('Nhập báo cáo của Ban công tác Mặt trận hoặc đính kèm tệp báo cáo.');
    // Moved earlier than the notice allows: 18/01 is only 3 days after the notice of 15/01.
    expect(bad.text).toContain('chậm nhất ngày 13/01/2027');
    expect(bad.text).toContain('Báo cáo của trưởng thôn');
    const pdf = Buffer.from('%PDF-1.4\n% bao cao ban thanh tra\n%%EOF\n');
    const ok = await a.postMultipart(
      `/village-conferences/${c1.id}/held`,
      {
        heldOn: '20/01/2027',
        householdsPresent: '30',
        secretary: 'Lý Thị Mai',
        headReport: 'Báo cáo của trưởng thôn',
        frontReport: 'Báo cáo của Ban công tác Mặt trận',
        boardReport: '',
        _csrf: csrf,
      },
      [{ field: 'board_report', name: 'bao-cao-ttnd.pdf', bytes: pdf, type: 'application/pdf' }],
    );
    expect(ok.status).toBe(303);
    const pub = await new Agent(s.url).get(`/village-conferences/${c1.id}`);
    expect(pub.text).toContain('Thư ký: Lý Thị Mai');
    // Held in January: accepted, but shown as before the year-end period (Art 33: at year-end).
    expect(pub.text).toContain('Hội nghị tổ chức trước dịp cuối năm');
    const link = /href="(\/village-conferences\/\d+\/files\/\d+)"/.exec(pub.text)![1]!;
    const file = await fetch(s.url + link);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    const p2 = await a.get(`/village-conferences/${c1.id}`);
    const empty = await a.postMultipart(`/village-conferences/${c1.id}/result`, { resultReport: '', sentOn: '21/01/2027', _csrf: Agent.csrf(p2.text) });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Nhập báo cáo kết quả hoặc đính kèm tệp báo cáo.');
    const sent = await a.postMultipart(`/village-conferences/${c1.id}/result`, {
      resultReport: 'Hội nghị thành công.',
      sentOn: '21/01/2027',
      _csrf: Agent.csrf(p2.text),
    });
    expect(sent.status).toBe(303);
    expect(await conf(c1.id)).toMatchObject({ status: 'reported', result_sent_on: '2027-01-21', held_on: '2027-01-20' });
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'village_conference')
      .where('entity_id', '=', String(c1.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((x) => x.action)).toEqual([
      'dialogue.conference_planned',
      'dialogue.conference_agreed',
      'dialogue.conference_plan_changed',
      'dialogue.conference_plan_changed',
      'dialogue.conference_held',
      'dialogue.conference_reported',
    ]);
  });
});
