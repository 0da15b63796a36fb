// The receiving officer enters what a booked citizen presented at the reception day (R-H6): it
// becomes a feedback item through the one intake (channel 'reception_day', received on the day, the
// answer clock of 10 working days, Citizen Reception Law Art 28(1)), and the booking is marked
// received with a link to the item.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { parseId } from '../../../platform/http/ids.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import type { FeedbackInput } from '../model.js';
import { authoriseReception, openBooked, Rollback } from './reception.js';
import { emptyFeedbackInput, submitFeedback } from './submit.js';

/** What the officer types; the name and phone come from the sealed booking. */
export type ReceiveInput = Pick<FeedbackInput, 'kind' | 'category' | 'title' | 'content' | 'address' | 'knownOn' | 'notifyChannel' | 'subjectText'>;

export type ReceiveResult =
  | { ok: true; code: string; itemId: number; dayId: number }
  | { ok: false; errors: FieldErrors }
  | { ok: false; reason: 'not_found' | 'closed'; dayId?: number };

export async function loadBooking(deps: AppDeps, id: number) {
  if (!parseId(id)) return undefined;
  return deps.db
    .selectFrom('reception_bookings as b')
    .innerJoin('reception_days as d', 'd.id', 'b.reception_day_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['b.id', 'b.slot', 'b.status', 'b.booking_code', 'b.sealed', 'd.id as day_id', 'd.day', 'd.agency_id', 'u.id as unit_id', 'u.path', 'u.name'])
    .where('b.id', '=', id)
    .executeTakeFirst();
}

export async function receiveBooking(deps: AppDeps, t: T, actor: Actor | null, bookingId: number, input: ReceiveInput): Promise<ReceiveResult> {
  const b = await loadBooking(deps, bookingId);
  if (!b) return { ok: false, reason: 'not_found' };
  const who = authoriseReception(actor, { id: b.unit_id, path: b.path, name: b.name }, b.agency_id);
  if (b.status !== 'booked') return { ok: false, reason: 'closed', dayId: b.day_id };
  if (todayInVietnam(deps.clock.now()) < b.day) return { ok: false, errors: { _form: t('feedback.reception.err.notYet') } };
  const citizen = openBooked(deps.config.dataKey, b);
  const now = deps.clock.now();
  // One transaction (review D.22): the booking is claimed first, guarded on its status, so that of two
  // officers receiving the same booking at once the second finds it taken (PostgreSQL holds its
  // update until the first commits) and no second item is made; the item and the link commit together.
  try {
    return await deps.db.transaction().execute(async (trx): Promise<ReceiveResult> => {
      const claim = await trx
        .updateTable('reception_bookings')
        .set({ status: 'received' })
        .where('id', '=', b.id)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return { ok: false, reason: 'closed', dayId: b.day_id };
      const r = await submitFeedback(
        deps,
        t,
        who,
        emptyFeedbackInput(b.unit_id, { ...input, name: citizen.name, phone: citizen.phone, channel: 'reception_day', receivedOn: formatDate(b.day) }),
        'reception',
        [],
        // An agency head's day (Citizen Reception Law Art 18): the agency records the matter and answers it.
        { agencyId: b.agency_id, trx },
      );
      // Bad input: undo the claim, the booking stays booked and the form comes back.
      if (!r.ok) throw new Rollback(r);
      await trx.updateTable('reception_bookings').set({ item_id: r.id }).where('id', '=', b.id).execute();
      await appendAudit(trx, deps.dialect, now, who, {
        action: 'reception.received',
        entityType: 'reception_booking',
        entityId: b.id,
        unitId: b.unit_id,
        data: { code: b.booking_code, item: r.code, day: b.day },
      });
      return { ok: true, code: r.code, itemId: r.id, dayId: b.day_id };
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as ReceiveResult;
    throw e;
  }
}
