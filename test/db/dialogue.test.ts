// Dialogues (issue 6 item 6; Law 10/2022 Arts 32, 59(1)(b); R-G2) through real HTTP on the demo data:
// questions asked without an account and by officials, answers with who gave them, the conference and
// its minutes, the bad input of the issue, the staff-only agency dialogue and the JSON API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitByCode } from '../../src/modules/units/units.repo.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn as shared } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z');
let s: TestServer;
let naRi: number;
let upcoming: number;
let held: number;
let school: number;
let schoolDialogue: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock, env: { INTAKE_PER_MINUTE: '8' } });
  naRi = (await unitByCode(s.deps.db, '02155', '2026-07-01'))!.id;
  const rows = await s.deps.db.selectFrom('dialogues').select(['id', 'status', 'agency_id']).orderBy('id').execute();
  held = rows.find((r) => r.status === 'held' && r.agency_id === null)!.id;
  upcoming = rows.find((r) => r.status === 'scheduled' && r.agency_id === null)!.id;
  const sd = rows.find((r) => r.agency_id !== null)!;
  schoolDialogue = sd.id;
  school = sd.agency_id!;
});
afterAll(() => s.close());

const signIn = (username: string): Promise<Agent> => shared(s.url, username, clock);
const questions = (dialogueId: number) => s.deps.db.selectFrom('dialogue_questions').selectAll().where('dialogue_id', '=', dialogueId).orderBy('id').execute();
const lastAudit = (action: string) => s.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst();

