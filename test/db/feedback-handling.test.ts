// The handling state machine over real HTTP on both databases (issue 5 items 3–5): acceptance and
// resolution clocks (R-H2), denunciation extensions and publication (R-H3), forwarding within 05
// working days (R-H3, R-H7), the optimistic guard, and who may do what. Dates are counted by hand
// on the official 2026 calendar (Tết 14–22/02, National Day 29/08–02/09 with Mon 31/08 swapped off).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { act, at, commune, complaint, denunciation, item, Officials, receive, report } from './feedback-handling-helpers.js';

const clock = fixedClock('2026-02-06T02:00:00Z');
let s: TestServer;
let nari: { id: number; path: string };
let o: Officials;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  nari = await commune(s, '02155');
  o = new Officials(s, clock);
}, 120_000);
afterAll(async () => s?.close());

const outbox = () => s.deps.db.selectFrom('outbox').selectAll().orderBy('id').execute();
const events = (id: number) => s.deps.db.selectFrom('feedback_events').selectAll().where('item_id', '=', id).orderBy('id').execute();

describe('complaints (R-H2, Complaints Law Arts 27, 28)', () => {
  it('R-H2: only the chairman accepts; resolution 30 days from acceptance, 45 when complex; the complainant is told each time', async () => {
    const c = await receive(s, clock, '2026-02-06', nari.id, complaint({ knownOn: '01/02/2026' }));
    let it = await item(s, c.id);
    expect([it.status, it.clock, it.due_on, it.forward_due]).toEqual(['received', 'accept', '2026-02-23', '2026-02-13']); // 10 days end in Tết

    at(clock, '2026-02-10');
    expect((await act(await o.as('canbo.nari'), c.id, 'accept')).status).toBe(403); // 'decide' is the chairman's
    const before = (await outbox()).length;
    const r = await act(await o.as('chutich.nari'), c.id, 'accept');
    expect(r.status, r.text.slice(0, 500)).toBe(303);
    it = await item(s, c.id);
    expect([it.status, it.accepted_on, it.clock, it.resolve_due, it.due_on]).toEqual(['accepted', '2026-02-10', 'resolve', '2026-03-12', '2026-03-12']);
    const notices = (await outbox()).slice(before);
    expect(notices.map((n) => n.channel)).toEqual(['sms']);
    expect(notices[0]!.recipient.startsWith('v1.')).toBe(true); // sealed phone
    expect(notices[0]!.params).toContain('12/03/2026');

    expect((await act(await o.as('chutich.nari'), c.id, 'complexity', { complexity: 'complex' })).status).toBe(303);
    expect((await item(s, c.id)).resolve_due).toBe('2026-03-27');

    at(clock, '2026-03-02');
    const withName = await act(await o.as('chutich.nari'), c.id, 'answer', {
      answer: 'Giữ nguyên quyết định.',
      publishable: '1',
      publicAnswer: 'Trả lời ông Hoàng Văn Khiếu: giữ nguyên quyết định.',
    });
    expect(withName.status).toBe(422);
    expect(withName.text).toContain('còn thông tin cá nhân của người gửi');
    expect(withName.text).toContain('Giữ nguyên quyết định.'); // what was typed comes back
    expect((await act(await o.as('canbo.nari'), c.id, 'answer', { answer: 'x' })).status).toBe(403);
    const ok = await act(await o.as('chutich.nari'), c.id, 'answer', {
      answer: 'Giữ nguyên quyết định.',
      publishable: '1',
      publicAnswer: 'UBND xã giữ nguyên quyết định thu hồi đất; tiền bồi thường cây trồng đã được tính bổ sung.',
    });
    expect(ok.status).toBe(303);
    it = await item(s, c.id);
    expect([it.status, it.clock, it.answered_on, it.published_on, it.reopen_until]).toEqual(['answered', null, '2026-03-02', '2026-03-02', '2026-04-01']);
  });

  it('R-H2: a remote commune (setting) resolves complaints in 45 days, 60 when complex', async () => {
    at(clock, '2026-01-15');
    const chairman = await o.as('chutich.nari');
    const page = await chairman.get(`/units/${nari.id}/feedback/settings`);
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    expect((await chairman.post(`/units/${nari.id}/feedback/settings`, { _csrf: csrf, remoteArea: '1', reopenDays: '0' })).status).toBe(422);
    expect((await chairman.post(`/units/${nari.id}/feedback/settings`, { _csrf: csrf, remoteArea: '1', reopenDays: '30' })).status).toBe(303);
    const c = await receive(s, clock, '2026-01-15', nari.id, complaint({ knownOn: '10/01/2026' }));
    expect((await act(chairman, c.id, 'accept')).status).toBe(303);
    expect((await item(s, c.id)).resolve_due).toBe('2026-03-02'); // 45 days end Sun 01/03
    expect((await act(chairman, c.id, 'complexity', { complexity: 'complex' })).status).toBe(303);
    expect((await item(s, c.id)).resolve_due).toBe('2026-03-16');
    expect((await chairman.post(`/units/${nari.id}/feedback/settings`, { _csrf: csrf, reopenDays: '30' })).status).toBe(303);
  });
});

