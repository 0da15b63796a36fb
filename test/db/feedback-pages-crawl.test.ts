// Every feedback page of the demo, as a visitor, the commune official, the chairman, the inspection
// board member, the council observer and another commune's official: no page answers 5xx; a visitor
// never gets an officials' page; nobody but the chairman (who settles it) ever sees the demo
// denouncer's name or phone on any page (R-H4; Denunciation Law Arts 8(3), 9(1)(b), 56).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

let s: TestServer;
let paths: string[];
const DENOUNCER = ['Lý Thị Mai', '0912000102', '006190001234'];

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo' });
  const db = s.deps.db;
  const units = await db.selectFrom('units').select('id').where('code', 'in', ['02155', '02191', '02191-01']).where('valid_to', 'is', null).execute();
  const items = await db.selectFrom('feedback_items').select(['id', 'tracking_code']).execute();
  const points = await db.selectFrom('qr_points').select(['id', 'token']).execute();
  const days = await db.selectFrom('reception_days').select('id').limit(5).execute();
  const bookings = await db.selectFrom('reception_bookings').select(['id', 'booking_code']).execute();
  const dossiers = await db.selectFrom('one_stop_dossiers').select('code').execute();
  paths = [
    '/feedback',
    '/dossiers',
    ...units.flatMap((u) =>
      ['', '/feedback', '/feedback/new', '/feedback/record', '/feedback/stats', '/feedback/manage', '/feedback/manage?due=overdue', '/feedback/settings'].map(
        (x) => `/units/${u.id}${x}`,
      ),
    ),
    ...units.flatMap((u) => [`/units/${u.id}/reception`, `/units/${u.id}/qr`, `/units/${u.id}/ratings`, `/units/${u.id}/feedback/register.csv`]),
    ...items.flatMap((i) => [
      `/feedback/${i.tracking_code}`,
      `/feedback/manage/${i.id}`,
      `/api/v1/feedback/${i.tracking_code}`,
      `/audit/feedback_item/${i.id}`,
    ]),
    ...points.flatMap((p) => [`/q/${p.token}`, `/qr/${p.id}/poster`]),
    ...days.flatMap((d) => [`/reception/days/${d.id}/book`, `/reception/manage/days/${d.id}`]),
    ...bookings.flatMap((b) => [`/reception/bookings/${b.booking_code}`, `/reception/manage/bookings/${b.id}/receive`]),
    ...dossiers.map((d) => `/dossiers/${encodeURIComponent(d.code)}`),
    '/units/abc/feedback/manage',
    '/feedback/manage/99999999999',
    '/units/99999999999/feedback/new',
  ];
}, 60_000);
afterAll(async () => s?.close());

describe('feedback pages', () => {
  it('R-H4: answer without a server error for every kind of user, and show the denouncer to nobody but the chairman', async () => {
    const agents: [string, Agent][] = [
      ['visitor', new Agent(s.url)],
      ['commune official', await signIn(s.url, 'canbo.nari')],
      ['chairman', await signIn(s.url, 'chutich.nari')],
      ['inspection board', await signIn(s.url, 'ttnd.nari')],
      ['council observer', await signIn(s.url, 'hdnd')],
      ['other commune', await signIn(s.url, 'canbo.vanlang')],
    ];
    const failures: string[] = [];
    const ok = new Map<string, number>();
    for (const [who, a] of agents)
      for (const p of paths) {
        const r = await a.get(p);
        if (r.status === 200) ok.set(who, (ok.get(who) ?? 0) + 1);
        if (r.status >= 500) failures.push(`${who} ${p} -> ${r.status}`);
        if (
          who === 'visitor' &&
          /\/(feedback\/manage.*|feedback\/record|feedback\/settings|register\.csv|reception\/manage.*|receive)$/.test(p) &&
          r.status === 200
        )
          failures.push(`${who} ${p} -> 200`);
        if (who !== 'chairman') for (const secret of DENOUNCER) if (r.text.includes(secret)) failures.push(`${who} ${p} shows ${secret}`);
      }
    expect(failures).toEqual([]);
    // The crawl reached the pages: the commune's own official opens far more of them than a visitor.
    expect(ok.get('commune official')).toBeGreaterThan((ok.get('visitor') ?? 0) + 10);
  }, 300_000);
});
