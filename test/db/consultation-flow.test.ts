// A commune consultation from the form to the published synthesis, through real HTTP on a real
// database with a fixed clock (issue 6 items 1–3, 8; R-D1, R-D2; Law 10/2022 Arts 25–29).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/modules/disclosure/demo.js';
import type { Agent, TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { act, create, form, idFrom, official, setup, signInResident } from './consultation-helpers.js';

let s: TestServer;
let clock: Awaited<ReturnType<typeof setup>>['clock'];
let xd: number;
let officer: Agent;
let resident: Agent;
let id: number;
let art3: number;
beforeAll(async () => {
  const x = await setup();
  [s, clock, xd] = [x.s, x.clock, x.xuanDuong];
  officer = await official(s, 'canbo.xuanduong', clock);
  resident = await signInResident(s);
});
afterAll(() => s.close());

describe('R-D1 (Art 28(1)–(2)): the official prepares and opens a consultation', () => {
  it('a period under 20 days without a cited law comes back with the message next to the field and what was typed', async () => {
    const r = await create(officer, `/units/${xd}/consultations`, form({ periodDays: '15', title: 'Thử thời hạn ngắn' }));
    expect(r.status).toBe(422);
    expect(r.text).toContain('Thời gian lấy ý kiến 15 ngày ít hơn 20 ngày (khoản 2 Điều 28)');
    expect(r.text).toContain('id="f-shortPeriodLaw-err"');
    expect(r.text).toContain('value="Thử thời hạn ngắn"');
    expect(r.text).toContain('value="15"');
    expect(await s.deps.db.selectFrom('consultations').select('id').where('title', '=', 'Thử thời hạn ngắn').execute()).toHaveLength(0);
  });

  it('15 days with the law cited is accepted, and stays open through the 15th day after publication', async () => {
    const r = await create(
      officer,
      `/units/${xd}/consultations`,
      form({ periodDays: '15', shortPeriodLaw: 'Khoản 2 Điều 10 Luật X', title: 'Thời hạn ngắn có căn cứ' }),
    );
    expect(r.status).toBe(303);
    const sid = idFrom(r.location);
    expect((await act(officer, `/consultations/${sid}`, `/consultations/${sid}/open`, {})).status).toBe(303);
    const row = await s.deps.db.selectFrom('consultations').selectAll().where('id', '=', sid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'open', opens_on: '2026-12-01', closes_on: '2026-12-16', short_period_law: 'Khoản 2 Điều 10 Luật X' });
  });

  it('the draft is split into articles and the uploaded PDF is kept; opening needs the plan sent to the council and the Front', async () => {
    const r = await create(officer, `/units/${xd}/consultations`, form({ planSentOn: '' }), [
      { field: 'files', name: 'du-thao.pdf', bytes: demoPdf('Du thao quy che') },
    ]);
    expect(r.status).toBe(303);
    id = idFrom(r.location);
    const arts = await s.deps.db.selectFrom('consultation_articles').selectAll().where('consultation_id', '=', id).orderBy('position').execute();
    expect(arts.map((a) => [a.label, a.heading])).toEqual([
      ['Phần mở đầu', ''],
      ['Điều 1', 'Phạm vi'],
      ['Điều 2', 'Đối tượng'],
      ['Điều 3', 'Hình thức công khai'],
    ]);
    art3 = arts[3]!.id;
    const page = await officer.get(`/consultations/${id}`);
    const file = /href="(\/consultations\/\d+\/files\/\d+)"/.exec(page.text)![1]!;
    const got = await officer.get(file);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    // Not opened: the public sees neither the draft nor its file.
    expect((await resident.get(`/consultations/${id}`)).status).toBe(404);
    expect((await resident.get(file)).status).toBe(404);
    const open = await act(officer, `/consultations/${id}`, `/consultations/${id}/open`, {});
    expect(open.status).toBe(422);
    expect(open.text).toContain('ghi ngày gửi kế hoạch cho Thường trực HĐND và Ủy ban MTTQ xã (khoản 1 Điều 28)');
    const edit = await officer.get(`/consultations/${id}/edit`);
    const fields = { ...form({ planSentOn: '30/11/2026' }), _csrf: /name="_csrf" value="([^"]+)"/.exec(edit.text)![1]! };
    expect((await officer.postMultipart(`/consultations/${id}/edit`, fields)).status).toBe(303);
    expect((await act(officer, `/consultations/${id}`, `/consultations/${id}/open`, {})).status).toBe(303);
    const row = await s.deps.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'open', opens_on: '2026-12-01', closes_on: '2026-12-21', plan_sent_on: '2026-11-30' });
    // Saving a draft again replaces its articles (nobody has commented on a draft).
    art3 = (
      await s.deps.db.selectFrom('consultation_articles').select('id').where('consultation_id', '=', id).where('position', '=', 3).executeTakeFirstOrThrow()
    ).id;
  });
});