describe('R-G2 (Art 32): the commune page and the list flag the year', () => {
  it('shows 2026 as done on the commune page and the list, with the held and the upcoming dialogue', async () => {
    const a = new Agent(s.url);
    const home = await a.get(`/units/${naRi}`);
    expect(home.text).toContain('Năm 2026 đã tổ chức hội nghị đối thoại với Nhân dân');
    const list = await a.get(`/units/${naRi}/dialogues`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/dialogues/${upcoming}"`);
    expect(list.text).toContain(`href="/dialogues/${held}"`);
  });
  it('shows 2027 as due while it lasts, with nothing on record', async () => {
    const page = await new Agent(s.url).get(`/units/${naRi}/dialogues?year=2027`);
    expect(page.text).toContain('Năm 2027 chưa tổ chức hội nghị đối thoại với Nhân dân');
  });
});

describe('a resident asks before the conference (Art 32)', () => {
  it('without an account and without a name: stored with no account, shown as "Người dân"', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/dialogues/${upcoming}`);
    expect(page.text).toContain('Gửi câu hỏi trước hội nghị');
    const r = await a.post(`/dialogues/${upcoming}/questions`, { text: 'Phí thu gom rác mỗi tháng bao nhiêu?', name: '', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    const q = (await questions(upcoming)).at(-1)!;
    expect(q).toMatchObject({ text: 'Phí thu gom rác mỗi tháng bao nhiêu?', asker_name: null, asker_user_id: null, channel: 'web' });
    expect((await a.get(r.location!)).text).toContain('Phí thu gom rác mỗi tháng bao nhiêu?');
    expect(await lastAudit('dialogue.question_asked')).toBeTruthy();
  });
  it('an empty question comes back with a message next to the field and the name as typed; nothing is stored', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/dialogues/${upcoming}`);
    const before = (await questions(upcoming)).length;
    const r = await a.post(`/dialogues/${upcoming}/questions`, { text: '   ', name: 'Lộc Văn Tài', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-text-err"');
    expect(r.text).toContain('Nhập câu hỏi của bạn.');
    expect(r.text).toContain('value="Lộc Văn Tài"');
    expect((await questions(upcoming)).length).toBe(before);
  });
  it('a question to a conference already held is refused with a clear message', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/dialogues/${upcoming}`);
    const r = await a.post(`/dialogues/${held}/questions`, { text: 'Còn hỏi được không?', name: '', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('không nhận thêm câu hỏi trực tuyến');
  });
  it('a burst from one address is refused once over the per-minute limit (like feedback intake)', async () => {
    clock.advance(120_000);
    const a = new Agent(s.url);
    const page = await a.get(`/dialogues/${upcoming}`);
    const csrf = Agent.csrf(page.text);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await a.post(`/dialogues/${upcoming}/questions`, { text: `Câu hỏi số ${i}`, name: '', _csrf: csrf })).status);
    expect(statuses.slice(0, 8).every((x) => x === 303)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    clock.advance(120_000);
  });
});

describe('a signed-in resident asks: the name is offered, the account kept apart, and the answer notified in the app', () => {
  it('prefills the name, stores the account (never shown), and notifies the resident when answered', async () => {
    const resident = new Agent(s.url);
    const p = await resident.get('/sign-in');
    await resident.post('/sign-in/phone', { phone: '0912345678', _csrf: Agent.csrf(p.text) });
    const otp = await s.deps.db.selectFrom('outbox').select('params').where('template', '=', 'otp').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const c = await resident.get('/sign-in');
    expect((await resident.post('/sign-in/code', { phone: '0912345678', code: JSON.parse(otp.params).code, _csrf: Agent.csrf(c.text) })).status).toBe(303);
    const page = await resident.get(`/dialogues/${upcoming}`);
    const user = await s.deps.db.selectFrom('users').select(['id', 'display_name']).where('phone', '=', '0912345678').executeTakeFirstOrThrow();
    expect(page.text).toContain(`value="${user.display_name}"`);
    expect(page.text).toContain('Tên này hiện công khai cùng câu hỏi; xóa đi nếu bạn không muốn.');
    // The resident clears the name: asked without being named, but the account is kept for the notice.
    const r = await resident.post(`/dialogues/${upcoming}/questions`, { text: 'Nước sạch về thôn tôi khi nào?', name: '', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    const q = (await questions(upcoming)).at(-1)!;
    expect(q).toMatchObject({ asker_user_id: user.id, asker_name: null, channel: 'resident' });
    expect((await new Agent(s.url).get(`/dialogues/${upcoming}`)).text).not.toContain(user.display_name);
    const chairman = await signIn('chutich.nari');
    const form = await chairman.get(`/dialogue-questions/${q.id}`);
    expect((await chairman.post(`/dialogue-questions/${q.id}/answer`, { answer: 'Quý II năm sau.', _csrf: Agent.csrf(form.text) })).status).toBe(303);
    const notice = await s.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('channel', '=', 'in_app')
      .where('recipient', '=', String(user.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(notice.params)).toMatchObject({
      title: 'Câu hỏi của bạn gửi hội nghị đối thoại đã được trả lời',
      link: expect.stringContaining(`/dialogues/${upcoming}#q-${q.id}`),
    });
    // A second answer to the same question is refused: an answer once given stands.
    const again = await chairman.post(`/dialogue-questions/${q.id}/answer`, { answer: 'Sửa lại', _csrf: Agent.csrf(form.text) });
    expect(again.status).toBe(422);
    expect(again.text).toContain('Câu hỏi này đã được trả lời.');
  });
  it('an abusive question is hidden with a reason, never deleted; the public sees the reason, not the text', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/dialogues/${upcoming}`);
    await a.post(`/dialogues/${upcoming}/questions`, { text: 'Lời lẽ xúc phạm cán bộ xã', name: '', _csrf: Agent.csrf(page.text) });
    const q = (await questions(upcoming)).at(-1)!;
    const official = await signIn('canbo.nari');
    const form = await official.get(`/dialogue-questions/${q.id}`);
    const empty = await official.post(`/dialogue-questions/${q.id}/hide`, { reason: '', _csrf: Agent.csrf(form.text) });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Ghi lý do ẩn câu hỏi.');
    expect((await official.post(`/dialogue-questions/${q.id}/hide`, { reason: 'Lời lẽ xúc phạm', _csrf: Agent.csrf(form.text) })).status).toBe(303);
    const pub = await new Agent(s.url).get(`/dialogues/${upcoming}`);
    expect(pub.text).not.toContain('Lời lẽ xúc phạm cán bộ xã');
    expect(pub.text).toContain('Câu hỏi đã bị ẩn:</strong> Lời lẽ xúc phạm');
    expect((await (await signIn('hdnd')).get(`/dialogues/${upcoming}`)).text).toContain('Lời lẽ xúc phạm cán bộ xã');
    expect(await s.deps.db.selectFrom('dialogue_questions').select('text').where('id', '=', q.id).executeTakeFirstOrThrow()).toMatchObject({
      text: 'Lời lẽ xúc phạm cán bộ xã',
    });
  });
});

describe('officials run the conference: questions from other channels, answers, record, minutes', () => {
  it('an official enters a question received in the suggestion box, with the channel; a missing channel is refused', async () => {
    const a = await signIn('canbo.nari');
    const page = await a.get(`/dialogues/${upcoming}`);
    expect(page.text).toContain('Nhập câu hỏi nhận qua kênh khác');
    const bad = await a.post(`/dialogues/${upcoming}/questions/record`, { text: 'Khi nào có nước sạch?', name: '', channel: '', _csrf: Agent.csrf(page.text) });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Chọn kênh nhận câu hỏi.');
    expect(bad.text).toContain('Khi nào có nước sạch?');
    const ok = await a.post(`/dialogues/${upcoming}/questions/record`, {
      text: 'Khi nào có nước sạch?',
      name: '',
      channel: 'suggestion_box',
      _csrf: Agent.csrf(page.text),
    });
    expect(ok.status).toBe(303);
    expect((await questions(upcoming)).at(-1)).toMatchObject({ channel: 'suggestion_box', entered_by: 'Hoàng Thị Lan (công chức xã Na Rì)' });
  });
  it('the chairman answers during the conference; the answer shows who gave it; an empty answer is refused', async () => {
    clock.set('2026-12-22T02:00:00Z'); // 09:00 in Vietnam, during the conference
    const a = await signIn('chutich.nari');
    const q = (await questions(upcoming))[0]!;
    const page = await a.get(`/dialogue-questions/${q.id}`);
    expect(page.status).toBe(200);
    const empty = await a.post(`/dialogue-questions/${q.id}/answer`, { answer: '', _csrf: Agent.csrf(page.text) });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Nhập nội dung trả lời.');
    const r = await a.post(`/dialogue-questions/${q.id}/answer`, {
      answer: 'Xe thu gom vào các thôn mỗi tuần một lần từ tháng 1.',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(303);
    const pub = await new Agent(s.url).get(`/dialogues/${upcoming}`);
    expect(pub.text).toContain('Xe thu gom vào các thôn mỗi tuần một lần từ tháng 1.');
    expect(pub.text).toContain('Lương Văn Đồng (Chủ tịch UBND xã Na Rì) trả lời lúc 09:00 22/12/2026');
    // Online questions closed once it began.
    expect(pub.text).toContain('Hội nghị đã bắt đầu nên không nhận thêm câu hỏi trực tuyến.');
  });
  it('minutes: refused before the conference is recorded and when empty, then published for everyone', async () => {
    const a = await signIn('canbo.nari');
    const page = await a.get(`/dialogues/${upcoming}`);
    const csrf = Agent.csrf(page.text);
    const early = await a.post(`/dialogues/${upcoming}/minutes`, { minutes: 'Biên bản', _csrf: csrf });
    expect(early.status).toBe(422);
    expect(early.text).toContain('Hãy ghi nhận hội nghị đã tổ chức trước khi công khai biên bản.');
    const otherYear = await a.post(`/dialogues/${upcoming}/held`, { heldOn: '22/12/2025', attendance: '90 người dân', _csrf: csrf });
    expect(otherYear.status).toBe(422);
    expect(otherYear.text).toContain('Hội nghị này được lên lịch cho năm 2026');
    expect(otherYear.text).toContain('value="22/12/2025"');
    expect((await a.post(`/dialogues/${upcoming}/held`, { heldOn: '22/12/2026', attendance: '90 người dân', _csrf: csrf })).status).toBe(303);
    const empty = await a.post(`/dialogues/${upcoming}/minutes`, { minutes: '  \n ', _csrf: csrf });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Biên bản chưa có nội dung');
    expect((await a.post(`/dialogues/${upcoming}/minutes`, { minutes: 'Hội nghị kết luận: thu gom rác hằng tuần.', _csrf: csrf })).status).toBe(303);
    const pub = await new Agent(s.url).get(`/dialogues/${upcoming}`);
    expect(pub.text).toContain('Hội nghị kết luận: thu gom rác hằng tuần.');
    const d = await s.deps.db.selectFrom('dialogues').selectAll().where('id', '=', upcoming).executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: 'held', held_on: '2026-12-22' });
    // After the minutes, no question may be entered any more.
    const late = await a.post(`/dialogues/${upcoming}/questions/record`, { text: 'Thêm một câu', name: '', channel: 'letter', _csrf: csrf });
    expect(late.status).toBe(422);
    expect(late.text).toContain('Biên bản đã công khai');
    // Back before the new dialogues' dates, and past the rate-limit window of the burst above.
    clock.set('2026-12-07T05:00:00Z');
  });
  it('a resident or a council observer cannot answer or schedule', async () => {
    const q = (await questions(upcoming)).at(-1)!;
    const observer = await signIn('hdnd');
    expect((await observer.get(`/dialogue-questions/${q.id}`)).status).toBe(403);
    expect((await observer.get(`/units/${naRi}/dialogues/new`)).status).toBe(403);
    expect((await new Agent(s.url).get(`/units/${naRi}/dialogues/new`)).status).toBe(303);
  });
  it('scheduling refuses an empty form field by field and keeps what was typed', async () => {
    const a = await signIn('chutich.nari');
    const page = await a.get(`/units/${naRi}/dialogues/new`);
    const r = await a.post(`/units/${naRi}/dialogues`, {
      topic: 'Đối thoại đầu năm',
      place: '',
      date: '31/02/2027',
      time: '08:00',
      coOrganiser: '',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Nhập địa điểm.');
    expect(r.text).toContain('Ngày không hợp lệ');
    expect(r.text).toContain('value="Đối thoại đầu năm"');
    const ok = await a.post(`/units/${naRi}/dialogues`, {
      topic: 'Đối thoại đầu năm',
      place: 'Hội trường xã',
      date: '15/01/2027',
      time: '08:00',
      coOrganiser: 'Ủy ban MTTQ xã',
      _csrf: Agent.csrf(page.text),
    });
    expect(ok.status).toBe(303);
    const d = await s.deps.db.selectFrom('dialogues').selectAll().where('topic', '=', 'Đối thoại đầu năm').executeTakeFirstOrThrow();
    expect(d).toMatchObject({ year: 2027, starts_at: '2027-01-15T01:00:00.000Z', status: 'scheduled' });
  });
});

describe("leaders' dialogue in the school (Art 59(1)(b)): the agency's staff only", () => {
  it('a teacher reads it; a commune official gets 403; a visitor is sent to sign in; the API never lists it', async () => {
    const teacher = await signIn('giaovien.nari');
    expect((await teacher.get(`/agencies/${school}/dialogues`)).status).toBe(200);
    const page = await teacher.get(`/dialogues/${schoolDialogue}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tiền dạy thêm giờ học kỳ I khi nào được chi trả?');
    const official = await signIn('canbo.nari');
    expect((await official.get(`/dialogues/${schoolDialogue}`)).status).toBe(403);
    expect((await official.get(`/agencies/${school}/dialogues`)).status).toBe(403);
    expect((await new Agent(s.url).get(`/dialogues/${schoolDialogue}`)).status).toBe(303);
    const api = await fetch(`${s.url}/api/v1/dialogues?unit=${naRi}`).then((r) => r.json());
    expect(api.items.map((i: { id: number }) => i.id)).not.toContain(schoolDialogue);
    expect((await fetch(`${s.url}/api/v1/dialogues/${schoolDialogue}`)).status).toBe(404);
  });
  it('the union head asks online; only the head may schedule', async () => {
    const union = await signIn('congdoan.nari');
    expect((await union.get(`/agencies/${school}/dialogues/new`)).status).toBe(403);
    const head = await signIn('hieutruong.nari');
    const form = await head.get(`/agencies/${school}/dialogues/new`);
    const r = await head.post(`/agencies/${school}/dialogues`, {
      topic: 'Đối thoại về quy chế chi tiêu nội bộ',
      place: 'Phòng họp',
      date: '20/12/2026',
      time: '14:00',
      coOrganiser: 'Công đoàn',
      _csrf: Agent.csrf(form.text),
    });
    expect(r.status).toBe(303);
    const id = Number(/\/dialogues\/(\d+)/.exec(r.location!)![1]);
    const page = await union.get(`/dialogues/${id}`);
    const q = await union.post(`/dialogues/${id}/questions`, { text: 'Có tăng mức khoán văn phòng phẩm không?', name: '', _csrf: Agent.csrf(page.text) });
    expect(q.status).toBe(303);
    expect((await questions(id))[0]).toMatchObject({ channel: 'staff', asker_name: null });
  });
});

