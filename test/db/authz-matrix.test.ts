// Issue 10 item 2: the authorisation matrix. Every action of every policy (src/modules/*/*.policy.ts,
// src/platform/*/*.policy.ts and src/platform/auth/policy.ts, found on disk so a new module is picked up) × every role × the
// relation of the role's unit to the resource's unit (own, parent of it, sibling, another province)
// is requested through the pages and the JSON API; the expected outcome comes from the rules table
// (definePolicy(...).rules) and the relation, never from a hand-written list (DESIGN.md "Permission").
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, type Rule } from '../../src/platform/auth/policy.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { AGENCY_ROLES, buildFixture, type Fixture, RELATIONS, type Relation } from './authz/fixture.js';
import type { Answer, Probe, Req } from './authz/probe.js';
import { ROUTE_MAP } from './authz/route-map.js';

type Rules = Record<string, Rule>;
const ROOT = join(import.meta.dirname, '../..');

/** Every definePolicy table, keyed by module: 'platform', each folder under src/modules, and each
 * platform folder with a *.policy.ts of its own (audit). */
async function policies(): Promise<Map<string, Rules>> {
  const out = new Map<string, Rules>();
  const files = [['platform', join(ROOT, 'src/platform/auth/policy.ts')]];
  for (const base of ['src/modules', 'src/platform'])
    for (const m of readdirSync(join(ROOT, base))) {
      const dir = join(ROOT, base, m);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir).filter((x) => /\.policy\.tsx?$/.test(x))) files.push([m, join(dir, f)]);
    }
  for (const [m, file] of files) {
    const mod = (await import(file!)) as Record<string, unknown>;
    for (const v of Object.values(mod))
      if (typeof v === 'function' && 'rules' in v) out.set(m!, { ...(out.get(m!) ?? {}), ...(v as unknown as { rules: Rules }).rules });
  }
  return out;
}

/** The oracle: what the rules table says for a role whose grant relates so to the resource. */
function expected(rules: Rules, actions: string[], role: Role | 'anonymous', rel: Relation, p: Probe): boolean {
  return actions.some((a) => {
    const rule = rules[a];
    if (rule === undefined) return false;
    if (rule === 'anyone') return true;
    if (role === 'anonymous') return false;
    if (rule === 'signed_in') return true;
    const where = p.grantIn ?? ['own', 'child'];
    return rule.includes(role) && where.includes(rel) && (!AGENCY_ROLES.has(role) || !!p.agency);
  });
}

type Outcome = 'allowed' | 'denied' | `broken ${number}`;
async function run(f: Fixture, req: Req, cookie: string, p: Probe, id: number, api: boolean): Promise<Outcome> {
  const headers: Record<string, string> = { accept: api ? 'application/json' : 'text/html', cookie };
  let body: string | undefined;
  if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams({ ...req.form, _csrf: f.csrf(cookie) }).toString();
  } else if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  }
  const res = await fetch(f.s.url + req.path, { method: req.method, headers, body, redirect: 'manual' });
  const a: Answer = { status: res.status, location: res.headers.get('location') ?? '', body: await res.text() };
  if (a.status === 401 || a.status === 403 || (a.status === 303 && a.location.startsWith('/sign-in'))) return 'denied';
  if (a.status === 404 && p.hiddenAs404) return 'denied';
  if (a.status >= 500 || a.status === 404) return `broken ${a.status}`;
  if (p.shows) return (await p.shows(a, f, id)) ? 'allowed' : 'denied';
  return 'allowed';
}

let s: TestServer;
let f: Fixture;
let table: Map<string, Rules>;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo' });
  f = await buildFixture(s);
  table = await policies();
}, 60_000);
afterAll(() => s.close());

describe('authorisation matrix (issue 10 item 2; DESIGN.md "Permission": deny unless a rule allows)', () => {
  it('every action of every policy is exercised by a request in the route map', () => {
    const missing = [...table].flatMap(([m, rules]) => Object.keys(rules).map((a) => `${m}.${a}`)).filter((k) => !(k in ROUTE_MAP));
    expect(missing, `map these actions in test/db/authz/route-map.ts (a request that exercises each): ${missing.join(', ')}`).toEqual([]);
  });

  it('every mapped action answers as its rules say, for every role and unit relation, on pages and API', async () => {
    const wrong: string[] = [];
    let requests = 0;
    for (const [m, rules] of table)
      for (const action of Object.keys(rules)) {
        const mapping = ROUTE_MAP[`${m}.${action}`];
        if (!mapping) continue;
        for (const p of Array.isArray(mapping) ? mapping : [mapping]) {
          const actions = [action, ...(p.anyOf ?? [])];
          for (const [kind, make] of [
            ['page', p.page],
            ['api', p.api],
          ] as const) {
            if (!make) continue;
            const cases: [Role | 'anonymous', Relation][] = [
              ['anonymous', 'own'],
              ...ROLES.flatMap((r) => RELATIONS.map((rel) => [r, rel] as [Role, Relation])),
            ];
            for (const [role, rel] of cases) {
              const id = p.setup ? await p.setup(f) : 0;
              const req = make(f, id);
              const want = expected(rules, actions, role, rel, p) ? 'allowed' : 'denied';
              const got = await run(f, req, f.cookie(role, p.level, rel), p, id, kind === 'api');
              requests++;
              if (got !== want) wrong.push(`${m}.${action} ${kind} ${req.method} ${req.path}: ${role} (${rel}) expected ${want}, got ${got}`);
            }
          }
        }
      }
    console.log(`authorisation matrix: ${requests} requests`);
    expect(wrong).toEqual([]);
  }, 300_000);
});
