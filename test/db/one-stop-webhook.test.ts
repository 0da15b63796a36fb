// The province's one-stop system pushes dossier status changes (M-3.5(b); issue 5 item 9): signed with
// ONE_STOP_SECRET (HMAC-SHA256 of the raw body, header X-Signature: sha256=<hex>); the dossier is
// kept with its contact sealed, each change appended, and the citizen told by SMS or Zalo through the
// outbox with the recipient sealed. A bad or missing signature is 401 and changes nothing; a push must
// carry its time (within 10 minutes) and each body is applied once, so a captured push cannot be
// replayed (review C.17).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { unseal } from '../../src/platform/crypto/seal.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';

const SECRET = 'province-one-stop-shared-secret-2026';
const clock = fixedClock('2026-12-07T02:00:00Z'); // Mon 07/12/2026, 09:00 in Vietnam
/** The clock's time as the province would send it. */
const nowAt = () => clock.now().toISOString();
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: 'base', clock, env: { ONE_STOP_SECRET: SECRET, PUBLIC_URL: 'https://danchu.example.vn' } });
});
afterAll(() => s.close());

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
async function push(body: unknown, opts: { signature?: string | null; type?: string; base?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/json' };
  const sig = opts.signature === undefined ? sign(raw) : opts.signature;
  if (sig !== null) headers['x-signature'] = sig;
  const res = await fetch(`${opts.base ?? s.url}/api/v1/one-stop/dossiers`, { method: 'POST', headers, body: raw });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as Record<string, any> };
}
const count = async (table: 'one_stop_dossiers' | 'one_stop_events' | 'outbox' | 'audit_log') =>
  Number(
    (
      await s.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () => Promise.all((['one_stop_dossiers', 'one_stop_events', 'outbox', 'audit_log'] as const).map(count));
const lastMessage = async () => {
  const m = await s.deps.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { ...m, params: JSON.parse(m.params) as Record<string, string> };
};

const CODE = '000.00.20.H12-261207-0042';
const received = {
  dossierCode: CODE,
  communeCode: '02155',
  procedureName: 'Đăng ký khai sinh',
  status: 'received',
  phone: '0912 000 777',
  channel: 'zalo',
  at: '2026-12-07T08:55:00+07:00',
};

describe('a signed push (issue 5 item 9)', () => {
  it('M-3.5(b): the first push creates the dossier with its contact sealed, one event, a Zalo notice to a sealed recipient and an audit entry without the phone', async () => {
    const r = await push(received);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ dossierCode: CODE, status: 'received', created: true, duplicate: false, notified: 'zalo' });
    const d = await s.deps.db.selectFrom('one_stop_dossiers').selectAll().where('code', '=', CODE).executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: 'received', procedure_name: 'Đăng ký khai sinh', notify_channel: 'zalo' });
    expect(d.sealed_contact).not.toContain('0912000777');
    expect(unseal(s.deps.config.dataKey, d.sealed_contact!)).toBe('0912000777');
    const events = await s.deps.db.selectFrom('one_stop_events').selectAll().where('dossier_code', '=', CODE).execute();
    expect(events.map((e) => [e.status, e.at])).toEqual([['received', '2026-12-07T01:55:00.000Z']]);
    const m = await lastMessage();
    expect(m).toMatchObject({ channel: 'zalo', template: 'notice', status: 'queued' });
    expect(m.recipient.startsWith('v1.')).toBe(true);
    expect(unseal(s.deps.config.dataKey, m.recipient)).toBe('0912000777');
    expect(m.params).toMatchObject({
      title: `Hồ sơ ${CODE}: Đã tiếp nhận`,
      link: `https://danchu.example.vn/dossiers/${encodeURIComponent(CODE)}`,
      code: CODE,
    });
    expect(m.params.body).toContain('Đăng ký khai sinh');
    const audit = await s.deps.db.selectFrom('audit_log').select(['action', 'data', 'entity_id']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'one_stop.status', entity_id: CODE });
    expect(audit.data).not.toMatch(/0912000777|v1\./);
  });

  it('M-3.5(b): the same push again (a retry) changes nothing and sends nothing', async () => {
    const before = await counts();
    const r = await push(received);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ duplicate: true, notified: null, status: 'received' });
    expect(await counts()).toEqual(before);
  });

  it('M-3.5(b): "done" without a phone reaches the stored contact on the channel chosen before', async () => {
    clock.set('2026-12-07T03:00:00Z'); // 10:00 in Vietnam
    const r = await push({ dossierCode: CODE, communeCode: '02155', procedureName: 'Đăng ký khai sinh', status: 'done', at: '2026-12-07T10:00:00+07:00' });
    expect(r.json).toMatchObject({ status: 'done', created: false, notified: 'zalo' });
    const m = await lastMessage();
    expect(m.channel).toBe('zalo');
    expect(unseal(s.deps.config.dataKey, m.recipient)).toBe('0912000777');
    expect(m.params.title).toBe(`Hồ sơ ${CODE}: Đã có kết quả`);
  });

  it('M-3.5(b): a push that arrives late (an earlier time) is kept in the history but does not set the status back, and tells nobody', async () => {
    const outbox = await count('outbox');
    const r = await push({
      dossierCode: CODE,
      communeCode: '02155',
      procedureName: 'Đăng ký khai sinh',
      status: 'in_progress',
      at: '2026-12-07T09:55:00+07:00',
    });
    expect(r.json).toMatchObject({ status: 'done', notified: null, duplicate: false });
    expect(await count('outbox')).toBe(outbox);
    const events = await s.deps.db.selectFrom('one_stop_events').select('status').where('dossier_code', '=', CODE).orderBy('at').execute();
    expect(events.map((e) => e.status)).toEqual(['received', 'in_progress', 'done']);
  });

  it('M-3.5(b): SMS by default; a dossier without a phone is kept but nobody is told', async () => {
    const sms = await push({ ...received, at: nowAt(), dossierCode: 'HS-2026-0001', channel: undefined, phone: '0987654321' });
    expect(sms.json).toMatchObject({ created: true, notified: 'sms' });
    expect((await lastMessage()).channel).toBe('sms');
    const outbox = await count('outbox');
    const none = await push({ ...received, at: nowAt(), dossierCode: 'HS-2026-0002', phone: undefined, channel: undefined });
    expect(none.json).toMatchObject({ created: true, notified: null });
    expect(await count('outbox')).toBe(outbox);
  });
});

