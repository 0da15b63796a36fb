// Real server processes for the reliability tests (issue 10 items 5–7): `danchu serve` started as a
// child process through tsx (no build needed), killed with SIGKILL or stopped, on the test's database;
// a fake SMS gateway on 127.0.0.1 that records what it is sent; resident accounts with sessions for
// the households of the demo village, so that many connections can vote at once.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/db/index.js';
import { createSession } from '../../src/platform/auth/session.js';
import { Agent } from '../helpers.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ServerProcess = { url: string; child: ChildProcess; output: () => string; kill: () => Promise<void>; stop: () => Promise<void> };

/** Starts `danchu serve` on `databaseUrl` on a free port; resolves once it listens. */
export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const read = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/\S+) /.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => out, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** `danchu <args>` run to its end (verify-audit, backup, seed); returns the exit code and output. */
export function cli(databaseUrl: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A fake SMS gateway (the JSON POST of src/platform/notify/channels/sms.ts): records every message. */
export async function fakeGateway(delayMs = 0): Promise<{ url: string; received: { to: string; text: string }[]; close: () => Promise<void> }> {
  const received: { to: string; text: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(body) as { to: string; text: string });
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), delayMs);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    received,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Resident accounts with a session each for up to `max` households of `villageId` that have not voted
 * on `voteId` (the demo's open online vote): the cookie a representative's browser would hold. */
export async function representatives(db: Db, villageId: number, voteId: number, max: number) {
  const now = new Date().toISOString();
  const voted = (await db.selectFrom('vote_receipts').select('household_id').where('vote_id', '=', voteId).execute()).map((r) => r.household_id);
  let q = db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('users as u', 'u.resident_id', 'r.id')
    .select(['r.id', 'r.full_name', 'h.id as household_id'])
    .where('h.unit_id', '=', villageId)
    .where('r.is_representative', '=', 1)
    .where('u.id', 'is', null);
  if (voted.length) q = q.where('h.id', 'not in', voted);
  const rows = await q.orderBy('h.id').limit(max).execute();
  const out: { householdId: number; sid: string }[] = [];
  for (const [i, r] of rows.entries()) {
    const user = await db
      .insertInto('users')
      .values({ kind: 'resident', phone: `0966${String(i).padStart(6, '0')}`, display_name: r.full_name, resident_id: r.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const role of ['resident', 'household_representative'] as const)
      await db.insertInto('role_grants').values({ user_id: user.id, role, unit_id: villageId, granted_at: now }).execute();
    out.push({ householdId: r.household_id, sid: await createSession(db, user.id, 'full', new Date(), 86_400_000) });
  }
  return out;
}

/** The demo village (02191-01) and its open online vote. */
export async function demoVote(db: Db) {
  const village = await db.selectFrom('units').select(['id', 'parent_id']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
  const vote = await db
    .selectFrom('votes')
    .select('id')
    .where('unit_id', '=', village.id)
    .where('form', '=', 'online')
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  return { villageId: village.id, communeId: village.parent_id!, voteId: vote.id };
}

/** One online vote as a representative's browser casts it: the ballot page (CSRF token), then the
 * form. Resolves to the status and, when the vote was taken, the receipt code shown. */
export async function castVote(base: string, voteId: number, sid: string, choice: string): Promise<{ status: number; receipt: string | null }> {
  const a = new Agent(base);
  a.cookies.set('dc_sid', sid);
  const page = await a.get(`/votes/${voteId}/ballot`);
  if (page.status !== 200) return { status: page.status, receipt: null };
  const r = await a.post(`/votes/${voteId}/ballot`, { choice, _csrf: Agent.csrf(page.text) });
  return { status: r.status, receipt: /<strong class="code">([0-9A-Z]{5}-[0-9A-Z]{5})<\/strong>/.exec(r.text)?.[1] ?? null };
}

/** A petition through the public JSON API, asking for an SMS notice to `phone`. */
export function feedbackBody(communeId: number, n: number, phone: string) {
  return JSON.stringify({
    commune: communeId,
    kind: 'petition',
    category: 'infrastructure',
    title: `Đèn đường hỏng số ${n}`,
    content: `Đèn đường trước nhà văn hoá thôn bị hỏng (lần ${n}), đề nghị thay.`,
    phone,
    notifyChannel: 'sms',
  });
}
