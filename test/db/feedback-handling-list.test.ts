// The officials' work list, its JSON API and the escalation of overdue items, on both databases
// (issue 5 item 4; R-H2, R-H6 clocks). Xã Văn Lang has no demo items, so its list is exactly what
// this test receives; today is Tue 10/03/2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdue } from '../../src/modules/feedback/escalate.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, at, commune, complaint, item, Officials, receive, report } from './feedback-handling-helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-03-10T02:00:00Z');
let s: TestServer;
let vl: { id: number };
let nari: { id: number };
let o: Officials;
const ids: Record<string, { id: number; code: string }> = {};

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  vl = await commune(s, '02143');
  nari = await commune(s, '02155');
  o = new Officials(s, clock);
  // Due dates (10 working days for reports, questions, petitions; 10 days to accept a complaint):
  ids.c1 = await receive(s, clock, '2026-01-20', vl.id, complaint({ knownOn: '01/01/2026', address: 'Thôn Khuổi Bí Mật' })); // accept by 30/01: overdue
  ids.r1 = await receive(s, clock, '2026-02-02', vl.id, report({ title: 'R1 đèn' })); // 23/02 (after Tết): overdue
  ids.r2 = await receive(s, clock, '2026-02-24', vl.id, report({ title: 'R2 mương' })); // 10/03, today: due soon
  ids.q3 = await receive(s, clock, '2026-03-02', vl.id, report({ kind: 'question', title: 'Q3 hỏi' })); // 16/03: on time
  ids.p4 = await receive(s, clock, '2026-02-26', vl.id, report({ kind: 'petition', title: 'P4 kiến nghị' })); // 12/03: due soon
  at(clock, '2026-03-10');
}, 120_000);
afterAll(async () => s?.close());

const codesIn = (html: string) => [...html.matchAll(/href="\/feedback\/manage\/\d+">(PA-[A-Z0-9]+)</g)].map((m) => m[1]);

describe('the work list (overdue first, then due soon, then the rest)', () => {
  it('orders by deadline with due states, counts and filters', async () => {
    expect((await item(s, ids.c1!.id)).due_on).toBe('2026-01-30');
    expect((await item(s, ids.r1!.id)).due_on).toBe('2026-02-23');
    const a = await o.as('canbo.vanlang');
    const page = await a.get(`/units/${vl.id}/feedback/manage`);
    expect(page.status).toBe(200);
    expect(codesIn(page.text)).toEqual([ids.c1, ids.r1, ids.r2, ids.p4, ids.q3].map((x) => x!.code));
    expect(page.text).toContain('5 đang xử lý');
    expect(page.text).toContain('2 quá hạn');
    expect(page.text).toContain('2 sắp đến hạn');
    expect(page.text).not.toContain('Hoàng Văn Khiếu'); // titles only, no author
    expect(codesIn((await a.get(`/units/${vl.id}/feedback/manage?due=overdue`)).text)).toEqual([ids.c1!.code, ids.r1!.code]);
    expect(codesIn((await a.get(`/units/${vl.id}/feedback/manage?due=due_soon`)).text)).toEqual([ids.r2!.code, ids.p4!.code]);
    expect(codesIn((await a.get(`/units/${vl.id}/feedback/manage?kind=report`)).text)).toEqual([ids.r1!.code, ids.r2!.code]);
    expect(codesIn((await a.get(`/units/${vl.id}/feedback/manage?status=accepted`)).text)).toEqual([]);
  });

  it('pages by 50, keeping the order across pages', async () => {
    for (let i = 0; i < 48; i++) await receive(s, clock, '2026-03-09', vl.id, report({ title: `Mục thêm ${i}` })); // due 23/03
    at(clock, '2026-03-10');
    const a = await o.as('canbo.vanlang');
    const p1 = codesIn((await a.get(`/units/${vl.id}/feedback/manage`)).text);
    const p2Page = await a.get(`/units/${vl.id}/feedback/manage?page=2`);
    const p2 = codesIn(p2Page.text);
    expect([p1.length, p2.length]).toEqual([50, 3]);
    expect(p1.slice(0, 5)).toEqual([ids.c1, ids.r1, ids.r2, ids.p4, ids.q3].map((x) => x!.code));
    expect(new Set([...p1, ...p2]).size).toBe(53);
    expect(p2Page.text).toContain('Trang trước');
  });
});

