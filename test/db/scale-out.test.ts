// Issue 10 item 6, scale-out: two `danchu serve` processes on one PostgreSQL database behind a
// round-robin proxy (a small Node proxy here; nginx in docs/scaling.md). What must hold across
// processes: a session made through one is honoured (and ended) by the other; the per-address intake
// limit counts the hits of both (INTAKE_PER_MINUTE); each notice is sent once although both outbox
// workers run (FOR UPDATE SKIP LOCKED); one online ballot per household (R-A9, Decree 59/2023 Art
// 5(2)(b)) even when a household's two ballots reach the two processes at the same moment.
// PostgreSQL only (DANCHU_TEST_DB=postgres): SQLite is one file for one machine.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, makeTestDb, type TestDb, testDialect } from '../helpers.js';
import { castVote, demoVote, fakeGateway, feedbackBody, representatives, type ServerProcess, startServerProcess } from './process-helpers.js';
import { signIn } from './sign-in-helper.js';

const LIMIT = 10;
let t: TestDb;
let gateway: Awaited<ReturnType<typeof fakeGateway>>;
let a: ServerProcess;
let b: ServerProcess;
let proxy: Server;
let proxyUrl: string;
/** Tracking codes of the petitions accepted through the proxy (each asked for an SMS notice). */
const codes: string[] = [];

/** Round robin: request n goes to backend n mod 2, whatever its cookies say. */
function roundRobin(backends: string[]): Promise<Server> {
  let n = 0;
  const server = createServer((req, res) => {
    const target = new URL(backends[n++ % backends.length]!);
    const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

beforeAll(async () => {
  if (testDialect !== 'postgres') return;
  t = await makeTestDb({ seed: 'demo' });
  gateway = await fakeGateway();
  const env = { SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'test', INTAKE_PER_MINUTE: String(LIMIT) };
  [a, b] = await Promise.all([startServerProcess(t.deps.config.databaseUrl, env), startServerProcess(t.deps.config.databaseUrl, env)]);
  proxy = await roundRobin([a.url, b.url]);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await new Promise((d) => (proxy ? proxy.close(() => d(null)) : d(null)));
  await gateway?.close();
  await t?.drop();
});

describe.skipIf(testDialect !== 'postgres')('two processes on one PostgreSQL behind a round-robin proxy', () => {
  it('issue 10 item 6: a session made through one process is honoured and ended by the other', async () => {
    // Through the proxy the sign-in page, the password and the TOTP step alternate between processes.
    const official = await signIn(proxyUrl, 'canbo.nari');
    for (const base of [a.url, b.url]) {
      const direct = new Agent(base);
      direct.cookies = new Map(official.cookies);
      const page = await direct.get('/');
      expect(page.text, base).toContain('Đăng xuất');
    }
    const viaA = new Agent(a.url);
    viaA.cookies = new Map(official.cookies);
    const home = await viaA.get('/');
    expect((await viaA.post('/sign-out', { _csrf: Agent.csrf(home.text) })).status).toBe(303);
    const viaB = new Agent(b.url);
    viaB.cookies = new Map(official.cookies);
    expect((await viaB.get('/')).text, 'signed out on A means signed out on B').not.toContain('Đăng xuất');
  });

  it('issue 10 item 6: the per-address intake limit counts the hits of both processes', async () => {
    const { communeId } = await demoVote(t.deps.db);
    const statuses = await Promise.all(
      Array.from({ length: 3 * LIMIT }, async (_, i) => {
        const r = await fetch(`${proxyUrl}/api/v1/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: feedbackBody(communeId, i, `0988${String(i).padStart(6, '0')}`),
        });
        const body = (await r.json()) as { code?: string };
        if (body.code) codes.push(body.code);
        return r.status;
      }),
    );
    const accepted = statuses.filter((s) => s === 201).length;
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    // One process alone would let LIMIT through, two without a shared count 2 × LIMIT.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(LIMIT);
  });

  it('issue 10 item 6: with both outbox workers running, each notice is sent exactly once', async () => {
    expect(codes.length).toBeGreaterThan(0);
    const sent = (c: string) => gateway.received.filter((m) => m.text.startsWith(`Da tiep nhan ${c}`)).length;
    for (let waited = 0; codes.some((c) => sent(c) === 0) && waited < 30_000; waited += 200) await new Promise((d) => setTimeout(d, 200));
    // Both workers go round at least twice more: a second send would show now.
    await new Promise((d) => setTimeout(d, 4500));
    for (const c of codes) expect(sent(c), c).toBe(1);
    const left = await t.deps.db.selectFrom('outbox').select('id').where('channel', '=', 'sms').where('status', '!=', 'sent').execute();
    expect(left).toEqual([]);
  }, 60_000);

  it('issue 10 item 6 (R-A9): a household voting through both processes at once gets one ballot', async () => {
    const { villageId, voteId } = await demoVote(t.deps.db);
    const reps = await representatives(t.deps.db, villageId, voteId, 12);
    expect(reps.length).toBeGreaterThan(5);
    const results = await Promise.all(
      reps.map(async (r) => {
        const [x, y] = await Promise.all([castVote(a.url, voteId, r.sid, 'agree'), castVote(b.url, voteId, r.sid, 'disagree')]);
        return { householdId: r.householdId, receipts: [x, y].filter((v) => v.status === 200 && v.receipt).length };
      }),
    );
    for (const r of results) expect(r.receipts, `household ${r.householdId}`).toBe(1);
    const stored = await t.deps.db
      .selectFrom('vote_receipts')
      .select('household_id')
      .where('vote_id', '=', voteId)
      .where(
        'household_id',
        'in',
        reps.map((r) => r.householdId),
      )
      .execute();
    expect(stored).toHaveLength(reps.length);
    const ballots = await t.deps.db
      .selectFrom('vote_ballots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('vote_id', '=', voteId)
      .executeTakeFirstOrThrow();
    const receipts = await t.deps.db
      .selectFrom('vote_receipts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('vote_id', '=', voteId)
      .executeTakeFirstOrThrow();
    expect(Number(ballots.n)).toBe(Number(receipts.n));
  });
});
