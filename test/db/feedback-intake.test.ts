// Feedback intake, the public form (issue 5 items 1–4) over real HTTP on a real database with a fixed
// clock: each kind and what it needs, anonymous items never handled as denunciations (R-H5), the
// complaint limit (R-H1), the sealed identity (R-H4), the honeypot and attachments. Pre-filled forms,
// officials, routing, e-mail and the rate limit: feedback-intake-officials.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { unsealJson } from '../../src/platform/crypto/seal.js';
import { Agent, type TestServer } from '../helpers.js';
import { bridge, codeOf, type IntakeWorld, intakeHelpers, startIntake } from './feedback-intake-helpers.js';

const clock = fixedClock('2026-11-20T03:00:00Z'); // Fri 20/11/2026, 10:00 in Vietnam
let w: IntakeWorld;
let s: TestServer;
let naRi: IntakeWorld['naRi'];
let village: IntakeWorld['village'];

beforeAll(async () => {
  w = await startIntake(clock);
  ({ s, naRi, village } = w);
}, 120_000);
afterAll(() => s?.close());

const { send, byCode, count, lastOutbox } = intakeHelpers(() => w);

describe('the public form, one kind at a time (issue 5 items 1–2)', () => {
  it('R-H6 (Reception Law Art 28(1)): an anonymous report of a broken bridge gets a tracking code, the 10-working-day answer clock (07/12/2026, 24/11 off) and nothing of a sender', async () => {
    const a = new Agent(s.url);
    const r = await send(a, { ...bridge, villageId: String(village.id) });
    expect(r.status).toBe(303);
    // Finding 16: 10 letters after PA- (~49.5 bits), so codes are not guessed.
    expect(r.location).toMatch(/^\/feedback\/PA-[2-9A-HJKMNP-Z]{10}$/);
    const code = codeOf(r.location);
    const f = await byCode(code);
    expect(f).toMatchObject({ kind: 'report', channel: 'web', status: 'received', received_on: '2026-11-20', clock: 'answer', due_on: '2026-12-07' });
    expect(f).toMatchObject({
      accept_due: '2026-12-07',
      forward_due: '2026-11-30',
      anonymous: 1,
      handler_unit_id: naRi.id,
      village_id: village.id,
      user_id: null,
    });
    expect(await s.deps.db.selectFrom('feedback_identities').select('item_id').where('item_id', '=', f.id).executeTakeFirst()).toBeUndefined();
    const page = await a.get(r.location!);
    expect(page.text).toContain(`Mã tra cứu của bạn: ${code}`);
    expect(page.text).toContain('07/12/2026');
    const ev = await s.deps.db.selectFrom('feedback_events').selectAll().where('item_id', '=', f.id).execute();
    expect(ev.map((e) => e.kind)).toEqual(['received']);
    const doc = await s.deps.db
      .selectFrom('search_docs')
      .select('title')
      .where('entity_type', '=', 'feedback_item')
      .where('entity_id', '=', String(f.id))
      .executeTakeFirstOrThrow();
    expect(doc.title).toBe(bridge.title);
  });

  it('each kind needs its fields: an empty form names kind, area, title and content; a complaint needs name, address and the day known (Complaints Law Arts 8, 9); a denunciation whom it is about', async () => {
    const empty = await send(new Agent(s.url), {});
    expect(empty.status).toBe(422);
    for (const f of ['kind', 'category', 'title', 'content']) expect(empty.text).toContain(`id="f-${f}-err"`);
    const complaint = await send(new Agent(s.url), { ...bridge, kind: 'complaint', phone: '0912 000 555' });
    expect(complaint.status).toBe(422);
    expect(complaint.text).toContain('Khiếu nại cần họ và tên người khiếu nại (Luật Khiếu nại Điều 8).');
    expect(complaint.text).toContain('Khiếu nại cần địa chỉ người khiếu nại');
    expect(complaint.text).toContain('Khiếu nại cần ngày bạn biết quyết định');
    expect(complaint.text).toContain('value="0912 000 555"'); // what was typed comes back
    const den = await send(new Agent(s.url), { ...bridge, kind: 'denunciation', name: 'Lý Văn Tố', address: 'Thôn Nà Cà' });
    expect(den.status).toBe(422);
    expect(den.text).toContain('id="f-subjectText-err"');
    const bad = await send(new Agent(s.url), { ...bridge, phone: '12345', email: 'x@', idNumber: '123', notifyChannel: 'zalo' });
    expect(bad.status).toBe(422);
    for (const f of ['phone', 'email', 'idNumber']) expect(bad.text).toContain(`id="f-${f}-err"`);
    const question = await send(new Agent(s.url), { kind: 'question', category: 'social_policy', title: 'Hỏi chế độ', content: 'Xin hỏi về chế độ hộ nghèo.' });
    expect(question.status).toBe(303);
  });

  it('R-H5 (Denunciation Law Arts 23, 25): a denunciation without name and address is refused with an offer to send it as a report, which then stores an anonymous report', async () => {
    const a = new Agent(s.url);
    const form = { ...bridge, kind: 'denunciation', subjectText: 'Cán bộ X', title: 'Thu tiền sai quy định' };
    const r = await send(a, form);
    expect(r.status).toBe(422);
    expect(r.text).toContain('tin không rõ người gửi không được xử lý như tố cáo');
    expect(r.text).toContain('name="asReport" value="1"');
    const before = await count('feedback_items');
    expect(before).toBeGreaterThan(0);
    const asReport = await a.post(`/units/${naRi.id}/feedback/new`, { ...form, asReport: '1', _csrf: Agent.csrf(r.text) });
    expect(asReport.status).toBe(303);
    const f = await byCode(codeOf(asReport.location));
    expect(f).toMatchObject({ kind: 'report', anonymous: 1, subject_text: null });
    // The database holds the rule too.
    await expect(s.deps.db.updateTable('feedback_items').set({ kind: 'denunciation' }).where('id', '=', f.id).execute()).rejects.toThrow();
  });

  it('R-H4, R-H3: a denunciation with identity is sealed apart: not in the item, history, audit, search index or outbox; initial handling due in 7 working days (02/12/2026)', async () => {
    const who = { name: 'Đinh Thị Bí Mật', address: 'Thôn Khuổi Lùng, xã Na Rì', phone: '0912000777', idNumber: '006190009999', email: 'bimat@example.vn' };
    const r = await send(new Agent(s.url), {
      ...bridge,
      kind: 'denunciation',
      category: 'officials',
      title: 'Tố cáo thu tiền',
      subjectText: 'Công chức một cửa',
      notifyChannel: 'sms',
      ...who,
    });
    expect(r.status).toBe(303);
    const f = await byCode(codeOf(r.location));
    expect(f).toMatchObject({ kind: 'denunciation', anonymous: 0, clock: 'initial', due_on: '2026-12-02', handler_unit_id: naRi.id, handler_board: 0 });
    const sealed = await s.deps.db.selectFrom('feedback_identities').select('sealed').where('item_id', '=', f.id).executeTakeFirstOrThrow();
    expect(sealed.sealed.startsWith('v1.')).toBe(true);
    expect(unsealJson(s.deps.config.dataKey, sealed.sealed)).toEqual(who);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'feedback_item')
      .where('entity_id', '=', String(f.id))
      .execute();
    const events = await s.deps.db.selectFrom('feedback_events').selectAll().where('item_id', '=', f.id).execute();
    const docs = await s.deps.db.selectFrom('search_docs').selectAll().where('entity_id', '=', String(f.id)).execute();
    const out = await lastOutbox();
    expect(out).toMatchObject({ channel: 'sms', template: 'notice' });
    const stored = JSON.stringify({ f, audit, events, docs, out });
    for (const v of Object.values(who)) expect(stored).not.toContain(v);
    expect(stored).not.toContain('Bí Mật');
  });

  it('R-H1 (Complaints Law Art 9): a complaint 21 days past the 90-day limit is received and flagged; 30 excluded days with a reason put it in time; excluded days need a reason', async () => {
    const base = { ...bridge, kind: 'complaint', category: 'land', name: 'Hà Văn Khiếu', address: 'Thôn Pác Cáp', title: 'Khiếu nại thu hồi đất' };
    const late = await send(new Agent(s.url), { ...base, knownOn: '01/08/2026' });
    expect(late.status).toBe(303);
    const f = await byCode(codeOf(late.location));
    expect(f).toMatchObject({ known_on: '2026-08-01', late_days: 21, excluded_days: 0, clock: 'accept', due_on: '2026-11-30', status: 'received' });
    const page = await new Agent(s.url).get(late.location!);
    expect(page.text).toContain('Khiếu nại gửi sau thời hạn 90 ngày 21 ngày');
    const excused = await send(new Agent(s.url), { ...base, knownOn: '01/08/2026', excludedDays: '30', excludedReason: 'Nằm viện điều trị' });
    expect(await byCode(codeOf(excused.location))).toMatchObject({ late_days: 0, excluded_days: 30, excluded_reason: 'Nằm viện điều trị' });
    const noReason = await send(new Agent(s.url), { ...base, knownOn: '01/08/2026', excludedDays: '30' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('id="f-excludedReason-err"');
    const future = await send(new Agent(s.url), { ...base, knownOn: '21/11/2026' });
    expect(future.text).toContain('id="f-knownOn-err"');
  });

  it('a filled honeypot gets the thanks page (200) and nothing is stored or sent', async () => {
    const [items, out] = [await count('feedback_items'), await count('outbox')];
    const r = await send(new Agent(s.url), { ...bridge, phone: '0912000888', notifyChannel: 'sms', website: 'http://spam.example' });
    expect(r.status).toBe(200);
    expect(r.text).toContain('Cảm ơn bạn');
    expect(await count('feedback_items')).toBe(items);
    expect(await count('outbox')).toBe(out);
  });

  it('an attachment over MAX_UPLOAD_MB is refused next to the field with the text kept; a photo is stored, not public', async () => {
    const a = new Agent(s.url);
    const page = await a.get(`/units/${naRi.id}/feedback/new`);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]);
    const big = Buffer.concat([png, Buffer.alloc(1_200_000)]);
    const form = { ...bridge, _csrf: Agent.csrf(page.text) };
    const r = await a.postMultipart(`/units/${naRi.id}/feedback/new`, form, [{ field: 'files', name: 'cau.png', bytes: big, type: 'image/png' }]);
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-files-err"');
    expect(r.text).toContain('Tệp cau.png quá lớn: mỗi tệp không quá 1 MB');
    expect(r.text).toContain(bridge.content);
    const ok = await a.postMultipart(`/units/${naRi.id}/feedback/new`, form, [{ field: 'files', name: 'cau.png', bytes: png, type: 'image/png' }]);
    expect(ok.status).toBe(303);
    const f = await byCode(codeOf(ok.location));
    const att = await s.deps.db.selectFrom('feedback_attachments').selectAll().where('item_id', '=', f.id).execute();
    expect(att).toHaveLength(1);
    expect(att[0]!.public).toBe(0);
  });
});