describe('the demo (demo-handling.ts over demo-intake.ts)', () => {
  it('has an accepted complaint, a published answer, an extended denunciation and an item left overdue', async () => {
    const by = async (title: string) => s.deps.db.selectFrom('feedback_items').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
    const complaint = await by('Khiếu nại quyết định thu hồi đất làm đường liên thôn');
    expect([complaint.status, complaint.accepted_on, complaint.resolve_due]).toEqual(['accepted', '2026-10-16', '2026-11-16']);
    const bridge = await by('Cầu treo đầu thôn bị gãy ván mặt cầu');
    expect([bridge.status, bridge.published_on, bridge.publishable]).toEqual(['answered', '2026-10-14', 1]);
    const den = await by('Tố cáo việc thu tiền ngoài quy định khi làm thủ tục đất đai');
    expect([den.status, den.complexity, den.extensions, den.resolve_due]).toEqual(['accepted', 'complex', 1, '2026-12-28']);
    const slide = await by('Đường bê tông liên thôn bị sạt lở taluy');
    expect([slide.status, slide.due_on]).toEqual(['received', '2026-10-22']);
  });
});

describe("a village head's list", () => {
  it('lists and answers the items routed to the village, and nothing of another commune', async () => {
    const village = await s.deps.db.selectFrom('units').select('id').where('code', '=', '02191-01').executeTakeFirstOrThrow();
    const head = await o.as('truongthon.xd');
    const page = await head.get(`/units/${village.id}/feedback/manage`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Trâu bò thả rông phá hoa màu'); // the demo's village affair (demo-intake.ts)
    expect((await head.get(`/units/${(await commune(s, '02191')).id}/feedback/manage`)).status).toBe(403);
    expect((await head.get(`/units/${nari.id}/feedback/manage`)).status).toBe(403);
    const it = await s.deps.db.selectFrom('feedback_items').select('id').where('title', '=', 'Trâu bò thả rông phá hoa màu').executeTakeFirstOrThrow();
    const r = await act(head, it.id, 'answer', { answer: 'Thôn đã họp nhắc các hộ nuôi nhốt trâu bò theo quy ước.' });
    expect(r.status).toBe(303);
    expect((await item(s, it.id)).status).toBe('answered');
  });
});

describe('officials API (token auth, no identity)', () => {
  let token: string;
  let nariToken: string;
  beforeAll(async () => {
    const admin = await signIn(s.url, 'admin', clock);
    const make = async (unitCode: string) => {
      const tp = await admin.get('/admin/tokens');
      const r = await admin.post('/admin/tokens', { name: `feedback ${unitCode}`, role: 'commune_official', unitCode, _csrf: Agent.csrf(tp.text) });
      return /<pre>(dc_[A-Za-z0-9_-]+)<\/pre>/.exec(r.text)![1]!;
    };
    token = await make('02143');
    nariToken = await make('02155');
  });
  const get = (path: string, tok?: string) => fetch(`${s.url}${path}`, { headers: tok ? { authorization: `Bearer ${tok}` } : {} });

  it('lists overdue items first with counts, and one item with its history, never the author', async () => {
    const r = await get(`/api/v1/units/${vl.id}/feedback?due=overdue`, token);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { items: { code: string; dueState: string }[]; counts: { overdue: number } };
    expect(body.items.map((x) => [x.code, x.dueState])).toEqual([
      [ids.c1!.code, 'overdue'],
      [ids.r1!.code, 'overdue'],
    ]);
    expect(body.counts.overdue).toBe(2);
    const one = await get(`/api/v1/feedback/manage/${ids.c1!.id}`, token);
    expect(one.status).toBe(200);
    const text = await one.text();
    expect(JSON.parse(text).history[0].kind).toBe('received');
    for (const secret of ['Hoàng Văn Khiếu', '0912777001', 'Khuổi Bí Mật']) expect(text).not.toContain(secret);
  });

  it('refuses without a token, with a session instead of a token, and for another commune', async () => {
    expect((await get(`/api/v1/units/${vl.id}/feedback`)).status).toBe(401);
    expect((await get(`/api/v1/units/${vl.id}/feedback`, nariToken)).status).toBe(403);
    expect((await get(`/api/v1/feedback/manage/${ids.c1!.id}`, nariToken)).status).toBe(403);
    const a = await o.as('canbo.vanlang');
    expect((await a.get(`/api/v1/units/${vl.id}/feedback`, { accept: 'application/json' })).status).toBe(403);
  });
});

describe('escalation of overdue items to the unit head', () => {
  it('tells the commune chairman or the agency head once per overdue clock, in-app, with an internal event', async () => {
    at(clock, '2026-03-02');
    const a = await receive(s, clock, '2026-03-02', nari.id, report({ title: 'Quá hạn ở xã' })); // due 16/03
    const b = await receive(s, clock, '2026-03-02', nari.id, report({ title: 'Quá hạn ở trường', category: 'health_education' }));
    const k = await receive(s, clock, '2026-03-02', nari.id, complaint({ knownOn: '01/03/2026', title: 'Khiếu nại chưa thụ lý' })); // accept by 12/03
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', nari.id).where('kind', '=', 'school').executeTakeFirstOrThrow();
    expect((await act(await o.as('canbo.nari'), b.id, 'route', { target: `agency:${school.id}` })).status).toBe(303);
    at(clock, '2026-03-17');
    const users = await s.deps.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['chutich.nari', 'hieutruong.nari']).execute();
    const uid = (n: string) => String(users.find((u) => u.username === n)!.id);
    const before = await s.deps.db.selectFrom('outbox').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    expect(await escalateOverdue(s.deps)).toBeGreaterThanOrEqual(4); // ours, plus the other tests' overdue items
    expect(await escalateOverdue(s.deps)).toBe(0); // idempotent
    const sent = await s.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '>', before?.id ?? 0)
      .where('channel', '=', 'in_app')
      .execute();
    const about = (code: string) => sent.filter((m) => JSON.parse(m.params).code === code).map((m) => m.recipient);
    expect(about(a.code)).toEqual([uid('chutich.nari')]);
    expect(about(b.code)).toEqual([uid('hieutruong.nari')]);
    expect(about(ids.c1!.code)).toEqual([]); // Văn Lang has no chairman account: event only
    expect(JSON.parse(sent.find((m) => JSON.parse(m.params).code === a.code)!.params).body).not.toContain('Quá hạn ở xã');
    for (const x of [a, b, ids.c1!]) {
      const it = await item(s, x.id);
      expect(it.escalated_on).toBe('2026-03-17');
      const ev = await s.deps.db.selectFrom('feedback_events').selectAll().where('item_id', '=', x.id).where('kind', '=', 'escalated').execute();
      expect(ev.map((e) => e.public)).toEqual([0]);
    }
    // A report taken up keeps its answer clock (still escalated); an accepted complaint starts a new
    // clock, which is escalated again when it runs out.
    expect((await act(await o.as('chutich.nari'), a.id, 'accept')).status).toBe(303);
    expect((await item(s, a.id)).escalated_on).toBe('2026-03-17');
    expect((await item(s, k.id)).escalated_on).toBe('2026-03-17');
    expect((await act(await o.as('chutich.nari'), k.id, 'accept')).status).toBe(303);
    expect([(await item(s, k.id)).escalated_on, (await item(s, k.id)).due_on]).toEqual([null, '2026-04-16']);
    at(clock, '2026-04-17');
    await escalateOverdue(s.deps);
    const again = await s.deps.db.selectFrom('feedback_events').select('id').where('item_id', '=', k.id).where('kind', '=', 'escalated').execute();
    expect(again.length).toBe(2);
  });
});
