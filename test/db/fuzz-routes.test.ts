// Issue 10 item 3: input fuzzing. Every route Fastify registered (so a new module's routes are in)
// gets hostile path parameters, query strings and bodies from fast-check: very long strings,
// control characters, Vietnamese in NFC and NFD, SQL / HTML / script payloads, negative and huge
// numbers, wrong types, duplicate JSON keys and duplicate form fields; signed in and anonymous.
// Never a 500, never our markup echoed unescaped, and every text stored is NFC.
// FUZZ_RUNS (default 6) runs per route and FUZZ_BUDGET_MS (default 120000) bound the run for CI.

import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE, sha256 } from '../../src/platform/auth/session.js';
import { startTestServer, type TestServer } from '../helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 120_000);
const MARK = 'data-fz="1"';
const NFD_NAME = 'Nguyễn Thị Hằng ở Bắc Kạn'.normalize('NFD');

const hostile = fc.oneof(
  fc.constantFrom(
    "' OR '1'='1' --",
    '1; DROP TABLE users; --',
    `<b ${MARK}>đậm</b>`,
    `"><b ${MARK}>`,
    `<script ${MARK}>alert(1)</script>`,
    'javascript:alert(1)',
    '\u0000\u0001\u0007\u001b[31m\u007f',
    '\r\nX-Injected: 1\r\n',
    '\u202eevil\u200b\ufeff',
    NFD_NAME,
    NFD_NAME.normalize('NFC'),
    '-1',
    '-99999999999999',
    '1e309',
    '99999999999999999999999999',
    '9007199254740993',
    'NaN',
    '0x1F',
    '',
    ' ',
    '2026-02-30',
    '31/12/2026',
    '../../etc/passwd',
    '%00%zz',
    '😀🇻🇳',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('ẩ'.repeat(5_000), `${NFD_NAME} `.repeat(2_000), 'x'.repeat(60_000)),
);
/** JSON values of the wrong type for any field. */
const wrongType = fc.oneof(hostile, fc.integer(), fc.double(), fc.constantFrom(null, true, [], {}, [1, 'a'], { $gt: '' }, -1, 1e308));

/** Every form field name the code reads (field(b, 'x')) or renders (name="x"), so new forms are included. */
function formFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f) && !f.includes('.test.'))
        for (const m of readFileSync(p, 'utf8').matchAll(/\bfields?\([^,()]+,\s*'([A-Za-z_]\w*)'|\bname="([A-Za-z_]\w*)"/g)) names.add((m[1] ?? m[2])!);
    }
  };
  walk(join(import.meta.dirname, '../../src'));
  return [...names];
}

let s: TestServer;
let officialCookie: string;
let officialCsrf: string;
let anonCookie: string;
let anonCsrf: string;
let FIELDS: string[];
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo' });
  const db = s.deps.db;
  const u = await db.selectFrom('users').select('id').where('username', '=', 'chutich.nari').executeTakeFirstOrThrow();
  const token = await createSession(db, u.id, 'full', s.deps.clock.now(), 3_600_000);
  officialCookie = `${SESSION_COOKIE}=${token}`;
  const sess = await db.selectFrom('sessions').select('csrf_secret').where('id', '=', sha256(token)).executeTakeFirstOrThrow();
  officialCsrf = createHmac('sha256', s.deps.config.sessionSecret).update(`csrf:${sess.csrf_secret}`).digest('base64url');
  const page = await fetch(`${s.url}/sign-in`);
  anonCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  anonCsrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  FIELDS = formFieldNames();
}, 60_000);
afterAll(() => s.close());

type Case = { params: string[]; query: [string, string][]; form: [string, string][]; json: Record<string, unknown>; dupKey: boolean; signedIn: boolean };

function caseFor(paramCount: number, schemaKeys: string[]) {
  const param = fc.oneof(fc.constantFrom('1', '2', '3', '17'), hostile);
  const key = fc.oneof(fc.constantFrom(...FIELDS), fc.constantFrom(...(schemaKeys.length ? schemaKeys : ['q'])));
  return fc.record<Case>({
    params: fc.array(param, { minLength: paramCount, maxLength: paramCount }),
    query: fc.array(fc.tuple(fc.constantFrom('q', 'page', 'year', 'status', 'code', 'date', 'kind', 'next', 'unit', ...schemaKeys), hostile), { maxLength: 4 }),
    // Repeated keys are likely: the same name is drawn from a small pool (duplicate form fields).
    form: fc.array(fc.tuple(key, hostile), { minLength: 1, maxLength: 14 }),
    json: fc.dictionary(key, wrongType, { maxKeys: 8 }),
    dupKey: fc.boolean(),
    signedIn: fc.boolean(),
  });
}

