// Citizen reception (R-H6; Citizen Reception Law Arts 15(2), 18(2)): the commune chairman's and
// agency heads' reception days, and booking a slot without an account. The citizen's name and
// phone are stored sealed (AES-256-GCM) and never enter the audit log; the booking code is how the
// citizen finds or cancels the booking.
import { randomInt } from 'node:crypto';
import type { AppDeps } from '../../../app-deps.js';
import { isUniqueViolation } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { normalizePhone } from '../../../platform/auth/phone.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { addDays, todayInVietnam, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import { sealJson, unsealJson } from '../../../platform/crypto/seal.js';
import { type FieldErrors, Forbidden } from '../../../platform/errors.js';
import { parseId } from '../../../platform/http/ids.js';
import { formatDate, parseDate, type T } from '../../../platform/i18n/index.js';
import { feedbackPolicy } from '../feedback.policy.js';
import { cancelledSlot, isTime, slotStarted, slotsOf } from '../rules/reception.js';

export type Commune = Pick<Unit, 'id' | 'path' | 'name'>;
export type Failure = { ok: false; errors: FieldErrors };

/** Thrown inside a transaction to roll it back and hand `result` (e.g. a validation failure) to the caller. */
export class Rollback<R> extends Error {
  constructor(readonly result: R) {
    super('rollback');
  }
}

/** manageReception on the commune (the chairman's days) or on one of its agencies (its head's days). */
export function authoriseReception(actor: Actor | null, commune: Commune, agencyId: number | null): Actor {
  if (!actor || !feedbackPolicy(actor, 'manageReception', { unitPath: commune.path, agencyId })) throw new Forbidden();
  return actor;
}

export type DayInput = { host: string; hostName: string; day: string; start: string; end: string; place: string; slotMinutes: string; repeatWeeks: string };
export const emptyDayInput = (): DayInput => ({
  host: 'chairman',
  hostName: '',
  day: '',
  start: '07:30',
  end: '11:00',
  place: '',
  slotMinutes: '15',
  repeatWeeks: '1',
});

/** Why `day` is a day off: the holiday's name from the calendar, else the weekday (Saturday, Sunday). */
export function dayOffReason(t: T, cal: WorkingCalendar, day: string): string {
  const occasion = cal.dayInfo(day).find((r) => r.kind !== 'swap_workday')?.occasion;
  return `${formatDate(day)} (${occasion ?? t(`feedback.reception.dow.${new Date(`${day}T00:00:00Z`).getUTCDay()}` as Parameters<T>[0])})`;
}

/** Adds a reception day, or the same day of the week for several weeks (a standing weekly day).
 * R-H6 (Reception Law Arts 15(2), 18(2)): a reception day is a working day, when citizens find the
 * office open; the first day must be one, and repeated weeks that fall on a day off are skipped
 * (returned in `skipped` so the page can say which). */
