// Roles granted on units, API tokens and the household register, through real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn as shared } from './sign-in-helper.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo' });
});
afterAll(() => s.close());

const signIn = (username: string): Promise<Agent> => shared(s.url, username);
const unitId = async (code: string) => (await (await fetch(`${s.url}/api/v1/units?code=${code}`)).json()).items[0].id as number;
const auditActions = async () => (await s.deps.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);

describe('household register: personal data only for the unit that holds it', () => {
  it('a commune official of Xã Na Rì reads Na Rì’s register with phone numbers, and gets 403 on Xã Văn Lang’s', async () => {
    const a = await signIn('canbo.nari');
    const own = await a.get(`/units/${await unitId('02155')}/households`);
    expect(own.status).toBe(200);
    const village = /href="\/units\/(\d+)\/households"/.exec(own.text)![1];
    const list = await a.get(`/units/${village}/households`);
    expect(list.text).toMatch(/09\d{8}/);
    const other = await a.get(`/units/${await unitId('02143')}/households`);
    expect(other.status).toBe(403);
    expect(other.text).toContain('Bạn không có quyền thực hiện việc này.');
  });
  it('a Front work committee head sees the households of the village but no phone numbers', async () => {
    const a = await signIn('bancongtac.xd');
    const xd = await (await fetch(`${s.url}/api/v1/units/${await unitId('02191')}`)).json();
    const village = xd.children.find((c: { code: string }) => c.code === '02191-01');
    const r = await a.get(`/units/${village.id}/households`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('Đại diện hộ');
    expect(r.text).not.toMatch(/09\d{8}/);
  });
  it('an anonymous visitor is sent to sign in', async () => {
    const r = await new Agent(s.url).get(`/units/${await unitId('02155')}/households`);
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/sign-in\?next=/);
  });
});

describe('admin: grant and revoke roles on units (audited)', () => {
  it('only admins reach the admin pages', async () => {
    expect((await (await signIn('canbo.nari')).get('/admin')).status).toBe(403);
    expect((await (await signIn('admin')).get('/admin')).status).toBe(200);
  });
  it('an admin grants a role on a commune; the user gains it at once; revoking removes it; both are in the audit log', async () => {
    const admin = await signIn('admin');
    const vanLang = await unitId('02143');
    // before: canbo.xuanduong cannot read Văn Lang's register
    const user = await signIn('canbo.xuanduong');
    expect((await user.get(`/units/${vanLang}/households`)).status).toBe(403);
    const page = await admin.get('/admin/roles');
    const r = await admin.post('/admin/roles', {
      user: 'canbo.xuanduong',
      role: 'commune_official',
      unitCode: '02143',
      agencyId: '',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(303);
    expect((await user.get(`/units/${vanLang}/households`)).status).toBe(200);
    const list = await admin.get('/admin/roles');
    expect(list.text).toContain('Đã cấp quyền.');
    const grant = await s.deps.db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('g.id')
      .where('u.username', '=', 'canbo.xuanduong')
      .where('g.unit_id', '=', vanLang)
      .executeTakeFirstOrThrow();
    const rv = await admin.post(`/admin/roles/${grant.id}/revoke`, { _csrf: Agent.csrf(list.text) });
    expect(rv.status).toBe(303);
    expect((await user.get(`/units/${vanLang}/households`)).status).toBe(403);
    expect(await auditActions()).toEqual(expect.arrayContaining(['roles.grant', 'roles.revoke']));
  });
  it('bad grant input comes back with messages next to the fields and what was typed', async () => {
    const admin = await signIn('admin');
    const page = await admin.get('/admin/roles');
    const r = await admin.post('/admin/roles', { user: 'khong.co', role: 'village_head', unitCode: '99999', agencyId: '', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Không có người dùng này.');
    expect(r.text).toContain('Không có đơn vị đang hoạt động với mã này.');
    expect(r.text).toContain('value="khong.co"');
  });
  it('an admin of one commune cannot grant on the next commune; an ended unit cannot be granted on', async () => {
    const user = await s.deps.db.selectFrom('users').select('id').where('username', '=', 'gsdt.nari').executeTakeFirstOrThrow();
    await s.deps.db
      .insertInto('role_grants')
      .values({ user_id: user.id, role: 'admin', unit_id: await unitId('02155'), granted_at: new Date().toISOString() })
      .execute();
    const communeAdmin = await signIn('gsdt.nari');
    const page = await communeAdmin.get('/admin/roles');
    const r = await communeAdmin.post('/admin/roles', { user: 'hdnd', role: 'village_head', unitCode: '02143', agencyId: '', _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Đơn vị này nằm ngoài phạm vi quản trị của bạn.');
    const own = await communeAdmin.post('/admin/roles', { user: 'hdnd', role: 'village_head', unitCode: '02155', agencyId: '', _csrf: Agent.csrf(page.text) });
    expect(own.status).toBe(303);
    // Tỉnh Bắc Kạn (06) ended on 30/06/2025
    const ended = await communeAdmin.post('/admin/roles', {
      user: 'hdnd',
      role: 'council_observer',
      unitCode: '06',
      agencyId: '',
      _csrf: Agent.csrf(page.text),
    });
    expect(ended.text).toContain('Không có đơn vị đang hoạt động với mã này.');
  });
});

describe('API tokens: hashed, bound to a role on a unit, revocable', () => {
  it('an admin creates a token shown once; it authenticates API calls; once revoked it is refused', async () => {
    const admin = await signIn('admin');
    const page = await admin.get('/admin/tokens');
    const created = await admin.post('/admin/tokens', { name: 'Cổng một cửa tỉnh', role: 'council_observer', unitCode: '02155', _csrf: Agent.csrf(page.text) });
    expect(created.status).toBe(201);
    const token = /<pre>(dc_[A-Za-z0-9_-]+)<\/pre>/.exec(created.text)![1]!;
    const stored = await s.deps.db.selectFrom('api_tokens').selectAll().where('name', '=', 'Cổng một cửa tỉnh').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const ok = await fetch(`${s.url}/api/v1/units`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const list = await admin.get('/admin/tokens');
    expect(list.text).not.toContain(token);
    await admin.post(`/admin/tokens/${stored.id}/revoke`, { _csrf: Agent.csrf(list.text) });
    expect((await fetch(`${s.url}/api/v1/units`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(await auditActions()).toEqual(expect.arrayContaining(['api_tokens.create', 'api_tokens.revoke']));
  });
});

describe('audit history page', () => {
  it('an official reads the history of their commune; a resident-level visitor may not', async () => {
    const naRi = await unitId('02155');
    expect((await (await signIn('canbo.nari')).get(`/audit/unit/${naRi}`)).status).toBe(200);
    expect((await (await signIn('truongthon.xd')).get(`/audit/unit/${naRi}`)).status).toBe(403);
  });
});

describe('admin: the days-off calendar page (R-I3, Labour Code Art 112(1))', () => {
  it('/admin/calendar?year=2027 shows the provisional rows with Vietnamese notes and the fallback 3/9 adjacent day', async () => {
    const r = await (await signIn('admin')).get('/admin/calendar?year=2027');
    expect(r.status).toBe(200);
    expect(r.text).toContain('ngày âm lịch tính toán; năm ngày nghỉ do Thủ tướng quyết định');
    expect(r.text).toContain('03/09/2027');
    expect(r.text).toContain('thông báo của năm chưa đủ số ngày nghỉ của dịp này');
    expect(r.text).not.toMatch(/computed|statutory|Prime Minister/);
  });
});
