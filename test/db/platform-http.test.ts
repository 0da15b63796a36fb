// The HTTP surface that every module relies on, over real HTTP on 127.0.0.1 and a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestServer, type TestServer } from '../helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: 'base' });
});
afterAll(() => s.close());

describe('health and readiness (derived from config and the database)', () => {
  it('/healthz says the process is up; /readyz that the database answers and migrations are current', async () => {
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const r = await fetch(`${s.url}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ready', database: s.deps.dialect });
  });
});

describe('units API', () => {
  it('GET /api/v1/units?code=&date= looks a reused code up on its date (R-I1)', async () => {
    const old = await (await fetch(`${s.url}/api/v1/units?code=02155&date=2025-06-30`)).json();
    expect(old.items.map((u: { name: string }) => u.name)).toEqual(['Thị trấn Yến Lạc']);
    const now = await (await fetch(`${s.url}/api/v1/units?code=02155&date=2025-07-01`)).json();
    expect(now.items[0]).toMatchObject({ name: 'Xã Na Rì', level: 'commune', validFrom: '2025-07-01', validTo: null, current: true });
  });
  it('GET /api/v1/units/{id} has parent, children, successor and predecessors', async () => {
    const { items } = await (await fetch(`${s.url}/api/v1/units?code=02194&date=2025-01-01`)).json();
    const dongXa = await (await fetch(`${s.url}/api/v1/units/${items[0].id}`)).json();
    expect(dongXa.parent.name).toBe('Huyện Na Rì');
    expect(dongXa.successor).toMatchObject({ code: '02191', name: 'Xã Xuân Dương' });
    const xd = await (await fetch(`${s.url}/api/v1/units/${dongXa.successor.id}`)).json();
    expect(xd.parent.code).toBe('19');
    expect(xd.predecessors.map((p: { code: string }) => p.code).sort()).toEqual(['02191', '02194', '02197']);
  });
  it('bad input is an RFC 9457 problem with a Vietnamese message per field, never a 500', async () => {
    const r = await fetch(`${s.url}/api/v1/units?code=12&date=hôm-nay`);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    const body = await r.json();
    expect(body).toMatchObject({ status: 400, title: 'validation_failed' });
    expect(body.errors.date).toBe('Không đúng định dạng.');
    const missing = await fetch(`${s.url}/api/v1/units/999999`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toBe('Không tìm thấy trang hoặc dữ liệu bạn cần.');
    const notNumber = await fetch(`${s.url}/api/v1/units/abc`);
    expect(notNumber.status).toBe(400);
  });
  it('an unknown or revoked API token is a 401 problem', async () => {
    const r = await fetch(`${s.url}/api/v1/units`, { headers: { authorization: 'Bearer dc_nope' } });
    expect(r.status).toBe(401);
    expect((await r.json()).title).toBe('invalid_token');
  });
  it('the OpenAPI document lists the units endpoints', async () => {
    const doc = await (await fetch(`${s.url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/units', '/api/v1/units/{id}']));
    expect(doc.paths['/api/v1/units'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['code', 'date']);
  });
});

describe('pages', () => {
  it('a page that does not exist is a Vietnamese 404 page', async () => {
    const r = await new Agent(s.url).get('/khong-co');
    expect(r.status).toBe(404);
    expect(r.text).toContain('Không tìm thấy trang hoặc dữ liệu bạn cần.');
    expect(r.text).toContain('<html lang="vi"');
  });
  it('a form posted without its CSRF token is refused with 403 and a clear message', async () => {
    const a = new Agent(s.url);
    const r = await a.post('/sign-in', { username: 'x', password: 'y' });
    expect(r.status).toBe(403);
    expect(r.text).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
    const page = await a.get('/sign-in');
    const bad = await a.post('/sign-in', { username: 'x', password: 'y', _csrf: `${Agent.csrf(page.text)}x` });
    expect(bad.status).toBe(403);
  });
  it('an oversized body is 413 and a wrong content type 415, both with a message', async () => {
    const big = await fetch(`${s.url}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: `a=${'x'.repeat(1100 * 1024)}`,
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('Dữ liệu gửi lên quá lớn.');
    const xml = await fetch(`${s.url}/sign-in`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(xml.status).toBe(415);
    expect((await xml.json()).detail).toBe('Kiểu dữ liệu gửi lên không được hỗ trợ.');
  });
  it('the language switch serves English and keeps the page', async () => {
    const a = new Agent(s.url);
    const r = await a.get('/lang/en?next=/units');
    expect(r.location).toBe('/units');
    const page = await a.get('/units');
    expect(page.text).toContain('<html lang="en"');
    expect(page.text).toContain('Administrative units');
    expect((await a.get('/lang/en?next=https://evil.example')).location).toBe('/');
  });
  it('pages carry security headers and are not cached; the stylesheet is cached for a year', async () => {
    const r = await fetch(`${s.url}/units`, { headers: { accept: 'text/html' } });
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const css = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec(await r.text())![1];
    const c = await fetch(`${s.url}${css}`);
    expect(c.headers.get('cache-control')).toContain('immutable');
    expect((await c.text()).length).toBeLessThan(15 * 1024);
  });
  it('output is escaped: a search for markup comes back as text', async () => {
    const r = await new Agent(s.url).get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(r.status).toBe(200);
    expect(r.text).not.toContain('<script>alert(1)</script>');
    expect(r.text).toContain('“&lt;script>alert(1)&lt;/script>”');
  });
});
