// Households vote online and by household ballot, through real HTTP on a real database (Law 10/2022
// Art 19(3); Decree 59/2023 Arts 4–5; issue 4 item 9): one ballot per household (R-A9), even when two
// arrive at the same moment; the ballot store knows no household; receipts verify; the tally counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castOnline, receiptHash } from '../../src/modules/decisions/commands/cast.js';
import { enterPaperBallot } from '../../src/modules/decisions/commands/paper.js';
import { communeTally } from '../../src/modules/decisions/tally.js';
import { createSession, loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const NOW = '2026-11-25T02:00:00.000Z'; // 09:00 in Vietnam
const clock = fixedClock(NOW);
let s: TestServer;
let village: number;
let otherVillage: number;
let matter: number;
let electionMatter: number;
let online: number;
let paper: number;
let election: number;

const at = (iso: string) => new Date(iso).toISOString();

async function insertVote(
  matterId: number,
  form: 'online' | 'household_ballot' | 'meeting',
  unitId: number,
  options: { key: string; label: string }[],
  seats = 1,
) {
  const db = s.deps.db;
  const v = await db
    .insertInto('votes')
    .values({
      matter_id: matterId,
      unit_id: unitId,
      form,
      status: 'scheduled',
      vote_date: '2026-11-25',
      opens_at: at('2026-11-25T00:00:00Z'),
      closes_at: at('2026-11-25T12:00:00Z'),
      notice_on: '2026-11-20',
      seats,
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.length)
    await db
      .insertInto('vote_options')
      .values(options.map((o, i) => ({ vote_id: v.id, key: o.key, label: o.label, sort: i })))
      .execute();
  return v.id;
}
const STANDARD = [
  { key: 'agree', label: 'Đồng ý' },
  { key: 'disagree', label: 'Không đồng ý' },
  { key: 'other', label: 'Ý kiến khác' },
];

let phones = 0;
/** A resident account for a member of household `code` of `unitId`, signed in through a real session. */
async function resident(unitId: number, code: string, opts: { representative?: boolean; grant?: boolean } = {}) {
  const db = s.deps.db;
  const rep = opts.representative ?? true;
  let q = db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name', 'h.id as household_id'])
    .where('h.unit_id', '=', unitId)
    .where('r.is_representative', '=', rep ? 1 : 0);
  if (rep) q = q.where('h.code', '=', code);
  const r = await q.orderBy('r.id').executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ kind: 'resident', phone: `0987${String(++phones).padStart(6, '0')}`, display_name: r.full_name, resident_id: r.id, created_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = opts.grant === false ? ['resident'] : ['resident', 'household_representative'];
  for (const role of roles) await db.insertInto('role_grants').values({ user_id: user.id, role, unit_id: unitId, granted_at: NOW }).execute();
  const agent = new Agent(s.url);
  agent.cookies.set('dc_sid', await createSession(db, user.id, 'full', clock.now(), 30 * 86_400_000));
  return { agent, householdId: r.household_id, actor: (await loadActor(db, user.id))! };
}

async function vote(a: Agent, voteId: number, form: Record<string, string | string[]>) {
  const page = await a.get(`/votes/${voteId}/ballot`);
  const body = new URLSearchParams({ _csrf: Agent.csrf(page.text) });
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  return postRaw(a, `/votes/${voteId}/ballot`, body);
}
async function postRaw(a: Agent, path: string, body: URLSearchParams) {
  const res = await fetch(a.base + path, {
    method: 'POST',
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: body.toString(),
    redirect: 'manual',
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair = ''] = c.split(';');
    const i = pair.indexOf('=');
    a.cookies.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}
const codeOf = (html: string) => /<strong class="code">([0-9A-Z]{5}-[0-9A-Z]{5})<\/strong>/.exec(html)?.[1];
const count = async (table: 'vote_receipts' | 'vote_ballots', voteId: number) =>
  Number(
    (
      await s.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('vote_id', '=', voteId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const db = s.deps.db;
  village = (await db.selectFrom('units').select('id').where('code', '=', '02191-01').executeTakeFirstOrThrow()).id;
  otherVillage = (await db.selectFrom('units').select('id').where('code', '=', '02191-02').executeTakeFirstOrThrow()).id;
  const newMatter = async (item: 4 | 6, kind: 'general' | 'election', title: string) =>
    (
      await db
        .insertInto('matters')
        .values({
          unit_id: village,
          scope: 'village',
          item,
          kind,
          position: kind === 'election' ? 'village_head' : null,
          title,
          description: 'Đổi giờ phát loa buổi sáng từ 5 giờ 30 sang 6 giờ.',
          proposer: 'village_head',
          status: 'open',
          created_at: NOW,
          updated_at: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  matter = await newMatter(6, 'general', 'Giờ mở loa truyền thanh của thôn');
  electionMatter = await newMatter(4, 'election', 'Bầu trưởng thôn (phiếu hộ gia đình)');
  online = await insertVote(matter, 'online', village, STANDARD);
  paper = await insertVote(matter, 'household_ballot', otherVillage, STANDARD);
  election = await insertVote(electionMatter, 'household_ballot', village, [], 2);
  const cands = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select('r.id')
    .where('h.unit_id', '=', village)
    .limit(3)
    .execute();
  await db
    .insertInto('vote_options')
    .values(cands.map((c, i) => ({ vote_id: election, key: `c${c.id}`, label: `Ứng cử viên ${i + 1}`, sort: i })))
    .execute();
});
afterAll(() => s.close());

describe('a household votes online (Decree 59/2023 Art 5; R-A8, R-A9)', () => {
  let code: string;
  let rep: Awaited<ReturnType<typeof resident>>;
  it('R-A8 a visitor not signed in sees the question, the times and a link to sign in', async () => {
    const page = await new Agent(s.url).get(`/votes/${online}/ballot`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Giờ mở loa truyền thanh của thôn');
    expect(page.text).toContain('07:00 25/11/2026');
    expect(page.text).toContain('19:00 25/11/2026');
    expect(page.text).toContain(`/sign-in?next=${encodeURIComponent(`/votes/${online}/ballot`)}`);
    expect(page.text).not.toContain('name="choice"');
  });
  it('R-A8 the representative sees exactly agree / disagree / other and casts; the receipt code is shown once', async () => {
    rep = await resident(village, 'H002');
    const page = await rep.agent.get(`/votes/${online}/ballot`);
    expect(page.text.match(/type="radio" name="choice"/g)).toHaveLength(3);
    const r = await vote(rep.agent, online, { choice: 'agree' });
    expect(r.status).toBe(200);
    code = codeOf(r.text)!;
    expect(code).toBeTruthy();
    expect(await count('vote_receipts', online)).toBe(1);
  });
  it('item 9, Law 10/2022 Art 9(5): the receipt confirms the ballot is stored and when it is counted, never whose it is nor what it chose', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/votes/${online}/receipt`);
    const r = await a.post(`/votes/${online}/receipt`, { code: code.toLowerCase().replace('-', ' '), _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(200);
    expect(r.text).toContain('Phiếu của hộ đã được ghi nhận trong hòm phiếu');
    expect(r.text).toContain('từ 07:00 25/11/2026 đến 19:00 25/11/2026');
    expect(r.text).toContain('Chưa kiểm phiếu');
    // A vote buyer holding the code learns nothing of the choice (the options appear nowhere in the answer).
    const status = /<div class="card" role="status">([\s\S]*?)<\/div>/.exec(r.text)?.[1] ?? '';
    expect(status).toBeTruthy();
    for (const label of ['Đồng ý', 'Không đồng ý', 'Ý kiến khác', 'Phiếu ghi']) expect(status).not.toContain(label);
    expect(r.text).not.toContain('H002');
    const wrong = await a.post(`/votes/${online}/receipt`, { code: 'ZZZZZ-ZZZZZ', _csrf: Agent.csrf(page.text) });
    expect(wrong.text).toContain('Không có phiếu nào với mã này');
    const bad = await a.post(`/votes/${online}/receipt`, { code: 'abc', _csrf: Agent.csrf(page.text) });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Mã biên nhận gồm 10 chữ và số');
  });
  it('R-A9 a second vote from the same household is refused with a clear message and not counted', async () => {
    const r = await vote(rep.agent, online, { choice: 'disagree' });
    expect(r.status).toBe(409);
    expect(r.text).toContain('Hộ của bạn đã biểu quyết trong đợt này');
    expect(await count('vote_receipts', online)).toBe(1);
    expect(await count('vote_ballots', online)).toBe(1);
    expect((await rep.agent.get(`/votes/${online}/ballot`)).text).toContain('Hộ của bạn đã biểu quyết trong đợt này');
  });
  it('R-A9 two votes from one household at the same moment: exactly one receipt and one ballot (HTTP and command)', async () => {
    const twin = await resident(village, 'H003');
    const page = await twin.agent.get(`/votes/${online}/ballot`);
    const csrf = Agent.csrf(page.text);
    const body = (choice: string) => new URLSearchParams({ _csrf: csrf, choice });
    const results = await Promise.all([
      postRaw(twin.agent, `/votes/${online}/ballot`, body('agree')),
      postRaw(twin.agent, `/votes/${online}/ballot`, body('agree')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const triple = await resident(village, 'H004');
    const cmd = await Promise.all([1, 2, 3, 4].map(() => castOnline(s.deps, triple.actor, online, { choices: ['disagree'] })));
    expect(cmd.filter((r) => r.ok)).toHaveLength(1);
    expect(cmd.filter((r) => !r.ok && r.reason === 'already_voted')).toHaveLength(3);
    const receipts = await s.deps.db.selectFrom('vote_receipts').select('household_id').where('vote_id', '=', online).execute();
    expect(receipts.filter((x) => x.household_id === twin.householdId)).toHaveLength(1);
    expect(receipts.filter((x) => x.household_id === triple.householdId)).toHaveLength(1);
    expect(await count('vote_ballots', online)).toBe(3);
  });
  it('R-A8 "other opinion" needs its text: the form comes back with the message next to the field', async () => {
    const h = await resident(village, 'H005');
    const r = await vote(h.agent, online, { choice: 'other', otherText: '  ' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-otherText-err"');
    expect(r.text).toContain('Ghi ý kiến khác của hộ');
    expect(r.text).toMatch(/value="other"[^>]*checked/);
    const none = await vote(h.agent, online, {});
    expect(none.text).toContain('Chọn một phương án');
    const two = await castOnline(s.deps, h.actor, online, { choices: ['agree', 'disagree'] });
    expect(two).toMatchObject({ ok: false, field: 'choice', problem: 'one_choice' });
    const ok = await vote(h.agent, online, { choice: 'other', otherText: 'Nên để 6 giờ 15' });
    expect(ok.status).toBe(200);
  });
});

describe('who may vote and when (R-A9; Decree 59 Art 5(2)(b), 5(4))', () => {
  it('R-A8 a vote after the end time and before the start time is refused (Decree 59 Art 5(4))', async () => {
    const h = await resident(village, 'H006');
    const page = await h.agent.get(`/votes/${online}/ballot`);
    const body = new URLSearchParams({ _csrf: Agent.csrf(page.text), choice: 'agree' });
    try {
      clock.set('2026-11-25T12:00:00Z'); // 19:00 in Vietnam: the end time
      const late = await postRaw(h.agent, `/votes/${online}/ballot`, body);
      expect(late.status).toBe(409);
      expect(late.text).toContain('Đã hết thời gian biểu quyết');
      clock.set('2026-11-24T23:59:00Z');
      const early = await postRaw(h.agent, `/votes/${online}/ballot`, body);
      expect(early.status).toBe(409);
      expect(early.text).toContain('Chưa đến giờ biểu quyết');
    } finally {
      clock.set(NOW);
    }
    expect(await castOnline(s.deps, h.actor, online, { choices: ['agree'] })).toMatchObject({ ok: true, code: expect.any(String) });
  });
  it('R-A9 a resident who is not the representative, one of another village, and a household off the register are refused (403)', async () => {
    const member = await resident(village, '', { representative: false });
    const r1 = await vote(member.agent, online, { choice: 'agree' });
    expect(r1.status).toBe(403);
    expect(r1.text).toContain('không phải của người đại diện một hộ gia đình');
    const elsewhere = await resident(otherVillage, 'H001');
    const r2 = await vote(elsewhere.agent, online, { choice: 'agree' });
    expect(r2.status).toBe(403);
    const gone = await resident(village, 'H007');
    await s.deps.db.updateTable('households').set({ valid_to: '2026-11-01' }).where('id', '=', gone.householdId).execute();
    const r3 = await vote(gone.agent, online, { choice: 'agree' });
    expect(r3.status).toBe(403);
    expect(r3.text).toContain('không có trong danh sách hộ gia đình');
    const official = await signIn(s.url, 'truongthon.xd', clock);
    const page = await official.get(`/votes/${online}/ballot`);
    expect(page.text).not.toContain('name="choice"');
  });
  it('R-A9 a visitor not signed in cannot post a ballot', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/votes/${online}/receipt`);
    const r = await a.post(`/votes/${online}/ballot`, { choice: 'agree', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(401);
  });
});

describe('secret ballots (issue 4 item 9)', () => {
  it('item 9: a ballot row carries no household, id or time, and a receipt carries no choice', async () => {
    const ballot = await s.deps.db.selectFrom('vote_ballots').selectAll().where('vote_id', '=', online).executeTakeFirstOrThrow();
    expect(Object.keys(ballot).sort()).toEqual(['option_key', 'other_text', 'receipt_hash', 'vote_id']);
    expect(ballot.receipt_hash).toMatch(/^[0-9a-f]{64}$/);
    const receipt = await s.deps.db.selectFrom('vote_receipts').selectAll().where('vote_id', '=', online).executeTakeFirstOrThrow();
    expect(Object.keys(receipt).sort()).toEqual(['channel', 'household_id', 'vote_id']);
    const audit = await s.deps.db.selectFrom('audit_log').select('data').where('action', '=', 'decisions.ballot_cast').execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(a.data).not.toMatch(/agree|other|choice/);
    expect(receiptHash(online, 'ABCDE12345')).not.toBe(receiptHash(paper, 'ABCDE12345'));
  });
});

describe('household ballots returned on paper (Decree 59/2023 Art 4; R-A9)', () => {
  it('R-A9 the team enters a paper ballot (at most the seats for an election); the same household then voting online is refused', async () => {
    // Decree 59/2023 Art 3(1): a village-head election is run by the election team, led by the Front
    // work committee representative, not by the village head.
    const head = await signIn(s.url, 'truongthon.xd', clock);
    expect((await head.get(`/votes/${election}/paper`)).status).toBe(403);
    const team = await signIn(s.url, 'bancongtac.xd', clock);
    expect((await team.get(`/votes/${paper}/paper`)).status).toBe(403); // another village's ballot
    const h = await resident(village, 'H008');
    const page = await team.get(`/votes/${election}/paper`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`value="${h.householdId}"`);
    const options = await s.deps.db.selectFrom('vote_options').select('key').where('vote_id', '=', election).orderBy('sort').execute();
    const keys = options.map((o) => o.key);
    const form = new URLSearchParams({ _csrf: Agent.csrf(page.text), household: String(h.householdId) });
    for (const k of keys) form.append('choice', k);
    const tooMany = await postRaw(team, `/votes/${election}/paper`, form);
    expect(tooMany.status).toBe(422);
    expect(tooMany.text).toContain('Chọn tối đa 2 người');
    form.delete('choice');
    form.append('choice', keys[0]!);
    form.append('choice', keys[1]!);
    const ok = await postRaw(team, `/votes/${election}/paper`, form);
    expect(ok.status).toBe(303);
    const after = await team.get(`/votes/${election}/paper`);
    expect(after.text).toContain('Đã nhập phiếu của hộ H008');
    expect(after.text).not.toContain(`value="${h.householdId}"`);
    const again = await postRaw(team, `/votes/${election}/paper`, form);
    expect(again.status).toBe(409);
    expect(again.text).toContain('Hộ này đã có phiếu');
    const online2 = await vote(h.agent, election, { choice: keys[2]! });
    expect(online2.status).toBe(409);
    expect(online2.text).toContain('Hộ của bạn đã biểu quyết trong đợt này');
    const none = await postRaw(team, `/votes/${election}/paper`, new URLSearchParams({ _csrf: Agent.csrf(page.text), household: '', choice: keys[0]! }));
    expect(none.status).toBe(422);
    expect(none.text).toContain('id="f-household-err"');
  });
  it('R-A9 paper entry is refused for an online vote and for a household that voted online', async () => {
    const team = (await loadActor(
      s.deps.db,
      (
        await s.deps.db.selectFrom('users').select('id').where('username', '=', 'bancongtac.xd').executeTakeFirstOrThrow()
      ).id,
    ))!;
    expect(await enterPaperBallot(s.deps, team, online, 1, ['agree'])).toEqual({ ok: false, reason: 'wrong_form' });
    const h = await resident(village, 'H009');
    expect((await castOnline(s.deps, h.actor, election, { choices: ['c0'] })).ok).toBe(false); // unknown candidate
    const opts = await s.deps.db.selectFrom('vote_options').select('key').where('vote_id', '=', election).execute();
    expect((await castOnline(s.deps, h.actor, election, { choices: [opts[0]!.key] })).ok).toBe(true);
    expect(await enterPaperBallot(s.deps, team, election, h.householdId, [opts[1]!.key])).toEqual({ ok: false, reason: 'already_voted' });
  });
});

describe('the tally (R-A3: each village first)', () => {
  it('R-A3 counts ballots per option for each village vote, and entered counts for a meeting', async () => {
    const db = s.deps.db;
    const third = (await db.selectFrom('units').select('id').where('code', '=', '02191-03').executeTakeFirstOrThrow()).id;
    const meeting = await insertVote(matter, 'meeting', third, STANDARD);
    await db
      .insertInto('vote_counts')
      .values([
        { vote_id: meeting, cluster: 1, option_key: 'agree', count: 30 },
        { vote_id: meeting, cluster: 2, option_key: 'agree', count: 12 },
        { vote_id: meeting, cluster: 1, option_key: 'disagree', count: 4 },
      ])
      .execute();
    const tally = await communeTally(db, matter);
    const byVote = Object.fromEntries(tally.map((x) => [x.voteId, x]));
    expect(byVote[online]).toMatchObject({ villageId: village, form: 'online', counts: { agree: 3, disagree: 1, other: 1 } });
    expect(byVote[paper]).toEqual({ voteId: paper, villageId: otherVillage, form: 'household_ballot', status: 'scheduled', counts: {} });
    expect(byVote[meeting]!.counts).toEqual({ agree: 42, disagree: 4 });
    const el = (await communeTally(db, electionMatter))[0]!.counts;
    expect(Object.values(el).reduce((a, b) => a + b, 0)).toBe(3); // two names on the paper ballot, one online
    expect(tally.map((x) => x.villageId)).toEqual([...tally.map((x) => x.villageId)].sort((a, b) => a - b));
  });
});
