// Every oversight page of the demo as a visitor and as each demo account that has a part in it: no
// page answers 5xx; a visitor never gets a form or a list meant for officials; an agency board's
// internal results reach only the agency (Law 10/2022 Art 46).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

let s: TestServer;
let paths: string[];
let internal: string;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo' });
  const db = s.deps.db;
  const units = await db
    .selectFrom('units')
    .select('id')
    .where('code', 'in', ['02155', '02191'])
    .where('level', '=', 'commune')
    .where('valid_to', 'is', null)
    .execute();
  const boards = await db.selectFrom('oversight_boards').select(['id', 'agency_id']).execute();
  const acts = await db.selectFrom('oversight_activities').select('id').execute();
  const recs = await db.selectFrom('oversight_recommendations').select('id').execute();
  const projects = await db.selectFrom('oversight_projects').select('id').execute();
  const agencies = await db.selectFrom('agencies').select('id').execute();
  paths = [
    ...units.flatMap((u) =>
      [
        '',
        '/oversight',
        '/oversight/recommendations',
        '/oversight/recommendations?state=answered',
        '/projects',
        '/projects/new',
        '/oversight/inspect?feedback=X',
      ].map((x) => `/units/${u.id}${x}`),
    ),
    ...boards.flatMap((b) =>
      ['', '/activities/new', '/report', '/report?period=half_year&year=2026&n=2', '/report?period=term', '/report.docx?period=year&year=2026'].map(
        (x) => `/oversight/boards/${b.id}${x}`,
      ),
    ),
    ...boards.map((b) => `/audit/oversight_board/${b.id}`),
    ...acts.flatMap((a) => [`/oversight/activities/${a.id}`, `/audit/oversight_activity/${a.id}`]),
    ...recs.map((r) => `/oversight/recommendations/${r.id}/answer`),
    ...projects.flatMap((p) => [`/projects/${p.id}`, `/audit/oversight_project/${p.id}`]),
    ...agencies.map((a) => `/agencies/${a.id}/oversight`),
    ...units.flatMap((u) => [`/api/v1/boards?unit=${u.id}`, `/api/v1/projects?unit=${u.id}`]),
  ];
  // An agency board's activity, written by a member of the school's board.
  const school = boards.find((b) => b.agency_id !== null)!;
  const teacher = await signIn(s.url, 'giaovien.nari');
  const form = await teacher.get(`/oversight/boards/${school.id}/activities/new`);
  const r = await teacher.post(`/oversight/boards/${school.id}/activities`, {
    _csrf: Agent.csrf(form.text),
    kind: 'inspection',
    subject: 'Kiểm tra nội bộ (thử)',
    findings: 'Nội dung nội bộ của trường.',
    heldOn: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
  });
  expect(r.status).toBe(303);
  internal = r.location!;
}, 120_000);
afterAll(() => s?.close());

const ACCOUNTS = [
  'ttnd.nari',
  'gsdt.nari',
  'mattran.nari',
  'chutich.nari',
  'canbo.nari',
  'congdoan.nari',
  'giaovien.nari',
  'hieutruong.nari',
  'hdnd',
  'canbo.vanlang',
];

describe('oversight pages of the demo', () => {
  it('a visitor: public pages 200, officials’ pages sign-in or 403/404, never 5xx; the agency’s internal results hidden', async () => {
    const a = new Agent(s.url);
    for (const p of paths) {
      const r = await a.get(p);
      expect(r.status, p).toBeLessThan(500);
      if (/\/(new|recommendations|answer)(\?|$)|\/audit\//.test(p)) expect([303, 401, 403, 404], p).toContain(r.status);
    }
    expect((await a.get(internal)).status).toBe(404);
  });

  for (const user of ACCOUNTS)
    it(`${user}: no page answers 5xx`, async () => {
      const a = await signIn(s.url, user);
      for (const p of paths) expect((await a.get(p)).status, `${user} ${p}`).toBeLessThan(500);
      const inside = ['giaovien.nari', 'hieutruong.nari', 'congdoan.nari'].includes(user);
      expect((await a.get(internal)).status, user).toBe(inside ? 200 : 404);
    });
});
