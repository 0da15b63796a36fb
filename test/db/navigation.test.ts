// Findability of pages a newcomer could not reach (review of December 2026), over the demo data: the
// resolution's dashboard from the site menu of its readers (council observers, the Front, leaders;
// resolution Art 3) and from the province's page, the way up from a commune's dashboard, the admins'
// catalogue page (issue 9 item 1); a regulation's consultation record linked only for who may open it
// (Art 53: an agency's consultation is its staff's); the requests for information an official answers
// within 03 working days (R-C4), linked from the commune's disclosures and home page, with demo ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/types.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn as shared } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z');
let s: TestServer;
let province: Unit;
let naRi: Unit;
const signIn = (username: string) => shared(s.url, username, clock);
const menu = (html: string) => /<nav aria-label="Điều hướng chính">(.*?)<\/nav>/s.exec(html)?.[1] ?? '';

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const unit = (code: string) => s.deps.db.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
  [province, naRi] = await Promise.all([unit('19'), unit('02155')]);
}, 120_000);
afterAll(() => s.close());

describe('the monitoring dashboard can be found (issue 9; resolution Art 3)', () => {
  it('the site menu links a council observer to the province dashboard and a commune official to the commune one', async () => {
    expect(menu((await (await signIn('hdnd')).get('/')).text)).toContain(`<a href="/monitoring/units/${province.id}">Theo dõi thực hiện nghị quyết</a>`);
    expect(menu((await (await signIn('mattran.nari')).get('/')).text)).toContain(`href="/monitoring/units/${naRi.id}"`);
  });
  it('anonymous visitors and a village head (no readAll) get no menu link; the public page stays reachable from the unit pages', async () => {
    expect(menu((await new Agent(s.url).get('/')).text)).not.toContain('/monitoring');
    expect(menu((await (await signIn('truongthon.xd')).get('/')).text)).not.toContain('/monitoring');
    const p = await new Agent(s.url).get(`/units/${province.id}`);
    expect(p.text).toContain(`href="/monitoring/units/${province.id}"`);
    expect((await new Agent(s.url).get(`/units/${naRi.id}`)).text).toContain(`href="/monitoring/units/${naRi.id}"`);
  });
  it("a commune's dashboard links up one level with the same period and catalogue; the province's has no way up", async () => {
    const c = await new Agent(s.url).get(`/monitoring/units/${naRi.id}?period=2026-Q3&catalogue=na-ri-2024`);
    expect(c.text).toContain(`<a href="/monitoring/units/${naRi.parent_id}?period=2026-Q3&amp;catalogue=na-ri-2024">↑ Lên cấp trên:`);
    const p = await new Agent(s.url).get(`/monitoring/units/${province.id}?period=2026`);
    expect(p.text).not.toContain('Lên cấp trên');
  });
  it('/admin links the page where admins load another council resolution', async () => {
    expect((await (await signIn('admin')).get('/admin')).text).toContain('<a href="/monitoring/catalogues">Nghị quyết và chỉ tiêu</a>');
  });
});

describe("an agency's regulation links its consultation record only for who may read it (R-D4; Arts 53, 55)", () => {
  it('the head sees and opens the link; commune officials, the chairman, a council observer and an admin see no dead link', async () => {
    const reg = await s.deps.db
      .selectFrom('workplace_regulations')
      .select(['agency_id', 'consultation_id'])
      .where('agency_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const href = `href="/consultations/${reg.consultation_id}"`;
    const head = await signIn('hieutruong.nari');
    expect((await head.get(`/agencies/${reg.agency_id}/workplace`)).text).toContain(href);
    expect((await head.get(`/consultations/${reg.consultation_id}`)).status).toBe(200);
    for (const who of ['canbo.nari', 'chutich.nari', 'hdnd', 'admin']) {
      const a = await signIn(who);
      const page = await a.get(`/agencies/${reg.agency_id}/workplace`);
      expect(page.status, who).toBe(200);
      expect(page.text, who).not.toContain(href);
      expect((await a.get(`/consultations/${reg.consultation_id}`)).status, who).toBe(403);
    }
  });
});

describe('requests for information (R-C4; Law 10/2022 Art 14(2), Law 104/2016 Arts 28–31)', () => {
  it("officials find the commune's requests from its disclosures and its home page; residents and visitors do not", async () => {
    const href = `href="/units/${naRi.id}/info-requests"`;
    for (const who of ['canbo.nari', 'hdnd']) {
      const a = await signIn(who);
      expect((await a.get(`/units/${naRi.id}/disclosures`)).text, who).toContain(href);
      expect((await a.get(`/units/${naRi.id}`)).text, who).toContain(href);
    }
    const anon = new Agent(s.url);
    expect((await anon.get(`/units/${naRi.id}/disclosures`)).text).not.toContain(href);
    expect((await anon.get(`/units/${naRi.id}`)).text).not.toContain(href);
  });
  it('the demo has one request answered on time and one still open, both through the real commands (audited)', async () => {
    const rows = await s.deps.db
      .selectFrom('info_requests')
      .select(['status', 'channel', 'received_on', 'due_date', 'closed_on', 'tracking_code'])
      .where('unit_id', '=', naRi.id)
      .orderBy('received_on')
      .execute();
    expect(rows.map((r) => [r.status, r.channel])).toEqual([
      ['answered', 'electronic'],
      ['open', 'onsite'],
    ]);
    expect(rows[0]!.closed_on! <= rows[0]!.due_date).toBe(true);
    const page = await (await signIn('canbo.nari')).get(`/units/${naRi.id}/info-requests`);
    expect(page.status).toBe(200);
    for (const r of rows) expect(page.text).toContain(r.tracking_code);
    const audited = await s.deps.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'info_request').execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['info_request.answered', 'info_request.received', 'info_request.recorded']);
  });
});
