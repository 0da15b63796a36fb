// Guards around citizen reception (R-H6) found in review: who may see a booked citizen once the
// matter became a denunciation (R-H4; Denunciation Law Arts 8(3), 9(1)(b)), booking codes that cannot
// be guessed, and one item per booking even when two officers press "receive" together. The demo's
// two bookings on the Na Rì chairman's Tuesday 08/12/2026 are used. Real HTTP, real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseBookingCode } from '../../src/modules/feedback/commands/reception.js';
import { receiveBooking } from '../../src/modules/feedback/commands/reception-receive.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-12-07T02:00:00Z'); // Mon 07/12/2026: the demo books Tue 08/12/2026
const ON_THE_DAY = '2026-12-08T02:00:00Z';
let s: TestServer;
let naRi: number;
let dayId: number;
const booking = async (slot: string) =>
  s.deps.db
    .selectFrom('reception_bookings')
    .select(['id', 'booking_code', 'status', 'item_id', 'sealed'])
    .where('reception_day_id', '=', dayId)
    .where('slot', '=', slot)
    .executeTakeFirstOrThrow();
const userId = async (username: string) => (await s.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  naRi = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
  dayId = (
    await s.deps.db
      .selectFrom('reception_days')
      .select('id')
      .where('unit_id', '=', naRi)
      .where('host_role', '=', 'commune_chairman')
      .where('day', '=', '2026-12-08')
      .executeTakeFirstOrThrow()
  ).id;
  clock.set(ON_THE_DAY);
}, 120_000);
afterAll(() => s?.close());

describe('a booking that became a denunciation (R-H4; Denunciation Law Arts 8(3), 9(1)(b))', () => {
  let itemCode: string;

  it('R-H4: the matter a citizen books with is stored sealed, not in the clear', async () => {
    const b = await booking('07:30');
    const row = JSON.stringify(await s.deps.db.selectFrom('reception_bookings').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow());
    for (const secret of ['Lục Thị Hằng', '0912000301', 'trợ cấp']) expect(row).not.toContain(secret);
    expect(b.sealed.startsWith('v1.')).toBe(true);
  });

  it('R-H4: the chairman receives the 07:30 citizen as a denunciation against a commune official', async () => {
    const a = await signIn(s.url, 'chutich.nari', clock);
    const b = await booking('07:30');
    const form = await a.get(`/reception/manage/bookings/${b.id}/receive`);
    expect(form.text).toContain('Lục Thị Hằng');
    const r = await a.post(`/reception/manage/bookings/${b.id}/receive`, {
      kind: 'denunciation',
      category: 'land',
      title: 'Tố cáo cán bộ địa chính nhận tiền',
      content: 'Công dân tố cáo cán bộ địa chính xã nhận tiền để làm nhanh hồ sơ đất vườn.',
      address: 'Thôn Nà Lẹng, xã Na Rì',
      subjectText: 'Cán bộ địa chính xã',
      notifyChannel: 'sms',
      _csrf: Agent.csrf(form.text),
    });
    expect(r.status).toBe(303);
    itemCode = /Mã theo dõi: (PA-[0-9A-Z]{10})/.exec((await a.get(r.location!)).text)![1]!;
    expect(await booking('07:30')).toMatchObject({ status: 'received' });
  });

  it("R-H4: a commune official with manageReception no longer sees that citizen's name, phone, matter, booking or tracking code; the other booking still shows", async () => {
    const a = await signIn(s.url, 'canbo.nari', clock);
    const page = await a.get(`/reception/manage/days/${dayId}`);
    expect(page.status).toBe(200);
    const b = await booking('07:30');
    for (const secret of ['Lục Thị Hằng', '0912000301', 'trợ cấp cho người cao tuổi', b.booking_code, itemCode, `/feedback/manage/${b.item_id}`]) {
      expect(page.text).not.toContain(secret);
    }
    expect(page.text).toContain('chỉ người có thẩm quyền giải quyết được xem');
    expect(page.text).toContain('Hà Văn Lợi'); // still booked: the host prepares for them
  });

  it('R-H4: the chairman, who settles it, sees the citizen and the tracking code; each view is in the audit chain without personal data', async () => {
    const before = await s.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    const a = await signIn(s.url, 'chutich.nari', clock);
    const page = await a.get(`/reception/manage/days/${dayId}`);
    expect(page.text).toContain('Lục Thị Hằng');
    expect(page.text).toContain(itemCode);
    const audits = await s.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'data'])
      .where('seq', '>', Number(before.seq))
      .orderBy('seq')
      .execute();
    expect(audits.map((x) => x.action)).toEqual(['reception.bookings_viewed', 'feedback.identity_viewed']);
    expect(audits[1]!.data).toContain(itemCode);
    for (const x of audits) expect(x.data).not.toMatch(/Lục Thị Hằng|0912000301|Hà Văn Lợi|0912000302/);
  });
});

