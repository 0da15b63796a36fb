// Shared steps of the feedback handling tests: receiving an item through the real intake command on
// a given day, signing officials in on that day (sessions last 12 hours, and the tests move the
// clock by weeks), and sending a handling form as a browser does (CSRF token and the version the
// page showed).
import { expect } from 'vitest';
import { emptyFeedbackInput, submitFeedback } from '../../src/modules/feedback/commands/submit.js';
import type { FeedbackInput } from '../../src/modules/feedback/model.js';
import type { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

export type Clock = ReturnType<typeof fixedClock>;
const t = translator('vi');

/** 09:00 in Vietnam on `day`. */
export const at = (clock: Clock, day: string) => clock.set(`${day}T02:00:00Z`);

export async function commune(s: TestServer, code: string) {
  return s.deps.db.selectFrom('units').select(['id', 'path', 'name']).where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
}

/** Receives an item on `day` as the public web form does. */
export async function receive(s: TestServer, clock: Clock, day: string, communeId: number, input: Partial<FeedbackInput>) {
  at(clock, day);
  const r = await submitFeedback(s.deps, t, null, emptyFeedbackInput(communeId, input), 'public');
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r as { ok: true; id: number; code: string };
}

export const item = (s: TestServer, id: number) => s.deps.db.selectFrom('feedback_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Officials signed in through the real forms, again whenever the test's day changes. */
export class Officials {
  private agents = new Map<string, Agent>();
  constructor(
    private s: TestServer,
    private clock: Clock,
  ) {}
  async as(username: string): Promise<Agent> {
    const key = `${username}@${this.clock.now().toISOString().slice(0, 10)}`;
    let a = this.agents.get(key);
    if (!a) {
      a = await signIn(this.s.url, username, this.clock);
      this.agents.set(key, a);
    }
    return a;
  }
}

/** Opens the item's page and sends one of its forms with the page's CSRF token and version. */
export async function act(a: Agent, id: number, verb: string, form: Record<string, string> = {}, version?: number) {
  const page = await a.get(`/feedback/manage/${id}`);
  const csrf = page.status === 200 ? Agent.csrf(page.text) : 'none';
  const v = version ?? Number(/name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '0');
  return a.post(`/feedback/manage/${id}/${verb}`, { _csrf: csrf, version: String(v), ...form });
}

export const complaint = (over: Partial<FeedbackInput> = {}): Partial<FeedbackInput> => ({
  kind: 'complaint',
  category: 'land',
  title: 'Khiếu nại quyết định thu hồi đất',
  content: 'Quyết định thu hồi đất chưa tính bồi thường cây trồng.',
  name: 'Hoàng Văn Khiếu',
  address: 'Thôn Một, xã Na Rì',
  phone: '0912777001',
  knownOn: '',
  notifyChannel: 'sms',
  ...over,
});

export const denunciation = (over: Partial<FeedbackInput> = {}): Partial<FeedbackInput> => ({
  kind: 'denunciation',
  category: 'officials',
  title: 'Tố cáo thu tiền ngoài quy định',
  content: 'Cán bộ một cửa thu thêm tiền không có biên lai.',
  name: 'Lý Văn Tố',
  address: 'Thôn Hai, xã Na Rì',
  phone: '0912777002',
  subjectText: 'Một công chức bộ phận một cửa',
  notifyChannel: 'sms',
  ...over,
});

export const report = (over: Partial<FeedbackInput> = {}): Partial<FeedbackInput> => ({
  kind: 'report',
  category: 'infrastructure',
  title: 'Đèn đường hỏng',
  content: 'Đèn đường trước nhà văn hóa hỏng đã một tuần.',
  ...over,
});

/** One more official, signing in like the demo accounts, with the roles given (role, unit, agency). */
export async function addOfficial(s: TestServer, username: string, grants: [string, number, number?][]): Promise<number> {
  const { db } = s.deps;
  const template = await db.selectFrom('users').selectAll().where('username', '=', 'canbo.nari').executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({
      kind: 'official',
      username,
      display_name: username,
      password_hash: template.password_hash,
      totp_secret: template.totp_secret,
      created_at: template.created_at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [role, unitId, agencyId] of grants)
    await db
      .insertInto('role_grants')
      .values({ user_id: u.id, role, unit_id: unitId, agency_id: agencyId ?? null, granted_at: template.created_at })
      .execute();
  return u.id;
}

export const userId = async (s: TestServer, username: string) =>
  (await s.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
