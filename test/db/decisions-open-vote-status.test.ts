// An online vote is shown "Đang bỏ phiếu" between its start and its close, by the clock, on the vote
// and matter pages; and a signed-in household representative finds the votes open for his household
// on his commune's home page, with a link to the ballot (Decree 59/2023 Art 5(3): the team announces
// the form, content and time and helps households vote; R-A9: one ballot per household).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';

const NOW = '2026-11-25T00:30:00.000Z'; // 07:30 in Vietnam
const clock = fixedClock(NOW);
let s: TestServer;
let village: number;
let commune: number;
let matter: number;
let voteId: number;

async function representative(code: string) {
  const db = s.deps.db;
  const r = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name'])
    .where('h.unit_id', '=', village)
    .where('h.code', '=', code)
    .where('r.is_representative', '=', 1)
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ kind: 'resident', phone: '0987000111', display_name: r.full_name, resident_id: r.id, created_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const role of ['resident', 'household_representative'])
    await db.insertInto('role_grants').values({ user_id: user.id, role, unit_id: village, granted_at: NOW }).execute();
  const agent = new Agent(s.url);
  agent.cookies.set('dc_sid', await createSession(db, user.id, 'full', clock.now(), 30 * 86_400_000));
  return agent;
}

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const db = s.deps.db;
  const v = await db.selectFrom('units').select(['id', 'parent_id']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
  village = v.id;
  commune = v.parent_id!;
  matter = (
    await db
      .insertInto('matters')
      .values({
        unit_id: village,
        scope: 'village',
        item: 6,
        kind: 'general',
        title: 'Chọn ngày tổng vệ sinh đường làng',
        description: '—',
        proposer: 'village_head',
        status: 'open',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // Open from 08:00 to 19:00 on 25/11/2026, Vietnam time.
  voteId = (
    await db
      .insertInto('votes')
      .values({
        matter_id: matter,
        unit_id: village,
        form: 'online',
        status: 'scheduled',
        vote_date: '2026-11-25',
        opens_at: '2026-11-25T01:00:00.000Z',
        closes_at: '2026-11-25T12:00:00.000Z',
        notice_on: '2026-11-20',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('vote_options')
    .values(['Đồng ý', 'Không đồng ý', 'Ý kiến khác'].map((label, i) => ({ vote_id: voteId, key: ['agree', 'disagree', 'other'][i]!, label, sort: i })))
    .execute();
}, 60_000);
afterAll(() => s?.close());

describe('Decree 59/2023 Art 5(3): an open vote reads "Đang bỏ phiếu" and is pointed to', () => {
  it('Art 5(3): before the start the vote is announced; between start and close it is open for voting, on the vote and matter pages', async () => {
    const a = new Agent(s.url);
    expect((await a.get(`/votes/${voteId}`)).text).not.toContain('Đang bỏ phiếu');
    expect((await a.get(`/matters/${matter}`)).text).toContain('Đã thông báo');
    clock.set('2026-11-25T03:00:00.000Z');
    const vote = await a.get(`/votes/${voteId}`);
    expect(vote.text).toContain('Đang bỏ phiếu');
    expect(vote.text).not.toContain('Đã lên lịch');
    const page = await a.get(`/matters/${matter}`);
    expect(page.text).toContain('Đang bỏ phiếu');
    expect(page.text).not.toContain('Đã thông báo');
  });

  it('Art 5(3), R-A9: the representative’s commune home page links to the open ballot, then shows his household voted; others see no link', async () => {
    clock.set('2026-11-25T03:00:00.000Z');
    const anonymous = await new Agent(s.url).get(`/units/${commune}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.text).not.toContain(`href="/votes/${voteId}/ballot"`);
    const rep = await representative('H003');
    const home = await rep.get(`/units/${commune}`);
    expect(home.text).toContain('Đang bỏ phiếu: hộ của bạn được biểu quyết');
    expect(home.text).toContain(`href="/votes/${voteId}/ballot"`);
    expect(home.text).toContain('Bỏ phiếu: Chọn ngày tổng vệ sinh đường làng');
    expect(home.text).toContain('19:00 25/11/2026');
    // Voting: the link gives way to "voted".
    const ballot = await rep.get(`/votes/${voteId}/ballot`);
    const cast = await rep.post(`/votes/${voteId}/ballot`, { _csrf: Agent.csrf(ballot.text), choice: 'agree' });
    expect(cast.status).toBe(200);
    const after = await rep.get(`/units/${commune}`);
    expect(after.text).not.toContain(`href="/votes/${voteId}/ballot"`);
    expect(after.text).toContain('Hộ đã bỏ phiếu');
    // After the close, nothing is listed.
    clock.set('2026-11-25T12:00:00.000Z');
    expect((await rep.get(`/units/${commune}`)).text).not.toContain('Chọn ngày tổng vệ sinh đường làng');
    expect((await rep.get(`/votes/${voteId}`)).text).not.toContain('Đang bỏ phiếu');
  });
});