describe('residents comment (item 2) and the synthesis closes it (R-D2, Art 28(3)–(4))', () => {
  it('an empty comment and one carrying a phone number come back with the message; a comment on Article 3 is kept', async () => {
    const page = `/consultations/${id}`;
    const empty = await act(resident, page, `${page}/comments`, { article: String(art3), body: '   ', stance: '' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Nhập nội dung góp ý.');
    const phone = await act(resident, page, `${page}/comments`, { article: String(art3), body: 'Gọi tôi số 0912 345 678 nhé', stance: '' });
    expect(phone.status).toBe(422);
    expect(phone.text).toContain('xin bỏ họ tên, số điện thoại');
    expect(phone.text).toContain('Gọi tôi số 0912 345 678 nhé');
    const ok = await act(resident, page, `${page}/comments`, { article: String(art3), body: 'Đề nghị niêm yết cả ở nhà văn hóa thôn.', stance: 'disagree' });
    expect(ok.status, /esum.*?<\/ul>/.exec(ok.text)?.[0]).toBe(303);
    const list = await resident.get(`${page}?article=${art3}`);
    expect(list.text).toContain('Đề nghị niêm yết cả ở nhà văn hóa thôn.');
    expect(list.text).toContain('0 tán thành, 1 không tán thành');
  });

  it('officials enter comments from a meeting and an organisation; the author name stays private', async () => {
    const page = `/consultations/${id}`;
    const noOrg = await act(officer, page, `${page}/comments`, {
      article: 'general',
      body: 'Nhất trí với dự thảo.',
      stance: '',
      channel: 'organisation',
      organisation: '',
      authorName: '',
    });
    expect(noOrg.status).toBe(422);
    expect(noOrg.text).toContain('Nhập tên tổ chức gửi văn bản góp ý.');
    const org = await act(officer, page, `${page}/comments`, {
      article: 'general',
      body: 'Nhất trí với dự thảo.',
      stance: '',
      channel: 'organisation',
      organisation: 'Hội Phụ nữ xã',
      authorName: '',
    });
    expect(org.status).toBe(303);
    const meet = await act(officer, page, `${page}/comments`, {
      article: String(art3),
      body: 'Thêm loa truyền thanh.',
      stance: 'disagree',
      channel: 'meeting',
      organisation: '',
      authorName: 'Hoàng Văn Bảy',
    });
    expect(meet.status).toBe(303);
    expect((await resident.get(page)).text).not.toContain('Hoàng Văn Bảy');
    expect((await officer.get(page)).text).toContain('Hoàng Văn Bảy');
    expect((await resident.get(page)).text).toContain('Hội Phụ nữ xã');
  });

  it('closing without a synthesis is refused; the synthesis waits for the period to end', async () => {
    const close = await act(officer, `/consultations/${id}`, `/consultations/${id}/close`, {});
    expect(close.status).toBe(422);
    expect(close.text).toContain('Chưa thể kết thúc: phải công bố kết quả tổng hợp và giải trình trước (khoản 3 Điều 28).');
    const early = await act(officer, `/consultations/${id}/synthesis`, `/consultations/${id}/synthesis`, {
      synthesisText: 'Tổng hợp.',
      majorityExplanation: '',
    });
    expect(early.status).toBe(422);
    expect(early.text).toContain('Chưa hết thời gian lấy ý kiến (đến hết ngày 21/12/2026).');
  });

  it('a comment after the last day is refused with a clear message', async () => {
    clock.set('2026-12-21T16:30:00Z'); // 23:30 on 21/12 in Vietnam: still the last day
    const last = await act(resident, `/consultations/${id}`, `/consultations/${id}/comments`, { article: 'general', body: 'Góp ý phút chót.', stance: '' });
    expect(last.status).toBe(303);
    clock.set('2026-12-22T03:00:00Z');
    const late = await act(resident, `/consultations/${id}`, `/consultations/${id}/comments`, { article: 'general', body: 'Góp ý muộn.', stance: '' });
    expect(late.status).toBe(422);
    expect(late.text).toContain('Đã hết thời gian lấy ý kiến (hết ngày 21/12/2026); không nhận thêm góp ý.');
  });

  it('Art 28(4): keeping Article 3 against the majority needs the reason; then it publishes, closes and the resident is told', async () => {
    const syn = `/consultations/${id}/synthesis`;
    // Three weeks on: the sessions of that day have expired.
    officer = await official(s, 'canbo.xuanduong', clock);
    resident = await signInResident(s);
    const answer = (article: string, answer: string) =>
      act(officer, syn, `/consultations/${id}/responses`, {
        article,
        answer,
        summary: 'Các ý kiến đề nghị mở rộng hình thức.',
        explanation: 'Giữ như dự thảo vì điều kiện của xã.',
      });
    expect((await answer(String(art3), 'not_accepted')).status).toBe(303);
    const unanswered = await act(officer, syn, syn, { synthesisText: 'Đã nhận 4 ý kiến.', majorityExplanation: '' });
    expect(unanswered.status).toBe(422);
    expect(unanswered.text).toContain('Còn nhóm ý kiến chưa được trả lời');
    expect((await answer('general', 'accepted')).status).toBe(303);
    const noReason = await act(officer, syn, syn, { synthesisText: 'Đã nhận 4 ý kiến.', majorityExplanation: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('phải nêu lý do quyết định khác với ý kiến đa số (khoản 4 Điều 28)');
    expect(noReason.text).toContain('Đã nhận 4 ý kiến.');
    const ok = await act(officer, syn, syn, { synthesisText: 'Đã nhận 4 ý kiến.', majorityExplanation: 'Trụ sở là nơi niêm yết bắt buộc theo Điều 13.' });
    expect(ok.status, /esum.*?<\/ul>/.exec(ok.text)?.[0]).toBe(303);
    expect((await act(officer, `/consultations/${id}`, `/consultations/${id}/close`, {})).status).toBe(303);
    const me = await s.deps.db.selectFrom('users').select('id').where('phone', '=', '0912345678').executeTakeFirstOrThrow();
    const notice = await s.deps.db.selectFrom('outbox').select(['params']).where('recipient', '=', String(me.id)).where('template', '=', 'notice').execute();
    expect(notice.map((n) => JSON.parse(n.params).link)).toContain(`/consultations/${id}/synthesis`);
    const pub = await resident.get(syn);
    expect(pub.text).toContain('Khác với ý kiến đa số');
    expect(pub.text).toContain('Trụ sở là nơi niêm yết bắt buộc theo Điều 13.');
    expect(pub.text).toContain('Ý kiến của bạn và câu trả lời');
    const docx = await fetch(`${s.url}${syn}.docx`);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const xml = unzip(Buffer.from(await docx.arrayBuffer()))
      .get('word/document.xml')!
      .toString('utf8');
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('Điều 3. Hình thức công khai');
    expect(xml).toContain('không tiếp thu (khác với ý kiến đa số)');
    const api = await (await fetch(`${s.url}/api/v1/consultations/${id}`)).json();
    expect(api.state).toBe('closed');
    expect(api.groups.find((g: { articleId: number }) => g.articleId === art3)).toMatchObject({
      comments: 2,
      disagree: 2,
      majority: 'disagree',
      answer: 'not_accepted',
      departsFromMajority: true,
    });
  });

  it('a comment on a closed consultation is refused', async () => {
    const r = await act(resident, `/consultations/${id}`, `/consultations/${id}/comments`, { article: 'general', body: 'Còn góp được không?', stance: '' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Đã hết thời gian lấy ý kiến');
  });
});
