// Disclosure ("dân biết"): preparing, publishing, correcting, closing, searching and reading
// disclosures through real HTTP on a real database (issue 3; R-C1, R-C2, R-C5).
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/modules/disclosure/demo.js';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { fixedClock } from '../../src/platform/clock.js';
import { processOutbox } from '../../src/platform/notify/outbox.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-11-25T02:00:00Z'); // Wed 25/11/2026, 09:00 in Vietnam
let s: TestServer;
let naRi: number;
let vanLang: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const id = async (code: string) => (await (await fetch(`${s.url}/api/v1/units?code=${code}`)).json()).items[0].id as number;
  naRi = await id('02155');
  vanLang = await id('02143');
});
afterAll(() => s.close());

const base = {
  category: '2',
  title: 'Dự toán điều chỉnh ngân sách xã Na Rì năm 2026',
  body: 'Điều chỉnh **dự toán** chi thường xuyên.',
  decisionNumber: '99/NQ-HĐND',
  decisionDate: '20/11/2026',
  decisionSigner: 'Chủ tịch HĐND xã',
  audience: 'all',
  postingStart: '25/11/2026',
  postingEnd: '',
  lateReason: '',
  forms: ['posting_office'],
  posting_office_start: '25/11/2026',
  posting_office_end: '',
  posting_office_detail: '',
};

async function draft(a: Agent, form: Record<string, string | string[]>, files: { field: string; name: string; bytes: Buffer }[] = []) {
  const page = await a.get(`/units/${naRi}/disclosures/new`);
  return a.postMultipart(`/units/${naRi}/disclosures`, { ...form, _csrf: Agent.csrf(page.text) }, files);
}
async function publish(a: Agent, id: string) {
  const page = await a.get(`/disclosures/${id}`);
  return a.post(`/disclosures/${id}/publish`, { _csrf: Agent.csrf(page.text) });
}

