// Every decisions page of the demo, as a visitor, a village head, a commune official and the council
// observer: no page answers 5xx, and a visitor never gets a page meant for officials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

let s: TestServer;
let paths: string[];

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo' });
  const db = s.deps.db;
  const units = await db.selectFrom('units').select('id').where('code', 'in', ['02191', '02191-01', '02191-02']).execute();
  const matters = await db.selectFrom('matters').select('id').execute();
  const votes = await db.selectFrom('votes').select('id').execute();
  paths = [
    ...units.flatMap((u) => [
      `/units/${u.id}`,
      `/units/${u.id}/decisions`,
      `/units/${u.id}/decisions/new`,
      `/units/${u.id}/elections`,
      `/units/${u.id}/households`,
    ]),
    ...matters.flatMap((m) => [`/matters/${m.id}`, `/matters/${m.id}/votes/new`]),
    ...votes.flatMap((v) =>
      ['', '/meeting', '/minutes', '/ballot', '/paper', '/receipt', '/committee-count', '/notice.docx', '/count.docx', '/decision.docx', '/ballot-form'].map(
        (x) => `/votes/${v.id}${x}`,
      ),
    ),
    ...votes.map((v) => `/api/v1/decisions/${v.id}`),
    ...units.map((u) => `/api/v1/decisions?unit=${u.id}`),
  ];
}, 60_000);
afterAll(async () => s?.close());

describe('decisions pages', () => {
  it('answer without a server error for every kind of user', async () => {
    const agents: [string, Agent][] = [
      ['visitor', new Agent(s.url)],
      ['village head', await signIn(s.url, 'truongthon.xd')],
      ['commune official', await signIn(s.url, 'canbo.xuanduong')],
      ['council observer', await signIn(s.url, 'hdnd')],
    ];
    const failures: string[] = [];
    for (const [who, a] of agents)
      for (const p of paths) {
        const r = await a.get(p);
        if (r.status >= 500) failures.push(`${who} ${p} -> ${r.status}`);
        if (who === 'visitor' && /\/(meeting|minutes|paper|votes\/new|decisions\/new|committee-count)$/.test(p) && r.status === 200)
          failures.push(`${who} ${p} -> 200`);
      }
    expect(failures).toEqual([]);
  }, 120_000);
});
