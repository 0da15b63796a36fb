// The audit pages (/audit/unit/:id, /audit/feedback_item/:id) over real HTTP on both databases.
// R-H4 (Denunciation Law Arts 4, 8(3), 47–48; LAW.md): the audit chain records every step of a
// denunciation with its tracking code and the person denounced; the pages show those entries in full
// only to who may handle the denunciation (the feedback module's own rule), never to the person or
// unit denounced, and the chain itself is untouched (verify-audit still passes). The pages speak
// Vietnamese: every action by name, the data as "key: value", "Hệ thống" for the platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, addOfficial, commune, Officials } from './feedback-handling-helpers.js';

const clock = fixedClock('2026-03-02T02:00:00Z');
const NEUTRAL = 'Xử lý tố cáo (nội dung được bảo mật)';
let s: TestServer;
let o: Officials;
let nari: { id: number; path: string };
let id: number;
let code: string;
let viceId: number;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  o = new Officials(s, clock);
  nari = await commune(s, '02155');
  const { db } = s.deps;
  const village = await db.selectFrom('units').select('id').where('code', '=', '02155-01').executeTakeFirstOrThrow();
  // A vice-chairman (commune official) denounced by name, and a second chairman's account that also
  // heads the village denounced: both roles read the commune's history.
  viceId = await addOfficial(s, 'phochutich.nari', [['commune_official', nari.id]]);
  await addOfficial(s, 'thon1.nari', [
    ['commune_chairman', nari.id],
    ['village_head', village.id],
  ]);
  const citizen = new Agent(s.url);
  const form = await citizen.get(`/units/${nari.id}/feedback/new`);
  const sent = await citizen.post(`/units/${nari.id}/feedback/new`, {
    _csrf: Agent.csrf(form.text),
    kind: 'denunciation',
    category: 'officials',
    villageId: String(village.id),
    title: 'Tố cáo thu tiền làm sổ đỏ',
    content: 'Phó chủ tịch xã thu tiền không có biên lai.',
    name: 'Phạm Thị Kín',
    address: 'Thôn Pác Cáp',
    phone: '0987 654 321',
    email: '',
    idNumber: '001234567890',
    subjectText: 'Một phó chủ tịch xã',
    notifyChannel: 'sms',
    website: '',
  });
  expect(sent.status, sent.text.slice(0, 800)).toBe(303);
  code = sent.location!.split('/').pop()!;
  id = (await db.selectFrom('feedback_items').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
  const chairman = await o.as('chutich.nari');
  expect((await act(chairman, id, 'subject', { subjectUnitId: String(village.id), subjectUserId: String(viceId) })).status).toBe(303);
  // The chairman opens the denouncer's identity: a `feedback.identity_viewed` entry.
  const page = await chairman.get(`/feedback/manage/${id}`);
  expect((await chairman.post(`/feedback/manage/${id}/identity`, { _csrf: Agent.csrf(page.text) })).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const entriesOf = async (actions: string[]) =>
  s.deps.db
    .selectFrom('audit_log')
    .select(['seq', 'action'])
    .where('entity_type', '=', 'feedback_item')
    .where('entity_id', '=', String(id))
    .where('action', 'in', actions)
    .execute();

describe('R-H4: the audit pages keep a denunciation from the person and unit denounced', () => {
  it('the chain holds the entries the pages must guard (recorded as received, subject linked, identity viewed)', async () => {
    expect((await entriesOf(['feedback.received', 'feedback.subject_linked', 'feedback.identity_viewed'])).length).toBe(3);
  });

  it.each(['phochutich.nari', 'thon1.nari'])(
    'R-H4 (Denunciation Law Arts 4, 8(3), 47–48): %s, denounced, reads neither the tracking code nor the person denounced on the audit pages',
    async (username) => {
      const a = await o.as(username);
      const pages = [`/audit/unit/${nari.id}`, `/audit/feedback_item/${id}`];
      for (const path of pages) {
        const r = await a.get(path);
        expect(r.status, path).toBe(200);
        expect(r.text, path).not.toContain(code);
        expect(r.text, path).not.toContain('subjectUserId');
        expect(r.text, path).not.toContain('Người bị tố cáo');
        expect(r.text, path).not.toContain('Tố cáo thu tiền làm sổ đỏ');
        expect(r.text, path).toContain(NEUTRAL);
      }
      // Other denunciations of the commune, which this official may handle, still read in full.
    },
  );

  it('R-H4: roles that read the history but do not handle the denunciation (Front, admin) see a neutral line', async () => {
    for (const username of ['mattran.nari', 'admin']) {
      const r = await (await o.as(username)).get(`/audit/unit/${nari.id}`);
      expect(r.status, username).toBe(200);
      expect(r.text, username).not.toContain(code);
      expect(r.text, username).not.toContain('subjectUserId');
      expect(r.text, username).toContain(NEUTRAL);
    }
  });

  it('R-H4: the chairman who settles it, and an official who may handle it, read the entries in full', async () => {
    for (const username of ['chutich.nari', 'canbo.nari']) {
      const r = await (await o.as(username)).get(`/audit/unit/${nari.id}`);
      expect(r.status, username).toBe(200);
      expect(r.text, username).toContain(code);
      expect(r.text, username).toContain(`Người bị tố cáo (số): ${viceId}`);
      expect(r.text, username).toContain('Ghi đối tượng bị tố cáo');
      expect(r.text, username).toContain('Xem thông tin người gửi');
      expect(r.text, username).not.toContain(NEUTRAL);
    }
    const item = await (await o.as('chutich.nari')).get(`/audit/feedback_item/${id}`);
    expect(item.text).toContain(code);
  });

  it('DESIGN.md "Audit": the chain is untouched, verify-audit still passes', async () => {
    expect(await verifyAudit(s.deps.db)).toMatchObject({ ok: true });
  });
});

describe('R-H4: a citizen received in person whose matter became a denunciation', () => {
  it('R-H4 (Arts 4, 47–48): the reception entry names the tracking code only to who may handle it', async () => {
    const { db } = s.deps;
    const b = await db
      .selectFrom('reception_bookings as b')
      .innerJoin('reception_days as d', 'd.id', 'b.reception_day_id')
      .select(['b.id', 'd.day'])
      .where('d.unit_id', '=', nari.id)
      .where('d.agency_id', 'is', null)
      .where('b.slot', '=', '07:30')
      .where('b.status', '=', 'booked')
      .orderBy('d.day')
      .executeTakeFirstOrThrow();
    clock.set(`${b.day}T02:00:00Z`);
    const chairman = await o.as('chutich.nari');
    const form = await chairman.get(`/reception/manage/bookings/${b.id}/receive`);
    expect(form.status).toBe(200);
    const r = await chairman.post(`/reception/manage/bookings/${b.id}/receive`, {
      kind: 'denunciation',
      category: 'land',
      title: 'Tố cáo cán bộ địa chính nhận tiền',
      content: 'Công dân tố cáo cán bộ địa chính xã nhận tiền để làm nhanh hồ sơ.',
      address: 'Thôn Nà Lẹng, xã Na Rì',
      subjectText: 'Cán bộ địa chính xã',
      notifyChannel: 'sms',
      _csrf: Agent.csrf(form.text),
    });
    expect(r.status, r.text.slice(0, 500)).toBe(303);
    const item = await db
      .selectFrom('reception_bookings as b')
      .innerJoin('feedback_items as f', 'f.id', 'b.item_id')
      .select(['f.id', 'f.tracking_code'])
      .where('b.id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect((await act(chairman, item.id, 'subject', { subjectUnitId: '', subjectUserId: String(viceId) })).status).toBe(303);
    const entry = await db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'reception.received')
      .where('entity_id', '=', String(b.id))
      .executeTakeFirstOrThrow();
    expect(entry.data).toContain(item.tracking_code);
    for (const username of ['phochutich.nari', 'mattran.nari']) {
      const page = await (await o.as(username)).get(`/audit/unit/${nari.id}`);
      expect(page.status, username).toBe(200);
      expect(page.text, username).not.toContain(item.tracking_code);
    }
    const full = await chairman.get(`/audit/unit/${nari.id}`);
    expect(full.text).toContain('Tiếp công dân và ghi nhận đơn');
    expect(full.text).toContain(`Mã đơn: ${item.tracking_code}`);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });
});

describe('the audit pages speak Vietnamese', () => {
  it('actions by name, data as "key: value", "Hệ thống" for the platform; no raw action key or actor', async () => {
    const admin = await o.as('admin');
    const province = await s.deps.db
      .selectFrom('audit_log')
      .select('unit_id')
      .where('actor_label', '=', 'system')
      .where('unit_id', 'is not', null)
      .executeTakeFirst();
    expect(province, 'the demo has entries the platform wrote by itself').toBeDefined();
    const pages = [`/audit/unit/${nari.id}`, ...(province ? [`/audit/unit/${province.unit_id}`] : [])];
    const chairman = await (await o.as('chutich.nari')).get(`/audit/unit/${nari.id}`);
    expect(chairman.text).toContain('Tiếp nhận');
    expect(chairman.text).toContain('Mã: PA-');
    for (const path of pages) {
      const r = await admin.get(path);
      expect(r.status, path).toBe(200);
      const cells = [...r.text.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!);
      for (const c of cells) {
        expect(c, path).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
        expect(c, path).not.toBe('system');
      }
    }
    if (province) expect((await admin.get(pages[1]!)).text).toContain('<td>Hệ thống</td>');
  });
});
