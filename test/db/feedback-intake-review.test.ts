// The intake's answers to the first review (review1.md findings 3, 6, 7, 16, 19, 21, 22) over real
// HTTP on a real database with a fixed clock: what the public answers page and the search index hold
// of a denunciation (R-H4), the resident's account kept out of a denunciation, tracking codes that
// cannot be guessed and misses counted on every route that takes one, rate limits that hold under
// parallel requests with keyed client hashes, ids that cannot reach the database, and an intake that
// commits inside the caller's transaction. Reopening and the next steps (finding 9):
// feedback-public-next.test.ts.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SubmitResult, submitFeedback } from '../../src/modules/feedback/commands/submit.js';
import { normaliseTrackingCode } from '../../src/modules/feedback/common.js';
import { emptyFeedbackInput } from '../../src/modules/feedback/intake-input.js';
import type { Identity } from '../../src/modules/feedback/model.js';
import { DEMO_RESIDENT_PHONE } from '../../src/platform/auth/demo-accounts.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { unsealJson } from '../../src/platform/crypto/seal.js';
import { filePath } from '../../src/platform/files/store.js';
import { allowHit, clientKey } from '../../src/platform/http/rate-limit.js';
import { translator } from '../../src/platform/i18n/index.js';
import { matchingIds } from '../../src/platform/search/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-11-20T03:00:00Z'); // Fri 20/11/2026, 10:00 in Vietnam
const t = translator('vi');
let s: TestServer;
let naRi: number;
let village: { id: number; name: string };

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock, env: { INTAKE_PER_MINUTE: '1000' } });
  naRi = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
  village = await s.deps.db.selectFrom('units').select(['id', 'name']).where('code', '=', '02155-02').executeTakeFirstOrThrow();
}, 120_000);
afterAll(() => s?.close());

