// Plan and register (issue item 5; Law 10/2022 Art 13(2), 14(1); R-C3) through real HTTP on the demo
// data: the yearly plan, its audited edits, compliance, the public quarterly register and its .docx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitByCode } from '../../src/modules/units/units.repo.js';
import { workingCalendar } from '../../src/platform/calendar/store.js';
import { fixedClock } from '../../src/platform/clock.js';
import { formatDate } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { signIn as shared } from './sign-in-helper.js';

const clock = fixedClock('2026-11-25T03:00:00Z');
let s: TestServer;
let naRi: number;
let xuanDuong: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  naRi = (await unitByCode(s.deps.db, '02155', '2026-07-01'))!.id;
  xuanDuong = (await unitByCode(s.deps.db, '02191', '2026-07-01'))!.id;
  // The demo links part of the plan; these tests start from Na Rì's plan with nothing linked.
  await s.deps.db.updateTable('disclosure_plan_items').set({ disclosure_id: null }).where('unit_id', '=', naRi).execute();
});
afterAll(() => s.close());

const signIn = (username: string): Promise<Agent> => shared(s.url, username, clock);

const item = (key: string, unitId = naRi) =>
  s.deps.db
    .selectFrom('disclosure_plan_items')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('year', '=', 2026)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
const disclosure = (title: string, unitId = naRi) =>
  s.deps.db.selectFrom('disclosures').selectAll().where('unit_id', '=', unitId).where('title', '=', title).executeTakeFirstOrThrow();
