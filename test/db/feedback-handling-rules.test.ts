// Review findings 4, 10, 11, 15 and 21 over real HTTP on both databases: the personal-data check of
// every public text (Denunciation Law Art 9(1)(b)), no complexity after a deadline (Art 30), late
// complaints (Complaints Law Arts 9, 11; R-H1), reclassifying (R-H5; Denunciation Law Art 25) and
// ids that are not row ids. Mon 02/03/2026 is the day of receipt throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, at, commune, complaint, denunciation, item, Officials, receive, report } from './feedback-handling-helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-03-02T02:00:00Z');
let s: TestServer;
let nari: { id: number; path: string };
let o: Officials;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  nari = await commune(s, '02155');
  o = new Officials(s, clock);
}, 120_000);
afterAll(async () => s?.close());

const publicNotes = async (id: number) =>
  (await s.deps.db.selectFrom('feedback_events').select(['note', 'public']).where('item_id', '=', id).execute())
    .filter((e) => e.public === 1)
    .map((e) => e.note);

describe('finding 4: public texts carry no name or address (R-H4; Denunciation Law Art 9(1)(b))', () => {
  it('finding 4 (R-H4; Denunciation Law Art 9(1)(b)): answers and public steps are refused with the address or a name typed without diacritics', async () => {
    const d = await receive(s, clock, '2026-03-02', nari.id, denunciation({ name: 'Phạm Thị Bímật', address: 'Ngõ Kín số 9, thôn Pác Cáp' }));
    const chairman = await o.as('chutich.nari');
    expect((await act(chairman, d.id, 'accept')).status).toBe(303);
    const step = await act(chairman, d.id, 'step', { stepNote: 'Đã làm việc với bà Pham thi Bimat.', public: '1' });
    expect(step.status).toBe(422);
    expect(step.text).toContain('họ tên, địa chỉ');
    expect((await act(chairman, d.id, 'step', { stepNote: 'Đã làm việc với bà Pham thi Bimat.' })).status).toBe(303); // internal
    for (const publicAnswer of ['Đã xác minh tại ngõ Kín, số 9.', 'Đã xác minh tại Ngõ Kín số 9.', 'Người tố cáo PHAM THI BIMAT phản ánh đúng.']) {
      const r = await act(chairman, d.id, 'answer', { answer: 'Kết luận.', publicAnswer });
      expect(r.status, publicAnswer).toBe(422);
    }
    // The place the matter is about may be named.
    const ok = await act(chairman, d.id, 'answer', { answer: 'Kết luận.', publicAnswer: 'Kết luận: tố cáo đúng; sự việc xảy ra tại thôn Pác Cáp.' });
    expect(ok.status).toBe(303);
    expect((await publicNotes(d.id)).join(' ')).not.toMatch(/Bimat|Bímật/i);
  });

  it('finding 4 (R-H4; Denunciation Law Art 9(1)(b), Law 10/2022 Art 9(2)): hand-over, forwarding and refusal notes shown on the tracking page are checked too', async () => {
    const r = await receive(s, clock, '2026-03-02', nari.id, report({ name: 'Trần Văn Đường', address: 'Số 12 đường Lê Lợi, thôn Một', phone: '0912777005' }));
    const off = await o.as('canbo.nari');
    expect((await act(off, r.id, 'route', { target: 'board', routeNote: 'Ông Tran Van Duong đề nghị Ban xem.' })).status).toBe(422);
    expect((await act(off, r.id, 'forward', { destination: 'Sở Xây dựng', forwardNote: 'Nhà số 12 đường Lê Lợi' })).status).toBe(422);
    expect((await act(off, r.id, 'refuse', { refusalReason: 'Đã gọi số 0912 777 005 nhưng không liên lạc được.' })).status).toBe(422);
    expect((await act(off, r.id, 'route', { target: 'board', routeNote: 'Đường Lê Lợi cần kiểm tra.' })).status).toBe(303);
    expect((await item(s, r.id)).handler_board).toBe(1);
  });
});