describe('GET /api/v1/dialogues (issue 6 item 8)', () => {
  it('filters by unit and year and gives questions with answers and the published minutes', async () => {
    const list = await fetch(`${s.url}/api/v1/dialogues?unit=${naRi}&year=2026`).then((r) => r.json());
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.items.every((i: { year: number }) => i.year === 2026)).toBe(true);
    const none = await fetch(`${s.url}/api/v1/dialogues?unit=${naRi}&year=2024`).then((r) => r.json());
    expect(none.items).toEqual([]);
    const one = await fetch(`${s.url}/api/v1/dialogues/${held}`).then((r) => r.json());
    expect(one.minutes).toContain('Chủ tịch UBND xã kết luận');
    expect(one.questionList.items[0]).toMatchObject({ askerName: 'Hoàng Văn Dũng', answeredBy: 'Lương Văn Đồng (Chủ tịch UBND xã Na Rì)' });
    const bad = await fetch(`${s.url}/api/v1/dialogues?unit=abc`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const doc = await fetch(`${s.url}/api/openapi.json`).then((r) => r.json());
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/dialogues', '/api/v1/dialogues/{id}']));
  });
});

describe('the province view of the yearly duties (R-G1, R-G2)', () => {
  it('lists each commune with its dialogue state and its villages that held a conference', async () => {
    const list = await new Agent(s.url).get(`/units/${naRi}/dialogues`);
    const href = /href="(\/units\/\d+\/dialogue-compliance\?year=2026)"/.exec(list.text)![1]!;
    const page = await new Agent(s.url).get(href);
    expect(page.status).toBe(200);
    const row = (name: string) => new RegExp(`<tr>(?:(?!</tr>).)*?${name}(?:(?!</tr>).)*?</tr>`, 's').exec(page.text)?.[0] ?? '';
    expect(row('Xã Na Rì')).toContain('Đã thực hiện');
    expect(row('Xã Xuân Dương')).toContain('Chưa tổ chức');
    expect(row('Xã Xuân Dương')).toMatch(/1\/\d+ thôn đã tổ chức/);
    expect(page.text).toMatch(/\d+\/6 xã chưa có hội nghị đối thoại năm 2026 được ghi nhận/);
  });
});

