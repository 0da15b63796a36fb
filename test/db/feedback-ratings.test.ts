// QR points and the one-minute rating of the one-stop desk (R-H8; Law 10/2022 Arts 34(1), 35(2)(a);
// resolution M-3.5(b)): posters, scanning a place or a desk, one rating per dossier code, a comment
// that becomes a tracked report, rate limits against stuffing, and the monthly satisfaction index.
// Real HTTP on a real database with a fixed clock; INTAKE_PER_MINUTE=3 keeps the limits small, and
// TRUST_PROXY lets a test speak as another client address (X-Forwarded-For).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRatingInput, submitRating } from '../../src/modules/feedback/commands/rating.js';
import { ratingsIndex } from '../../src/modules/feedback/ratings-read.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T02:00:00Z'); // Mon 07/12/2026, 09:00 in Vietnam
let s: TestServer;
let naRi: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock, env: { INTAKE_PER_MINUTE: '3', PUBLIC_URL: 'https://danchu.example.vn', TRUST_PROXY: 'true' } });
  naRi = (await (await fetch(`${s.url}/api/v1/units?code=02155`)).json()).items[0].id;
});
afterAll(() => s.close());

const point = (kind: string, name?: string) => {
  let q = s.deps.db
    .selectFrom('qr_points')
    .selectAll()
    .where('commune_id', '=', naRi)
    .where('kind', '=', kind as 'desk');
  if (name) q = q.where('name', '=', name);
  return q.orderBy('id').executeTakeFirstOrThrow();
};
async function rate(a: Agent, token: string, form: Record<string, string>, ip?: string) {
  const headers: Record<string, string> = ip ? { 'x-forwarded-for': ip } : {};
  const page = await a.get(`/q/${token}`, headers);
  return a.post(`/q/${token}`, { ...form, _csrf: Agent.csrf(page.text) }, headers);
}
/** The demo's one-stop dossier of Na Rì (demo-reception.ts), dated from the clock. */
const DEMO_DOSSIER = '000.00.20.H12-261207-0007';
/** A minute later: the per-address limit starts again. */
const nextMinute = () => clock.advance(61_000);