describe('finding 10: complexity after the deadline (R-H3; Denunciation Law Arts 24, 30)', () => {
  it('finding 10 (R-H3; Denunciation Law Arts 24(1), 30): checks at several places cannot be declared once initial handling is overdue', async () => {
    const d = await receive(s, clock, '2026-03-02', nari.id, denunciation({ title: 'Tố cáo quá hạn xử lý ban đầu' }));
    expect((await item(s, d.id)).due_on).toBe('2026-03-11');
    at(clock, '2026-03-12');
    const r = await act(await o.as('chutich.nari'), d.id, 'complexity', { complexity: 'complex', multiSite: '1' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Đã quá hạn (11/03/2026)');
    const it = await item(s, d.id);
    expect([it.due_on, it.multi_site, it.complexity]).toEqual(['2026-03-11', 0, 'normal']);
  });
});

describe('finding 11: complaints past the 90-day limit (R-H1; Complaints Law Arts 9, 11)', () => {
  it('finding 11 (R-H1; Complaints Law Arts 9, 11): a late complaint is accepted only with excluded days and their reason that bring it within the limit', async () => {
    const c = await receive(s, clock, '2026-03-02', nari.id, complaint({ knownOn: '01/11/2025', title: 'Khiếu nại muộn' }));
    expect((await item(s, c.id)).late_days).toBe(31); // the limit ended Fri 30/01/2026
    at(clock, '2026-03-04');
    const chairman = await o.as('chutich.nari');
    const bare = await act(chairman, c.id, 'accept');
    expect(bare.status).toBe(422);
    expect(bare.text).toContain('Điều 9, 11 Luật Khiếu nại');
    const short = await act(chairman, c.id, 'accept', { excludedDays: '10', excludedReason: 'Nằm viện.' });
    expect(short.status).toBe(422);
    expect(short.text).toContain('vẫn quá thời hiệu 21 ngày');
    expect((await act(chairman, c.id, 'accept', { excludedDays: '31', excludedReason: ' ' })).status).toBe(422);
    expect((await item(s, c.id)).status).toBe('received');
    const reason = 'Nằm viện điều trị từ 25/01 đến 24/02/2026, có giấy ra viện.';
    expect((await act(chairman, c.id, 'accept', { excludedDays: '31', excludedReason: reason })).status).toBe(303);
    const it = await item(s, c.id);
    expect([it.status, it.late_days, it.excluded_days, it.excluded_reason]).toEqual(['accepted', 0, 31, reason]);
    expect((await publicNotes(c.id)).join(' ')).not.toContain('giấy ra viện');
  });
});

describe('finding 15: reclassifying (R-H5; Denunciation Law Art 25; Complaints Law Art 27)', () => {
  it('finding 15 (R-H5; Denunciation Law Art 25, Complaints Law Art 27): never an anonymous item into a denunciation; the first clock is counted again from receipt', async () => {
    const v1 = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155-01').executeTakeFirstOrThrow()).id;
    const anon = await receive(s, clock, '2026-03-02', nari.id, report({ title: 'Thư không tên về cán bộ', villageId: String(v1) }));
    const named = await receive(
      s,
      clock,
      '2026-03-02',
      nari.id,
      report({ title: 'Thư điện tử về đất', name: 'Nông Văn Gửi', address: 'Thôn Hai', phone: '0912777009', notifyChannel: 'sms' }),
    );
    at(clock, '2026-03-05');
    const off = await o.as('canbo.nari');
    const chairman = await o.as('chutich.nari');
    expect((await act(off, anon.id, 'reclassify', { kind: 'denunciation', category: 'officials' })).status).toBe(403); // the head's decision
    const refused = await act(chairman, anon.id, 'reclassify', { kind: 'denunciation', category: 'officials' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Điều 25 Luật Tố cáo');
    // A report becomes a question of the village: handled there, 10 working days from receipt.
    expect((await act(off, anon.id, 'reclassify', { kind: 'question', category: 'village_affairs' })).status).toBe(303);
    let it = await item(s, anon.id);
    expect([it.kind, it.category, it.handler_unit_id, it.clock, it.due_on]).toEqual(['question', 'village_affairs', v1, 'answer', '2026-03-16']);

    expect((await act(chairman, named.id, 'reclassify', { kind: 'complaint', category: 'land' })).text).toContain('Khiếu nại cần ngày');
    expect((await act(chairman, named.id, 'reclassify', { kind: 'complaint', category: 'land', knownOn: '20/02/2026' })).status).toBe(303);
    it = await item(s, named.id);
    expect([it.kind, it.clock, it.due_on, it.accept_due, it.known_on, it.late_days]).toEqual([
      'complaint',
      'accept',
      '2026-03-12',
      '2026-03-12',
      '2026-02-20',
      0,
    ]);
    expect((await act(chairman, named.id, 'reclassify', { kind: 'denunciation', category: 'officials' })).status).toBe(303);
    it = await item(s, named.id);
    expect([it.kind, it.clock, it.due_on]).toEqual(['denunciation', 'initial', '2026-03-11']);
    // Finding 6: a denunciation's title and content leave the search index.
    const doc = await s.deps.db
      .selectFrom('search_docs')
      .selectAll()
      .where('entity_type', '=', 'feedback_item')
      .where('entity_id', '=', String(named.id))
      .executeTakeFirstOrThrow();
    expect(doc.title).toBe('Tố cáo · Cán bộ, công chức');
    expect(doc.folded).not.toContain('thu dien tu');
    const notices = await s.deps.db.selectFrom('outbox').select('params').where('channel', '=', 'sms').execute();
    expect(notices.filter((n) => n.params.includes(named.code) && n.params.includes('Phân loại lại')).length).toBe(2);
    // Only while received.
    expect((await act(chairman, named.id, 'accept')).status).toBe(303);
    expect((await act(chairman, named.id, 'reclassify', { kind: 'report', category: 'officials' })).status).toBe(409);
  });
});

describe('finding 21: ids that are not row ids', () => {
  it('finding 21: give 404, never 500 (PostgreSQL int4), on pages, forms and the API', async () => {
    at(clock, '2026-03-06');
    const chairman = await o.as('chutich.nari');
    for (const path of [
      '/units/abc/feedback/manage',
      '/units/99999999999/feedback/manage',
      '/feedback/manage/abc',
      '/feedback/manage/99999999999',
      '/units/abc/feedback/settings',
      '/units/99999999999/feedback/settings',
    ]) {
      expect((await chairman.get(path)).status, path).toBe(404);
    }
    const list = await chairman.get(`/units/${nari.id}/feedback/manage`);
    const r = await chairman.post('/feedback/manage/99999999999/step', { _csrf: Agent.csrf(list.text), version: '1', stepNote: 'x' });
    expect(r.status).toBe(404);
    const d = await receive(s, clock, '2026-03-06', nari.id, denunciation({ title: 'Tố cáo có mã đơn vị sai' }));
    const bad = await act(await o.as('chutich.nari'), d.id, 'subject', { subjectUnitId: '99999999999', subjectUserId: 'abc' });
    expect(bad.status).toBe(422);
    const admin = await signIn(s.url, 'admin', clock);
    const tp = await admin.get('/admin/tokens');
    const made = await admin.post('/admin/tokens', { name: 'ids', role: 'commune_official', unitCode: '02155', _csrf: Agent.csrf(tp.text) });
    const token = /<pre>(dc_[A-Za-z0-9_-]+)<\/pre>/.exec(made.text)![1]!;
    for (const path of [
      '/api/v1/feedback/manage/99999999999',
      '/api/v1/feedback/manage/abc',
      '/api/v1/units/abc/feedback',
      '/api/v1/units/99999999999/feedback',
    ]) {
      const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
