// Citizen reception (R-H6; Citizen Reception Law Arts 15(2), 18(2), 28(1)): the calendar and its legal
// check, adding days, booking a slot without an account (name and phone sealed), cancelling by code,
// and the officer receiving a booked citizen, whose matter enters the same tracking with the
// 10-working-day answer clock. Real HTTP on a real database with a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSlot } from '../../src/modules/feedback/commands/reception.js';
import { fixedClock } from '../../src/platform/clock.js';
import { unseal } from '../../src/platform/crypto/seal.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const MON_07_12 = '2026-12-07T02:00:00Z'; // Mon 07/12/2026, 09:00 in Vietnam
const clock = fixedClock(MON_07_12);
let s: TestServer;
let naRi: number;
let vanLang: number;
/** The booking the citizen cancels (its name must then leave the officer's list). */
let cancelled: string;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const id = async (code: string) => (await (await fetch(`${s.url}/api/v1/units?code=${code}`)).json()).items[0].id as number;
  naRi = await id('02155');
  vanLang = await id('02143');
});
afterAll(() => s.close());

const day = {
  host: 'chairman',
  hostName: 'Ông Lục Văn Hải, Phó Chủ tịch được ủy quyền',
  day: '08/12/2026',
  start: '07:30',
  end: '09:00',
  place: 'Trụ sở UBND xã',
  slotMinutes: '15',
  repeatWeeks: '1',
};
async function addDays(a: Agent, unit: number, form: Record<string, string>) {
  const page = await a.get(`/units/${unit}/reception`);
  return a.post(`/units/${unit}/reception/days`, { ...form, _csrf: Agent.csrf(page.text) });
}
const dayIds = async (unit: number) =>
  s.deps.db.selectFrom('reception_days').select(['id', 'day', 'host_role', 'agency_id']).where('unit_id', '=', unit).orderBy('day').execute();
async function book(a: Agent, dayId: number, form: Record<string, string>) {
  const page = await a.get(`/reception/days/${dayId}/book`);
  return a.post(`/reception/days/${dayId}/book`, { ...form, _csrf: Agent.csrf(page.text) });
}
const citizen = { name: 'Nông Văn Tám', phone: '0912 000 555', topic: 'Đề nghị sửa đoạn đường bê tông thôn Nà Lẹng bị sụt lún.' };