describe('an official publishes a budget disclosure with a PDF (R-C1, R-C2)', () => {
  let id: string;
  it('the draft is saved with its PDF and is not public yet', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const r = await draft(a, base, [{ field: 'files', name: 'Dự toán 2026.pdf', bytes: demoPdf('Du toan 2026') }]);
    expect(r.status).toBe(303);
    id = /\/disclosures\/(\d+)/.exec(r.location!)![1]!;
    expect((await new Agent(s.url).get(`/disclosures/${id}`)).status).toBe(404);
    expect((await publish(a, id)).status).toBe(303);
  });
  it('the public sees it with the legal end date (30 days after posting, Art 13(2)), on time (Art 12(3)), with its PDF and a QR code', async () => {
    const page = await new Agent(s.url).get(`/disclosures/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Đang công khai');
    expect(page.text).toContain('25/12/2026'); // 25/11 + 30 days
    expect(page.text).toContain('Đúng hạn');
    expect(page.text).toContain('<strong>dự toán</strong>');
    const file = /href="(\/files\/\d+\/[^"]+)"/.exec(page.text)![1]!;
    const pdf = await fetch(s.url + file);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.text()).startsWith('%PDF-')).toBe(true);
    expect(pdf.headers.get('content-security-policy')).toContain('sandbox');
    const qr = await fetch(`${s.url}/disclosures/${id}/qr.svg`);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
    const poster = await new Agent(s.url).get(`/disclosures/${id}/poster`);
    expect(poster.text).toContain('THÔNG BÁO CÔNG KHAI');
    expect(poster.text).toContain(`${s.deps.config.publicUrl}/disclosures/${id}`);
  });
  it('the portal is recorded as a form of disclosure from the day of publishing (Art 13(1))', async () => {
    const api = await (await fetch(`${s.url}/api/v1/disclosures/${id}`)).json();
    expect(api.forms.map((f: { form: string }) => f.form).sort()).toEqual(['portal', 'posting_office']);
    expect(api.postingEnd).toBe('2026-12-25');
    expect(api.attachments[0]).toMatchObject({ filename: 'Dự toán 2026.pdf', mime: 'application/pdf' });
  });
  it('a search without diacritics finds it, in the commune list and the API', async () => {
    const page = await new Agent(s.url).get(`/units/${naRi}/disclosures?q=du+toan+dieu+chinh`);
    expect(page.text).toContain(base.title);
    const api = await (await fetch(`${s.url}/api/v1/disclosures?unit=${naRi}&q=${encodeURIComponent('DU TOAN DIEU CHINH')}`)).json();
    expect(api.items.map((i: { title: string }) => i.title)).toEqual([base.title]);
    // another commune's list does not show it
    const other = await (await fetch(`${s.url}/api/v1/disclosures?unit=${vanLang}&q=dieu+chinh`)).json();
    expect(other.items).toEqual([]);
  });
  it('a correction is a new version; the old one stays readable; the audit chain verifies', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const form = await a.get(`/disclosures/${id}/correct`);
    expect(form.text).toContain('value="Dự toán điều chỉnh ngân sách xã Na Rì năm 2026"');
    const noNote = await a.postMultipart(`/disclosures/${id}/correct`, { ...base, changeNote: '', _csrf: Agent.csrf(form.text) });
    expect(noNote.status).toBe(422);
    expect(noNote.text).toContain('Vui lòng ghi rõ nội dung đính chính.');
    const ok = await a.postMultipart(`/disclosures/${id}/correct`, {
      ...base,
      body: 'Số liệu đã sửa.',
      changeNote: 'Sửa số liệu chi',
      _csrf: Agent.csrf(form.text),
    });
    expect(ok.status).toBe(303);
    const page = await new Agent(s.url).get(`/disclosures/${id}`);
    expect(page.text).toContain('Sửa số liệu chi');
    expect(page.text).toContain('Số liệu đã sửa.');
    const v1 = await new Agent(s.url).get(`/disclosures/${id}/versions/1`);
    expect(v1.text).toContain('<strong>dự toán</strong>');
    expect(await verifyAudit(s.deps.db)).toMatchObject({ ok: true });
    const actions = (
      await s.deps.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'disclosure').where('entity_id', '=', id).orderBy('seq').execute()
    ).map((r) => r.action);
    expect(actions).toEqual(['disclosure.draft_created', 'disclosure.published', 'disclosure.corrected']);
  });
  it('ending before the legal minimum is refused (never shortened below the law); withdrawing needs a reason', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const page = await a.get(`/disclosures/${id}`);
    const early = await a.post(`/disclosures/${id}/close`, { how: 'end', reason: 'Hết việc', _csrf: Agent.csrf(page.text) });
    expect(early.status).toBe(422);
    expect(early.text).toContain('chỉ được kết thúc sau ngày 25/12/2026');
    const noReason = await a.post(`/disclosures/${id}/close`, { how: 'withdraw', reason: ' ', _csrf: Agent.csrf(page.text) });
    expect(noReason.text).toContain('Vui lòng ghi lý do.');
  });
});

describe('bad input comes back next to its field, with what was typed, and leaves nothing behind', () => {
  it('R-C2: a posting end below 30 days, a future decision date and an empty title are each named', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const r = await draft(a, { ...base, title: '', decisionDate: '26/11/2026', postingEnd: '24/12/2026', decisionNumber: '12/QĐ-UBND giữ lại' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Vui lòng nhập tiêu đề.');
    expect(r.text).toContain('Ngày ban hành không thể sau hôm nay (25/11/2026).');
    expect(r.text).toContain('ngày kết thúc sớm nhất là 25/12/2026');
    expect(r.text).toContain('value="12/QĐ-UBND giữ lại"');
  });
  it('a refused form with a chosen PDF says the file must be chosen again (a browser never refills a file input)', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const r = await draft(a, { ...base, title: '' }, [{ field: 'files', name: 'Dự toán.pdf', bytes: demoPdf('x') }]);
    expect(r.status).toBe(422);
    expect(r.text).toContain('hãy chọn lại tệp');
    const fresh = await a.get(`/units/${naRi}/disclosures/new`);
    expect(fresh.text).not.toContain('hãy chọn lại tệp');
  });
  it('R-C2: category 4 (democracy regulation) must be permanent; an end date is refused', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const r = await draft(a, { ...base, category: '4', decisionDate: '20/11/2026', postingEnd: '31/12/2027' });
    expect(r.text).toContain('phải niêm yết thường xuyên');
  });
  it('R-C2: categories 7–12 need at least 3 consecutive loudspeaker days', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const r = await draft(a, {
      ...base,
      category: '7',
      forms: ['loudspeaker'],
      loudspeaker_start: '25/11/2026',
      loudspeaker_end: '26/11/2026',
      loudspeaker_detail: '',
    });
    expect(r.text).toContain('ít nhất 3 ngày liên tục');
  });
  it('a forbidden attachment (a script renamed .pdf) is refused and no record or file is left', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const before = (await s.deps.db.selectFrom('disclosures').select('id').execute()).length;
    const filesBefore = existsSync(s.deps.config.filesDir) ? readdirSync(s.deps.config.filesDir, { recursive: true }).length : 0;
    const r = await draft(a, { ...base, title: 'Có tệp lạ' }, [{ field: 'files', name: 'bao-cao.pdf', bytes: Buffer.from('<script>alert(1)</script>') }]);
    expect(r.status).toBe(422);
    expect(r.text).toContain('không phải PDF, ảnh (PNG, JPEG, WebP), Word hoặc Excel');
    expect(r.text).toContain('value="Có tệp lạ"');
    expect((await s.deps.db.selectFrom('disclosures').select('id').execute()).length).toBe(before);
    expect(readdirSync(s.deps.config.filesDir, { recursive: true }).length).toBe(filesBefore);
  });
});

describe('R-C1: timeliness — more than 5 working days after the decision is late', () => {
  it('a decision of Fri 13/11/2026 disclosed Wed 25/11/2026 is 2 working days late (24/11 is a day off)', async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const r = await draft(a, { ...base, title: 'Công khai chậm', decisionDate: '13/11/2026', lateReason: 'Chờ bản ký' });
    const id = /\/disclosures\/(\d+)/.exec(r.location!)![1]!;
    await publish(a, id);
    const api = await (await fetch(`${s.url}/api/v1/disclosures/${id}`)).json();
    // deadline: 5 WD after Fri 13/11 = Mon 16, Tue 17, Wed 18, Thu 19, Fri 20 -> 20/11; then Mon 23 and Wed 25 (Tue 24 off)
    expect(api.timeliness).toEqual({ status: 'late', deadline: '2026-11-20', workingDaysLate: 2, reason: 'Chờ bản ký' });
    expect((await new Agent(s.url).get(`/disclosures/${id}`)).text).toContain('Chậm 2 ngày làm việc');
  });
});

describe('who may see and do what', () => {
  it('an official of Xã Văn Lang cannot prepare disclosures for Xã Na Rì', async () => {
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    expect((await a.get(`/units/${naRi}/disclosures/new`)).status).toBe(403);
  });
  it("agency disclosures are seen only by that agency's staff (Art 46)", async () => {
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', naRi).where('kind', '=', 'school').executeTakeFirstOrThrow();
    expect((await (await signIn(s.url, 'giaovien.nari', clock)).get(`/agencies/${school.id}/disclosures`)).text).toContain('Kế hoạch công tác năm học');
    expect((await (await signIn(s.url, 'canbo.nari', clock)).get(`/agencies/${school.id}/disclosures`)).status).toBe(403);
    expect((await new Agent(s.url).get(`/agencies/${school.id}/disclosures`)).status).toBe(303);
    const row = await s.deps.db.selectFrom('disclosures').select('id').where('agency_id', '=', school.id).executeTakeFirstOrThrow();
    expect((await fetch(`${s.url}/api/v1/disclosures/${row.id}`)).status).toBe(404);
    // its change history too: the agency's head reads it, the commune official does not
    expect((await (await signIn(s.url, 'hieutruong.nari', clock)).get(`/audit/disclosure/${row.id}`)).status).toBe(200);
    expect((await (await signIn(s.url, 'canbo.nari', clock)).get(`/audit/disclosure/${row.id}`)).status).toBe(403);
  });
  it('a village head records that a disclosure was relayed in the village (Art 13(4))', async () => {
    const xd = await (await fetch(`${s.url}/api/v1/units?code=02191`)).json();
    const d = await s.deps.db
      .selectFrom('disclosures')
      .select('id')
      .where('unit_id', '=', xd.items[0].id)
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const a = await signIn(s.url, 'truongthon.xd', clock);
    const page = await a.get(`/disclosures/${d.id}`);
    expect(page.text).toContain('Ghi nhận đã thông tin đến người dân');
    const r = await a.post(`/disclosures/${d.id}/relay`, { form: 'sms', date: '25/11/2026', detail: 'Nhắn tin 46 hộ', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    expect((await new Agent(s.url).get(`/disclosures/${d.id}`)).text).toContain('Nhắn tin 46 hộ');
  });
});

describe('follow, feeds and the API', () => {
  it('a resident who follows the commune gets an in-app notice when something is published', async () => {
    const xd = (await (await fetch(`${s.url}/api/v1/units?code=02191`)).json()).items[0].id;
    const resident = new Agent(s.url);
    const p = await resident.get('/sign-in');
    await resident.post('/sign-in/phone', { phone: '0912345678', _csrf: Agent.csrf(p.text) });
    const m = await s.deps.db.selectFrom('outbox').select('params').where('template', '=', 'otp').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const code = await resident.get('/sign-in');
    await resident.post('/sign-in/code', { phone: '0912345678', code: JSON.parse(m.params).code, _csrf: Agent.csrf(code.text) });
    const list = await resident.get(`/units/${xd}/disclosures`);
    expect((await resident.post(`/units/${xd}/follow`, { category: '', _csrf: Agent.csrf(list.text) })).status).toBe(303);
    const official = await signIn(s.url, 'canbo.xuanduong', clock);
    const form = await official.get(`/units/${xd}/disclosures/new`);
    const r = await official.postMultipart(`/units/${xd}/disclosures`, {
      ...base,
      title: 'Thông báo lịch tiêm chủng',
      category: '7',
      _csrf: Agent.csrf(form.text),
    });
    const id = /\/disclosures\/(\d+)/.exec(r.location!)![1]!;
    const dp = await official.get(`/disclosures/${id}`);
    await official.post(`/disclosures/${id}/publish`, { _csrf: Agent.csrf(dp.text) });
    await processOutbox(s.deps.db, clock.now());
    expect((await resident.get('/notifications')).text).toContain('Thông báo lịch tiêm chủng');
  });
  it('the Atom feed of the commune lists published disclosures', async () => {
    const r = await fetch(`${s.url}/units/${naRi}/disclosures.atom?category=2`);
    expect(r.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await r.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain('Dự toán thu, chi ngân sách xã năm 2026');
    expect(xml).not.toContain('dự thảo'); // drafts never appear
  });
  it('API writes need a token with the role on the commune; a browser session cannot write', async () => {
    const admin = await signIn(s.url, 'admin', clock);
    const tp = await admin.get('/admin/tokens');
    const created = await admin.post('/admin/tokens', { name: 'Phần mềm một cửa', role: 'commune_official', unitCode: '02155', _csrf: Agent.csrf(tp.text) });
    const token = /<pre>(dc_[A-Za-z0-9_-]+)<\/pre>/.exec(created.text)![1]!;
    const body = {
      unit: naRi,
      category: 13,
      title: 'Danh mục thủ tục hành chính cấp xã',
      decision: { number: '01/QĐ-UBND', date: '2026-11-23' },
      postingStart: '2026-11-25',
    };
    const post = (headers: Record<string, string>, b: unknown = body) =>
      fetch(`${s.url}/api/v1/disclosures`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(b) });
    const r = await post({ authorization: `Bearer ${token}` });
    expect(r.status).toBe(201);
    const { id } = await r.json();
    const pub = await fetch(`${s.url}/api/v1/disclosures/${id}/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(pub.status).toBe(200);
    const d = await (await fetch(`${s.url}/api/v1/disclosures/${id}`)).json();
    expect(d.postingEnd).toBeNull(); // category 13 is posted permanently
    const bad = await post({ authorization: `Bearer ${token}` }, { ...body, category: 15 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.category).toContain('Nhóm thông tin không hợp lệ');
    const other = await post({ authorization: `Bearer ${token}` }, { ...body, unit: vanLang });
    expect(other.status).toBe(403);
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await post({ cookie })).status).toBe(403);
  });
});
