// Issue 10 item 4: headers and sessions, over real HTTP on a test-mode and a production-mode server.
// CSP without inline script, HSTS in production, frame-ancestors 'none', cookies HttpOnly / Secure
// (production) / SameSite, a CSRF token on every POST route (found from the routes Fastify
// registered, so a new module's forms are checked too), and sign-in throttling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/platform/auth/session.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';

let dev: TestServer;
let prod: TestServer;
beforeAll(async () => {
  dev = await startTestServer({ seed: 'demo' });
  prod = await startTestServer({
    seed: 'demo',
    env: {
      NODE_ENV: 'production',
      SESSION_SECRET: 'p'.repeat(48),
      PUBLIC_URL: 'https://danchu.example',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
  });
}, 60_000);
afterAll(async () => {
  await dev?.close();
  await prod?.close();
});

/** GET pages without path parameters, plus the demo's main pages: what a visitor opens first. */
function pages(s: TestServer): string[] {
  const plain = s.app.routeList.filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.startsWith('/api/') && !r.url.includes('.'));
  return [
    ...new Set([...plain.map((r) => r.url), '/communes/02155', '/disclosures/1', '/consultations/1', '/dialogues/1', '/matters/1', '/oversight/boards/1']),
  ];
}

const cookieAttrs = (setCookie: string[], name: string) => {
  const c = setCookie.find((x) => x.startsWith(`${name}=`));
  expect(c, `Set-Cookie ${name}`).toBeDefined();
  return c!.split(';').map((p) => p.trim().toLowerCase());
};

describe('content security policy (no inline script) and framing', () => {
  it('every page forbids inline script and framing, and its HTML has no inline <script> or on…= handler', async () => {
    const seen: string[] = [];
    for (const path of pages(dev)) {
      const r = await fetch(dev.url + path, { redirect: 'manual' });
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      const html = await r.text();
      expect(html, `${path} inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, `${path} inline handler`).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      seen.push(path);
    }
    expect(seen.length).toBeGreaterThan(8);
  });
});

describe('HSTS only in production', () => {
  it('production answers Strict-Transport-Security for a year; development and tests do not (they run on http://localhost)', async () => {
    const p = await fetch(`${prod.url}/`);
    expect(p.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const d = await fetch(`${dev.url}/`);
    expect(d.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('cookies', () => {
  it('in production the form seed, session and language cookies are HttpOnly, Secure and SameSite=Lax', async () => {
    const a = new Agent(prod.url);
    const page = await fetch(`${prod.url}/sign-in`);
    const csrf = cookieAttrs(page.headers.getSetCookie(), 'dc_csrf');
    expect(csrf).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax']));
    a.cookies.set('dc_csrf', page.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!);
    const r = await a.post('/sign-in', { username: 'hdnd', password: 'danchu-demo', _csrf: Agent.csrf(await page.text()) });
    expect(r.status).toBe(303);
    expect(cookieAttrs(r.headers.getSetCookie(), SESSION_COOKIE)).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax']));
    const lang = await fetch(`${prod.url}/lang/en`, { redirect: 'manual' });
    expect(cookieAttrs(lang.headers.getSetCookie(), 'dc_lang')).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax']));
  });
  it('in development the cookies are HttpOnly and SameSite=Lax but not Secure (http://localhost)', async () => {
    const page = await fetch(`${dev.url}/sign-in`);
    const attrs = cookieAttrs(page.headers.getSetCookie(), 'dc_csrf');
    expect(attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax']));
    expect(attrs).not.toContain('secure');
  });
});

describe('CSRF on every form', () => {
  it('every POST route refuses a signed-in request without the form token (403), and an anonymous one too', async () => {
    const admin = await dev.deps.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const sid = await createSession(dev.deps.db, admin.id, 'full', dev.deps.clock.now(), 3_600_000);
    const posts = dev.app.routeList.filter((r) => r.method === 'POST');
    const accepted: string[] = [];
    for (const r of posts) {
      const path = r.url.replace(/:[A-Za-z]+/g, '1');
      for (const cookie of [`${SESSION_COOKIE}=${sid}`, '']) {
        const res = await fetch(dev.url + path, {
          method: 'POST',
          headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
          body: 'title=x&content=y',
          redirect: 'manual',
        });
        const body = await res.text();
        const refused = res.status === 403 && (body.includes('Biểu mẫu đã hết hạn hoặc không hợp lệ') || body.includes('"csrf"'));
        // Only the JSON API without a session cookie is exempt (bearer tokens, signed webhooks).
        const exempt = !cookie && r.url.startsWith('/api/');
        if (!refused && !exempt) accepted.push(`${r.url} (${cookie ? 'signed in' : 'anonymous'}): ${res.status}`);
      }
    }
    expect(posts.length).toBeGreaterThan(100);
    expect(accepted).toEqual([]);
  });
  it('the JSON API called with a session cookie needs the token too; with a bearer token it does not', async () => {
    const admin = await dev.deps.db.selectFrom('users').select('id').where('username', '=', 'canbo.nari').executeTakeFirstOrThrow();
    const sid = await createSession(dev.deps.db, admin.id, 'full', dev.deps.clock.now(), 3_600_000);
    const r = await fetch(`${dev.url}/api/v1/disclosures`, {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=${sid}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('sign-in throttling', () => {
  it('after 5 wrong passwords an account is refused with 429 and a Vietnamese message, in production too', async () => {
    const a = new Agent(prod.url);
    const token = async () => {
      const page = await a.get('/sign-in');
      return Agent.csrf(page.text);
    };
    for (let i = 0; i < 5; i++) expect((await a.post('/sign-in', { username: 'canbo.vanlang', password: 'sai', _csrf: await token() })).status).toBe(401);
    const blocked = await a.post('/sign-in', { username: 'canbo.vanlang', password: 'danchu-demo', _csrf: await token() });
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('thử lại sau 15 phút');
  });
});
