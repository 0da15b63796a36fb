// An agency head's own reception day (R-H6; Citizen Reception Law Art 18): the school head receives a
// booked citizen and the matter becomes an item the school handles; an official of another commune
// may not receive there. An agency's head or staff also records walk-ins for their agency. Real HTTP
// on a real database with a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFeedbackInput, submitFeedback } from '../../src/modules/feedback/commands/submit.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { Forbidden } from '../../src/platform/errors.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-11-23T02:00:00Z'); // Mon 23/11/2026, 09:00 in Vietnam
const ON_THE_DAY = '2026-12-02T07:30:00Z'; // Wed 02/12/2026, 14:30: the school head's first Wednesday of December
let s: TestServer;
let naRi: { id: number; path: string };
let school: { id: number; name: string };
let bookingId: number;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  naRi = await s.deps.db.selectFrom('units').select(['id', 'path']).where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow();
  school = await s.deps.db.selectFrom('agencies').select(['id', 'name']).where('unit_id', '=', naRi.id).where('kind', '=', 'school').executeTakeFirstOrThrow();
}, 120_000);
afterAll(() => s?.close());

const userId = async (username: string) => (await s.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const matter = {
  kind: 'petition',
  category: 'health_education',
  title: 'Đề nghị sửa mái lớp học',
  content: 'Mái lớp 3A dột khi mưa, phụ huynh đề nghị nhà trường sửa trước mùa mưa.',
  notifyChannel: 'sms',
};

describe("the school head's reception day (R-H6; Citizen Reception Law Art 18)", () => {
  it('R-H6: a citizen books the school head’s Wednesday', async () => {
    const day = await s.deps.db
      .selectFrom('reception_days')
      .select('id')
      .where('agency_id', '=', school.id)
      .where('day', '=', '2026-12-02')
      .executeTakeFirstOrThrow();
    const a = new Agent(s.url);
    const page = await a.get(`/reception/days/${day.id}/book`);
    const r = await a.post(`/reception/days/${day.id}/book`, {
      name: 'Lò Văn Phụ',
      phone: '0912 444 555',
      topic: 'Mái lớp học dột.',
      slot: '14:20',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(303);
    const code = r.location!.split('/').pop()!;
    bookingId = (await s.deps.db.selectFrom('reception_bookings').select('id').where('booking_code', '=', code).executeTakeFirstOrThrow()).id;
  });

  it('R-H6: an official of another commune may neither open nor send the receiving form', async () => {
    clock.set(ON_THE_DAY);
    const a = await signIn(s.url, 'canbo.vanlang', clock);
    expect((await a.get(`/reception/manage/bookings/${bookingId}/receive`)).status).toBe(403);
    const page = await a.get(`/units/${naRi.id}/reception`);
    const r = await a.post(`/reception/manage/bookings/${bookingId}/receive`, { ...matter, _csrf: Agent.csrf(page.text) });
    expect(r.status).toBe(403);
    expect(await s.deps.db.selectFrom('reception_bookings').select('status').where('id', '=', bookingId).executeTakeFirstOrThrow()).toEqual({
      status: 'booked',
    });
  });

  it('R-H6 (Art 18): the school head clicks “Tiếp nhận” on the day: the item is the school’s, channel reception_day, answer due in 10 working days', async () => {
    clock.set(ON_THE_DAY);
    const a = await signIn(s.url, 'hieutruong.nari', clock);
    const form = await a.get(`/reception/manage/bookings/${bookingId}/receive`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Lò Văn Phụ');
    const r = await a.post(`/reception/manage/bookings/${bookingId}/receive`, { ...matter, _csrf: Agent.csrf(form.text) });
    expect(r.status).toBe(303);
    const booking = await s.deps.db.selectFrom('reception_bookings').select(['status', 'item_id']).where('id', '=', bookingId).executeTakeFirstOrThrow();
    expect(booking.status).toBe('received');
    const item = await s.deps.db.selectFrom('feedback_items').selectAll().where('id', '=', booking.item_id!).executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      commune_id: naRi.id,
      handler_unit_id: naRi.id,
      handler_agency_id: school.id,
      handler_board: 0,
      channel: 'reception_day',
      received_on: '2026-12-02',
      clock: 'answer',
      due_on: '2026-12-16',
      created_by: await userId('hieutruong.nari'),
    });
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'feedback.recorded')
      .where('entity_id', '=', String(item.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ agency: school.id, channel: 'reception_day' });
    expect(audit.data).not.toMatch(/Lò Văn Phụ|0912444555/);
    // The school head handles it: the item opens on the officials' detail page.
    expect((await a.get(`/feedback/manage/${item.id}`)).status).toBe(200);
  });
});

describe("an agency records for itself (feedbackPolicy 'record' on its own agency)", () => {
  it('the school head records a walk-in from the record form, which says the school will answer; the item is the school’s', async () => {
    clock.set(ON_THE_DAY);
    const a = await signIn(s.url, 'hieutruong.nari', clock);
    const page = await a.get(`/units/${naRi.id}/feedback/record`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${school.name} giải quyết và trả lời việc này.`);
    const r = await a.post(`/units/${naRi.id}/feedback/record`, {
      ...matter,
      notifyChannel: 'none',
      channel: 'walk_in',
      receivedOn: '02/12/2026',
      _csrf: Agent.csrf(page.text),
    });
    expect(r.status).toBe(303);
    const item = await s.deps.db
      .selectFrom('feedback_items')
      .selectAll()
      .where('tracking_code', '=', r.location!.replace('/feedback/', ''))
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({ handler_agency_id: school.id, channel: 'walk_in', created_by: await userId('hieutruong.nari') });
    // The commune home page offers the school head the record form.
    expect((await a.get(`/units/${naRi.id}`)).text).toContain(`href="/units/${naRi.id}/feedback/record"`);
  });

  it('an agency of another commune, or a commune official of another commune, cannot record here', async () => {
    const t = translator('vi');
    const input = emptyFeedbackInput(naRi.id, { ...matter, notifyChannel: 'none', channel: 'walk_in', receivedOn: '02/12/2026' });
    const head = await loadActor(s.deps.db, await userId('hieutruong.nari'));
    const elsewhere = await s.deps.db.selectFrom('agencies').select('id').where('unit_id', '!=', naRi.id).executeTakeFirst();
    if (elsewhere) await expect(submitFeedback(s.deps, t, head, input, 'record', [], { agencyId: elsewhere.id })).rejects.toBeInstanceOf(Forbidden);
    const vanLang = await loadActor(s.deps.db, await userId('canbo.vanlang'));
    await expect(submitFeedback(s.deps, t, vanLang, input, 'reception', [], { agencyId: school.id })).rejects.toBeInstanceOf(Forbidden);
    await expect(submitFeedback(s.deps, t, vanLang, input, 'record')).rejects.toBeInstanceOf(Forbidden);
    // A teacher (agency staff) is refused the commune's own form but records for the school.
    const teacher = await loadActor(s.deps.db, await userId('giaovien.nari'));
    await expect(submitFeedback(s.deps, t, teacher, input, 'record')).rejects.toBeInstanceOf(Forbidden);
    const r = await submitFeedback(s.deps, t, teacher, input, 'record', [], { agencyId: school.id });
    expect(r.ok).toBe(true);
  });
});