describe('denunciations (R-H3, Denunciation Law Arts 24, 30, 40)', () => {
  it('R-H3: initial handling 07 working days (10 multi-site); at most 0/1/2 extensions by complexity, each with its reason and notice', async () => {
    const d = await receive(s, clock, '2026-05-28', nari.id, denunciation());
    expect((await item(s, d.id)).due_on).toBe('2026-06-08');
    const chairman = await o.as('chutich.nari');
    expect((await act(chairman, d.id, 'complexity', { complexity: 'normal', multiSite: '1' })).status).toBe(303);
    expect((await item(s, d.id)).due_on).toBe('2026-06-11');

    at(clock, '2026-06-01');
    expect((await act(await o.as('chutich.nari'), d.id, 'accept')).status).toBe(303);
    expect((await item(s, d.id)).resolve_due).toBe('2026-07-01');

    at(clock, '2026-06-22');
    const head = await o.as('chutich.nari');
    const none = await act(head, d.id, 'extend', { extensionReason: 'Cần xác minh thêm.' });
    expect(none.status).toBe(422);
    expect(none.text).toContain('tối đa 0 lần');
    expect((await act(head, d.id, 'complexity', { complexity: 'complex' })).status).toBe(303);
    expect((await act(head, d.id, 'extend', { extensionReason: ' ' })).status).toBe(422);
    expect((await act(await o.as('canbo.nari'), d.id, 'extend', { extensionReason: 'x' })).status).toBe(403);
    const before = (await outbox()).length;
    expect((await act(head, d.id, 'extend', { extensionReason: 'Chờ kết quả giám định.' })).status).toBe(303);
    let it = await item(s, d.id);
    expect([it.extensions, it.resolve_due, it.due_on]).toEqual([1, '2026-07-31', '2026-07-31']);
    const second = await act(head, d.id, 'extend', { extensionReason: 'Thêm.' });
    expect(second.status).toBe(422);
    expect(second.text).toContain('Đã gia hạn 1 lần');

    at(clock, '2026-07-20');
    const head2 = await o.as('chutich.nari');
    expect((await act(head2, d.id, 'complexity', { complexity: 'very_complex' })).status).toBe(303);
    expect((await act(head2, d.id, 'extend', { extensionReason: 'Xác minh ở hai tỉnh.' })).status).toBe(303);
    it = await item(s, d.id);
    expect([it.extensions, it.resolve_due]).toEqual([2, '2026-09-03']); // 90 days end Sun 30/08; 31/08–02/09 off
    expect((await act(head2, d.id, 'extend', { extensionReason: 'Lần ba.' })).text).toContain('tối đa 2 lần');
    expect((await act(head2, d.id, 'complexity', { complexity: 'complex' })).status).toBe(422); // below the extensions made

    const notices = (await outbox()).slice(before).filter((n) => n.params.includes('gia hạn'));
    expect(notices.map((n) => JSON.parse(n.params).body)).toEqual([
      expect.stringContaining('lần 1 đến ngày 31/07/2026'),
      expect.stringContaining('lần 2 đến ngày 03/09/2026'),
    ]);
    expect(notices.every((n) => n.channel === 'sms' && n.recipient.startsWith('v1.'))).toBe(true);
    const ext = (await events(d.id)).filter((e) => e.kind === 'extended');
    expect(ext.map((e) => [e.public, e.note?.includes('Lý do') || e.note?.includes('giám định') || e.note?.includes('hai tỉnh')])).toEqual([
      [1, true],
      [1, true],
    ]);
    const audits = await s.deps.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'feedback.extended')
      .where('entity_id', '=', String(d.id))
      .execute();
    expect(audits.length).toBe(2);
  });

  it('R-H3: the conclusion is published within 07 working days (Art 40); later publication is recorded as late', async () => {
    const d = await receive(s, clock, '2026-08-03', nari.id, denunciation({ title: 'Tố cáo làm sai lệch hồ sơ' }));
    at(clock, '2026-08-05');
    const head = await o.as('chutich.nari');
    expect((await act(head, d.id, 'accept')).status).toBe(303);
    at(clock, '2026-09-03');
    const head2 = await o.as('chutich.nari');
    expect((await act(head2, d.id, 'answer', { answer: 'Kết luận: tố cáo đúng một phần.', publicAnswer: '' })).status).toBe(422); // Art 40: public text needed
    expect((await act(head2, d.id, 'answer', { answer: 'Kết luận: tố cáo đúng một phần.', publicAnswer: 'Kết luận: tố cáo đúng một phần.' })).status).toBe(303);
    let it = await item(s, d.id);
    expect([it.status, it.clock, it.publish_due, it.due_on, it.published_on]).toEqual(['answered', 'publish', '2026-09-14', '2026-09-14', null]);
    // Its publication clock keeps it on the work list until it is published.
    const listed = `/units/${nari.id}/feedback/manage?status=answered&kind=denunciation`;
    expect((await head2.get(listed)).text).toContain(d.code);
    at(clock, '2026-09-15');
    const head3 = await o.as('chutich.nari');
    expect((await head3.get(`${listed}&due=overdue`)).text).toContain(d.code);
    expect((await act(head3, d.id, 'publish', { publicAnswer: 'Kết luận: tố cáo đúng một phần.', publishWhere: 'Niêm yết tại trụ sở UBND xã' })).status).toBe(
      303,
    );
    it = await item(s, d.id);
    expect([it.clock, it.published_on]).toEqual([null, '2026-09-15']);
    expect((await head3.get(listed)).text).not.toContain(d.code);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'feedback.published')
      .where('entity_id', '=', String(d.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data).late).toBe(true);
  });
});

