// Monitoring of the resolution (issue 9) over data this test creates: indicators computed from the
// modules' manifests with real numbers (T-2.1 training coverage, feedback on time, R-G2 dialogues,
// T-2.3 units active), "not measured yet" for modules that do not exist, officials' records with bad
// input, permissions, the Word report (Decree 30/2020) and the Excel workbook read back, open data.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/types.js';
import { evaluate, parsePeriod } from '../../src/modules/monitoring/compute.js';
import { pickCatalogue } from '../../src/modules/monitoring/model.js';
import { seedDemoUnits } from '../../src/modules/units/demo.js';
import { seedDemoAccounts } from '../../src/platform/auth/demo-accounts.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { signIn as shared } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T03:00:00Z');
let s: TestServer;
let naRi: Unit;
let conMinh: Unit;
let province: Unit;
const unit = (code: string) => s.deps.db.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
const signIn = (username: string) => shared(s.url, username, clock);
const bytes = async (a: Agent, path: string) => {
  const res = await fetch(s.url + path, { headers: { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
};
const record = async (a: Agent, unitId: number, form: Record<string, string>) => {
  const page = await a.get(`/monitoring/units/${unitId}/records`);
  return a.postMultipart(`/monitoring/units/${unitId}/records`, { _csrf: Agent.csrf(page.text), evidenceNote: '', ...form });
};

beforeAll(async () => {
  s = await startTestServer({ seed: 'base', clock });
  await seedDemoUnits(s.deps);
  await seedDemoAccounts(s.deps);
  [naRi, conMinh, province] = await Promise.all([unit('02155'), unit('02185'), unit('19')]);
  const official = await signIn('canbo.nari');
  // T-2.1: 40 people in duty roles must be trained; two courses trained 18 and 12 of them.
  const forms: Record<string, string>[] = [
    { kind: 'training', subkind: 'roster', title: 'Danh sách 2026', heldOn: '05/01/2026', required: '40', evidenceNote: 'QĐ 12/QĐ-UBND' },
    { kind: 'training', subkind: 'course', title: 'Lớp 1', heldOn: '10/03/2026', people: '18', evidenceNote: 'Danh sách ký' },
    { kind: 'training', subkind: 'course', title: 'Lớp 2', heldOn: '10/09/2026', people: '12', evidenceNote: 'Danh sách ký' },
    {
      kind: 'funding',
      subkind: 'state_budget',
      title: 'Kinh phí 2026',
      heldOn: '02/01/2026',
      planned: '10.000.000',
      spent: '7.500.000',
      evidenceNote: 'Dự toán',
    },
    { kind: 'outreach', subkind: 'conference', title: 'Hội nghị tuyên truyền', heldOn: '20/04/2026', people: '120', evidenceNote: 'Biên bản' },
  ];
  for (const f of forms) expect((await record(official, naRi.id, f)).status).toBe(303);
  // R-G2 (Art 32): Na Rì held its dialogue in 2026; no other commune did.
  await s.deps.db
    .insertInto('dialogues')
    .values({
      unit_id: naRi.id,
      agency_id: null,
      topic: 'Đối thoại',
      place: 'UBND xã',
      starts_at: '2026-05-10T01:00:00Z',
      year: 2026,
      co_organiser: 'MTTQ',
      status: 'held',
      held_on: '2026-05-10',
      created_by: 't',
      created_at: '2026-05-01T00:00:00Z',
      updated_at: '2026-05-10T00:00:00Z',
    })
    .execute();
  // Feedback (Art 34–35): answered on time, answered late, open past its deadline.
  const item = (n: number, v: { status: 'answered' | 'received'; due: string; answered: string | null }) => ({
    tracking_code: `T-${n}`,
    commune_id: naRi.id,
    kind: 'petition' as const,
    category: 'other',
    channel: 'web',
    title: 'x',
    content: 'x',
    anonymous: 0,
    handler_unit_id: naRi.id,
    status: v.status,
    received_on: '2026-10-01',
    accept_due: v.due,
    due_on: v.due,
    answered_on: v.answered,
    created_at: '2026-10-01T00:00:00Z',
    updated_at: '2026-10-01T00:00:00Z',
  });
  await s.deps.db
    .insertInto('feedback_items')
    .values([
      item(1, { status: 'answered', due: '2026-10-15', answered: '2026-10-10' }),
      item(2, { status: 'answered', due: '2026-10-15', answered: '2026-10-20' }),
      item(3, { status: 'received', due: '2026-11-01', answered: null }),
    ])
    .execute();
});
afterAll(() => s.close());

const cellOf = async (units: Unit[], indicator: string, period = '2026') => {
  const { cat } = await pickCatalogue(s.deps, undefined);
  const rows = await evaluate(s.deps, { ...cat, measures: cat.measures.filter((m) => m.indicator === indicator) }, units, parsePeriod(period)!, {
    internal: true,
  });
  return rows[0]!;
};

describe('indicators from the modules over the units of the query (issue 9 item 2)', () => {
  it('T-2.1 (M-3.1): coverage = people trained / people who must be, per commune; a commune with no roster has nothing due', async () => {
    const r = await cellOf([naRi, conMinh, province], 'monitoring.training_coverage');
    expect(r.cells.get(naRi.id)).toEqual({ value: 30, of: 40, share: 0.75 });
    expect(r.cells.get(conMinh.id)).toEqual({ value: 0, of: 0, share: null });
    expect(r.cells.get(province.id)).toEqual({ value: 30, of: 40, share: 0.75 });
  });
  it('a year indicator asked for a quarter still counts the whole year (the roster is dated January)', async () => {
    expect((await cellOf([naRi], 'monitoring.training_coverage', '2026-Q3')).cells.get(naRi.id)).toEqual({ value: 30, of: 40, share: 0.75 });
  });
  it('Article 2: funding spent against planned, integer đồng', async () => {
    expect((await cellOf([naRi], 'monitoring.funding_spent')).cells.get(naRi.id)).toEqual({ value: 7_500_000, of: 10_000_000, share: 0.75 });
  });
  it('feedback: received 3, answered on time 1 of the 3 due (the one open past its deadline is late, R-H2), 1 overdue (Art 34–35)', async () => {
    expect((await cellOf([naRi], 'feedback.received')).cells.get(naRi.id)?.value).toBe(3);
    expect((await cellOf([naRi], 'feedback.on_time')).cells.get(naRi.id)).toEqual({ value: 1, of: 3, share: 1 / 3 });
    expect((await cellOf([naRi], 'feedback.overdue')).cells.get(naRi.id)?.value).toBe(1);
    expect((await cellOf([naRi], 'feedback.received', '2025')).cells.get(naRi.id)?.value).toBe(0);
  });
  it('R-G2 (Art 32): 1 of the 6 communes of the province held its dialogue in 2026', async () => {
    const r = await cellOf([province, naRi, conMinh], 'dialogue.held');
    expect(r.cells.get(province.id)).toEqual({ value: 1, of: 6, share: 1 / 6 });
    expect(r.cells.get(conMinh.id)).toEqual({ value: 0, of: 1, share: 0 });
  });
  it('T-2.3 and M-3.2: Na Rì active and with outreach, its villages not', async () => {
    const villages = Number(
      (
        await s.deps.db
          .selectFrom('units')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('parent_id', '=', naRi.id)
          .where('valid_to', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(villages).toBeGreaterThan(0);
    expect((await cellOf([naRi], 'units.active', '2026-Q4')).cells.get(naRi.id)).toEqual({ value: 1, of: 1 + villages, share: 1 / (1 + villages) });
    expect((await cellOf([naRi], 'monitoring.outreach_units')).cells.get(naRi.id)).toEqual({ value: 1, of: 1 + villages, share: 1 / (1 + villages) });
  });
  it('T-2.4 is measured by the covenants and workplace modules: no covenant in a village is a real 0, not "not measured"', async () => {
    const cov = (await cellOf([naRi], 'covenants.in_force')).cells.get(naRi.id);
    expect(cov?.value).toBe(0);
    expect(cov?.of).toBeGreaterThan(0);
    expect((await cellOf([naRi], 'workplace.regulation_in_force')).kind).toBe('share');
  });
  it('an indicator whose module is not on the platform is "not measured yet", never 0 % or 100 %', async () => {
    const { cat } = await pickCatalogue(s.deps, undefined);
    const absent = { ...cat.measures[0]!, indicator: 'training.absent' };
    const [row] = await evaluate(s.deps, { ...cat, measures: [absent] }, [naRi], parsePeriod('2026')!, { internal: true });
    expect(row!.kind).toBeNull();
    expect(row!.cells.get(naRi.id)).toBeNull();
  });
});

describe('the dashboard (issue 9 item 4)', () => {
  it('anyone sees the public indicators, "chưa đo" where nothing is measured, the communes furthest behind first with an SVG and its table', async () => {
    const page = await new Agent(s.url).get(`/monitoring/units/${province.id}?period=2026`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Chưa đo');
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('Tỷ lệ người phải tập huấn đã được tập huấn');
    // Residents read the target's id (T-2.1) and the label; the indicator's code is only a tooltip.
    expect(page.text).toContain('<h3 id="h-T-2.1">T-2.1:');
    expect(page.text).not.toContain('(monitoring.training_coverage)');
    expect(page.text).toContain('<td title="monitoring.training_coverage">');
    expect(page.text).not.toContain('monitoring.commendations');
    expect(page.text).not.toContain('report.docx');
    const order = [...page.text.matchAll(/<a href="\/monitoring\/units\/(\d+)\?period=2026/g)].map((m) => Number(m[1]));
    expect(order).toHaveLength(6);
    expect(order.at(-1)).toBe(naRi.id);
  });
  it('a council observer sees the internal indicators and the report links', async () => {
    const page = await (await signIn('hdnd')).get(`/monitoring/units/${province.id}?period=2026`);
    expect(page.text).toContain('monitoring.commendations');
    expect(page.text).toContain('report.docx');
  });
});

describe('records entered by officials with evidence (issue 9 item 3)', () => {
  it('bad input comes back with messages next to the fields and what was typed; nothing is stored', async () => {
    const a = await signIn('canbo.nari');
    const before = await s.deps.db.selectFrom('monitoring_records').select('id').execute();
    const r = await record(a, naRi.id, {
      kind: 'funding',
      subkind: 'state_budget',
      title: 'Kinh phí bổ sung',
      heldOn: '31/02/2026',
      planned: 'mười triệu',
      spent: '',
    });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-heldOn-err"');
    expect(r.text).toContain('Hãy nhập một số nguyên không âm');
    expect(r.text).toContain('Hãy đính kèm tệp minh chứng hoặc ghi nơi lưu bản giấy.');
    expect(r.text).toContain('value="Kinh phí bổ sung"');
    expect(r.text).toContain('value="mười triệu"');
    expect(await s.deps.db.selectFrom('monitoring_records').select('id').execute()).toHaveLength(before.length);
  });
  it('a PDF is kept as evidence and the entry is audited', async () => {
    const a = await signIn('canbo.nari');
    const page = await a.get(`/monitoring/units/${naRi.id}/records`);
    const r = await a.postMultipart(
      `/monitoring/units/${naRi.id}/records`,
      {
        _csrf: Agent.csrf(page.text),
        kind: 'commendation',
        subkind: 'individual',
        title: 'Khen thưởng trưởng thôn',
        heldOn: '01/12/2026',
        people: '2',
        evidenceNote: '',
      },
      [
        {
          field: 'evidence',
          name: 'qd-khen-thuong.pdf',
          bytes: Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
          type: 'application/pdf',
        },
      ],
    );
    expect(r.status).toBe(303);
    const list = await a.get(`/monitoring/units/${naRi.id}/records`);
    expect(list.text).toContain('qd-khen-thuong.pdf');
    const audit = await s.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'monitoring.commendation_recorded').executeTakeFirst();
    expect(audit?.unit_id).toBe(naRi.id);
  });
  it("an official of another commune cannot enter Na Rì's records; a resident cannot open the form", async () => {
    const other = await signIn('canbo.xuanduong');
    const page = await other.get(`/monitoring/units/${naRi.id}/records`);
    expect(page.status).toBe(403);
    const own = await other.get(`/monitoring/units/${(await unit('02191')).id}/records`);
    const r = await other.postMultipart(`/monitoring/units/${naRi.id}/records`, {
      _csrf: Agent.csrf(own.text),
      kind: 'outreach',
      subkind: 'contest',
      title: 'x',
      heldOn: '01/06/2026',
      people: '5',
      evidenceNote: 'x',
    });
    expect(r.status).toBe(403);
    expect((await new Agent(s.url).get(`/monitoring/units/${naRi.id}/records`)).status).not.toBe(200);
  });
});

describe('reports (issue 9 item 5) and open data (item 6)', () => {
  it('the Word report is in the Decree 30/2020 layout with the figures; residents may not download it', async () => {
    const a = await signIn('hdnd');
    const r = await bytes(a, `/monitoring/units/${naRi.id}/report.docx?period=2026`);
    expect(r.status).toBe(200);
    const xml = unzip(r.body).get('word/document.xml')!.toString('utf8');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Số:',
      'Nơi nhận:',
      'CHỦ TỊCH',
      'Chỉ tiêu T-2.1',
      '30/40 (75%)',
      'Chỉ tiêu T-2.4',
    ])
      expect(xml).toContain(s);
    expect((await bytes(new Agent(s.url), `/monitoring/units/${naRi.id}/report.docx`)).status).not.toBe(200);
  });
  it('the Excel workbook reads back with every indicator for the commune and its villages, and the records', async () => {
    const r = await bytes(await signIn('hdnd'), `/monitoring/units/${naRi.id}/indicators.xlsx?period=2026`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const ind = wb.getWorksheet('Chỉ số')!;
    const rows = ind.getSheetValues().filter(Boolean) as unknown[][];
    const cov = rows.find((x) => x[2] === 'monitoring.training_coverage' && x[4] === '02155')!;
    expect(cov.slice(7, 11)).toEqual([30, 40, 75, 100]);
    expect(rows.find((x) => x[2] === 'covenants.in_force' && x[4] === '02155')![7]).toBe(0);
    expect(wb.getWorksheet('Hồ sơ')!.rowCount).toBe(1 + 6);
  });
  it('JSON and CSV carry the target id and period; not measured is null, never 0; internal indicators are left out', async () => {
    const a = new Agent(s.url);
    const j = JSON.parse((await a.get(`/api/v1/indicators?unit=${naRi.id}&period=2026`, { accept: 'application/json' })).text);
    const cov = j.items.find((i: { indicator: string; unit: { id: number } }) => i.indicator === 'monitoring.training_coverage' && i.unit.id === naRi.id);
    expect(cov).toMatchObject({
      target: 'T-2.1',
      period: { key: '2026', from: '2026-01-01', to: '2026-12-31' },
      value: 30,
      of: 40,
      percent: 75,
      goal: 100,
      measured: true,
    });
    const cov2 = j.items.find((i: { indicator: string; unit: { id: number } }) => i.indicator === 'covenants.in_force' && i.unit.id === naRi.id);
    expect(cov2).toMatchObject({ target: 'T-2.4', measured: true, value: 0, percent: 0 });
    expect(j.items.some((i: { indicator: string }) => i.indicator === 'monitoring.discipline')).toBe(false);
    const csv = await a.get(`/api/v1/indicators.csv?unit=${naRi.id}&period=2026-Q4`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('"T-2.3","feedback.received"');
    expect(csv.text).toContain('"2026-Q4"');
    const bad = await a.get(`/api/v1/indicators?unit=${naRi.id}&period=2026-Q5`, { accept: 'application/json' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('another council loads its resolution beside Na Rì (issue 9 item 1)', () => {
  it('a malformed file is refused with the line and the reason; a good one is used by the dashboard', async () => {
    const a = await signIn('admin');
    const page = await a.get('/monitoring/catalogues');
    const bad = await a.post('/monitoring/catalogues', {
      _csrf: Agent.csrf(page.text),
      text: 'resolution | tn-2026 | NQ tỉnh\ntarget | T-1 | 100 | x\nindicator | T-1 | feedback.on_time | xa | year | public | y',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Dòng 3: cấp &quot;xa&quot; không hợp lệ');
    const good = await a.post('/monitoring/catalogues', {
      _csrf: Agent.csrf(page.text),
      text: 'resolution | tn-2026 | Nghị quyết HĐND tỉnh Thái Nguyên\ntarget | T-1 | 90 | Trả lời đúng hạn\nindicator | T-1 | feedback.on_time | commune | quarter | public | Phản ánh trả lời đúng hạn',
    });
    expect(good.status).toBe(303);
    const d = await a.get(`/monitoring/units/${naRi.id}?period=2026&catalogue=tn-2026`);
    expect(d.text).toContain('Nghị quyết HĐND tỉnh Thái Nguyên');
    expect(d.text).toContain('1/3 (33%)');
    expect(d.text).not.toContain('Tỷ lệ người phải tập huấn');
    expect((await (await signIn('hdnd')).post('/monitoring/catalogues', { _csrf: Agent.csrf(page.text), text: 'x' })).status).toBe(403);
  });
});
