// The demo lets a newcomer try "dân bàn" as a resident (R-D1, R-D2; Law 10/2022 Arts 25–28): the demo
// resident (household representative in Thôn Khau Pái, Xã Xuân Dương) signs in with a code, finds an
// open consultation of his commune and comments on one of its articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { act, signInResident } from './consultation-helpers.js';

const clock = fixedClock('2026-12-07T03:00:00Z');
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
}, 120_000);
afterAll(() => s.close());

describe('an open consultation the demo resident can comment on (R-D1, R-D2; Arts 26, 28)', () => {
  it("is listed on Xuân Dương's consultations, offers him the comment form, and takes his comment on Article 2", async () => {
    const xd = await s.deps.db.selectFrom('units').select('id').where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const c = await s.deps.db
      .selectFrom('consultations')
      .select(['id', 'title', 'closes_on'])
      .where('unit_id', '=', xd.id)
      .where('status', '=', 'open')
      .where('audience', '=', 'all')
      .executeTakeFirstOrThrow();
    expect((c.closes_on ?? '') > '2026-12-07').toBe(true);
    const resident = await signInResident(s);
    expect((await resident.get(`/units/${xd.id}/consultations`)).text).toContain(`/consultations/${c.id}`);
    const page = await resident.get(`/consultations/${c.id}`);
    expect(page.text).toContain(`action="/consultations/${c.id}/comments"`);
    const art2 = await s.deps.db
      .selectFrom('consultation_articles')
      .select('id')
      .where('consultation_id', '=', c.id)
      .where('position', '=', 2)
      .executeTakeFirstOrThrow();
    const body = 'Nhà tôi nhất trí hiến đất mở rộng đoạn đường vào thôn Khau Pái.';
    const r = await act(resident, `/consultations/${c.id}`, `/consultations/${c.id}/comments`, { article: String(art2.id), body, stance: 'agree' });
    expect(r.status).toBe(303);
    expect((await resident.get(`/consultations/${c.id}?article=${art2.id}`)).text).toContain(body);
  });
});