/** The <tr> of a plan item on the compliance page. */
const rowOf = (html: string, id: number) => new RegExp(`<tr id="item-${id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[0] ?? '';
const plan = (unitId = naRi) => `/units/${unitId}/disclosures/plan`;

describe('the yearly disclosure plan (Art 14(1))', () => {
  it('exists for 2026 in the demo; the official gets a form per item, the council observer reads it, a visitor is sent to sign in', async () => {
    const items = await s.deps.db.selectFrom('disclosure_plan_items').select('id').where('unit_id', '=', naRi).where('year', '=', 2026).execute();
    expect(items.length).toBeGreaterThan(10);
    const official = await (await signIn('canbo.nari')).get(`${plan()}?year=2026`);
    expect(official.status).toBe(200);
    expect(official.text).toContain('Kế hoạch công khai thông tin năm 2026');
    expect(official.text).toContain('Tình hình thực hiện dự toán ngân sách xã quý I năm 2026');
    expect(official.text).toContain(`action="${plan()}/${items[0]!.id}"`);
    const observer = await (await signIn('hdnd')).get(`${plan()}?year=2026`);
    expect(observer.status).toBe(200);
    expect(observer.text).toContain('Tình hình thực hiện dự toán ngân sách xã quý I năm 2026');
    expect(observer.text).not.toContain('name="dueDate"');
    const visitor = await new Agent(s.url).get(`${plan()}?year=2026`);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toMatch(/^\/sign-in\?next=/);
  });

  it('an official makes next year’s plan with one button (audited)', async () => {
    const a = await signIn('canbo.nari');
    const page = await a.get(`${plan()}?year=2027`);
    expect(page.text).toContain('Lập kế hoạch năm 2027');
    const r = await a.post(plan(), { year: '2027', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    expect((await a.get(r.location!)).text).toContain('Dự toán ngân sách xã năm 2027 đã được HĐND xã quyết định');
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'disclosure.plan_created')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ year: 2027 });
  });

  it('linking an item to a disclosure and changing its due date is audited and shows on compliance as on time', async () => {
    const a = await signIn('canbo.nari');
    const it6 = await item('budget-execution-h1');
    const d = await disclosure('Tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2026');
    const page = await a.get(`${plan()}?year=2026`);
    expect(page.text).toContain(`<option value="${d.id}"`);
    const r = await a.post(`${plan()}/${it6.id}`, { dueDate: '31/07/2026', disclosureId: String(d.id), _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    expect(r.location).toBe(`${plan()}?year=2026#item-${it6.id}`);
    expect(await item('budget-execution-h1')).toMatchObject({ due_date: '2026-07-31', disclosure_id: d.id });
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'disclosure.plan_item_updated')
      .where('entity_id', '=', String(it6.id))
      .executeTakeFirstOrThrow();
    expect(audit.unit_id).toBe(naRi);
    expect(JSON.parse(audit.data)).toMatchObject({
      from: { dueDate: it6.due_date, disclosureId: null },
      to: { dueDate: '2026-07-31', disclosureId: d.id },
    });
    const c = await a.get(`/units/${naRi}/disclosures/compliance?year=2026`);
    expect(c.status).toBe(200);
    const row = rowOf(c.text, it6.id);
    expect(row).toContain('data-status="on_time"');
    expect(row).toContain('31/07/2026');
    expect(row).toContain(`href="/disclosures/${d.id}"`);
  });

  it('an item linked to a disclosure posted after its due date is late, with the working days', async () => {
    const a = await signIn('canbo.nari');
    const q1 = await item('budget-execution-q1');
    const d = await disclosure('Tình hình thực hiện dự toán ngân sách xã quý I năm 2026');
    // Q1 execution falls due 15 days after the quarter: Wed 15/04/2026; the corrected report was posted Thu 16/04/2026.
    expect([q1.due_date, d.posting_start]).toEqual(['2026-04-15', '2026-04-16']);
    const page = await a.get(`${plan()}?year=2026`);
    const r = await a.post(`${plan()}/${q1.id}`, { dueDate: '10/04/2026', disclosureId: String(d.id), _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    // Fri 10/04 -> Thu 16/04: Mon 13, Tue 14, Wed 15, Thu 16 = 4 working days.
    expect((await workingCalendar(s.deps)).workingDaysBetween('2026-04-10', '2026-04-16')).toBe(4);
    const row = rowOf((await a.get(`/units/${naRi}/disclosures/compliance?year=2026`)).text, q1.id);
    expect(row).toContain('data-status="late"');
    expect(row).toContain('chậm 4 ngày làm việc');
  });

  it('unlinked items are missing once their due date has passed and due before; counts are shown; late disclosures are listed with reasons', async () => {
    const a = await signIn('hdnd'); // the council observer reads compliance (Art 14(3))
    const c = await a.get(`/units/${naRi}/disclosures/compliance?year=2026`);
    expect(c.status).toBe(200);
    expect(rowOf(c.text, (await item('socio-economic-plan')).id)).toContain('data-status="missing"');
    expect(rowOf(c.text, (await item('disclosure-register-q4')).id)).toContain('data-status="due"');
    const items = await s.deps.db.selectFrom('disclosure_plan_items').select('id').where('unit_id', '=', naRi).where('year', '=', 2026).execute();
    const count = (status: string) => Number(new RegExp(`<dd data-status="${status}">(\\d+)</dd>`).exec(c.text)?.[1]);
    expect(count('on_time')).toBe(1);
    expect(count('late')).toBe(1);
    expect(count('missing') + count('due')).toBe(items.length - 2);
    // R-C1: decided 10/02/2026, posted 9 working days later: 4 working days after the 5-day deadline.
    const poor = await disclosure('Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ tiền điện năm 2026');
    const late = new RegExp(`<tr id="late-${poor.id}">([\\s\\S]*?)</tr>`).exec(c.text)?.[0] ?? '';
    expect(late).toContain('4 ngày làm việc');
    expect(late).toContain('Chờ in ấn và gửi các thôn');
    expect(c.text).toContain('Quyết toán ngân sách xã năm 2025');
    expect(c.text).not.toContain(`id="late-${(await disclosure('Kế hoạch đầu tư đường bê tông liên thôn năm 2026')).id}"`);
  });

  it('a wrong date is shown next to its field with what was typed; a disclosure of another category is refused', async () => {
    const a = await signIn('canbo.nari');
    const it1 = await item('fees-and-charges');
    const page = await a.get(`${plan()}?year=2026`);
    const bad = await a.post(`${plan()}/${it1.id}`, { dueDate: '31/02/2026', disclosureId: '', _csrf: Agent.csrf(page.text) });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('class="esum"');
    expect(bad.text).toContain(`href="#f-dueDate-${it1.id}"`);
    expect(bad.text).toContain(`id="f-dueDate-${it1.id}-err"`);
    expect(bad.text).toContain('value="31/02/2026"');
    const other = await disclosure('Danh sách công dân nhập ngũ năm 2026');
    const wrong = await a.post(`${plan()}/${it1.id}`, { dueDate: '08/01/2026', disclosureId: String(other.id), _csrf: Agent.csrf(page.text) });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain(`id="f-disclosureId-${it1.id}-err"`);
    expect(await item('fees-and-charges')).toMatchObject({ due_date: it1.due_date, disclosure_id: null });
  });

  it('a commune official of another commune gets 403; a council observer may read but not edit', async () => {
    const other = await signIn('canbo.xuanduong');
    expect((await other.get(`${plan()}?year=2026`)).status).toBe(403);
    expect((await other.get(`/units/${naRi}/disclosures/compliance?year=2026`)).status).toBe(403);
    const own = await other.get(`${plan(xuanDuong)}?year=2026`);
    expect(own.status).toBe(200);
    const target = await item('fees-and-charges');
    expect((await other.post(`${plan()}/${target.id}`, { dueDate: '08/01/2026', disclosureId: '', _csrf: Agent.csrf(own.text) })).status).toBe(403);
    const observer = await signIn('hdnd');
    const page = await observer.get(`/units/${naRi}/disclosures/compliance`);
    expect((await observer.post(`${plan()}/${target.id}`, { dueDate: '08/01/2026', disclosureId: '', _csrf: Agent.csrf(page.text) })).status).toBe(403);
  });
});