describe('one item per booking (review D.22; R-H6, Citizen Reception Law Art 28(1))', () => {
  it('R-H6: two officers receiving the same booking at the same moment make one item; the other is told it was dealt with', async () => {
    const b = await booking('07:45');
    const t = translator('vi');
    const actors = await Promise.all([loadActor(s.deps.db, await userId('chutich.nari')), loadActor(s.deps.db, await userId('canbo.nari'))]);
    const input = {
      kind: 'petition',
      category: 'land',
      title: 'Cấp giấy chứng nhận đất vườn',
      content: 'Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất vườn.',
      address: '',
      knownOn: '',
      notifyChannel: 'sms',
      subjectText: '',
    };
    const items = () =>
      s.deps.db
        .selectFrom('feedback_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('title', '=', input.title)
        .executeTakeFirstOrThrow();
    const rs = await Promise.all(actors.map((actor) => receiveBooking(s.deps, t, actor, b.id, input)));
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
    expect(rs.filter((r) => !r.ok && 'reason' in r && r.reason === 'closed')).toHaveLength(1);
    expect(Number((await items()).n)).toBe(1);
    const after = await booking('07:45');
    const ok = rs.find((r) => r.ok)!;
    expect(after).toMatchObject({ status: 'received', item_id: ok.ok ? ok.itemId : -1 });
  });
});

describe('booking codes cannot be guessed (review C.16)', () => {
  it('R-H6: codes have ten characters and are found however the citizen types them', async () => {
    const { booking_code } = await booking('07:45');
    expect(booking_code).toMatch(/^TD-[2-9A-HJKMNP-Z]{10}$/);
    expect(normaliseBookingCode(booking_code.slice(3).toLowerCase())).toBe(booking_code);
    expect(normaliseBookingCode(` td ${booking_code.slice(3, 8)} ${booking_code.slice(8)} `)).toBe(booking_code);
    expect(normaliseBookingCode('TDABCDEFGH')).toBe('TD-TDABCDEFGH'); // a code whose own letters begin with TD
  });

  it('R-H6: after 30 unknown codes a client is refused every booking lookup, the real code included, and cannot cancel', async () => {
    const { booking_code } = await booking('07:45');
    const a = new Agent(s.url);
    for (let i = 0; i < 28; i++) expect((await a.get(`/reception/bookings?code=TD-2222222${String(i).padStart(3, '2')}`)).status).toBe(404);
    expect((await a.get('/reception/bookings/TD-XXXXXXXXXX')).status).toBe(404);
    const home = await a.get(`/reception/days/${dayId}/book`); // any page with a form, for the CSRF token
    expect((await a.post('/reception/bookings/TD-YYYYYYYYYY/cancel', { _csrf: Agent.csrf(home.text) })).status).toBe(404);
    const look = await a.get(`/reception/bookings?code=${booking_code}`);
    expect(look.status).toBe(429);
    expect(look.text).toContain('Bạn đã tra cứu sai mã quá nhiều lần');
    expect((await a.get(`/reception/bookings/${booking_code}`)).status).toBe(429);
    expect((await a.post(`/reception/bookings/${booking_code}/cancel`, { _csrf: Agent.csrf(home.text) })).status).toBe(429);
  });
});

describe('ids out of range are 404, never 500 (review D.21)', () => {
  const BAD = ['abc', '99999999999', '-1', '1.5', '0'];

  it('R-H6/R-H8: public reception, QR and ratings routes answer 404 to ids that cannot be rows', async () => {
    const a = new Agent(s.url);
    for (const id of BAD) {
      for (const path of [`/units/${id}/reception`, `/reception/days/${id}/book`]) expect([path, (await a.get(path)).status]).toEqual([path, 404]);
    }
  });

  it("R-H6/R-H8: the officials' routes answer 404 too, and a form naming an agency, a village or an officer past int4 is a 422, not a 500", async () => {
    const a = await signIn(s.url, 'chutich.nari', clock);
    for (const id of BAD) {
      for (const path of [
        `/units/${id}/qr`,
        `/units/${id}/ratings`,
        `/qr/${id}/poster`,
        `/reception/manage/days/${id}`,
        `/reception/manage/bookings/${id}/receive`,
      ]) {
        expect([path, (await a.get(path)).status]).toEqual([path, 404]);
      }
    }
    const cal = await a.get(`/units/${naRi}/reception`);
    const csrf = Agent.csrf(cal.text);
    for (const id of BAD) {
      for (const path of [
        `/reception/manage/bookings/${id}/no-show`,
        `/reception/manage/bookings/${id}/receive`,
        `/qr/${id}/active`,
        `/reception/days/${id}/book`,
      ]) {
        expect([path, (await a.post(path, { _csrf: csrf })).status]).toEqual([path, 404]);
      }
    }
    const day = { hostName: 'Ông A', day: '15/12/2026', start: '08:00', end: '09:00', place: 'Trụ sở', slotMinutes: '15', repeatWeeks: '1' };
    const r = await a.post(`/units/${naRi}/reception/days`, { ...day, host: 'agency:99999999999', _csrf: csrf });
    expect(r.status).toBe(422);
    expect(r.text).toContain('id="f-host-err"');
    const qr = await a.get(`/units/${naRi}/qr`);
    const q = await a.post(`/units/${naRi}/qr`, {
      kind: 'officer',
      name: 'Quầy X',
      villageId: '99999999999',
      officerUserId: '99999999999',
      _csrf: Agent.csrf(qr.text),
    });
    expect(q.status).toBe(422);
    for (const f of ['villageId', 'officerUserId']) expect(q.text).toContain(`id="f-${f}-err"`);
  });
});