export async function addReceptionDays(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Commune,
  input: DayInput,
): Promise<{ ok: true; days: string[]; skipped: string[] } | Failure> {
  const agencyId = input.host.startsWith('agency:') ? parseId(input.host.slice(7)) : null;
  if (input.host !== 'chairman' && !agencyId) return { ok: false, errors: { host: t('feedback.reception.err.host') } };
  const agency = agencyId
    ? await deps.db.selectFrom('agencies').select('id').where('id', '=', agencyId).where('unit_id', '=', commune.id).executeTakeFirst()
    : null;
  if (agencyId && !agency) return { ok: false, errors: { host: t('feedback.reception.err.host') } };
  const who = authoriseReception(actor, commune, agencyId);
  const now = deps.clock.now();
  const errors: FieldErrors = {};
  const hostName = input.hostName.trim();
  const place = input.place.trim();
  if (!hostName || hostName.length > 200) errors.hostName = t('feedback.reception.err.hostName');
  const day = parseDate(input.day.trim());
  const cal = await workingCalendar(deps);
  if (!day) errors.day = t('feedback.reception.err.day');
  else if (day < todayInVietnam(now)) errors.day = t('feedback.reception.err.dayPast');
  else if (!cal.isWorkingDay(day)) errors.day = t('feedback.reception.err.dayOff', { day: dayOffReason(t, cal, day) });
  if (!isTime(input.start)) errors.start = t('feedback.reception.err.time');
  if (!isTime(input.end)) errors.end = t('feedback.reception.err.time');
  const slotMinutes = Number(input.slotMinutes);
  if (![10, 15, 20, 30, 45, 60].includes(slotMinutes)) errors.slotMinutes = t('feedback.reception.err.slotMinutes');
  else if (!errors.start && !errors.end && slotsOf(input.start, input.end, slotMinutes).length === 0) errors.end = t('feedback.reception.err.endBeforeStart');
  if (!place || place.length > 300) errors.place = t('feedback.reception.err.place');
  const repeat = Number(input.repeatWeeks || '1');
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 26) errors.repeatWeeks = t('feedback.reception.err.repeat');
  if (Object.keys(errors).length || !day) return { ok: false, errors };

  const weekly = Array.from({ length: repeat }, (_, i) => addDays(day, 7 * i));
  const days = weekly.filter((d) => cal.isWorkingDay(d));
  const skipped = weekly.filter((d) => !cal.isWorkingDay(d));
  const hostRole = agencyId ? 'agency_head' : 'commune_chairman';
  const taken = await deps.db
    .selectFrom('reception_days')
    .select('day')
    .where('unit_id', '=', commune.id)
    .where('host_role', '=', hostRole)
    .where((eb) => (agencyId ? eb('agency_id', '=', agencyId) : eb('agency_id', 'is', null)))
    .where('day', 'in', days)
    .execute();
  if (taken.length) return { ok: false, errors: { day: t('feedback.reception.err.dayTaken', { day: taken.map((r) => formatDate(r.day)).join(', ') }) } };

  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reception_days')
      .values(
        days.map((d) => ({
          unit_id: commune.id,
          agency_id: agencyId,
          host_role: hostRole,
          host_name: hostName,
          day: d,
          start_time: input.start,
          end_time: input.end,
          place,
          slot_minutes: slotMinutes,
          created_by: who.userId,
          created_at: now.toISOString(),
        })),
      )
      .execute();
    await appendAudit(trx, deps.dialect, now, who, {
      action: 'reception.days_added',
      entityType: 'reception_calendar',
      entityId: commune.id,
      unitId: commune.id,
      data: { hostRole, agencyId, days, skipped, start: input.start, end: input.end },
    });
  });
  return { ok: true, days, skipped };
}

/** Codes like "TD-7K3M9QH4XW" (tiếp dân): no 0/O/1/I/L to misread. Ten characters (~49 bits), so that
 * guessing one among many bookings is hopeless within the miss limit (review C.16); the unique index
 * is the last guard. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 10;
export function newBookingCode(): string {
  let s = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `TD-${s}`;
}
/** Accepts what a citizen types: lower case, spaces, dashes, a missing "TD-". A code's own letters
 * may begin with "TD" too, so the prefix is taken off only when the rest is longer than a code. */
export function normaliseBookingCode(input: string): string {
  const s = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return `TD-${s.startsWith('TD') && s.length > BOOKING_CODE_LENGTH ? s.slice(2) : s}`;
}

export type BookingInput = { slot: string; name: string; phone: string; topic: string };
/** What the booking keeps sealed: the citizen and the matter they come with. The matter may name a
 * person denounced or the denouncer, so it is sealed too (R-H4; Denunciation Law Art 9(1)(b)). */
export type Booked = { name: string; phone: string; topic: string };

/** Opens a booking's sealed part: name, phone and the matter (R-H4: a matter may be a denunciation). */
export function openBooked(key: Buffer, b: { sealed: string }): Booked {
  const who = unsealJson<Partial<Booked>>(key, b.sealed);
  return { name: who.name ?? '', phone: who.phone ?? '', topic: who.topic ?? '' };
}

/** Books a slot of a reception day: no account needed. A slot already taken is refused with a
 * clear message; the unique (day, slot) index settles two citizens pressing at the same moment. */
