// Feedback intake by other ways in (issue 5 item 1) over real HTTP on a real database with a fixed
// clock: a signed-in resident's and a QR code's pre-filled form, an official's record, routing at
// intake, the signed e-mail endpoint and the rate limit. The public form: feedback-intake.test.ts.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT_PHONE } from '../../src/platform/auth/demo-accounts.js';
import { fixedClock } from '../../src/platform/clock.js';
import { unsealJson } from '../../src/platform/crypto/seal.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { bridge, codeOf, type IntakeWorld, intakeHelpers, MAIL_SECRET, startIntake } from './feedback-intake-helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-11-20T03:00:00Z'); // Fri 20/11/2026, 10:00 in Vietnam
let w: IntakeWorld;
let s: TestServer;
let naRi: IntakeWorld['naRi'];
let village: IntakeWorld['village'];

beforeAll(async () => {
  w = await startIntake(clock);
  ({ s, naRi, village } = w);
}, 120_000);
afterAll(() => s?.close());

const { send, byCode, count, lastOutbox } = intakeHelpers(() => w);

describe('pre-filled forms and officials (issue 5 item 1)', () => {
  it('a signed-in resident finds name, phone and address filled and in-app notices chosen; the item is theirs but the audit entry names no one', async () => {
    const a = new Agent(s.url);
    const page = await a.get('/sign-in');
    const sent = await a.post('/sign-in/phone', { phone: DEMO_RESIDENT_PHONE, next: '/', _csrf: Agent.csrf(page.text) });
    const otp = (JSON.parse((await lastOutbox()).params) as Record<string, string>).code!;
    expect((await a.post('/sign-in/code', { phone: DEMO_RESIDENT_PHONE, code: otp, next: '/', _csrf: Agent.csrf(sent.text) })).status).toBe(303);
    const me = await s.deps.db.selectFrom('users').select(['id', 'display_name']).where('phone', '=', DEMO_RESIDENT_PHONE).executeTakeFirstOrThrow();
    const xd = await s.deps.db.selectFrom('units').select('id').where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const form = await a.get(`/units/${xd.id}/feedback/new`);
    expect(form.text).toContain(`value="${me.display_name}"`);
    expect(form.text).toContain(`value="${DEMO_RESIDENT_PHONE}"`);
    expect(form.text).toMatch(/value="in_app" checked/);
    const r = await a.post(`/units/${xd.id}/feedback/new`, {
      ...bridge,
      name: me.display_name,
      phone: DEMO_RESIDENT_PHONE,
      notifyChannel: 'in_app',
      _csrf: Agent.csrf(form.text),
    });
    expect(r.status).toBe(303);
    const f = await byCode(codeOf(r.location));
    expect(f).toMatchObject({ channel: 'resident', user_id: me.id, notify_channel: 'in_app', anonymous: 0 });
    expect(await lastOutbox()).toMatchObject({ channel: 'in_app', recipient: String(me.id) });
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', String(f.id))
      .where('entity_type', '=', 'feedback_item')
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBeNull();
    expect(JSON.stringify(audit)).not.toContain(me.display_name);
  });

  it('a QR code at a place pre-fills the place and village; the item is recorded as arriving by QR', async () => {
    await s.deps.db
      .insertInto('qr_points')
      .values({ token: 'qr-cau-treo', commune_id: naRi.id, unit_id: village.id, kind: 'place', name: 'Cầu treo Pác Cáp', created_at: '2026-11-01T00:00:00Z' })
      .execute();
    const a = new Agent(s.url);
    const page = await a.get(`/units/${naRi.id}/feedback/new?qr=qr-cau-treo`);
    expect(page.text).toContain('value="Cầu treo Pác Cáp"');
    expect(page.text).toContain('name="qrToken" value="qr-cau-treo"');
    expect(page.text).toMatch(new RegExp(`value="${village.id}" selected`));
    const r = await a.post(`/units/${naRi.id}/feedback/new`, { ...bridge, placeText: '', qrToken: 'qr-cau-treo', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    expect(await byCode(codeOf(r.location))).toMatchObject({ channel: 'qr', place_text: 'Cầu treo Pác Cáp' });
  });

  it('an official records a suggestion-box note with the day it was received; anonymous visitors are sent to sign in, the Front chairman (no record role) refused', async () => {
    expect((await new Agent(s.url).get(`/units/${naRi.id}/feedback/record`)).status).toBe(303);
    expect((await (await signIn(s.url, 'mattran.nari', clock)).get(`/units/${naRi.id}/feedback/record`)).status).toBe(403);
    const a = await signIn(s.url, 'canbo.nari', clock);
    const page = await a.get(`/units/${naRi.id}/feedback/record`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="20/11/2026"');
    const noChannel = await a.post(`/units/${naRi.id}/feedback/record`, { ...bridge, receivedOn: '18/11/2026', _csrf: Agent.csrf(page.text) });
    expect(noChannel.status).toBe(422);
    expect(noChannel.text).toContain('id="f-channel-err"');
    const r = await a.post(`/units/${naRi.id}/feedback/record`, {
      ...bridge,
      kind: 'petition',
      channel: 'suggestion_box',
      receivedOn: '18/11/2026',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(303);
    const f = await byCode(codeOf(r.location));
    const official = await s.deps.db.selectFrom('users').select('id').where('username', '=', 'canbo.nari').executeTakeFirstOrThrow();
    expect(f).toMatchObject({ channel: 'suggestion_box', received_on: '2026-11-18', created_by: official.id, due_on: '2026-12-03' });
    const ev = await s.deps.db.selectFrom('feedback_events').select(['kind', 'actor_user_id']).where('item_id', '=', f.id).executeTakeFirstOrThrow();
    expect(ev).toEqual({ kind: 'recorded', actor_user_id: official.id });
  });

  it('issue 5 item 3: the village’s own affairs go to the village head, but a complaint about them to the commune; a board rule never takes a denunciation', async () => {
    const own = await send(new Agent(s.url), { ...bridge, category: 'village_affairs', villageId: String(village.id) });
    expect((await byCode(codeOf(own.location))).handler_unit_id).toBe(village.id);
    const complaint = { kind: 'complaint', name: 'Hà Văn A', address: 'Thôn Pác Cáp', knownOn: '10/11/2026' };
    const c = await send(new Agent(s.url), { ...bridge, ...complaint, category: 'village_affairs', villageId: String(village.id) });
    expect((await byCode(codeOf(c.location))).handler_unit_id).toBe(naRi.id);
    await s.deps.db
      .insertInto('feedback_routing')
      .values({ commune_id: naRi.id, category: 'grassroots_democracy', handler: 'inspection_board', agency_id: null })
      .execute();
    const toBoard = await send(new Agent(s.url), { ...bridge, category: 'grassroots_democracy' });
    expect((await byCode(codeOf(toBoard.location))).handler_board).toBe(1);
    const den = { kind: 'denunciation', name: 'Hà Văn A', address: 'Thôn Pác Cáp', subjectText: 'Trưởng thôn' };
    const d = await send(new Agent(s.url), { ...bridge, ...den, category: 'grassroots_democracy' });
    expect(await byCode(codeOf(d.location))).toMatchObject({ handler_board: 0, handler_unit_id: naRi.id });
  });
});

describe('the commune home section (Law 10/2022 Arts 34–35; R-H6; M-3.5(b))', () => {
  it('everyone finds the reception calendar and the dossier lookup; QR points only for those who manage them, satisfaction for those who read it', async () => {
    const links = (html: string) => ({
      reception: html.includes(`href="/units/${naRi.id}/reception"`),
      dossiers: html.includes('href="/dossiers"'),
      qr: html.includes(`href="/units/${naRi.id}/qr"`),
      ratings: html.includes(`href="/units/${naRi.id}/ratings"`),
    });
    const anon = await new Agent(s.url).get(`/units/${naRi.id}`);
    expect(anon.text).toContain('Lịch tiếp công dân');
    expect(anon.text).toContain('Tra cứu hồ sơ thủ tục hành chính');
    expect(links(anon.text)).toEqual({ reception: true, dossiers: true, qr: false, ratings: false });
    const chairman = await (await signIn(s.url, 'chutich.nari', clock)).get(`/units/${naRi.id}`);
    expect(links(chairman.text)).toEqual({ reception: true, dossiers: true, qr: true, ratings: true });
    expect(chairman.text).toContain('Mã QR đánh giá, góp ý');
    expect(chairman.text).toContain('Mức độ hài lòng');
    const front = await (await signIn(s.url, 'mattran.nari', clock)).get(`/units/${naRi.id}`);
    expect(links(front.text)).toEqual({ reception: true, dossiers: true, qr: false, ratings: true });
  });
});

describe('the e-mail endpoint (issue 5 item 1; "a webhook with a bad signature")', () => {
  const mail = (to: string) =>
    JSON.stringify({ from: 'Ma Thị Lan <Ma.Lan@Example.vn>', to, subject: 'Đèn đường hỏng', text: 'Đèn đường trước trường tiểu học hỏng đã một tuần.' });
  const post = (body: string, signature?: string) =>
    fetch(`${s.url}/api/v1/feedback/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-signature': signature } : {}) },
      body,
    });
  const sign = (body: string, secret = MAIL_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('a signed message to gopy+02155@… becomes a report of Na Rì with the receipt sent back by e-mail, the address sealed', async () => {
    const body = mail('gopy+02155@danchu.example.vn');
    const r = await post(body, sign(body));
    expect(r.status).toBe(201);
    const { code } = (await r.json()) as { code: string };
    const f = await byCode(code);
    expect(f).toMatchObject({
      commune_id: naRi.id,
      kind: 'report',
      category: 'other',
      channel: 'email',
      title: 'Đèn đường hỏng',
      notify_channel: 'email',
      anonymous: 0,
    });
    const out = await lastOutbox();
    expect(out.channel).toBe('email');
    expect(out.recipient.startsWith('v1.')).toBe(true);
    const id = await s.deps.db.selectFrom('feedback_identities').select('sealed').where('item_id', '=', f.id).executeTakeFirstOrThrow();
    expect(unsealJson(s.deps.config.dataKey, id.sealed)).toEqual({ name: 'Ma Thị Lan', email: 'ma.lan@example.vn' });
  });

  it('a wrong or missing signature is 401 and nothing is stored; an unknown commune is 422', async () => {
    const before = await count('feedback_items');
    const body = mail('02155@danchu.example.vn');
    for (const sig of [sign(body, 'wrong-secret'), undefined, 'sha256=abc', sign(`${body} `)]) {
      const r = await post(body, sig);
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await count('feedback_items')).toBe(before);
    const nowhere = mail('99999@danchu.example.vn');
    const r = await post(nowhere, sign(nowhere));
    expect(r.status).toBe(422);
    expect(((await r.json()) as { errors: Record<string, string> }).errors.to).toBeTruthy();
    expect(await count('feedback_items')).toBe(before);
  });
});

describe('rate limit per client address (issue 5 "spam bursts")', () => {
  let t: TestServer;
  const limited = fixedClock('2026-11-20T03:00:00Z');
  beforeAll(async () => {
    t = await startTestServer({ seed: 'base', clock: limited, env: { INTAKE_PER_MINUTE: '2' } });
  }, 120_000);
  afterAll(() => t?.close());

  it('the third submission within a minute is 429 with a Vietnamese message and the text kept; the API answers a problem; a minute later it is accepted', async () => {
    const commune = await t.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const a = new Agent(t.url);
    const page = await a.get(`/units/${commune.id}/feedback/new`);
    const form = { ...bridge, _csrf: Agent.csrf(page.text) };
    expect((await a.post(`/units/${commune.id}/feedback/new`, form)).status).toBe(303);
    expect((await a.post(`/units/${commune.id}/feedback/new`, form)).status).toBe(303);
    const third = await a.post(`/units/${commune.id}/feedback/new`, form);
    expect(third.status).toBe(429);
    expect(third.text).toContain('Bạn đã gửi quá nhiều lần trong một phút');
    expect(third.text).toContain(bridge.content);
    const api = await fetch(`${t.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...bridge, commune: commune.id }),
    });
    expect(api.status).toBe(429);
    expect(api.headers.get('retry-after')).toBe('60');
    expect(((await api.json()) as { detail: string }).detail).toContain('quá nhiều lần');
    limited.advance(61_000);
    expect((await a.post(`/units/${commune.id}/feedback/new`, form)).status).toBe(303);
  });
});