describe('replays are refused (review C.17; M-3.5(b))', () => {
  it('M-3.5(b): a push without "at", or with "at" more than 10 minutes from receipt either way, is 400 naming "at"; nothing changes', async () => {
    const before = await counts();
    const { at: _, ...noTime } = { ...received, dossierCode: 'HS-2026-0200' };
    const missing = await push(noTime);
    expect(missing.status).toBe(400);
    expect(missing.json.errors.at).toContain('Thiếu thời điểm "at"');
    for (const at of ['2026-12-07T09:49:00+07:00', '2026-12-07T10:11:00+07:00']) {
      const r = await push({ ...received, dossierCode: 'HS-2026-0200', at });
      expect(r.status).toBe(400);
      expect(r.json.errors.at).toContain('lệch quá 10 phút');
    }
    expect((await push({ ...received, dossierCode: 'HS-2026-0200', at: '2026-12-07T09:51:00+07:00' })).status).toBe(200);
    expect(await counts()).not.toEqual(before);
  });

  it('M-3.5(b): a captured signed push replayed within the window is taken once (body hash): no new event, no status set back, no second SMS', async () => {
    const body = {
      dossierCode: 'HS-2026-0201',
      communeCode: '02155',
      procedureName: 'Chứng thực bản sao',
      status: 'received',
      phone: '0912000888',
      at: nowAt(),
    };
    expect((await push(body)).json).toMatchObject({ created: true, notified: 'sms' });
    clock.advance(60_000);
    expect((await push({ ...body, status: 'done', at: nowAt() })).json).toMatchObject({ status: 'done', notified: 'sms' });
    const before = await counts();
    const replay = await push(body);
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({ duplicate: true, status: 'done', notified: null });
    expect(await counts()).toEqual(before);
    const events = await s.deps.db.selectFrom('one_stop_events').select(['status', 'note']).where('dossier_code', '=', 'HS-2026-0201').orderBy('id').execute();
    expect(events.map((e) => e.status)).toEqual(['received', 'done']);
    expect(events.every((e) => /^sha256:[0-9a-f]{64}$/.test(e.note ?? ''))).toBe(true);
    // Eleven minutes later the same bytes are refused outright.
    clock.advance(11 * 60_000);
    expect((await push(body)).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('M-3.5(b): the same push sent twice at the same moment is applied once', async () => {
    const body = { dossierCode: 'HS-2026-0202', communeCode: '02155', procedureName: 'Đăng ký kết hôn', status: 'received', phone: '0912000999', at: nowAt() };
    await push(body);
    const next = { ...body, status: 'in_progress', at: nowAt() };
    const outbox = await count('outbox');
    const rs = await Promise.all([push(next), push(next), push(next)]);
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(rs.filter((r) => !r.json.duplicate)).toHaveLength(1);
    expect(await count('outbox')).toBe(outbox + 1);
  });
});

describe('refused pushes change nothing', () => {
  it('M-3.5(b): a wrong, missing or malformed signature, or a form body, is 401 problem details and nothing changes', async () => {
    const before = await counts();
    const body = JSON.stringify({ ...received, at: nowAt(), dossierCode: 'HS-2026-0099' });
    for (const signature of [sign(body, 'wrong-secret'), null, 'sha256=abc', sign('{}'), `md5=${'0'.repeat(64)}`]) {
      const r = await push(body, { signature });
      expect(r.status).toBe(401);
      expect(r.type).toContain('application/problem+json');
      expect(r.json).toMatchObject({ status: 401, title: 'invalid_signature' });
    }
    const form = await push('dossierCode=HS-2026-0099', { type: 'application/x-www-form-urlencoded', signature: sign('dossierCode=HS-2026-0099') });
    expect(form.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('M-3.5(b): a signed body that is not valid JSON, lacks fields or names an unknown commune is 400 problem details naming each field', async () => {
    const before = await counts();
    const notJson = await push('{"dossierCode": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.errors).toHaveProperty('body');
    const missing = await push({ dossierCode: 'x', status: 'lost', phone: '123', channel: 'fax', at: 'yesterday' });
    expect(missing.status).toBe(400);
    expect(missing.type).toContain('application/problem+json');
    expect(Object.keys(missing.json.errors).sort()).toEqual(['at', 'channel', 'communeCode', 'dossierCode', 'phone', 'procedureName', 'status']);
    const commune = await push({ ...received, at: nowAt(), dossierCode: 'HS-2026-0100', communeCode: '99999' });
    expect(commune.status).toBe(400);
    expect(commune.json.errors.communeCode).toContain('99999');
    expect(await counts()).toEqual(before);
  });

  it('M-3.5(b): with ONE_STOP_SECRET unset the endpoint accepts nothing (401)', async () => {
    const off = await startTestServer({ seed: 'base', clock });
    try {
      const body = { ...received, at: nowAt() };
      const r = await push(body, { base: off.url, signature: sign(JSON.stringify(body), '') });
      expect(r.status).toBe(401);
      expect(await off.deps.db.selectFrom('one_stop_dossiers').selectAll().execute()).toEqual([]);
    } finally {
      await off.close();
    }
  });
});

describe("the citizen's dossier page", () => {
  it('M-3.5(b): shows the procedure, status and history by code, never the phone; the lookup accepts the code as typed', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/dossiers/${encodeURIComponent(CODE)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đăng ký khai sinh');
    expect(page.text).toContain('Đã có kết quả');
    expect(page.text).toContain('08:55 07/12/2026');
    expect(page.text).not.toContain('0912000777');
    const look = await a.get(`/dossiers?code=${encodeURIComponent(' 000.00.20.h12-261207-0042')}`);
    expect(look.status).toBe(303);
    expect((await a.get('/dossiers?code=KHONG-CO')).status).toBe(404);
  });

  it('M-3.5(b) (review C.18): sequential codes cannot be read one after another: 20 dossier pages per client in 10 minutes, then 429; the key holds no address', async () => {
    clock.advance(11 * 60_000); // a fresh window
    const a = new Agent(s.url);
    for (let i = 0; i < 20; i++) expect((await a.get(`/dossiers/${encodeURIComponent(CODE)}`)).status).toBe(200);
    const over = await a.get(`/dossiers/${encodeURIComponent(CODE)}`);
    expect(over.status).toBe(429);
    expect(over.text).toContain('Bạn đã tra cứu quá nhiều lần trong thời gian ngắn');
    const keys = await s.deps.db.selectFrom('rate_hits').select('key').where('key', 'like', 'dossier-view:%').execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k.key).toMatch(/^dossier-view:[\w-]{22}$/);
  });

  it('M-3.5(b) (review C.18): unknown dossier codes count as misses; after 30 every lookup from that client is 429, found or not', async () => {
    clock.advance(11 * 60_000);
    const a = new Agent(s.url);
    for (let i = 0; i < 29; i++) expect((await a.get(`/dossiers?code=HS-KHONG-CO-${i}`)).status).toBe(404);
    expect((await a.get('/dossiers/HS-KHONG-CO-29')).status).toBe(404);
    expect((await a.get(`/dossiers/${encodeURIComponent(CODE)}`)).status).toBe(429);
    expect((await a.get(`/dossiers?code=${encodeURIComponent(CODE)}`)).status).toBe(429);
  });

  it('the OpenAPI document lists the webhook with its body', async () => {
    const doc = await (await fetch(`${s.url}/api/openapi.json`)).json();
    expect(doc.paths['/api/v1/one-stop/dossiers'].post.requestBody.content['application/json'].schema.required).toEqual([
      'dossierCode',
      'communeCode',
      'procedureName',
      'status',
      'at',
    ]);
  });
});