const who = { name: 'Lý Văn Tố', address: 'Số 12 ngõ 3, thôn Nà Cà, xã Na Rì', phone: '0912000432' };
const row = (code: string) => s.deps.db.selectFrom('feedback_items').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
async function submit(over: Record<string, string>, actor: Actor | null = null, mode: 'api' | 'resident' = 'api'): Promise<SubmitResult> {
  return submitFeedback(s.deps, t, actor, emptyFeedbackInput(naRi, { category: 'officials', title: 'Mẫu', content: 'Mẫu', ...over }), mode);
}
async function code(over: Record<string, string>): Promise<string> {
  const r = await submit(over);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.code;
}
const misses = async () =>
  Number(
    (
      await s.deps.db
        .selectFrom('rate_hits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key', 'like', 'fb-miss:%')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('what a denunciation leaves where others read (findings 3, 6, 7; R-H4)', () => {
  it('R-H4 (Denunciation Law Art 40, Art 9(1)(b)): the public answers page heads a denunciation by kind and category, without its title or village; a petition whose title names its author likewise; a clean title stays', async () => {
    const den = await code({
      kind: 'denunciation',
      title: 'Tố cáo của Lý Văn Tố về thu tiền',
      subjectText: 'Công chức X',
      villageId: String(village.id),
      ...who,
    });
    const named = await code({ kind: 'petition', category: 'infrastructure', title: 'Kiến nghị của Ly Van To về đèn đường', ...who });
    const clean = await code({ kind: 'petition', category: 'infrastructure', title: 'Đề nghị lắp đèn ở dốc Khuổi Lùng', ...who });
    for (const [c, text] of [
      [den, 'Kết luận: việc thu tiền là sai, đã yêu cầu hoàn trả.'],
      [named, 'Xã sẽ lắp đèn trong tháng 12.'],
      [clean, 'Xã đã lắp hai bóng đèn.'],
    ] as const) {
      await s.deps.db
        .updateTable('feedback_items')
        .set({ status: 'answered', answered_on: '2026-11-19', publishable: 1, public_answer: text, published_on: '2026-11-19' })
        .where('tracking_code', '=', c)
        .execute();
    }
    const page = await new Agent(s.url).get(`/units/${naRi}/feedback`);
    expect(page.status).toBe(200);
    const cards = page.text.split('<article').slice(1);
    const card = (answer: string) => cards.find((x) => x.includes(answer))!;
    expect(card('Kết luận: việc thu tiền')).toContain('<h2>Tố cáo · Cán bộ, công chức</h2>');
    expect(card('Kết luận: việc thu tiền')).not.toContain(village.name);
    expect(card('Xã sẽ lắp đèn')).toContain('<h2>Kiến nghị · Đường, cầu, điện, nước</h2>');
    expect(card('Xã đã lắp hai bóng đèn')).toContain('<h2>Đề nghị lắp đèn ở dốc Khuổi Lùng</h2>');
    expect(page.text).not.toContain('Lý Văn Tố');
    expect(page.text).not.toContain('Ly Van To');
  });

  it('R-H4 (Denunciation Law Art 56): a denunciation is indexed by kind and category only, so no handler finds it by what the denouncer wrote', async () => {
    const c = await code({
      kind: 'denunciation',
      title: 'Chuyện thu tiền ở bộ phận một cửa',
      content: 'Ông Quàng Văn Khoản thu thêm hai triệu đồng.',
      subjectText: 'Ông K',
      ...who,
    });
    const f = await row(c);
    const doc = await s.deps.db
      .selectFrom('search_docs')
      .selectAll()
      .where('entity_type', '=', 'feedback_item')
      .where('entity_id', '=', String(f.id))
      .executeTakeFirstOrThrow();
    expect(doc.title).toBe('Tố cáo · Cán bộ, công chức');
    for (const word of ['thu tien', 'quang van khoan', 'hai trieu', 'mot cua']) expect(doc.folded).not.toContain(word);
    expect((await matchingIds(s.deps.db, s.deps.dialect, 'feedback_item', naRi, 'Khoản')).ids).not.toContain(f.id);
    const report = await code({ kind: 'report', title: 'Đèn hỏng ở chợ Nà Làng', content: 'Đèn cao áp không sáng.' });
    expect((await matchingIds(s.deps.db, s.deps.dialect, 'feedback_item', naRi, 'Nà Làng')).ids).toContain((await row(report)).id);
  });

  it('R-H4 (Denunciation Law Art 8(3)): a resident’s denunciation keeps their account only inside the sealed identity, and may not be told in the account; a report stays linked', async () => {
    const me = await s.deps.db.selectFrom('users').select('id').where('phone', '=', DEMO_RESIDENT_PHONE).executeTakeFirstOrThrow();
    const resident = (await loadActor(s.deps.db, me.id)) as Actor;
    const den = { kind: 'denunciation', title: 'Tố cáo', content: 'Nội dung', subjectText: 'Ông X', ...who };
    const inApp = await submit({ ...den, notifyChannel: 'in_app' }, resident, 'resident');
    expect(inApp.ok).toBe(false);
    if (!inApp.ok) expect(inApp.errors.notifyChannel).toContain('Luật Tố cáo Điều 8');
    const r = await submit({ ...den, notifyChannel: 'sms' }, resident, 'resident');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const f = await row(r.code);
    expect(f).toMatchObject({ kind: 'denunciation', channel: 'resident', user_id: null });
    const sealed = await s.deps.db.selectFrom('feedback_identities').select('sealed').where('item_id', '=', f.id).executeTakeFirstOrThrow();
    expect(unsealJson<Identity>(s.deps.config.dataKey, sealed.sealed).userId).toBe(me.id);
    const out = await s.deps.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(out.channel).toBe('sms');
    expect(out.recipient.startsWith('v1.')).toBe(true);
    const report = await submit({ kind: 'report', title: 'Đèn hỏng', content: 'Đèn hỏng', notifyChannel: 'in_app' }, resident, 'resident');
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    expect((await row(report.code)).user_id).toBe(me.id);
  });
});

describe('tracking codes and guessing them (finding 16)', () => {
  it('codes have 10 letters after "PA-" from the alphabet without 0/O/1/I/L (~49.5 bits); what citizens type is still understood, older 6-letter codes too', async () => {
    const c = await code({ kind: 'question', title: 'Hỏi', content: 'Hỏi' });
    expect(c).toMatch(/^PA-[2-9A-HJKMNP-Z]{10}$/);
    expect(normaliseTrackingCode(` ${c.slice(3, 7).toLowerCase()} ${c.slice(7)} `)).toBe(c);
    expect(normaliseTrackingCode(`pa-${c.slice(3)}`)).toBe(c);
    // A code whose own letters start with PA, typed without the prefix, keeps them.
    expect(normaliseTrackingCode('pa3m9qx4tp')).toBe('PA-PA3M9QX4TP');
    expect(normaliseTrackingCode('PA-PA3M9QX4TP')).toBe('PA-PA3M9QX4TP');
    expect(normaliseTrackingCode('pa 7k3m9q')).toBe('PA-7K3M9Q');
    expect(normaliseTrackingCode('7k3m9q')).toBe('PA-7K3M9Q');
    const old = await code({ kind: 'question', title: 'Hỏi', content: 'Hỏi' });
    await s.deps.db.updateTable('feedback_items').set({ tracking_code: 'PA-7K3M9Q' }).where('tracking_code', '=', old).execute();
    const a = new Agent(s.url);
    expect((await a.get('/feedback?code=7k3m9q')).location).toBe('/feedback/PA-7K3M9Q');
    expect((await a.get('/feedback/PA-7K3M9Q')).status).toBe(200);
  });

  it('finding 16: POST rating and reopen on an unknown code count a miss like the page and the API do, and are refused (429) once there are too many', async () => {
    const a = new Agent(s.url);
    const csrf = Agent.csrf((await a.get(`/units/${naRi}/feedback/new`)).text);
    const before = await misses();
    expect((await a.post('/feedback/PA-2222222222/rating', { rating: 'satisfied', comment: '', _csrf: csrf })).status).toBe(404);
    expect((await a.post('/feedback/PA-2222222222/reopen', { reason: 'x', _csrf: csrf })).status).toBe(404);
    expect((await fetch(`${s.url}/api/v1/feedback/PA-2222222222`)).status).toBe(404);
    expect(await misses()).toBe(before + 3);
    for (let i = 0; (await misses()) < 30 && i < 40; i++) await a.get(`/feedback/PA-${String(i).padStart(2, '0')}22222222`);
    const real = await code({ kind: 'question', title: 'Hỏi', content: 'Hỏi' });
    expect((await a.post(`/feedback/${real}/rating`, { rating: 'satisfied', comment: '', _csrf: csrf })).status).toBe(429);
    expect((await a.post(`/feedback/${real}/reopen`, { reason: 'x', _csrf: csrf })).status).toBe(429);
    const keys = await s.deps.db.selectFrom('rate_hits').select('key').where('key', 'like', 'fb-miss:%').execute();
    // Finding 19: the address is kept as a keyed hash (HMAC with the session secret), one key for the client.
    expect(new Set(keys.map((k) => k.key)).size).toBe(1);
    const ipHashes = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((ip) => createHash('sha256').update(ip).digest('hex').slice(0, 12));
    for (const h of ipHashes) expect(keys[0]!.key).not.toContain(h);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((ip) => `fb-miss:${clientKey(s.deps.config, ip)}`)).toContain(keys[0]!.key);
    clock.advance(11 * 60_000);
    expect((await a.get(`/feedback/${real}`)).status).toBe(200);
  });
});

describe('rate limits (finding 19)', () => {
  it('finding 19: parallel hits never pass the limit (hit written first, then counted); hits refused are not kept', async () => {
    const now = clock.now();
    const limit = [{ key: `test:parallel:${randomBytes(4).toString('hex')}`, max: 3, windowMs: 60_000 }];
    const results = await Promise.all(Array.from({ length: 12 }, () => allowHit(s.deps.db, limit, now)));
    const passed = results.filter(Boolean).length;
    expect(passed).toBeLessThanOrEqual(3);
    const kept = await s.deps.db
      .selectFrom('rate_hits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', limit[0]!.key)
      .executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBe(passed);
    // One at a time they pass up to the limit and no further.
    const seq: boolean[] = [];
    for (let i = 0; i < 5; i++) seq.push(await allowHit(s.deps.db, limit, now));
    expect(seq.filter(Boolean).length).toBe(3 - passed);
  });

  it('finding 19: clientKey is an HMAC with the server secret: stable for one address, different per address and per secret, never the plain SHA-256', () => {
    const k = clientKey(s.deps.config, '203.0.113.7');
    expect(k).toBe(clientKey(s.deps.config, '203.0.113.7'));
    expect(k).not.toBe(clientKey(s.deps.config, '203.0.113.8'));
    expect(k).not.toBe(clientKey({ sessionSecret: 'another-secret-of-at-least-32-characters' }, '203.0.113.7'));
    expect(createHash('sha256').update('203.0.113.7').digest('hex')).not.toContain(k);
    expect(k.length).toBeGreaterThanOrEqual(20);
  });
});

describe('ids from the address bar (finding 21)', () => {
  it('finding 21: a commune id that is not 1–9 digits is 404 on every intake and public page, never a 500 (PostgreSQL int4)', async () => {
    const a = new Agent(s.url);
    for (const id of ['abc', '99999999999', '1.5', '-1', '0'])
      for (const p of ['feedback/new', 'feedback', 'feedback/stats', 'feedback/record'])
        expect((await a.get(`/units/${id}/${p}`)).status, `${id}/${p}`).toBe(404);
    const post = await a.post('/units/99999999999/feedback/new', { kind: 'report' });
    expect([403, 404]).toContain(post.status); // the CSRF check may come first; never 500
  });

  it('finding 21: file and signature downloads with an id past int4 or not a number are 404 for a signed-in official', async () => {
    const c = await code({ kind: 'report', title: 'Ảnh', content: 'Ảnh' });
    const f = await row(c);
    const a = await signIn(s.url, 'canbo.nari', clock);
    for (const path of [
      '/feedback/manage/99999999999/files/1',
      '/feedback/manage/abc/files/1',
      `/feedback/manage/${f.id}/files/99999999999`,
      `/feedback/manage/${f.id}/files/x`,
      '/feedback/manage/99999999999/signature',
    ])
      expect((await a.get(path)).status, path).toBe(404);
  });
});

describe('an intake inside the caller’s transaction (finding 22)', () => {
  const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
  const input = () => emptyFeedbackInput(naRi, { kind: 'report', category: 'administrative_procedure', title: 'Góp ý một cửa', content: 'Chờ lâu.' });

  it('finding 22: with trx the item commits with the caller’s own change, and both roll back together; the file is removed by discard', async () => {
    const bytes = png();
    const path = filePath(s.deps.config.filesDir, createHash('sha256').update(bytes).digest('hex'));
    let made: SubmitResult | null = null;
    await expect(
      s.deps.db.transaction().execute(async (trx) => {
        made = await submitFeedback(s.deps, t, null, input(), 'public', [{ filename: 'a.png', bytes }], { trx });
        expect(existsSync(path)).toBe(true);
        throw new Error('the caller’s rating failed');
      }),
    ).rejects.toThrow('the caller’s rating failed');
    const r = made as SubmitResult | null;
    if (!r?.ok) throw new Error('expected the submission to pass');
    r.discard?.();
    expect(existsSync(path)).toBe(false);
    expect(await s.deps.db.selectFrom('feedback_items').select('id').where('tracking_code', '=', r.code).executeTakeFirst()).toBeUndefined();
    expect(await s.deps.db.selectFrom('outbox').select('id').where('params', 'like', `%${r.code}%`).executeTakeFirst()).toBeUndefined();

    const key = `test:with-item:${randomBytes(4).toString('hex')}`;
    const ok = await s.deps.db.transaction().execute(async (trx) => {
      const x = await submitFeedback(s.deps, t, null, input(), 'public', [], { trx });
      await trx.insertInto('rate_hits').values({ key, at: clock.now().toISOString() }).execute();
      return x;
    });
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect((await row(ok.code)).kind).toBe('report');
    expect(await s.deps.db.selectFrom('rate_hits').select('id').where('key', '=', key).executeTakeFirst()).toBeDefined();
  });
});
