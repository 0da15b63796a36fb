// Issue 10 item 7, backup and restore: `danchu backup` runs while the server (its own process) keeps
// receiving petitions; the copy is restored into a new database with `danchu restore`. The copy is
// one consistent moment: its audit chain verifies, its chain is exactly the source's chain up to that
// moment, every table the load did not touch has the source's row count, and every petition in the
// copy is one the source holds with its audit entry inside the copied chain (none half-written).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/db/index.js';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { makeTestDb, type TestDb, testDialect } from '../helpers.js';
import { cli, demoVote, feedbackBody, ROOT, type ServerProcess, startServerProcess } from './process-helpers.js';

const PG_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
let t: TestDb;
let server: ServerProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), 'danchu-backup-'));
let restoredDb: string | null = null;

beforeAll(async () => {
  t = await makeTestDb({ seed: 'demo' });
});
afterAll(async () => {
  await server?.kill();
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
  if (restoredDb) {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${restoredDb} with (force)`);
    await c.end();
  }
});

/** `danchu <args>` as a child process that does not block this one (the load goes on meanwhile). */
function cliAsync(url: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url },
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      out += b;
    });
    child.on('exit', (code) => done({ code, out }));
  });
}

async function tableCounts(db: Db): Promise<Map<string, number>> {
  // FTS5's shadow tables (search_fts_data, _idx, …) are its storage, not rows: their segments merge.
  const names = (await db.introspection.getTables()).map((x) => x.name).filter((n) => !n.startsWith('kysely_') && !n.startsWith('search_fts_'));
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(n)}`.execute(db)).rows[0]?.n));
  return counts;
}

/** A new database to restore into: a fresh SQLite file, or a new PostgreSQL database. */
async function newDatabase(): Promise<string> {
  if (testDialect === 'sqlite') return `sqlite:${join(dir, 'restored.sqlite')}`;
  restoredDb = `restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`create database ${restoredDb}`);
  await c.end();
  const schema = new URL(t.deps.config.databaseUrl).searchParams.get('options')?.replace('-c search_path=', '') ?? 'public';
  const u = new URL(PG_URL);
  u.pathname = `/${restoredDb}`;
  return `${u.toString()}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

describe(`backup under load (${testDialect})`, () => {
  it('issue 10 item 7: a backup taken during writes restores into a new database with equal counts and a verifying chain', async () => {
    const url = t.deps.config.databaseUrl;
    const { communeId } = await demoVote(t.deps.db);
    const before = await tableCounts(t.deps.db);
    server = await startServerProcess(url, { INTAKE_PER_MINUTE: '1000000' });
    let stop = false;
    let n = 0;
    let during = 0;
    let backingUp = false;
    const loop = async () => {
      while (!stop) {
        const r = await fetch(`${server!.url}/api/v1/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: feedbackBody(communeId, n++, '0977000000'),
        });
        expect(r.status).toBe(201);
        if (backingUp) during++;
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, loop));
    await new Promise((d) => setTimeout(d, 1000));
    const file = join(dir, testDialect === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
    backingUp = true;
    const b = await cliAsync(url, ['backup', file]);
    backingUp = false;
    await new Promise((d) => setTimeout(d, 300));
    stop = true;
    await load;
    expect(b.out).toContain('Backup written');
    expect(b.code).toBe(0);
    expect(during, 'petitions answered while the backup ran').toBeGreaterThan(0);

    const target = await newDatabase();
    const r = cli(target, ['restore', file]);
    expect(r.out).toContain('Restored');
    expect(r.code).toBe(0);
    // A second restore into the now full database is refused.
    expect(cli(target, ['restore', file]).code).toBe(1);

    const copy = openDb(target);
    try {
      const verified = await verifyAudit(copy.db);
      expect(verified.ok).toBe(true);
      const source = t.deps.db;
      // The copy's chain is the source's chain cut at one moment, entry for entry.
      const cut = verified.count;
      const sourceHashes = await source.selectFrom('audit_log').select('hash').where('seq', '<=', cut).orderBy('seq').execute();
      const copyHashes = await copy.db.selectFrom('audit_log').select('hash').orderBy('seq').execute();
      expect(copyHashes).toEqual(sourceHashes);
      const sourceAudit = await source
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(sourceAudit.n), 'writes went on after the backup').toBeGreaterThan(cut);

      // Petitions: exactly those whose audit entry is inside the copied chain (plus the demo's own).
      const received = async (upTo: number) =>
        Number(
          (
            await source
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'feedback.received')
              .where('seq', '<=', upTo)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const [a, c] = [await tableCounts(source), await tableCounts(copy.db)];
      const fromLoad = (await received(2_147_483_647)) - (await received(cut));
      expect(c.get('feedback_items')).toBe(a.get('feedback_items')! - fromLoad);
      // Every table the load did not touch has the source's row count; a table it wrote has a count
      // between the one before the load and the one after it.
      expect([...c.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [name, count] of a) {
        const at0 = before.get(name)!;
        if (at0 === count) expect(c.get(name), name).toBe(count);
        else {
          expect(c.get(name), name).toBeGreaterThanOrEqual(at0);
          expect(c.get(name), name).toBeLessThanOrEqual(count);
        }
      }
      // And the writes that came after the backup are not in the copy.
      expect(c.get('feedback_items')!).toBeLessThan(a.get('feedback_items')!);
    } finally {
      await copy.close();
    }
  }, 150_000);
});
