// Issue 10 item 5, crash safety: the server runs as its own process; many connections cast online
// votes in the demo village (Decree 59/2023 Art 5; one ballot per household, R-A9) and send petitions
// through the public API, each asking for an SMS notice; the process is killed with SIGKILL in the
// middle of the load and started again. Acknowledged means committed (group commit on SQLite,
// src/db/group-commit.ts): every request answered 2xx is stored exactly once with its audit entry,
// the audit chain verifies, and the notices still queued at the kill are sent after the restart to
// a (fake, local) SMS gateway. On SQLite, and on PostgreSQL with DANCHU_TEST_DB=postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb, testDialect } from '../helpers.js';
import { castVote, cli, demoVote, fakeGateway, feedbackBody, representatives, type ServerProcess, startServerProcess } from './process-helpers.js';

let t: TestDb;
let gateway: Awaited<ReturnType<typeof fakeGateway>>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  t = await makeTestDb({ seed: 'demo' });
  // A slow gateway (20 ms a message) lets notices queue up, as they do behind a real SMS provider.
  gateway = await fakeGateway(20);
});
afterAll(async () => {
  await server?.kill();
  await gateway?.close();
  await t?.drop();
});

const env = () => ({ SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'test', INTAKE_PER_MINUTE: '1000000' });

describe(`SIGKILL under load (${testDialect})`, () => {
  it('issue 10 item 5: every 2xx vote and petition is stored exactly once, the audit chain verifies, the outbox resumes', async () => {
    const db = t.deps.db;
    const url = t.deps.config.databaseUrl;
    const { villageId, communeId, voteId } = await demoVote(db);
    const reps = await representatives(db, villageId, voteId, 40);
    expect(reps.length, 'households of the demo village that may still vote').toBeGreaterThanOrEqual(10);
    const demoNotices =
      (
        await db
          .selectFrom('outbox')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst()
      )?.id ?? 0;
    server = await startServerProcess(url, env());
    const base = server.url;

    const petitions: string[] = [];
    const ballots: { householdId: number; receipt: string }[] = [];
    let failures = 0;
    let killed = false;
    let n = 0;
    const petitionLoop = async () => {
      while (!killed) {
        const i = n++;
        try {
          const r = await fetch(`${base}/api/v1/feedback`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: feedbackBody(communeId, i, `0977${String(i).padStart(6, '0')}`),
          });
          const body = (await r.json()) as { code?: string };
          if (r.status === 201 && body.code) petitions.push(body.code);
          else throw new Error(`petition answered ${r.status}`);
        } catch {
          failures++;
        }
      }
    };
    const queue = [...reps];
    const voteLoop = async () => {
      for (let rep = queue.shift(); rep && !killed; rep = queue.shift()) {
        try {
          const r = await castVote(base, voteId, rep.sid, rep.householdId % 2 ? 'agree' : 'disagree');
          if (r.status === 200 && r.receipt) ballots.push({ householdId: rep.householdId, receipt: r.receipt });
          else throw new Error(`vote answered ${r.status}`);
        } catch {
          failures++;
        }
        // Spread the votes over the whole load, so that some are in flight at the kill.
        await new Promise((done) => setTimeout(done, 60));
      }
    };
    const load = Promise.all([...Array.from({ length: 12 }, petitionLoop), ...Array.from({ length: 4 }, voteLoop)]);
    // Kill once enough is acknowledged, while requests are still arriving.
    for (let waited = 0; (petitions.length < 150 || ballots.length < 5) && waited < 30_000; waited += 20) await new Promise((d) => setTimeout(d, 20));
    await server.kill();
    killed = true;
    await load;
    expect(petitions.length).toBeGreaterThanOrEqual(150);
    expect(ballots.length).toBeGreaterThanOrEqual(5);

    // The notices written before the kill and not yet handed to the gateway.
    const queued = (
      await db
        .selectFrom('outbox')
        .select('params')
        .where('channel', '=', 'sms')
        .where('status', '=', 'queued')
        .where('attempts', '=', 0)
        .where('id', '>', Number(demoNotices))
        .execute()
    ).map((m) => String((JSON.parse(m.params) as { code: string }).code));
    expect(queued.length, 'notices still queued when the process died').toBeGreaterThan(0);

    server = await startServerProcess(url, env());

    // Every acknowledged petition exactly once, with exactly one audit entry of its receipt.
    const items = await db.selectFrom('feedback_items').select(['id', 'tracking_code']).where('tracking_code', 'in', petitions).execute();
    expect(items.map((i) => i.tracking_code).sort()).toEqual([...petitions].sort());
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'feedback.received')
      .where(
        'entity_id',
        'in',
        items.map((i) => String(i.id)),
      )
      .execute();
    expect(audited.length).toBe(items.length);
    // Nothing half-written: no item without its audit entry, acknowledged or not.
    const allItems = await db
      .selectFrom('feedback_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('channel', '=', 'api')
      .executeTakeFirstOrThrow();
    const allAudit = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'feedback.received')
      .executeTakeFirstOrThrow();
    expect(Number(allAudit.n)).toBeGreaterThanOrEqual(Number(allItems.n));

    // Every acknowledged ballot: its household has exactly one receipt; ballots, receipts and audit
    // entries of the vote agree (one each per household, none lost, none doubled).
    const receipts = await db.selectFrom('vote_receipts').select('household_id').where('vote_id', '=', voteId).execute();
    const households = receipts.map((r) => r.household_id);
    for (const b of ballots) expect(households.filter((h) => h === b.householdId)).toHaveLength(1);
    const ballotRows = await db
      .selectFrom('vote_ballots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('vote_id', '=', voteId)
      .executeTakeFirstOrThrow();
    expect(Number(ballotRows.n)).toBe(receipts.length);
    const castAudit = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'decisions.ballot_cast')
      .where('entity_id', '=', String(voteId))
      .executeTakeFirstOrThrow();
    const reps0 = new Set(reps.map((r) => r.householdId));
    expect(Number(castAudit.n)).toBe(households.filter((h) => reps0.has(h)).length);

    // The chain verifies after the crash (the CLI, as an operator runs it).
    const verified = cli(url, ['verify-audit']);
    expect(verified.out).toContain('Audit chain intact');
    expect(verified.code).toBe(0);

    // The outbox resumes: each notice queued at the kill reaches the gateway once after the restart.
    const sentFor = (code: string) => gateway.received.filter((m) => m.text.startsWith(`Da tiep nhan ${code}`)).length;
    for (let waited = 0; queued.some((c) => sentFor(c) === 0) && waited < 60_000; waited += 200) await new Promise((d) => setTimeout(d, 200));
    for (const c of queued) {
      expect(sentFor(c), `notice for ${c}`).toBe(1);
    }

    // And the restarted server takes new work.
    const after = await fetch(`${server.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: feedbackBody(communeId, 999_999, '0977999999'),
    });
    expect(after.status).toBe(201);
    expect(failures, 'requests in flight cut by the kill').toBeGreaterThan(0);
  }, 150_000);
});