describe('the reception calendar and its check (R-H6)', () => {
  it('R-H6 (Art 15(2)): a commune without reception days shows a warning for each of the next 8 weeks and each month without an agency head', async () => {
    const r = await new Agent(s.url).get(`/units/${vanLang}/reception`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('Lịch tiếp công dân chưa đủ theo luật');
    expect(r.text.match(/chưa có ngày tiếp công dân của Chủ tịch UBND xã/g)).toHaveLength(8);
    expect(r.text).toContain('Tuần từ 07/12/2026 đến 13/12/2026');
    // Art 18(2): each of the commune's three agencies, for each of the three months.
    expect(r.text.match(/Tháng (12\/2026|01\/2027|02\/2027): thủ trưởng [^<]+ chưa có ngày tiếp công dân/g)).toHaveLength(9);
    expect(r.text).not.toContain('name="hostName"'); // no form for a visitor
  });

  it('R-H6: an official adds a standing Tuesday for 3 weeks; those weeks stop warning and the public table lists the days', async () => {
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const r = await addDays(a, vanLang, { ...day, repeatWeeks: '3' });
    expect(r.status).toBe(303);
    const page = await a.get(r.location!);
    expect(page.text).toContain('Đã thêm 3 ngày tiếp công dân vào lịch.');
    expect(page.text).not.toContain('Tuần từ 07/12/2026 đến 13/12/2026');
    expect(page.text).not.toContain('Tuần từ 21/12/2026 đến 27/12/2026');
    expect(page.text).toContain('Tuần từ 28/12/2026 đến 03/01/2027');
    expect(page.text).toContain('Thứ Ba, 22/12/2026');
    expect(page.text).toContain('còn 6/6 khung giờ');
    expect((await dayIds(vanLang)).map((d) => d.day)).toEqual(['2026-12-08', '2026-12-15', '2026-12-22']);
    const audit = await s.deps.db.selectFrom('audit_log').select(['action', 'data']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('reception.days_added');
  });

  it('R-H6: bad input comes back next to its fields with what was typed (422); the same host twice on one day is refused', async () => {
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const bad = await addDays(a, vanLang, { ...day, day: '31/02/2026', start: '11:00', end: '10:00', place: '', repeatWeeks: '40' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Có lỗi cần sửa');
    for (const f of ['day', 'end', 'place', 'repeatWeeks']) expect(bad.text).toContain(`id="f-${f}-err"`);
    expect(bad.text).toContain('value="Ông Lục Văn Hải, Phó Chủ tịch được ủy quyền"');
    const past = await addDays(a, vanLang, { ...day, day: '01/12/2026' });
    expect(past.text).toContain('Ngày tiếp công dân không được là ngày đã qua.');
    const twice = await addDays(a, vanLang, day);
    expect(twice.status).toBe(422);
    expect(twice.text).toContain('Người tiếp này đã có lịch vào ngày: 08/12/2026.');
  });

  it('R-H6 (Art 18(2)): every agency of the commune is checked, also one with no day on the calendar yet', async () => {
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const health = await s.deps.db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('unit_id', '=', vanLang)
      .where('kind', '=', 'health_station')
      .executeTakeFirstOrThrow();
    const others = await s.deps.db.selectFrom('agencies').select('name').where('unit_id', '=', vanLang).where('id', '!=', health.id).execute();
    const r = await addDays(a, vanLang, { ...day, host: `agency:${health.id}`, hostName: 'Bà Trạm trưởng', day: '10/12/2026', start: '08:00', end: '09:00' });
    expect(r.status).toBe(303);
    const cal = (await new Agent(s.url).get(`/units/${vanLang}/reception`)).text;
    expect(cal).not.toContain(`Tháng 12/2026: thủ trưởng ${health.name} chưa có ngày`);
    expect(cal).toContain(`Tháng 01/2027: thủ trưởng ${health.name} chưa có ngày`);
    // The agencies without any day are still warned about (before: only agencies already on the calendar were).
    for (const o of others) expect(cal).toContain(`Tháng 12/2026: thủ trưởng ${o.name} chưa có ngày`);
  });

  it('R-H6 (Arts 15(2), 18(2)): a Saturday or a public holiday is refused, naming why; a standing day skips the holidays and says which', async () => {
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const sat = await addDays(a, vanLang, { ...day, day: '12/12/2026' });
    expect(sat.status).toBe(422);
    expect(sat.text).toContain('Ngày 12/12/2026 (Thứ Bảy) là ngày nghỉ, cơ quan không làm việc.');
    const newYear = await addDays(a, vanLang, { ...day, day: '01/01/2027' });
    expect(newYear.status).toBe(422);
    expect(newYear.text).toContain('Ngày 01/01/2027 (Tết Dương lịch) là ngày nghỉ');
    const r = await addDays(a, vanLang, { ...day, day: '25/12/2026', repeatWeeks: '2' }); // Fridays 25/12/2026 and 01/01/2027
    expect(r.status).toBe(303);
    expect((await a.get(r.location!)).text).toContain('Đã thêm 1 ngày tiếp công dân vào lịch. Bỏ qua ngày nghỉ: 01/01/2027 (Tết Dương lịch).');
    const fridays = (await dayIds(vanLang)).filter((d) => d.day === '2026-12-25' || d.day === '2027-01-01');
    expect(fridays.map((d) => d.day)).toEqual(['2026-12-25']);
  });

  it("R-H6 (Art 18(2)): the school head adds only the school's days; the month check then follows that agency", async () => {
    const a = await signIn(s.url, 'hieutruong.nari', clock);
    const page = await a.get(`/units/${naRi}/reception`);
    expect(page.text).toContain('name="hostName"');
    expect(page.text).not.toContain('value="chairman"');
    const school = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '=', naRi).where('kind', '=', 'school').executeTakeFirstOrThrow();
    const chair = await a.post(`/units/${naRi}/reception/days`, { ...day, _csrf: Agent.csrf(page.text) });
    expect(chair.status).toBe(403);
    // The demo has the school head's first Wednesday of December, January and February; add March too.
    const r = await addDays(a, naRi, { ...day, host: `agency:${school.id}`, day: '04/03/2027', start: '14:00', end: '16:00' });
    expect(r.status).toBe(303);
    const days = (await dayIds(naRi)).filter((d) => d.agency_id === school.id);
    expect(days.map((d) => d.day)).toEqual(['2026-12-02', '2027-01-06', '2027-02-03', '2027-03-04']);
    const cal = await new Agent(s.url).get(`/units/${naRi}/reception`);
    expect(cal.text).toContain('Lịch 8 tuần và 3 tháng tới đủ số ngày tiếp công dân theo luật.');
  });
});

describe('booking a slot without an account (R-H6)', () => {
  let dayId: number;
  let code: string;
  beforeAll(async () => {
    dayId = (await dayIds(vanLang))[0]!.id; // Tue 08/12/2026, 07:30–09:00, six 15-minute slots
  });

  it('R-H6: a citizen books 07:45 and gets a booking code; name and phone are stored sealed and nowhere in the audit', async () => {
    const a = new Agent(s.url);
    const r = await book(a, dayId, { ...citizen, slot: '07:45' });
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/reception\/bookings\/TD-[2-9A-HJKMNP-Z]{10}$/);
    code = r.location!.split('/').pop()!;
    const page = await a.get(r.location!);
    expect(page.text).toContain(`Mã đặt lịch của bạn: ${code}`);
    expect(page.text).toContain('Thứ Ba, 08/12/2026');
    expect(page.text).not.toContain('Nông Văn Tám');
    const row = await s.deps.db.selectFrom('reception_bookings').selectAll().where('booking_code', '=', code).executeTakeFirstOrThrow();
    // R-H4: the matter may name a person denounced, so it is sealed with the name and phone.
    expect(row).toMatchObject({ slot: '07:45', status: 'booked' });
    expect(row.sealed).not.toContain('0912000555');
    expect(JSON.parse(unseal(s.deps.config.dataKey, row.sealed))).toEqual({ name: 'Nông Văn Tám', phone: '0912000555', topic: citizen.topic });
    const audit = await s.deps.db.selectFrom('audit_log').select(['action', 'data']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('reception.booked');
    expect(audit.data).not.toMatch(/Nông|0912000555|sụt lún/);
  });

  it('R-H6: the same slot again is refused clearly, and the form shows it as taken', async () => {
    const r = await book(new Agent(s.url), dayId, { ...citizen, slot: '07:45' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Giờ 07:45 vừa có người khác đặt. Vui lòng chọn giờ khác.');
    expect(r.text).toMatch(/value="07:45"[^>]*disabled/);
    expect(r.text).toContain('value="Nông Văn Tám"');
  });

  it('R-H6: two citizens pressing for the same slot at once: exactly one gets it (the unique index guards the race)', async () => {
    const t = translator('vi');
    const input = { ...citizen, slot: '08:00' };
    const results = await Promise.all([1, 2, 3].map(() => bookSlot(s.deps, t, dayId, input)));
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok).map((x) => ('errors' in x ? x.errors.slot : ''))).toEqual([
      'Giờ 08:00 vừa có người khác đặt. Vui lòng chọn giờ khác.',
      'Giờ 08:00 vừa có người khác đặt. Vui lòng chọn giờ khác.',
    ]);
  });

  it('R-H6: missing fields, a bad phone and a slot not on the day are refused next to their fields', async () => {
    const r = await book(new Agent(s.url), dayId, { name: '', phone: '12345', topic: '', slot: '09:00' });
    expect(r.status).toBe(422);
    for (const f of ['slot', 'name', 'phone', 'topic']) expect(r.text).toContain(`id="f-${f}-err"`);
  });

  it('R-H6: the citizen cancels by code; the slot is free again for someone else', async () => {
    const a = new Agent(s.url);
    const look = await a.get(`/reception/bookings?code=${code.toLowerCase().replace('-', ' ')}`);
    expect(look.status).toBe(303);
    const page = await a.get(look.location!);
    const r = await a.post(`/reception/bookings/${code}/cancel`, { _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    const after = await a.get(r.location!);
    expect(after.text).toContain(`Đã hủy lịch hẹn ${code}.`);
    cancelled = code;
    expect(after.text).toContain('Đã hủy');
    const again = await a.post(`/reception/bookings/${code}/cancel`, { _csrf: Agent.csrf(page.text) });
    expect((await a.get(again.location!)).text).toContain('không hủy được nữa');
    const other = await book(new Agent(s.url), dayId, { name: 'Lý Thị Mai', phone: '0987111222', topic: 'Hỏi thủ tục cấp đổi giấy tờ.', slot: '07:45' });
    expect(other.status).toBe(303);
    const unknown = await a.get('/reception/bookings?code=TD-ZZZZZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Không tìm thấy lịch hẹn có mã này');
  });

  it('R-H6: a slot that has begun cannot be booked', async () => {
    clock.set('2026-12-08T00:50:00Z'); // 07:50 on the day
    try {
      const r = await book(new Agent(s.url), dayId, { ...citizen, slot: '07:30' });
      expect(r.status).toBe(422);
      expect(r.text).toContain('Khung giờ này đã qua');
    } finally {
      clock.set(MON_07_12);
    }
  });
});

describe('the officer receives a booked citizen: the matter enters the tracking (R-H6; Art 28(1))', () => {
  it("R-H6: the day's list shows names and phones to the commune's officials only", async () => {
    const d = (await dayIds(vanLang))[0]!;
    const anon = await new Agent(s.url).get(`/reception/manage/days/${d.id}`);
    expect(anon.status).toBe(303);
    expect(anon.location).toMatch(/^\/sign-in/);
    const other = await signIn(s.url, 'canbo.nari', clock);
    expect((await other.get(`/reception/manage/days/${d.id}`)).status).toBe(403);
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const page = await a.get(`/reception/manage/days/${d.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lý Thị Mai');
    expect(page.text).toContain('0987111222');
    expect(page.text).not.toContain(cancelled); // the cancelled booking is not listed
  });

  it('R-H6 (Art 28(1)): received on Tue 08/12/2026, the matter gets a tracking code, channel reception_day and an answer due Tue 22/12/2026 (10 working days)', async () => {
    const d = (await dayIds(vanLang))[0]!;
    const b = await s.deps.db
      .selectFrom('reception_bookings')
      .select(['id', 'booking_code'])
      .where('reception_day_id', '=', d.id)
      .where('slot', '=', '07:45')
      .executeTakeFirstOrThrow();
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const early = await a.get(`/reception/manage/bookings/${b.id}/receive`);
    const notYet = await a.post(`/reception/manage/bookings/${b.id}/receive`, {
      kind: 'petition',
      category: 'other',
      title: 'x',
      content: 'y',
      notifyChannel: 'sms',
      _csrf: Agent.csrf(early.text),
    });
    expect(notYet.status).toBe(422);
    expect(notYet.text).toContain('Chỉ ghi nhận nội dung từ ngày tiếp công dân trở đi.');
    clock.set('2026-12-08T02:00:00Z');
    try {
      const a = await signIn(s.url, 'canbo.vanlang', clock); // the session of yesterday has expired
      const form = await a.get(`/reception/manage/bookings/${b.id}/receive`);
      expect(form.text).toContain('Lý Thị Mai');
      const missing = await a.post(`/reception/manage/bookings/${b.id}/receive`, {
        kind: 'petition',
        category: 'other',
        title: '',
        content: '',
        notifyChannel: 'sms',
        _csrf: Agent.csrf(form.text),
      });
      expect(missing.status).toBe(422);
      expect(missing.text).toContain('id="f-title-err"');
      const r = await a.post(`/reception/manage/bookings/${b.id}/receive`, {
        kind: 'petition',
        category: 'administrative_procedure',
        title: 'Hỏi thủ tục cấp đổi giấy tờ',
        content: 'Công dân hỏi thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất bị rách.',
        notifyChannel: 'sms',
        _csrf: Agent.csrf(form.text),
      });
      expect(r.status).toBe(303);
      const flash = (await a.get(r.location!)).text;
      const itemCode = /Mã theo dõi: (PA-[0-9A-Z]{10})/.exec(flash)![1]!;
      const item = await s.deps.db.selectFrom('feedback_items').selectAll().where('tracking_code', '=', itemCode).executeTakeFirstOrThrow();
      expect(item).toMatchObject({
        channel: 'reception_day',
        received_on: '2026-12-08',
        clock: 'answer',
        due_on: '2026-12-22',
        commune_id: vanLang,
        notify_channel: 'sms',
      });
      const booking = await s.deps.db.selectFrom('reception_bookings').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
      expect(booking).toMatchObject({ status: 'received', item_id: item.id });
      // The citizen sees the tracking code on the booking page; a second receive is refused.
      expect((await new Agent(s.url).get(`/reception/bookings/${b.booking_code}`)).text).toContain(itemCode);
      const twice = await a.post(`/reception/manage/bookings/${b.id}/receive`, {
        kind: 'petition',
        category: 'other',
        title: 'x',
        content: 'y',
        _csrf: Agent.csrf(form.text),
      });
      expect(twice.status).toBe(303);
      expect((await a.get(twice.location!)).text).toContain('Lịch hẹn này đã được xử lý trước đó.');
      const audits = await s.deps.db.selectFrom('audit_log').select(['action', 'data']).where('action', 'like', 'reception.%').execute();
      for (const x of audits) expect(x.data).not.toMatch(/Lý Thị Mai|0987111222/);
    } finally {
      clock.set(MON_07_12);
    }
  });

  it('R-H6: a citizen who did not come is recorded as such', async () => {
    const d = (await dayIds(vanLang))[0]!;
    const b = await s.deps.db
      .selectFrom('reception_bookings')
      .select('id')
      .where('reception_day_id', '=', d.id)
      .where('slot', '=', '08:00')
      .executeTakeFirstOrThrow();
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    const page = await a.get(`/reception/manage/days/${d.id}`);
    const r = await a.post(`/reception/manage/bookings/${b.id}/no-show`, { _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(303);
    expect((await a.get(r.location!)).text).toContain('Đã ghi: công dân không đến.');
    expect((await s.deps.db.selectFrom('reception_bookings').select('status').where('id', '=', b.id).executeTakeFirstOrThrow()).status).toBe('no_show');
  });

  it('R-H6: the demo has two bookings on the chairman next Tuesday in Na Rì', async () => {
    const rows = await s.deps.db
      .selectFrom('reception_bookings as b')
      .innerJoin('reception_days as d', 'd.id', 'b.reception_day_id')
      .select(['d.day', 'b.slot'])
      .where('d.unit_id', '=', naRi)
      .execute();
    expect(rows).toEqual([
      { day: '2026-12-08', slot: '07:30' },
      { day: '2026-12-08', slot: '07:45' },
    ]);
  });
});