describe('QR points and posters (M-3.5(b))', () => {
  it("M-3.5(b): the commune's official lists the demo points and adds a desk; its A4 poster holds an SVG QR code of the public /q/<token> link", async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const page = await a.get(`/units/${naRi}/qr`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Quầy số 1 – Bộ phận Một cửa UBND xã Na Rì');
    expect(page.text).toContain('Cầu treo qua suối đầu');
    const r = await a.post(`/units/${naRi}/qr`, {
      kind: 'desk',
      name: 'Quầy số 2 – Bộ phận Một cửa',
      villageId: '',
      officerUserId: '',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(303);
    const desk2 = await point('desk', 'Quầy số 2 – Bộ phận Một cửa');
    expect(desk2.token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const poster = await a.get(`/qr/${desk2.id}/poster`);
    expect(poster.status).toBe(200);
    expect(poster.text).toContain('<svg');
    expect(poster.text).toContain(`https://danchu.example.vn/q/${desk2.token}`);
    expect(poster.text).toContain('ĐÁNH GIÁ SỰ HÀI LÒNG');
    const bad = await a.post(`/units/${naRi}/qr`, { kind: 'booth', name: '', villageId: '99999', officerUserId: '', _csrf: Agent.csrf(page.text) });
    expect(bad.status).toBe(422);
    for (const f of ['kind', 'name', 'villageId']) expect(bad.text).toContain(`id="f-${f}-err"`);
  });

  it('M-3.5(b): only manageQr roles see the QR list and posters', async () => {
    const desk = await point('desk');
    const anon = await new Agent(s.url).get(`/units/${naRi}/qr`);
    expect(anon.status).toBe(303);
    const front = await signIn(s.url, 'mattran.nari', clock);
    expect((await front.get(`/units/${naRi}/qr`)).status).toBe(403);
    expect((await front.get(`/qr/${desk.id}/poster`)).status).toBe(403);
  });

  it("M-3.5(b): a place's code opens the feedback form with the place; a desk's code the rating page, no script needed", async () => {
    const place = await point('place');
    const p = await new Agent(s.url).get(`/q/${place.token}`);
    expect(p.status).toBe(303);
    expect(p.location).toBe(`/units/${naRi}/feedback/new?qr=${place.token}`);
    const desk = await point('desk');
    const r = await new Agent(s.url).get(`/q/${desk.token}`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('Đánh giá trong 1 phút');
    expect(r.text.match(/type="radio" name="overall"/g)).toHaveLength(3);
    expect(r.text).toContain('<legend>Mức độ hài lòng chung</legend>');
    expect(r.text).not.toContain('<script');
    expect((await new Agent(s.url).get('/q/not-a-token')).status).toBe(404);
  });
});

describe('the one-minute rating (R-H8)', () => {
  it('R-H8: a citizen rates the desk satisfied with criteria and a dossier code; the audit holds no dossier code', async () => {
    nextMinute();
    const desk = await point('desk');
    const r = await rate(new Agent(s.url), desk.token, {
      overall: 'satisfied',
      time: 'normal',
      attitude: 'satisfied',
      dossierCode: ' 000.00.20.h12-261207-0007 ',
      comment: '',
    });
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/q/${desk.token}/thanks`);
    const row = await s.deps.db.selectFrom('service_ratings').selectAll().where('dossier_code', '=', DEMO_DOSSIER).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      qr_point_id: desk.id,
      commune_id: naRi,
      month: '2026-12',
      overall: 3,
      time_score: 2,
      attitude_score: 3,
      correctness_score: null,
      costs_score: null,
    });
    const audit = await s.deps.db.selectFrom('audit_log').select(['action', 'data']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('rating.received');
    expect(audit.data).not.toContain('H12-261207');
  });

  it('R-H8: the same dossier rated again (typed differently) is refused with a clear message; nothing is stored', async () => {
    const desk = await point('desk');
    const before = await s.deps.db
      .selectFrom('service_ratings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await rate(new Agent(s.url), desk.token, { overall: 'not_satisfied', dossierCode: DEMO_DOSSIER, comment: '' });
    expect(r.status).toBe(422);
    expect(r.text).toContain(`Hồ sơ ${DEMO_DOSSIER} đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.`);
    expect(r.text).toMatch(/value="not_satisfied" checked/);
    const after = await s.deps.db
      .selectFrom('service_ratings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('R-H8 (review C.18): where the commune has one-stop dossiers, a made-up dossier code is refused (it would block the real one); nothing is stored', async () => {
    nextMinute();
    const desk = await point('desk');
    const r = await rate(new Agent(s.url), desk.token, { overall: 'not_satisfied', dossierCode: '000.00.20.H12-261207-0001', comment: '' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Không có hồ sơ mã 000.00.20.H12-261207-0001 tại xã này.');
    expect(
      await s.deps.db.selectFrom('service_ratings').select('id').where('dossier_code', '=', '000.00.20.H12-261207-0001').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('R-H8: where the commune has no one-stop dossiers, any well-formed code is taken', async () => {
    const vanLang = await s.deps.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('code', '=', '02143')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const token = 'VanLangDesk1TestQR';
    await s.deps.db
      .insertInto('qr_points')
      .values({
        token,
        commune_id: vanLang.id,
        unit_id: vanLang.id,
        kind: 'desk',
        name: 'Quầy Một cửa Văn Lang',
        officer_user_id: null,
        created_at: clock.now().toISOString(),
      })
      .execute();
    const r = await rate(new Agent(s.url), token, { overall: 'satisfied', dossierCode: 'VL-2026-0001', comment: '' });
    expect(r.status).toBe(303);
  });

  it('R-H8 (review D.22): the same dossier rated with a comment three times at once: one rating and one report, no orphan report', async () => {
    const desk = await point('desk');
    const code = '000.00.20.H12-261207-0031';
    await s.deps.db
      .insertInto('one_stop_dossiers')
      .values({
        code,
        commune_id: naRi,
        procedure_name: 'Chứng thực',
        status: 'done',
        sealed_contact: null,
        notify_channel: 'sms',
        updated_at: clock.now().toISOString(),
      })
      .execute();
    const comment = 'Cán bộ hướng dẫn tận tình nhưng phải chờ lâu ở quầy chứng thực.';
    const input = { ...emptyRatingInput(), overall: 'normal', dossierCode: code, comment };
    const rs = await Promise.all([1, 2, 3].map(() => submitRating(s.deps, translator('vi'), desk, input)));
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    const items = await s.deps.db.selectFrom('feedback_items').select('id').where('content', '=', comment).execute();
    expect(items).toHaveLength(1);
    const rating = await s.deps.db.selectFrom('service_ratings').select('item_id').where('dossier_code', '=', code).executeTakeFirstOrThrow();
    expect(rating.item_id).toBe(items[0]!.id);
  });

  it('R-H8: a rating without the overall answer is refused next to it', async () => {
    nextMinute();
    const r = await rate(new Agent(s.url), (await point('desk')).token, { overall: '', dossierCode: '', comment: '' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-overall-err"');
  });

  it('R-H8: a comment becomes a report on administrative procedures via the QR channel, with a tracking code on the thank-you page', async () => {
    nextMinute();
    const officer = await point('officer');
    const a = new Agent(s.url);
    const r = await rate(a, officer.token, {
      overall: 'not_satisfied',
      costs: 'not_satisfied',
      dossierCode: '',
      comment: 'Cán bộ yêu cầu nộp thêm bản sao không có trong quy định.',
    });
    expect(r.status).toBe(303);
    const thanks = await a.get(r.location!);
    const code = /mã theo dõi (PA-[0-9A-Z]{10})/.exec(thanks.text)![1]!;
    const item = await s.deps.db.selectFrom('feedback_items').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      kind: 'report',
      category: 'administrative_procedure',
      channel: 'qr',
      qr_point_id: officer.id,
      commune_id: naRi,
      anonymous: 1,
    });
    expect(item.title).toContain(officer.name);
    const row = await s.deps.db.selectFrom('service_ratings').selectAll().where('item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ overall: 1, costs_score: 1, qr_point_id: officer.id });
  });

  it('R-H8: rate limits against stuffing: per client address each minute, then per desk each hour', async () => {
    nextMinute();
    const desk2 = await point('desk', 'Quầy số 2 – Bộ phận Một cửa');
    const ok = { overall: 'satisfied', dossierCode: '', comment: '' };
    for (let i = 0; i < 3; i++) expect((await rate(new Agent(s.url), desk2.token, ok)).status).toBe(303);
    const fourth = await rate(new Agent(s.url), desk2.token, ok);
    expect(fourth.status).toBe(429);
    expect(fourth.text).toContain('Có quá nhiều lượt đánh giá trong thời gian ngắn');
    // Three a minute from this address, nine an hour for the desk (3 × INTAKE_PER_MINUTE).
    for (let m = 0; m < 2; m++) {
      nextMinute();
      for (let i = 0; i < 3; i++) expect((await rate(new Agent(s.url), desk2.token, ok)).status).toBe(303);
    }
    nextMinute();
    expect((await rate(new Agent(s.url), desk2.token, ok)).status).toBe(429);
    const n = await s.deps.db
      .selectFrom('service_ratings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('qr_point_id', '=', desk2.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(9);
    // Another desk is not held back by the full one.
    expect((await rate(new Agent(s.url), (await point('desk')).token, ok)).status).toBe(303);
  });

  it('R-H8 (review C.19): one client filling a desk’s hourly quota does not shut the desk’s rating off for other clients; rate_hits holds no address', async () => {
    nextMinute();
    const desk2 = await point('desk', 'Quầy số 2 – Bộ phận Một cửa');
    const ok = { overall: 'satisfied', dossierCode: '', comment: '' };
    // 127.0.0.1 filled desk 2's quota in the test before; a citizen on another address still rates.
    expect((await rate(new Agent(s.url), desk2.token, ok)).status).toBe(429);
    expect((await rate(new Agent(s.url), desk2.token, ok, '203.0.113.7')).status).toBe(303);
    expect((await rate(new Agent(s.url), desk2.token, ok, '198.51.100.23')).status).toBe(303);
    const keys = (await s.deps.db.selectFrom('rate_hits').select('key').where('key', 'like', 'rating:%').execute()).map((k) => k.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toMatch(/^rating:(ip:[\w-]{22}|qr:\d+:[\w-]{22})$/);
    expect(keys.join(' ')).not.toMatch(/127\.0\.0\.1|203\.0\.113\.7|198\.51\.100\.23/);
  });

  it('M-3.5(b): a withdrawn code answers 404; used again, it works', async () => {
    const desk2 = await point('desk', 'Quầy số 2 – Bộ phận Một cửa');
    const a = await signIn(s.url, 'canbo.nari', clock);
    const page = await a.get(`/units/${naRi}/qr`);
    expect((await a.post(`/qr/${desk2.id}/active`, { active: '0', _csrf: Agent.csrf(page.text) })).status).toBe(303);
    expect((await new Agent(s.url).get(`/q/${desk2.token}`)).status).toBe(404);
    expect((await a.post(`/qr/${desk2.id}/active`, { active: '1', _csrf: Agent.csrf(page.text) })).status).toBe(303);
    expect((await new Agent(s.url).get(`/q/${desk2.token}`)).status).toBe(200);
  });
});

describe('the monthly satisfaction index (R-H8; Law 10/2022 Arts 34(1), 35(2)(a))', () => {
  it('R-H8: October 2026 of the demo: desk 4 of 5 satisfied (80 %, mean 2.80), official 3 of 5 (60 %, 2.40), commune 70 %, 2.60', async () => {
    const r = await ratingsIndex(s.deps.db, naRi, ['2026-10']);
    const desk = r.points.find((p) => p.kind === 'desk' && p.name.startsWith('Quầy số 1'))!;
    const officer = r.points.find((p) => p.kind === 'officer')!;
    expect(desk.byMonth['2026-10']).toMatchObject({ n: 5, share: 0.8 });
    expect(desk.byMonth['2026-10']!.mean).toBeCloseTo(2.8);
    expect(officer.byMonth['2026-10']).toMatchObject({ n: 5, share: 0.6 });
    expect(r.commune['2026-10']).toMatchObject({ n: 10, share: 0.7 });
    expect(r.commune['2026-10']!.mean).toBeCloseTo(2.6);
  });

  it('R-H8: the page states the formula and shows the month per desk and official; readRatings roles only', async () => {
    const front = await signIn(s.url, 'mattran.nari', clock);
    const page = await front.get(`/units/${naRi}/ratings?month=2026-10`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Chỉ số hài lòng = số lượt chọn “Hài lòng” ÷ tổng số lượt đánh giá trong tháng × 100 %.');
    expect(page.text).toContain('Theo quầy một cửa, tháng 10/2026');
    expect(page.text).toMatch(/Quầy số 1 – Bộ phận Một cửa UBND xã Na Rì<\/th><td>5<\/td><td>80 %<\/td><td>2,80<\/td>/);
    expect(page.text).toMatch(/<th scope="row">10\/2026<\/th><td>10<\/td><td>70 %<\/td><td>2,60<\/td>/);
    const anon = await new Agent(s.url).get(`/units/${naRi}/ratings`);
    expect(anon.status).toBe(303);
    const other = await signIn(s.url, 'canbo.vanlang', clock);
    expect((await other.get(`/units/${naRi}/ratings`)).status).toBe(403);
    // This month counts the ratings given in these tests too.
    const now = await front.get(`/units/${naRi}/ratings`);
    expect(now.text).toContain('Theo cán bộ, tháng 12/2026');
  });
});