describe('fuzzing every route (issue 10 item 3)', () => {
  it('no route answers 500 or echoes markup unescaped, whatever it is sent', async () => {
    const started = Date.now();
    const routes = s.app.routeList.filter((r) => !r.url.startsWith('/assets/') && r.url !== '/sign-out' && r.url !== '*');
    const failures: string[] = [];
    let requests = 0;
    let done = 0;
    for (const r of routes) {
      if (Date.now() - started > BUDGET_MS) break;
      const paramNames = [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      const schemaKeys = Object.keys(((r.schema.body ?? r.schema.querystring) as { properties?: object } | undefined)?.properties ?? {});
      await fc.assert(
        fc.asyncProperty(caseFor(paramNames.length, schemaKeys), async (c) => {
          let path = r.url;
          c.params.forEach((v, i) => {
            path = path.replace(`:${paramNames[i]}`, encodeURIComponent(v) || 'x');
          });
          const qs = new URLSearchParams(c.query).toString();
          const url = `${s.url}${path}${qs ? `?${qs}` : ''}`;
          const headers: Record<string, string> = { cookie: c.signedIn ? officialCookie : anonCookie, accept: 'text/html' };
          let body: string | undefined;
          if (r.method === 'POST') {
            const csrf = c.signedIn ? officialCsrf : anonCsrf;
            if (r.url.startsWith('/api/')) {
              headers['content-type'] = 'application/json';
              headers.accept = 'application/json';
              if (c.signedIn) headers.cookie = ''; // the API is called with no session (bearer or webhook)
              const json = JSON.stringify(c.json);
              // Duplicate keys: the same key written twice in the raw JSON text.
              body = c.dupKey && json.length > 2 ? `{"title":"a","title":${JSON.stringify(NFD_NAME)},${json.slice(1)}` : json;
            } else {
              headers['content-type'] = 'application/x-www-form-urlencoded';
              const p = new URLSearchParams(c.form);
              p.append('_csrf', csrf);
              body = p.toString();
            }
          }
          const res = await fetch(url, { method: r.method, headers, body, redirect: 'manual' });
          requests++;
          const text = await res.text();
          const where = `${r.method} ${r.url} → ${res.status} (${url.slice(s.url.length, s.url.length + 120)})`;
          // 503 is a deliberate answer (an intake that is not configured), not a crash.
          if (res.status >= 500 && !(res.status === 503 && text.includes('not_configured'))) failures.push(`${where}: ${text.slice(0, 200)}`);
          if ((res.headers.get('content-type') ?? '').includes('text/html') && new RegExp(`<[a-z]+ ${MARK}`).test(text))
            failures.push(`${where}: markup echoed unescaped`);
          return true;
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261207), endOnFailure: true },
      );
      done++;
    }
    console.log(`fuzz: ${done}/${routes.length} routes, ${requests} requests, ${RUNS} runs per route, ${Date.now() - started} ms (budget ${BUDGET_MS} ms)`);
    expect(failures).toEqual([]);
    expect(done, 'the time budget ran out before every route was fuzzed: raise FUZZ_BUDGET_MS or lower FUZZ_RUNS').toBe(routes.length);
  }, 600_000);

  it('every text stored in the database is NFC (NFD input is normalised on the way in)', async () => {
    // One certain write besides the fuzz: a resident's report typed on a phone that sends NFD.
    const naRi = await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const form = {
      kind: 'report',
      category: 'infrastructure',
      title: NFD_NAME,
      content: `${NFD_NAME}: cầu treo gãy ván`.normalize('NFD'),
      placeText: NFD_NAME,
    };
    const sent = await fetch(`${s.url}/units/${naRi.id}/feedback/new`, {
      method: 'POST',
      headers: { cookie: anonCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, _csrf: anonCsrf }).toString(),
      redirect: 'manual',
    });
    expect(sent.status).toBe(303);
    const stored = await s.deps.db.selectFrom('feedback_items').select('title').where('title', '=', NFD_NAME.normalize('NFC')).execute();
    expect(stored).toHaveLength(1);
    const bad: string[] = [];
    for (const t of await s.deps.db.introspection.getTables()) {
      const rows = (await s.deps.db
        .selectFrom(t.name as never)
        .selectAll()
        .execute()) as Record<string, unknown>[];
      for (const row of rows)
        for (const [k, v] of Object.entries(row)) if (typeof v === 'string' && v !== v.normalize('NFC')) bad.push(`${t.name}.${k}: ${v.slice(0, 60)}`);
    }
    expect(bad).toEqual([]);
  });
});
