// Accounts and sessions (foundation item 5): officials with password + TOTP, residents with a phone
// code through the outbox, throttling, expiry, CSRF, all through real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_RESIDENT_PHONE, DEMO_TOTP_SECRET } from '../../src/platform/auth/demo-accounts.js';
import { totpCode } from '../../src/platform/auth/totp.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';

const clock = fixedClock('2026-11-25T02:00:00Z');
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
});
afterAll(() => s.close());

async function signInOfficial(username: string, password = DEMO_PASSWORD) {
  const a = new Agent(s.url);
  const page = await a.get('/sign-in');
  const r = await a.post('/sign-in', { username, password, next: '/units', _csrf: Agent.csrf(page.text) });
  return { a, r };
}

async function passTotp(a: Agent, code?: string) {
  const page = await a.get('/sign-in/totp?next=/units');
  return a.post('/sign-in/totp', { code: code ?? (await totpCode(DEMO_TOTP_SECRET, clock.now())), next: '/units', _csrf: Agent.csrf(page.text) });
}

describe('officials: password, then TOTP for roles that publish or decide', () => {
  it('a commune official signs in with password and TOTP and is then signed in', async () => {
    const { a, r } = await signInOfficial('canbo.nari');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/sign-in/totp?next=%2Funits');
    // after the password alone the account is not signed in
    expect((await a.get('/units')).text).not.toContain('Đăng xuất');
    const ok = await passTotp(a);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/units');
    expect((await a.get('/units')).text).toContain('Đăng xuất (Hoàng Thị Lan');
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('dc_sid='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
  it('a wrong TOTP code is refused next to the field', async () => {
    const { a } = await signInOfficial('canbo.nari');
    const bad = await passTotp(a, '000000');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Mã xác thực không đúng hoặc đã hết hạn.');
    expect(bad.text).toContain('class="esum"');
  });
  it('a village head (no TOTP role) is signed in by the password alone', async () => {
    const { a, r } = await signInOfficial('truongthon.xd');
    expect(r.location).toBe('/units');
    expect((await a.get('/units')).text).toContain('Đăng xuất');
  });
  it('a wrong password gives one message for unknown user and wrong password, and keeps the username', async () => {
    const wrong = (await signInOfficial('canbo.vanlang', 'sai-mat-khau')).r;
    const unknown = (await signInOfficial('khong.ton.tai', 'x')).r;
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    expect(wrong.text).toContain('value="canbo.vanlang"');
  });
  it('empty fields are named in the error summary', async () => {
    const a = new Agent(s.url);
    const page = await a.get('/sign-in');
    const r = await a.post('/sign-in', { username: '', password: '', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Vui lòng nhập tên đăng nhập.');
    expect(r.text).toContain('Vui lòng nhập mật khẩu.');
  });
  it('after 5 failures within 15 minutes the account is throttled, even with the right password; it opens again after the window', async () => {
    for (let i = 0; i < 5; i++) expect((await signInOfficial('hdnd', 'sai')).r.status).toBe(401);
    const blocked = (await signInOfficial('hdnd')).r;
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('thử lại sau 15 phút');
    clock.advance(15 * 60_000 + 1000);
    expect((await signInOfficial('hdnd')).r.status).toBe(303);
  });
  it('a session expires after 12 hours: the next visit asks to sign in again', async () => {
    const { a } = await signInOfficial('truongthon.xd');
    clock.advance(12 * 3600_000 + 1000);
    const r = await a.get('/admin');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/sign-in?next=%2Fadmin&expired=1');
    expect((await a.get(r.location!)).text).toContain('Phiên đăng nhập đã hết hạn');
  });
  it('sign-out ends the session on the server', async () => {
    const { a } = await signInOfficial('truongthon.xd');
    const sid = a.cookies.get('dc_sid')!;
    const page = await a.get('/units');
    const r = await a.post('/sign-out', { _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    const replay = new Agent(s.url);
    replay.cookies.set('dc_sid', sid);
    expect((await replay.get('/units')).text).not.toContain('Đăng xuất');
  });
});

describe('residents: phone number and a one-time code through the outbox', () => {
  async function lastCode(): Promise<string> {
    const m = await s.deps.db.selectFrom('outbox').select('params').where('template', '=', 'otp').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return JSON.parse(m.params).code;
  }
  it('a resident asks for a code, types it, and is signed in for 30 days', async () => {
    const a = new Agent(s.url);
    const page = await a.get('/sign-in');
    const sent = await a.post('/sign-in/phone', { phone: '0912 345 678', next: '/', _csrf: Agent.csrf(page.text) });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain(`Nếu số này đã đăng ký với xã, mã đã được gửi đến ${DEMO_RESIDENT_PHONE}.`);
    const code = await lastCode();
    expect(code).toMatch(/^\d{6}$/);
    const r = await a.post('/sign-in/code', { phone: DEMO_RESIDENT_PHONE, code, next: '/', _csrf: Agent.csrf(sent.text) });
    expect(r.status).toBe(303);
    expect(r.headers.getSetCookie().find((c) => c.startsWith('dc_sid='))).toMatch(/Max-Age=2592000/);
    // a code works once
    const again = await new Agent(s.url).get('/sign-in');
    expect((await a.post('/sign-in/code', { phone: DEMO_RESIDENT_PHONE, code, _csrf: Agent.csrf(again.text) })).status).not.toBe(303);
  });
  it('a malformed phone number is refused next to the field with what was typed', async () => {
    const a = new Agent(s.url);
    const page = await a.get('/sign-in');
    const r = await a.post('/sign-in/phone', { phone: '12345', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Số điện thoại không hợp lệ');
    expect(r.text).toContain('value="12345"');
  });
  it('a code expires after 10 minutes', async () => {
    const a = new Agent(s.url);
    const page = await a.get('/sign-in');
    const sent = await a.post('/sign-in/phone', { phone: DEMO_RESIDENT_PHONE, _csrf: Agent.csrf(page.text) });
    const code = await lastCode();
    clock.advance(10 * 60_000 + 1000);
    const r = await a.post('/sign-in/code', { phone: DEMO_RESIDENT_PHONE, code, _csrf: Agent.csrf(sent.text) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Mã xác nhận không đúng hoặc đã hết hạn.');
  });
  it('an unregistered number gets the same answer as a registered one and nothing is sent to it (no register lookup by phone)', async () => {
    const outbox = async () => (await s.deps.db.selectFrom('outbox').select('id').execute()).length;
    const answer = async (phone: string) => {
      const a = new Agent(s.url);
      const page = await a.get('/sign-in');
      const r = await a.post('/sign-in/phone', { phone, _csrf: Agent.csrf(page.text) });
      // The page differs only by the number it echoes (and the per-request CSRF token).
      return { status: r.status, text: r.text.replaceAll(phone, 'PHONE').replace(/name="_csrf" value="[^"]*"/g, '') };
    };
    const before = await outbox();
    const unknown = await answer('0987000111');
    expect(await outbox()).toBe(before);
    const known = await answer(DEMO_RESIDENT_PHONE);
    expect(await outbox()).toBe(before + 1);
    expect(unknown.status).toBe(200);
    expect(unknown).toEqual(known);
    expect(unknown.text).toContain('Nếu số này đã đăng ký với xã, mã đã được gửi');
    expect(unknown.text).not.toContain('chưa đăng ký với xã.');
    expect(await s.deps.db.selectFrom('otp_codes').select('id').where('phone', '=', '0987000111').execute()).toEqual([]);
  });
  it('the number limit holds for registered and unregistered numbers alike: the 6th request in 15 minutes is refused', async () => {
    const statuses = async (phone: string) => {
      const out: number[] = [];
      for (let i = 0; i < 6; i++) {
        const a = new Agent(s.url);
        const page = await a.get('/sign-in');
        out.push((await a.post('/sign-in/phone', { phone, _csrf: Agent.csrf(page.text) })).status);
      }
      return out;
    };
    expect(await statuses('0987000222')).toEqual([200, 200, 200, 200, 200, 429]);
    const registered = await s.deps.db
      .selectFrom('users')
      .select('phone')
      .where('kind', '=', 'resident')
      .where('phone', '!=', DEMO_RESIDENT_PHONE)
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(await statuses(registered.phone!)).toEqual(await statuses('0987000333'));
  });
});