describe('forwarding and hand-overs (R-H3 Art 24(2), R-H7 Decree 20/2008 Art 9, R-H4)', () => {
  it('R-H7: forwarding within 05 working days is on time; after them it is marked late', async () => {
    const a = await receive(s, clock, '2026-02-12', nari.id, report({ title: 'Đường tỉnh lộ hư hỏng' }));
    const b = await receive(s, clock, '2026-02-12', nari.id, report({ title: 'Cầu trên quốc lộ xuống cấp' }));
    expect((await item(s, a.id)).forward_due).toBe('2026-02-26');
    at(clock, '2026-02-26');
    const off = await o.as('canbo.nari');
    expect((await act(off, a.id, 'forward', { destination: '' })).status).toBe(422);
    expect((await act(off, a.id, 'forward', { destination: 'Sở Xây dựng tỉnh Thái Nguyên' })).status).toBe(303);
    expect((await item(s, a.id)).status).toBe('forwarded');
    expect((await events(a.id)).at(-1)!.note).toBe('Sở Xây dựng tỉnh Thái Nguyên');
    at(clock, '2026-03-02');
    const off2 = await o.as('canbo.nari');
    expect((await act(off2, b.id, 'forward', { destination: 'Khu Quản lý đường bộ' })).status).toBe(303);
    expect((await events(b.id)).at(-1)!.note).toContain('Chuyển muộn 2 ngày làm việc (hạn 26/02/2026)');
    expect((await off2.get(`/feedback/manage/${b.id}`)).text).toContain('chuyển muộn 2 ngày làm việc');
    // A forwarded item shows no forms (finding 14): the stale-free version is sent by hand.
    const again = await act(off2, b.id, 'forward', { destination: 'Lần nữa' }, (await item(s, b.id)).version);
    expect(again.status).toBe(409);
    expect(again.text).toContain('Không thể làm việc này ở trạng thái hiện tại');
  });

  it('R-H4: a denunciation is never handed to the person it is about, nor a complaint to a village', async () => {
    const d = await receive(s, clock, '2026-03-03', nari.id, denunciation({ title: 'Tố cáo hiệu trưởng' }));
    const head = await o.as('chutich.nari');
    const principal = await s.deps.db.selectFrom('users').select('id').where('username', '=', 'hieutruong.nari').executeTakeFirstOrThrow();
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', nari.id).where('kind', '=', 'school').executeTakeFirstOrThrow();
    expect((await act(head, d.id, 'subject', { subjectUserId: String(principal.id) })).status).toBe(303);
    const r = await act(head, d.id, 'route', { target: `agency:${school.id}` });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Không được giao tố cáo cho đơn vị hoặc người bị tố cáo');
    const village = await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155-01').executeTakeFirstOrThrow();
    expect((await act(head, d.id, 'route', { target: `village:${village.id}` })).text).toContain('chỉ do UBND xã hoặc cơ quan có thẩm quyền');
    expect((await item(s, d.id)).handler_agency_id).toBeNull();
    expect((await events(d.id)).find((e) => e.kind === 'subject_linked')!.public).toBe(0);
  });
});

