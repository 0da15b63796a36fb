// Shared by the consultation database tests: a server on a fixed clock with the demo, officials and
// the demo resident signed in through the real forms, and a consultation prepared through the form.
import { expect } from 'vitest';
import { DEMO_RESIDENT_PHONE } from '../../src/platform/auth/demo-accounts.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

export const DRAFT = `QUY CHẾ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ (dự thảo)
Điều 1. Phạm vi
Quy chế áp dụng trên địa bàn xã.
Điều 2. Đối tượng
Công dân cư trú trên địa bàn xã.
Điều 3. Hình thức công khai
Niêm yết tại trụ sở UBND xã.`;

export async function setup() {
  const clock = fixedClock('2026-12-01T03:00:00Z'); // Tue 01/12/2026, 10:00 in Vietnam
  const s = await startTestServer({ seed: 'demo', clock });
  const id = async (code: string) => (await (await fetch(`${s.url}/api/v1/units?code=${code}`)).json()).items[0].id as number;
  return { s, clock, naRi: await id('02155'), xuanDuong: await id('02191') };
}

export async function signInResident(s: TestServer): Promise<Agent> {
  const a = new Agent(s.url);
  const page = await a.get('/sign-in');
  const sent = await a.post('/sign-in/phone', { phone: DEMO_RESIDENT_PHONE, next: '/', _csrf: Agent.csrf(page.text) });
  const m = await s.deps.db.selectFrom('outbox').select('params').where('template', '=', 'otp').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const r = await a.post('/sign-in/code', { phone: DEMO_RESIDENT_PHONE, code: JSON.parse(m.params).code, next: '/', _csrf: Agent.csrf(sent.text) });
  expect(r.status).toBe(303);
  return a;
}

export const official = (s: TestServer, username: string, clock: { now(): Date }) => signIn(s.url, username, clock);

export function form(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    matter: 'item7',
    title: 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã',
    summary: 'Lấy ý kiến Nhân dân.',
    draftText: DRAFT,
    periodDays: '20',
    shortPeriodLaw: '',
    audience: 'all',
    planContent: 'Lấy ý kiến theo từng điều.',
    planForms: ['community_meeting', 'portal'],
    planTimeline: '20 ngày',
    planResponsible: 'Văn phòng UBND xã',
    planSentOn: '30/11/2026',
    ...over,
  };
}

/** Posts the new-consultation form (multipart, as the browser sends it); returns the response. */
export async function create(a: Agent, path: string, values: Record<string, string | string[]>, files: { field: string; name: string; bytes: Buffer }[] = []) {
  const page = await a.get(`${path}/new`);
  expect(page.status).toBe(200);
  return a.postMultipart(path, { ...values, _csrf: Agent.csrf(page.text) }, files);
}

/** Posts a form found on a page (the CSRF token of that page). */
export async function act(a: Agent, page: string, action: string, values: Record<string, string>) {
  const p = await a.get(page);
  expect(p.status, `GET ${page}: ${p.text.slice(0, 300)}`).toBe(200);
  return a.post(action, { ...values, _csrf: Agent.csrf(p.text) });
}

export const idFrom = (location: string | null) => Number(/\/consultations\/(\d+)/.exec(location ?? '')?.[1]);
