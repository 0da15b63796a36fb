// Builds the real app on a real database for a test: a fresh SQLite file, or a fresh PostgreSQL
// schema when DANCHU_TEST_DB=postgres (DATABASE_URL_TEST, default postgres://postgres@127.0.0.1:5432/test).
// The server listens on 127.0.0.1 on a free port; no part of our own code is mocked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../src/app.js';
import type { AppDeps } from '../src/app-deps.js';
import { loadConfig } from '../src/config.js';
import { openDb } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedBase, seedDemo } from '../src/db/seed.js';
import { type Clock, systemClock } from '../src/platform/clock.js';

export const testDialect = process.env.DANCHU_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDb = { deps: AppDeps; drop: () => Promise<void> };

export async function makeTestDb(opts: { seed?: 'none' | 'base' | 'demo'; clock?: Clock; env?: Record<string, string> } = {}): Promise<TestDb> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (testDialect === 'postgres') {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'danchu-test-'));
    url = `sqlite:${join(dir, 'test.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, SEED_DEMO: 'true', ...opts.env });
  const handle = openDb(url);
  const deps: AppDeps = { config, handle, db: handle.db, dialect: handle.dialect, clock: opts.clock ?? systemClock };
  await migrateToLatest(handle);
  if (opts.seed === 'demo') await seedDemo(deps);
  else if (opts.seed !== 'none') await seedBase(deps);
  return {
    deps,
    drop: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

export type TestServer = TestDb & { url: string; app: Awaited<ReturnType<typeof createApp>>; close: () => Promise<void> };

export async function startTestServer(opts: Parameters<typeof makeTestDb>[0] = {}): Promise<TestServer> {
  const t = await makeTestDb(opts);
  const app = await createApp(t.deps);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    ...t,
    url: address,
    app,
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}

/** A tiny cookie-keeping HTTP client over real fetch, for form flows without a browser. */
export class Agent {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  async get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, { headers: { accept: 'text/html', cookie: this.header(), ...headers }, redirect: 'manual' });
    this.keep(res);
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), headers: res.headers };
  }
  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: this.header(), ...headers },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    this.keep(res);
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), headers: res.headers };
  }
  /** A multipart form with files, as a browser sends a form with enctype="multipart/form-data". */
  async postMultipart(path: string, form: Record<string, string | string[]>, files: { field: string; name: string; bytes: Buffer; type?: string }[] = []) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) fd.append(k, x);
    for (const f of files) fd.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
    const res = await fetch(this.base + path, { method: 'POST', headers: { accept: 'text/html', cookie: this.header() }, body: fd, redirect: 'manual' });
    this.keep(res);
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), headers: res.headers };
  }
  /** The CSRF token of the first form on a page. */
  static csrf(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no CSRF token on the page');
    return m[1]!;
  }
}