export async function bookSlot(
  deps: AppDeps,
  t: T,
  dayId: number,
  input: BookingInput,
): Promise<{ ok: true; code: string } | Failure | { ok: false; reason: 'not_found' }> {
  const day = await deps.db.selectFrom('reception_days').selectAll().where('id', '=', dayId).executeTakeFirst();
  if (!day) return { ok: false, reason: 'not_found' };
  const now = deps.clock.now();
  const errors: FieldErrors = {};
  const name = input.name.trim();
  const topic = input.topic.trim();
  const phone = normalizePhone(input.phone);
  if (!slotsOf(day.start_time, day.end_time, day.slot_minutes).includes(input.slot)) errors.slot = t('feedback.reception.err.slot');
  else if (slotStarted(day.day, input.slot, now)) errors.slot = t('feedback.reception.err.slotPast');
  if (!name || name.length > 200) errors.name = t('feedback.reception.err.name');
  if (!phone) errors.phone = t('feedback.reception.err.phone');
  if (!topic) errors.topic = t('feedback.reception.err.topic');
  else if (topic.length > 1000) errors.topic = t('feedback.reception.err.topicLong');
  if (Object.keys(errors).length || !phone) return { ok: false, errors };

  const takenMsg = { ok: false as const, errors: { slot: t('feedback.reception.err.slotTaken', { slot: input.slot }) } };
  const existing = await deps.db
    .selectFrom('reception_bookings')
    .select('id')
    .where('reception_day_id', '=', day.id)
    .where('slot', '=', input.slot)
    .executeTakeFirst();
  if (existing) return takenMsg;
  const sealed = sealJson(deps.config.dataKey, { name, phone, topic } satisfies Booked);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newBookingCode();
    try {
      await deps.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('reception_bookings')
          .values({
            reception_day_id: day.id,
            slot: input.slot,
            booking_code: code,
            sealed,
            status: 'booked',
            item_id: null,
            created_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // No name, phone or topic in the audit: the log is read by observers.
        await appendAudit(
          trx,
          deps.dialect,
          now,
          { userId: null, label: 'Công dân đặt lịch' },
          {
            action: 'reception.booked',
            entityType: 'reception_booking',
            entityId: id,
            unitId: day.unit_id,
            data: { code, day: day.day, slot: input.slot },
          },
        );
      });
      return { ok: true, code };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Either the slot went to someone else a moment ago, or (very rarely) the code clashed.
      const now2 = await deps.db
        .selectFrom('reception_bookings')
        .select('id')
        .where('reception_day_id', '=', day.id)
        .where('slot', '=', input.slot)
        .executeTakeFirst();
      if (now2) return takenMsg;
    }
  }
  throw new Error('could not draw a free booking code');
}

/** The citizen cancels by code; the slot becomes free again. Only a booking not yet received. */
export async function cancelBooking(deps: AppDeps, code: string): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'closed' }> {
  const b = await deps.db
    .selectFrom('reception_bookings as b')
    .innerJoin('reception_days as d', 'd.id', 'b.reception_day_id')
    .select(['b.id', 'b.slot', 'b.status', 'b.booking_code', 'd.unit_id'])
    .where('b.booking_code', '=', normaliseBookingCode(code))
    .executeTakeFirst();
  if (!b) return { ok: false, reason: 'not_found' };
  if (b.status !== 'booked') return { ok: false, reason: 'closed' };
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('reception_bookings')
      .set({ status: 'cancelled', slot: cancelledSlot(b.slot, b.id) })
      .where('id', '=', b.id)
      .where('status', '=', 'booked')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { ok: false as const, reason: 'closed' as const };
    await appendAudit(
      trx,
      deps.dialect,
      now,
      { userId: null, label: 'Công dân đặt lịch' },
      {
        action: 'reception.cancelled',
        entityType: 'reception_booking',
        entityId: b.id,
        unitId: b.unit_id,
        data: { code: b.booking_code },
      },
    );
    return { ok: true as const };
  });
}

/** The officer records that the citizen did not come. */
export async function markNoShow(deps: AppDeps, actor: Actor | null, bookingId: number): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'closed' }> {
  const b = await deps.db
    .selectFrom('reception_bookings as b')
    .innerJoin('reception_days as d', 'd.id', 'b.reception_day_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['b.id', 'b.status', 'b.booking_code', 'd.unit_id', 'd.agency_id', 'd.day', 'u.path', 'u.name'])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
  if (!b) return { ok: false, reason: 'not_found' };
  const who = authoriseReception(actor, { id: b.unit_id, path: b.path, name: b.name }, b.agency_id);
  if (b.status !== 'booked') return { ok: false, reason: 'closed' };
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('reception_bookings').set({ status: 'no_show' }).where('id', '=', b.id).where('status', '=', 'booked').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { ok: false as const, reason: 'closed' as const };
    await appendAudit(trx, deps.dialect, now, who, {
      action: 'reception.no_show',
      entityType: 'reception_booking',
      entityId: b.id,
      unitId: b.unit_id,
      data: { code: b.booking_code, day: b.day },
    });
    return { ok: true as const };
  });
}