describe('the optimistic guard and permissions', () => {
  it('a form sent after someone else changed the item changes nothing and says so (409)', async () => {
    const r = await receive(s, clock, '2026-03-04', nari.id, report({ title: 'Mương thoát nước tắc' }));
    const off = await o.as('canbo.nari');
    const { version } = await item(s, r.id);
    expect((await act(off, r.id, 'step', { stepNote: 'Đã kiểm tra hiện trường.' }, version)).status).toBe(303);
    const n = (await events(r.id)).length;
    const stale = await act(off, r.id, 'accept', {}, version);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Mục này vừa được người khác thay đổi');
    expect((await events(r.id)).length).toBe(n);
    expect((await item(s, r.id)).status).toBe('received');
  });

  it('another commune, the wrong role and anonymous visitors are refused; overseers read without forms', async () => {
    const c = await receive(s, clock, '2026-03-05', nari.id, complaint({ knownOn: '01/03/2026', title: 'Khiếu nại cấp giấy' }));
    const other = await o.as('canbo.vanlang');
    expect((await other.get(`/feedback/manage/${c.id}`)).status).toBe(403);
    expect((await other.get(`/units/${nari.id}/feedback/manage`)).status).toBe(403);
    expect((await act(other, c.id, 'step', { stepNote: 'x' }, (await item(s, c.id)).version)).status).toBe(403);
    expect((await (await o.as('giaovien.nari')).get(`/feedback/manage/${c.id}`)).status).toBe(403); // agency staff: only the agency's items
    const front = await o.as('mattran.nari');
    const page = await front.get(`/feedback/manage/${c.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('name="version"');
    expect((await act(front, c.id, 'step', { stepNote: 'x' }, (await item(s, c.id)).version)).status).toBe(403);
    const anon = await fetch(`${s.url}/feedback/manage/${c.id}`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toContain('/sign-in');
  });

  it('an agency sees and handles only what is routed to it', async () => {
    const r = await receive(s, clock, '2026-03-06', nari.id, report({ category: 'health_education', title: 'Lớp học dột mái' }));
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', nari.id).where('kind', '=', 'school').executeTakeFirstOrThrow();
    const teacher = await o.as('giaovien.nari');
    expect((await teacher.get(`/feedback/manage/${r.id}`)).status).toBe(403);
    expect((await act(await o.as('canbo.nari'), r.id, 'route', { target: `agency:${school.id}` })).status).toBe(303);
    expect((await events(r.id)).at(-1)!.kind).toBe('routed');
    const list = await (await o.as('hieutruong.nari')).get(`/units/${nari.id}/feedback/manage`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Lớp học dột mái');
    expect((await act(teacher, r.id, 'accept')).status).toBe(303); // a report is handled, not decided
  });
});