describe('every dialogue page of the demo for six kinds of user: no server error, agency pages to its staff only', () => {
  it('answers 200, 303 or 403, never 5xx', async () => {
    const ids = await s.deps.db.selectFrom('dialogues').select(['id', 'agency_id']).execute();
    const qs = await s.deps.db.selectFrom('dialogue_questions').select('id').execute();
    const confs = await s.deps.db.selectFrom('village_conferences').select(['id', 'village_id', 'commune_id']).execute();
    const paths = [
      ...ids.map((d) => `/dialogues/${d.id}`),
      ...ids.map((d) => `/dialogues/${d.id}?page=2`),
      ...qs.slice(0, 5).map((q) => `/dialogue-questions/${q.id}`),
      ...confs.flatMap((c) => [`/village-conferences/${c.id}`, `/units/${c.commune_id}/village-conferences`, `/units/${c.village_id}/village-conferences/new`]),
      `/units/${naRi}/dialogues?year=2025`,
      `/units/${naRi}/dialogues/new`,
      `/agencies/${school}/dialogues`,
      `/agencies/${school}/dialogues/new`,
      '/dialogues/999999',
      '/dialogues/abc',
      `/units/${naRi}/village-conferences?year=1900`,
      ...ids.map((d) => `/audit/dialogue/${d.id}`),
      ...confs.map((c) => `/audit/village_conference/${c.id}`),
    ];
    for (const who of [null, 'canbo.nari', 'hdnd', 'giaovien.nari', 'truongthon.xd', 'mattran.nari']) {
      const a = who ? await signIn(who) : new Agent(s.url);
      for (const p of paths) {
        const r = await a.get(p);
        expect([200, 303, 403, 404], `${who ?? 'visitor'} ${p}: ${r.status}`).toContain(r.status);
        if (p === `/audit/dialogue/${schoolDialogue}`) expect(r.status, `${who} ${p}`).not.toBe(200);
        if (p.includes(`/agencies/${school}`) || p === `/dialogues/${schoolDialogue}`) {
          if (who !== 'giaovien.nari') expect(r.status, `${who} ${p}`).not.toBe(200);
        }
      }
    }
  });
});
