// The agency level of the monitoring drill-down (issue 9 item 4 "province → commune → village /
// agency"; resolution T-2.x "every agency, unit and locality") and the evidence files of officials'
// records (item 3), over the demo data: the school of Na Rì has its democracy regulation, its staff
// conference and a recognised People's Inspection Board; the health station has none of them. This
// test adds feedback handled by the school and a dialogue of its head, and a provincial department.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/types.js';
import type { AgencyRef } from '../../src/modules/module.js';
import { agenciesOf, agencyRef, evaluateAgencies, parsePeriod } from '../../src/modules/monitoring/compute.js';
import { pickCatalogue } from '../../src/modules/monitoring/model.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { signIn as shared } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z');
let s: TestServer;
let naRi: Unit;
let province: Unit;
let school: AgencyRef;
let health: AgencyRef;
let department: number;
const signIn = (username: string) => shared(s.url, username, clock);
const bytes = async (a: Agent | null, path: string) => {
  const res = await fetch(s.url + path, { redirect: 'manual', headers: a ? { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {} });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
};
const year = parsePeriod('2026')!;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const db = s.deps.db;
  const unit = (code: string) => db.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
  [naRi, province] = await Promise.all([unit('02155'), unit('19')]);
  const agencies = await agenciesOf(s.deps, naRi, year);
  school = agencies.find((a) => a.kind === 'school')!;
  health = agencies.find((a) => a.kind === 'health_station')!;
  // Feedback the school handles itself (Art 59(1)(c)): one answered in time, one late.
  const item = (n: number, answered: string) => ({
    tracking_code: `AG-${n}`,
    commune_id: naRi.id,
    kind: 'petition' as const,
    category: 'other',
    channel: 'web',
    title: 'x',
    content: 'x',
    anonymous: 0,
    handler_unit_id: naRi.id,
    handler_agency_id: school.id,
    status: 'answered' as const,
    received_on: '2026-10-01',
    accept_due: '2026-10-15',
    due_on: '2026-10-15',
    answered_on: answered,
    created_at: '2026-10-01T00:00:00Z',
    updated_at: '2026-10-01T00:00:00Z',
  });
  await db
    .insertInto('feedback_items')
    .values([item(1, '2026-10-10'), item(2, '2026-10-20')])
    .execute();
  // The school head's dialogue with the staff (Art 59(1)(b)).
  await db
    .insertInto('dialogues')
    .values({
      unit_id: naRi.id,
      agency_id: school.id,
      topic: 'Đối thoại với giáo viên',
      place: 'Phòng họp',
      starts_at: '2026-05-10T01:00:00Z',
      year: 2026,
      co_organiser: 'Công đoàn',
      status: 'held',
      held_on: '2026-05-10',
      created_by: 't',
      created_at: '2026-05-01T00:00:00Z',
      updated_at: '2026-05-10T00:00:00Z',
    })
    .execute();
  department = (
    await db
      .insertInto('agencies')
      .values({ unit_id: province.id, name: 'Sở Nội vụ tỉnh Thái Nguyên', kind: 'department', is_demo: 0 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}, 120_000);
afterAll(() => s.close());

describe('indicators of each agency (T-2.4, T-2.5, M-3.3(b), Arts 56–63)', () => {
  it('a commune lists the agencies inside it; the province only those attached above the communes', async () => {
    expect((await agenciesOf(s.deps, naRi, year)).map((a) => a.kind).sort()).toEqual(['health_station', 'peoples_committee', 'school']);
    expect((await agenciesOf(s.deps, province, year)).map((a) => a.id)).toEqual([department]);
  });
  it('figures per agency; an indicator with no meaning inside an agency is "not applicable", never 0 %', async () => {
    const { cat } = await pickCatalogue(s.deps, undefined);
    const rows = await evaluateAgencies(s.deps, cat, [school, health], year, { internal: true });
    const at = (indicator: string, a: AgencyRef) => rows.find((r) => r.measure.indicator === indicator)!.cells.get(a.id);
    expect(at('workplace.regulation_in_force', school)).toEqual({ value: 1, of: 1, share: 1 });
    expect(at('workplace.regulation_in_force', health)).toEqual({ value: 0, of: 1, share: 0 });
    expect(at('workplace.conference_held', school)).toEqual({ value: 1, of: 1, share: 1 });
    expect(at('oversight.boards_formed', school)).toEqual({ value: 1, of: 1, share: 1 });
    // The health station has no staff count (workplace module): whether it owes a board (Art 60) or a
    // conference (Art 51(2)) is unknown, so not measured, never failing.
    expect(at('oversight.boards_formed', health)).toEqual({ value: 0, of: null, share: null, noStaffCount: true });
    expect(at('workplace.conference_held', health)).toEqual({ value: 0, of: null, share: null, noStaffCount: true });
    expect(at('feedback.received', school)).toEqual({ value: 2, of: null, share: null });
    expect(at('feedback.on_time', school)).toEqual({ value: 1, of: 2, share: 0.5 });
    expect(at('feedback.on_time', health)).toEqual({ value: 0, of: 0, share: null });
    expect(at('dialogue.held', school)).toEqual({ value: 1, of: 1, share: 1 });
    expect(at('dialogue.held', health)).toEqual({ value: 0, of: 1, share: 0 });
    for (const ind of ['monitoring.training_coverage', 'feedback.desk_rating', 'covenants.in_force']) {
      const r = rows.find((x) => x.measure.indicator === ind)!;
      expect(r.notApplicable, ind).toBe(true);
      expect(r.cells.get(school.id)).toBeNull();
    }
  });
});

describe('the drill-down to an agency (issue 9 item 4)', () => {
  it("anyone sees the commune's agencies beside its villages, with figures, and opens an agency's page", async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/monitoring/units/${naRi.id}?period=2026`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="h-agencies">Cơ quan, đơn vị</h2>');
    expect(page.text).toContain(`href="/monitoring/agencies/${school.id}?period=2026&amp;catalogue=na-ri-2024"`);
    const ag = await a.get(`/monitoring/agencies/${school.id}?period=2026`);
    expect(ag.status).toBe(200);
    expect(ag.text).toContain(`Theo dõi thực hiện dân chủ ở cơ sở: ${school.name}`);
    expect(ag.text).toContain('Không áp dụng');
    expect(ag.text).toContain('1/2 (50%)');
    expect(ag.text).toContain('<h2 id="h-trend">');
    // Residents see the public indicators only.
    expect(ag.text).not.toContain('monitoring.commendations');
    expect((await a.get(`/monitoring/units/${province.id}?period=2026`)).text).toContain(`/monitoring/agencies/${department}?`);
  });
  it("the readers of the commune and the agency's own head see the internal indicators; another agency's head does not", async () => {
    const internal = (t: string) => t.includes('monitoring.commendations');
    expect(internal((await (await signIn('hdnd')).get(`/monitoring/agencies/${school.id}`)).text)).toBe(true);
    const head = await signIn('hieutruong.nari');
    expect(internal((await head.get(`/monitoring/agencies/${school.id}`)).text)).toBe(true);
    expect(internal((await head.get(`/monitoring/agencies/${health.id}`)).text)).toBe(false);
    expect(internal((await (await signIn('giaovien.nari')).get(`/monitoring/agencies/${school.id}`)).text)).toBe(false);
  });
  it('a wrong or non-numeric agency id is a 404', async () => {
    const a = new Agent(s.url);
    expect((await a.get('/monitoring/agencies/abc')).status).toBe(404);
    expect((await a.get('/monitoring/agencies/99999999')).status).toBe(404);
  });
  it('the Word report and the Excel sheet carry the agencies', async () => {
    const hdnd = await signIn('hdnd');
    const doc = await bytes(hdnd, `/monitoring/units/${naRi.id}/report.docx?period=2026`);
    const xml = unzip(doc.body).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Các cơ quan, đơn vị');
    expect(xml).toContain(`${health.name}: đạt bình quân 0% mức mục tiêu`);
    const x = await bytes(hdnd, `/monitoring/units/${naRi.id}/indicators.xlsx?period=2026`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('Chỉ số')!.getSheetValues().filter(Boolean) as unknown[][];
    const of = (ind: string) => rows.find((r) => r[2] === ind && r[4] === `CQ-${school.id}`)!;
    expect(of('feedback.on_time').slice(5, 11)).toEqual([school.name, '2026', 1, 2, 50, 100]);
    expect(of('monitoring.training_coverage')[7]).toBe('không áp dụng');
  });
});

describe('evidence files of the records (issue 9 item 3)', () => {
  const evidenceRecord = () =>
    s.deps.db
      .selectFrom('monitoring_records as r')
      .innerJoin('files as f', 'f.id', 'r.evidence_file_id')
      .select(['r.id', 'f.filename', 'f.size'])
      .where('r.unit_id', '=', naRi.id)
      .executeTakeFirstOrThrow();
  it('a reader gets the bytes inline with the Vietnamese name safely encoded, the stored type and nosniff', async () => {
    const rec = await evidenceRecord();
    expect(rec.filename).toMatch(/^Quyết định/);
    const r = await bytes(await signIn('hdnd'), `/monitoring/records/${rec.id}/evidence`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const cd = r.headers.get('content-disposition')!;
    expect(cd).toMatch(/^inline; filename="Quyet dinh danh sach[^"]*\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe(rec.filename);
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.body.length).toBe(rec.size);
    expect((await bytes(await signIn('canbo.nari'), `/monitoring/records/${rec.id}/evidence`)).status).toBe(200);
  });
  it("another commune's official and an agency's staff are refused; an anonymous visitor is asked to sign in", async () => {
    const rec = await evidenceRecord();
    expect((await bytes(await signIn('canbo.xuanduong'), `/monitoring/records/${rec.id}/evidence`)).status).toBe(403);
    expect((await bytes(await signIn('giaovien.nari'), `/monitoring/records/${rec.id}/evidence`)).status).toBe(403);
    const anon = await bytes(null, `/monitoring/records/${rec.id}/evidence`);
    expect(anon.status).toBe(401);
    expect(anon.body.includes(Buffer.from('%PDF'))).toBe(false);
    const page = await new Agent(s.url).get(`/monitoring/records/${rec.id}/evidence`);
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/sign-in/);
  });
  it('a wrong, non-numeric or file-less record id is a 404', async () => {
    const a = await signIn('hdnd');
    const paper = await s.deps.db
      .selectFrom('monitoring_records')
      .select('id')
      .where('unit_id', '=', naRi.id)
      .where('evidence_file_id', 'is', null)
      .executeTakeFirstOrThrow();
    for (const id of ['abc', '99999999', String(paper.id)]) expect((await bytes(a, `/monitoring/records/${id}/evidence`)).status, id).toBe(404);
  });
  it('a Word file downloads as an attachment; the records page and the dashboard link each file', async () => {
    const official = await signIn('canbo.nari');
    const form = await official.get(`/monitoring/units/${naRi.id}/records`);
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml minh chung')]);
    const posted = await official.postMultipart(
      `/monitoring/units/${naRi.id}/records`,
      { _csrf: Agent.csrf(form.text), kind: 'outreach', subkind: 'conference', title: 'Hội nghị', heldOn: '01/12/2026', people: '50', evidenceNote: '' },
      [{ field: 'evidence', name: 'Biên bản hội nghị.docx', bytes: docx, type: 'application/octet-stream' }],
    );
    expect(posted.status).toBe(303);
    const rec = await s.deps.db.selectFrom('monitoring_records').select('id').where('title', '=', 'Hội nghị').executeTakeFirstOrThrow();
    const r = await bytes(official, `/monitoring/records/${rec.id}/evidence`);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="Bien ban hoi nghi\.docx"/);
    expect(r.body.equals(docx)).toBe(true);
    const link = `<a href="/monitoring/records/${rec.id}/evidence">Biên bản hội nghị.docx</a>`;
    expect((await official.get(`/monitoring/units/${naRi.id}/records`)).text).toContain(link);
    expect((await (await signIn('hdnd')).get(`/monitoring/units/${naRi.id}?period=2026`)).text).toContain(link);
    // The public dashboard lists no evidence.
    expect((await new Agent(s.url).get(`/monitoring/units/${naRi.id}?period=2026`)).text).not.toContain('/evidence"');
  });
});

describe("the agency's staff count: one source, unknown is not failing (R-G3 Art 51(2); R-F8 Arts 60, 63(2)(e))", () => {
  const addAgency = async (name: string, staff: number | null) => {
    const db = s.deps.db;
    const { id } = await db.insertInto('agencies').values({ unit_id: naRi.id, name, kind: 'other', is_demo: 0 }).returning('id').executeTakeFirstOrThrow();
    if (staff !== null) await countStaff(id, staff, '2026-01-05');
    return (await agencyRef(s.deps, id))!;
  };
  const countStaff = (agencyId: number, staff: number, on: string) =>
    s.deps.db
      .insertInto('workplace_staff_counts')
      .values({ agency_id: agencyId, staff, counted_on: on, recorded_by: 't', created_at: `${on}T00:00:00Z` })
      .execute();
  const figures = async (a: AgencyRef) => {
    const { cat } = await pickCatalogue(s.deps, undefined);
    const rows = await evaluateAgencies(s.deps, cat, [a], year, { internal: false });
    const at = (ind: string) => rows.find((r) => r.measure.indicator === ind)!.cells.get(a.id);
    return { board: at('oversight.boards_formed'), conference: at('workplace.conference_held'), regulation: at('workplace.regulation_in_force') };
  };
  it('07 staff or fewer owe neither a board nor a conference; more than 07 owe both; the regulation is owed by all (Art 59(1)(a))', async () => {
    const small = await figures(await addAgency('Trạm kiểm lâm Na Rì', 7));
    expect(small.board).toEqual({ value: 0, of: 0, share: null });
    expect(small.conference).toEqual({ value: 0, of: 0, share: null });
    expect(small.regulation).toEqual({ value: 0, of: 1, share: 0 });
    const big = await figures(await addAgency('Ban quản lý rừng phòng hộ Na Rì', 8));
    expect(big.board).toEqual({ value: 0, of: 1, share: 0 });
    expect(big.conference).toEqual({ value: 0, of: 1, share: 0 });
  });
  it("the oversight board's own staff figure is not a second truth: the workplace count decides", async () => {
    const a = await addAgency('Hạt giao thông Na Rì', null);
    // The union recorded a conference of 05 staff (no board, Art 63(2)(e)) but the head recorded no count.
    await s.deps.db
      .insertInto('oversight_boards')
      .values({
        kind: 'agency_inspection',
        commune_id: naRi.id,
        agency_id: a.id,
        project_id: null,
        status: 'union_performs',
        planned_size: 0,
        staff_count: 5,
        elected_on: '2026-02-01',
        recognition_due: null,
        recognised_on: null,
        term_starts_on: null,
        term_ends_on: null,
        supervision_starts_on: null,
        investor_notified_on: null,
        closed_on: null,
        created_at: '2026-02-01T00:00:00Z',
      })
      .execute();
    expect((await figures(a)).board).toMatchObject({ noStaffCount: true });
    // The agency grew to 30: it now owes a board, whatever the old record says.
    await countStaff(a.id, 30, '2026-06-01');
    expect((await figures(a)).board).toEqual({ value: 0, of: 1, share: 0 });
  });
  it('the pages, the Excel rows and the open data say "chưa có số liệu biên chế"', async () => {
    const a = new Agent(s.url);
    const page = (await a.get(`/monitoring/agencies/${health.id}?period=2026`)).text;
    expect(page).toContain('chưa có số liệu biên chế');
    const commune = (await a.get(`/monitoring/units/${naRi.id}?period=2026`)).text;
    expect(commune.slice(commune.indexOf('id="h-agencies"'))).toContain('chưa có số liệu biên chế');
    const x = await bytes(await signIn('hdnd'), `/monitoring/units/${naRi.id}/indicators.xlsx?period=2026`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('Chỉ số')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[2] === 'oversight.boards_formed' && r[4] === `CQ-${health.id}`)![7]).toBe('chưa có số liệu biên chế');
  });
});

describe("an agency's wording and a phone-width table (catalogue agency label; WCAG 1.4.10)", () => {
  it("the agency's page and the commune's agency rows use the agency label, not the commune's", async () => {
    const a = new Agent(s.url);
    const ag = (await a.get(`/monitoring/agencies/${school.id}?period=2026`)).text;
    expect(ag).toContain('Cơ quan, đơn vị có Ban Thanh tra nhân dân được công nhận (trên 7 người, Điều 60)');
    expect(ag).not.toContain('Tỷ lệ xã có Ban Thanh tra nhân dân');
    const commune = (await a.get(`/monitoring/units/${naRi.id}?period=2026`)).text;
    const section = commune.slice(commune.indexOf('id="h-agencies"'), commune.indexOf('</section>', commune.indexOf('id="h-agencies"')));
    expect(section).toContain('Cơ quan, đơn vị có quy chế thực hiện dân chủ còn hiệu lực (Điều 59)');
    expect(section).not.toContain('Tỷ lệ xã');
    // The commune's own table keeps the commune wording.
    expect(commune).toContain('Tỷ lệ xã có Ban Thanh tra nhân dân được công nhận');
  });
  it('two columns whatever the number of agencies: each agency a row group headed by its name', async () => {
    const commune = (await new Agent(s.url).get(`/monitoring/units/${naRi.id}?period=2026`)).text;
    const section = commune.slice(commune.indexOf('id="h-agencies"'), commune.indexOf('</section>', commune.indexOf('id="h-agencies"')));
    expect(section.match(/<th scope="col"/g)).toHaveLength(2);
    // One row group per agency listed (the page may be cached from before this file added agencies).
    const listed = section.match(/href="\/monitoring\/agencies\//g)!.length;
    expect(listed).toBeGreaterThanOrEqual(3);
    expect(section.match(/<th scope="rowgroup"/g)).toHaveLength(listed);
    expect(section).toContain(`<th scope="rowgroup"><a href="/monitoring/agencies/${school.id}?period=2026&amp;catalogue=na-ri-2024">`);
  });
});

describe('open data for agencies (issue 9 item 6)', () => {
  type Item = { indicator: string; label: string; unit: { id: number }; agency: { id: number; name: string } | null } & Record<string, unknown>;
  it("a unit's public indicators are followed by its agencies', with the agency's id and name, target id and period", async () => {
    const a = new Agent(s.url);
    const j = JSON.parse((await a.get(`/api/v1/indicators?unit=${naRi.id}&period=2026`, { accept: 'application/json' })).text) as { items: Item[] };
    const of = (ind: string, id: number) => j.items.find((i) => i.indicator === ind && i.agency?.id === id);
    expect(of('workplace.regulation_in_force', school.id)).toMatchObject({
      target: 'T-2.4',
      label: 'Cơ quan, đơn vị có quy chế thực hiện dân chủ còn hiệu lực (Điều 59)',
      unit: { id: school.unit_id },
      agency: { id: school.id, name: school.name },
      period: { key: '2026', from: '2026-01-01', to: '2026-12-31' },
      measured: true,
      value: 1,
      of: 1,
      percent: 100,
      goal: 100,
    });
    expect(of('oversight.boards_formed', health.id)).toMatchObject({ measured: false, value: null, percent: null });
    // Only what is measured per agency, and only public indicators.
    expect(of('monitoring.training_coverage', school.id)).toBeUndefined();
    expect(j.items.some((i) => i.agency && i.indicator.startsWith('monitoring.'))).toBe(false);
    expect(j.items.find((i) => i.agency === null && i.unit.id === naRi.id)).toBeDefined();
    const csv = (await a.get(`/api/v1/indicators.csv?unit=${naRi.id}&period=2026`)).text;
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'target,indicator,label,unit_code,unit_name,period,measured,value,of,percent,goal,agency_id,agency_name',
    );
    expect(csv).toContain(`"2026","true","1","1","100","100","${school.id}","${school.name}"`);
  });
});
