// Requests for information (issue item 6; R-C4; Law 10/2022 Art 14(2) -> Law 104/2016 Arts 28-31):
// a resident asks, follows the request by its code, and officials answer, extend or refuse it,
// through real HTTP on a real database with a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { infoRequestSummary } from '../../src/modules/disclosure/info-requests/routes.js';
import { DEMO_RESIDENT_PHONE } from '../../src/platform/auth/demo-accounts.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const FRI_20_11 = '2026-11-20T03:00:00Z'; // Fri 20/11/2026, 10:00 in Vietnam
const clock = fixedClock(FRI_20_11);
let s: TestServer;
let naRi: number;
let vanLang: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const id = async (code: string) => (await (await fetch(`${s.url}/api/v1/units?code=${code}`)).json()).items[0].id as number;
  naRi = await id('02155');
  vanLang = await id('02143');
});
afterAll(() => s.close());

const request = { name: 'Nguyễn Văn An', contact: '0987 654 321', content: 'Đề nghị cung cấp dự toán ngân sách xã năm 2026 đã được HĐND xã thông qua.' };

async function submit(a: Agent, unit: number, form: Record<string, string> = request) {
  const page = await a.get(`/units/${unit}/info-requests/new`);
  return a.post(`/units/${unit}/info-requests/new`, { ...form, _csrf: Agent.csrf(page.text) });
}
const row = (code: string) => s.deps.db.selectFrom('info_requests').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
/** A new request from an anonymous visitor; its tracking code and row. */
async function newRequest(unit = naRi, form: Record<string, string> = request) {
  const r = await submit(new Agent(s.url), unit, form);
  expect(r.status).toBe(303);
  const code = r.location!.replace('/info-requests/', '');
  return { code, row: await row(code) };
}
/** Runs an official's action from the detail page's form. */
async function act(a: Agent, unit: number, id: number, action: 'answer' | 'extend' | 'refuse', form: Record<string, string>) {
  const page = await a.get(`/units/${unit}/info-requests/${id}`);
  return a.post(`/units/${unit}/info-requests/${id}/${action}`, { ...form, _csrf: Agent.csrf(page.text) });
}
const lastMessage = async () => {
  const m = await s.deps.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { ...m, params: JSON.parse(m.params) as Record<string, string> };
};
const lastAction = async () => (await s.deps.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').executeTakeFirstOrThrow()).action;

describe('anyone sends a request to the commune, without an account (R-C4; Law 10/2022 Art 14(2))', () => {
  it('R-C4 (Law 104/2016 Art 30(3)): an electronic request received Fri 20/11/2026 is due Thu 26/11/2026 (24/11 Culture Day off)', async () => {
    const a = new Agent(s.url);
    const r = await submit(a, naRi);
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/info-requests\/YC-2026-[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    const code = r.location!.slice('/info-requests/'.length);
    const page = await a.get(r.location!);
    expect(page.text).toContain(`Mã tra cứu của bạn: ${code}. Hạn trả lời: 26/11/2026.`);
    expect(page.text).toContain('Đang giải quyết');
    expect(await row(code)).toMatchObject({ channel: 'electronic', received_on: '2026-11-20', due_date: '2026-11-26', status: 'open', created_by: null });
    const m = await lastMessage();
    expect(m).toMatchObject({ channel: 'sms', recipient: '0987654321', template: 'notice' });
    expect(m.params.body).toContain(code);
    expect(m.params.body).toContain('26/11/2026');
    expect(await lastAction()).toBe('info_request.received');
  });

  it('R-C4: a request without content, with an invalid contact or over 5,000 characters is refused next to its fields, and the form keeps what was typed', async () => {
    const r = await submit(new Agent(s.url), naRi, { name: 'Lò Thị Hà', contact: '12345', content: '' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Có lỗi cần sửa');
    expect(r.text).toContain('id="f-contact-err"');
    expect(r.text).toContain('id="f-content-err"');
    expect(r.text).toContain('value="Lò Thị Hà"');
    expect(r.text).toContain('value="12345"');
    const long = await submit(new Agent(s.url), naRi, { ...request, content: 'x'.repeat(5001) });
    expect(long.status).toBe(422);
    expect(long.text).toContain('không quá 5.000 ký tự');
  });

  it('an e-mail address is a valid contact; the form refuses a post without its CSRF token (403)', async () => {
    const { row: r } = await newRequest(naRi, { ...request, contact: 'An.Nguyen@Example.vn' });
    expect(r.requester_contact).toBe('an.nguyen@example.vn');
    const bare = await new Agent(s.url).post(`/units/${naRi}/info-requests/new`, request);
    expect(bare.status).toBe(403);
  });

  it('a signed-in resident finds their name and number already filled in', async () => {
    const a = new Agent(s.url);
    const page = await a.get('/sign-in');
    const sent = await a.post('/sign-in/phone', { phone: DEMO_RESIDENT_PHONE, next: '/', _csrf: Agent.csrf(page.text) });
    const otp = (await lastMessage()).params.code!;
    expect((await a.post('/sign-in/code', { phone: DEMO_RESIDENT_PHONE, code: otp, next: '/', _csrf: Agent.csrf(sent.text) })).status).toBe(303);
    const me = await s.deps.db.selectFrom('users').select('display_name').where('phone', '=', DEMO_RESIDENT_PHONE).executeTakeFirstOrThrow();
    const form = await a.get(`/units/${naRi}/info-requests/new`);
    expect(form.text).toContain(`value="${me.display_name}"`);
    expect(form.text).toContain(`value="${DEMO_RESIDENT_PHONE}"`);
  });

  it('the lookup form finds a request by its code typed in lower case; an unknown code gets a message', async () => {
    const { code } = await newRequest();
    const found = await new Agent(s.url).get(`/info-requests?code=${encodeURIComponent(` ${code.toLowerCase()} `)}`);
    expect(found.status).toBe(303);
    expect(found.location).toBe(`/info-requests/${code}`);
    const missing = await new Agent(s.url).get('/info-requests?code=YC-2026-AAAAAA');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Không tìm thấy yêu cầu với mã này');
    expect((await new Agent(s.url).get('/info-requests/YC-2026-AAAAAA')).status).toBe(404);
  });
});

describe('officials answer, extend or refuse (R-C4)', () => {
  it('R-C4 (Law 104/2016 Art 30(3)): an extension of 15 days from the due date (to Fri 11/12/2026) is accepted and notified; 16 days is refused next to the field', async () => {
    const { code, row: r } = await newRequest();
    const a = await signIn(s.url, 'canbo.nari', clock);
    const detail = await a.get(`/units/${naRi}/info-requests/${r.id}`);
    expect(detail.text).toContain('Nguyễn Văn An');
    expect(detail.text).toContain('0987654321');
    expect(detail.text).toContain('chậm nhất ngày 11/12/2026');
    const reason = 'Cần tổng hợp số liệu từ các thôn';
    const tooLong = await act(a, naRi, r.id, 'extend', { newDue: '12/12/2026', extensionReason: reason });
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toMatch(/id="f-newDue-err">Chỉ được gia hạn tối đa 15 ngày sau hạn ban đầu 26\/11\/2026, tức chậm nhất ngày 11\/12\/2026/);
    expect(tooLong.text).toContain('value="12/12/2026"');
    expect(tooLong.text).toContain(`value="${reason}"`);
    expect((await row(code)).extended_until).toBeNull();
    const ok = await act(a, naRi, r.id, 'extend', { newDue: '11/12/2026', extensionReason: reason });
    expect(ok.status).toBe(303);
    expect(await row(code)).toMatchObject({ extended_until: '2026-12-11', extension_reason: reason, status: 'open' });
    const m = await lastMessage();
    expect(m).toMatchObject({ channel: 'sms', recipient: '0987654321' });
    expect(m.params.body).toContain('11/12/2026');
    expect(m.params.body).toContain(reason);
    expect(await lastAction()).toBe('info_request.extended');
    const pub = await new Agent(s.url).get(`/info-requests/${code}`);
    expect(pub.text).toContain('Gia hạn đến');
    expect(pub.text).toContain(`11/12/2026. Lý do: ${reason}`);
  });

  it('R-C4 (Law 104/2016 Art 28(2)): a refusal without reasons is refused; with reasons it closes the request and the reasons are public', async () => {
    const { code, row: r } = await newRequest();
    const a = await signIn(s.url, 'canbo.nari', clock);
    const bare = await act(a, naRi, r.id, 'refuse', { refusalReason: '   ' });
    expect(bare.status).toBe(422);
    expect(bare.text).toContain('id="f-refusalReason-err"');
    expect((await row(code)).status).toBe('open');
    const reason = 'Thông tin thuộc bí mật nhà nước (Điều 6 khoản 1 Luật Tiếp cận thông tin).';
    expect((await act(a, naRi, r.id, 'refuse', { refusalReason: reason })).status).toBe(303);
    expect(await row(code)).toMatchObject({ status: 'refused', refusal_reason: reason, closed_on: '2026-11-20' });
    expect((await lastMessage()).params.body).toContain(reason);
    const pub = await new Agent(s.url).get(`/info-requests/${code}`);
    expect(pub.text).toContain('Từ chối cung cấp');
    expect(pub.text).toContain('Văn bản từ chối cung cấp thông tin');
    expect(pub.text).toContain(reason);
  });

  it('R-C4: an answered request shows the answer on the public status page only when publish_answer is checked', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const empty = await act(a, naRi, (await newRequest()).row.id, 'answer', { answer: '' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="f-answer-err"');
    const kept = await newRequest();
    expect((await act(a, naRi, kept.row.id, 'answer', { answer: 'Dự toán gửi kèm theo thư.' })).status).toBe(303);
    expect(await row(kept.code)).toMatchObject({ status: 'answered', publish_answer: 0, closed_on: '2026-11-20' });
    expect((await lastMessage()).params.body).toBe('Dự toán gửi kèm theo thư.');
    const hidden = await new Agent(s.url).get(`/info-requests/${kept.code}`);
    expect(hidden.text).toContain('Đã trả lời');
    expect(hidden.text).not.toContain('Dự toán gửi kèm theo thư.');
    expect(hidden.text).toContain('Câu trả lời đã được gửi đến người yêu cầu');
    const shown = await newRequest();
    const text = 'Dự toán ngân sách xã năm 2026 được niêm yết tại trụ sở UBND xã từ 25/11/2026.';
    expect((await act(a, naRi, shown.row.id, 'answer', { answer: text, publish: '1' })).status).toBe(303);
    expect((await row(shown.code)).publish_answer).toBe(1);
    expect((await new Agent(s.url).get(`/info-requests/${shown.code}`)).text).toContain(text);
  });

  it('a closed request cannot be changed: answering, extending or refusing it again is refused with a clear message', async () => {
    const { code, row: r } = await newRequest();
    const a = await signIn(s.url, 'canbo.nari', clock);
    expect((await act(a, naRi, r.id, 'answer', { answer: 'Câu trả lời đầu tiên.' })).status).toBe(303);
    for (const [action, form] of [
      ['answer', { answer: 'Câu trả lời khác.' }],
      ['extend', { newDue: '01/12/2026', extensionReason: 'Thêm thời gian' }],
      ['refuse', { refusalReason: 'Đổi ý' }],
    ] as const) {
      const res = await act(a, naRi, r.id, action, form);
      expect(res.status).toBe(303);
      const back = await a.get(res.location!);
      expect(back.text).toContain('Yêu cầu này đã được trả lời hoặc từ chối nên không thể thay đổi nữa.');
      expect(back.text).not.toContain('Gửi trả lời');
    }
    expect(await row(code)).toMatchObject({ status: 'answered', answer: 'Câu trả lời đầu tiên.', extended_until: null, refusal_reason: null });
  });

  it('R-C4 (Art 31(1), Art 29(2)): a paper request received by post on Fri 20/11 is due Mon 30/11, on site Mon 7/12; a received date in the future is refused', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const page = await a.get(`/units/${naRi}/info-requests/record`);
    expect(page.text).toContain('value="20/11/2026"');
    const form = { ...request, _csrf: Agent.csrf(page.text) };
    const future = await a.post(`/units/${naRi}/info-requests/record`, { ...form, channel: 'post', receivedOn: '21/11/2026' });
    expect(future.status).toBe(422);
    expect(future.text).toContain('id="f-receivedOn-err"');
    expect(future.text).toContain('value="21/11/2026"');
    const old = await a.post(`/units/${naRi}/info-requests/record`, { ...form, channel: 'post', receivedOn: '30/06/2023' });
    expect(old.text).toMatch(/id="f-receivedOn-err">Ngày nhận không thể trước ngày 01\/07\/2023/);
    for (const [channel, due] of [
      ['post', '2026-11-30'],
      ['onsite', '2026-12-07'],
    ]) {
      const res = await a.post(`/units/${naRi}/info-requests/record`, { ...form, channel: channel!, receivedOn: '20/11/2026' });
      expect(res.status).toBe(303);
      const id = Number(/info-requests\/(\d+)$/.exec(res.location!)![1]);
      const r = await s.deps.db.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(r).toMatchObject({ channel, received_on: '2026-11-20', due_date: due });
      expect(r.created_by).not.toBeNull();
      expect(await lastAction()).toBe('info_request.recorded');
    }
  });

  it('the public status page never shows the requester’s name or contact', async () => {
    const who = { name: 'Trần Thị Bích Riêng', contact: '0355 111 222', content: 'Xin kế hoạch sử dụng đất năm 2026.' };
    const { code, row: r } = await newRequest(naRi, who);
    const a = await signIn(s.url, 'canbo.nari', clock);
    await act(a, naRi, r.id, 'extend', { newDue: '30/11/2026', extensionReason: 'Chờ phòng địa chính' });
    await act(a, naRi, r.id, 'answer', { answer: 'Kế hoạch được niêm yết tại trụ sở.', publish: '1' });
    const pub = await new Agent(s.url).get(`/info-requests/${code}`);
    for (const secret of ['Trần Thị Bích Riêng', '0355111222', '0355 111 222', 'Xin kế hoạch sử dụng đất']) expect(pub.text).not.toContain(secret);
  });
});

describe('who sees the register of requests', () => {
  it('another commune’s official (Xã Văn Lang) gets 403 on Na Rì’s list and detail', async () => {
    const { row: r } = await newRequest();
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    expect((await a.get(`/units/${naRi}/info-requests`)).status).toBe(403);
    expect((await a.get(`/units/${naRi}/info-requests/${r.id}`)).status).toBe(403);
    // nor by putting Na Rì's request under Văn Lang's address
    expect((await a.get(`/units/${vanLang}/info-requests/${r.id}`)).status).toBe(404);
  });

  it('a council observer reads the list and detail without the requester’s contact, and cannot act (403)', async () => {
    const { row: r } = await newRequest();
    const a = await signIn(s.url, 'hdnd', clock);
    const list = await a.get(`/units/${naRi}/info-requests`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(r.tracking_code);
    const detail = await a.get(`/units/${naRi}/info-requests/${r.id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).not.toContain('0987654321');
    expect(detail.text).not.toContain('Gửi trả lời');
    const res = await a.post(`/units/${naRi}/info-requests/${r.id}/answer`, { answer: 'x', _csrf: Agent.csrf(detail.text) });
    expect(res.status).toBe(403);
    expect((await a.get(`/units/${naRi}/info-requests/record`)).status).toBe(403);
  });

  it('an anonymous visitor is sent to sign in', async () => {
    const r = await new Agent(s.url).get(`/units/${naRi}/info-requests`);
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/sign-in\?next=/);
  });
});

describe('deadlines pass (runs last: it moves the clock)', () => {
  it('R-C4: an overdue request is listed as overdue, first, after the clock passes its due date; it can no longer be extended, and a late answer is marked late', async () => {
    clock.set(FRI_20_11);
    const late = await newRequest(vanLang);
    expect(late.row.due_date).toBe('2026-11-26');
    expect(await infoRequestSummary(s.deps, { id: vanLang })).toEqual({ open: 1, overdue: 0 });
    clock.set('2026-11-26T16:59:00Z'); // 23:59 on Thu 26/11 in Vietnam: the whole due day is allowed
    expect(await infoRequestSummary(s.deps, { id: vanLang })).toEqual({ open: 1, overdue: 0 });
    clock.set('2026-11-27T02:00:00Z'); // Fri 27/11/2026
    const fresh = await newRequest(vanLang);
    expect(await infoRequestSummary(s.deps, { id: vanLang })).toEqual({ open: 1, overdue: 1 });
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const list = await a.get(`/units/${vanLang}/info-requests`);
    expect(list.text).toContain('trong đó 1 yêu cầu quá hạn');
    const at = (code: string) => list.text.indexOf(code);
    expect(at(late.code)).toBeGreaterThan(0);
    expect(at(late.code)).toBeLessThan(at(fresh.code));
    expect(list.text.slice(at(late.code), at(fresh.code))).toContain('Quá hạn trả lời');
    const ext = await act(a, vanLang, late.row.id, 'extend', { newDue: '04/12/2026', extensionReason: 'Cần thêm thời gian' });
    expect(ext.status).toBe(422);
    expect(ext.text).toContain('không thể gia hạn sau khi đã quá hạn');
    expect((await act(a, vanLang, late.row.id, 'answer', { answer: 'Trả lời muộn.' })).status).toBe(303);
    expect((await new Agent(s.url).get(`/info-requests/${late.code}`)).text).toContain('Đã trả lời (chậm so với thời hạn)');
    expect(await infoRequestSummary(s.deps, { id: vanLang })).toEqual({ open: 1, overdue: 0 });
  });
});