describe('the quarterly register (R-C3, Art 13(2))', () => {
  it('lists, for anyone, every disclosure posted in Q3 2026 with its forms and dates', async () => {
    const q3 = await s.deps.db
      .selectFrom('disclosures')
      .select(['id', 'title'])
      .where('unit_id', '=', naRi)
      .where('scope', '=', 'commune')
      .where('status', '!=', 'draft')
      .where('posting_start', '>=', '2026-07-01')
      .where('posting_start', '<=', '2026-09-30')
      .execute();
    expect(q3.map((d) => d.title).sort()).toEqual(
      [
        'Kết quả thanh tra việc quản lý quỹ đất công ích',
        'Quyết toán ngân sách xã năm 2025',
        'Tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2026',
      ].sort(),
    );
    const r = await new Agent(s.url).get(`/units/${naRi}/disclosures/register?year=2026&quarter=3`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('Các nội dung đã công khai quý III năm 2026');
    for (const d of q3) expect(r.text).toContain(`href="/disclosures/${d.id}"`);
    expect(r.text).not.toContain('Hỗ trợ các hộ bị thiệt hại do mưa đá'); // posted in June
    expect(r.text).not.toContain('Kế hoạch công tác năm học'); // an agency's, not the commune's
    const inspection = await disclosure('Kết quả thanh tra việc quản lý quỹ đất công ích');
    const start = formatDate(inspection.posting_start);
    expect(r.text).toContain(`Niêm yết tại trụ sở: ${start}`);
    expect(r.text).toContain(`Hệ thống truyền thanh: ${start} – `);
    expect(r.text).toContain('Số 71/KL-TTr ngày 08/09/2026');
  });

  it('shows a village head’s relay with the village', async () => {
    const d = await disclosure('Kết quả thanh tra việc quản lý quỹ đất công ích', xuanDuong);
    const head = await signIn('truongthon.xd');
    const page = await head.get(`/disclosures/${d.id}`);
    const r = await head.post(`/disclosures/${d.id}/relay`, { form: 'village_head', date: '28/09/2026', detail: 'Họp thôn', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    const village = await s.deps.db.selectFrom('units').select('name').where('code', '=', '02191-01').executeTakeFirstOrThrow();
    const reg = await new Agent(s.url).get(`/units/${xuanDuong}/disclosures/register?year=2026&quarter=3`);
    expect(reg.text).toContain(`Thông qua trưởng thôn (${village.name}): 28/09/2026; Họp thôn`);
  });

  it('is a Word file in the Decree 30 layout', async () => {
    const res = await fetch(`${s.url}/units/${naRi}/disclosures/register.docx?year=2026&quarter=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain('filename="danh-sach-cong-khai-quy-3-2026.docx"');
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(buf.includes('word/document.xml')).toBe(true);
    const xml = unzip(buf).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('DANH SÁCH');
    expect(xml).toContain('Các nội dung đã công khai quý III năm 2026');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('XÃ NA RÌ');
    expect(xml).toContain('Số: .../DS-UBND');
    expect(xml).toContain('Na Rì, ngày 25 tháng 11 năm 2026');
    expect(xml).toContain('Kết quả thanh tra việc quản lý quỹ đất công ích');
    expect(xml).toContain('Nơi nhận:');
    expect(xml).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar[^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(xml).toContain('Times New Roman');
  });
});
