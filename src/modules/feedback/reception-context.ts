// What the reception, QR and rating pages share: the commune of a page, one reception day with its
// slots, the key a rate limit counts a client by, and the identity check of items born at reception.
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Conn } from '../../db/index.js';
import type { Unit } from '../../db/types.js';
import { NotFound } from '../../platform/errors.js';
import { parseId } from '../../platform/http/ids.js';
import { clientKey as hashClient } from '../../platform/http/rate-limit.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { slotStarted, slotsOf, slotTime } from './rules/reception.js';
import type { DayFacts, SlotRow } from './views/reception-book.js';

export async function communeOf(db: Conn, id: number): Promise<Unit> {
  const unit = parseId(id) ? await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!unit || !COMMUNE_LEVELS.includes(unit.level)) throw new NotFound();
  return unit;
}

export type DayRecord = DayFacts & { slotMinutes: number; agencyId: number | null; hostRole: 'commune_chairman' | 'agency_head'; unitPath: string };

export async function loadDay(db: Conn, id: number): Promise<DayRecord> {
  const d = parseId(id)
    ? await db
        .selectFrom('reception_days as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select([
          'd.id',
          'd.day',
          'd.start_time',
          'd.end_time',
          'd.place',
          'd.host_name',
          'd.host_role',
          'd.agency_id',
          'd.slot_minutes',
          'u.id as unit_id',
          'u.name',
          'u.path',
        ])
        .where('d.id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!d) throw new NotFound();
  return {
    id: d.id,
    day: d.day,
    start: d.start_time,
    end: d.end_time,
    place: d.place,
    hostName: d.host_name,
    hostRole: d.host_role,
    agencyId: d.agency_id,
    slotMinutes: d.slot_minutes,
    unit: { id: d.unit_id, name: d.name },
    unitPath: d.path,
  };
}

/** Every slot of the day: free, taken (a booking not cancelled) or past. */
export async function slotStates(db: Conn, d: DayRecord, now: Date): Promise<SlotRow[]> {
  const taken = new Set(
    (await db.selectFrom('reception_bookings').select('slot').where('reception_day_id', '=', d.id).where('status', '!=', 'cancelled').execute()).map((r) =>
      slotTime(r.slot),
    ),
  );
  return slotsOf(d.start, d.end, d.slotMinutes).map((slot) => ({
    slot,
    state: taken.has(slot) ? 'taken' : slotStarted(d.day, slot, now) ? 'past' : 'free',
  }));
}

/** A client as a rate limit counts it: the keyed hash of its address (rate-limit.ts), so that
 * rate_hits never holds a usable address (review C.19). Behind a reverse proxy, Fastify's
 * trustProxy gives the real address. */
export const clientKey = (deps: Pick<AppDeps, 'config'>, req: FastifyRequest): string => hashClient(deps.config, req.ip || 'unknown');

/** What identityAllowed (common.ts) needs of each item, by id. */
export async function identityViews(db: Conn, ids: number[]) {
  if (!ids.length) return new Map<number, Awaited<ReturnType<typeof viewRows>>[number]>();
  return new Map((await viewRows(db, ids)).map((r) => [r.id, r]));
}
const viewRows = (db: Conn, ids: number[]) =>
  db
    .selectFrom('feedback_items as f')
    .innerJoin('units as h', 'h.id', 'f.handler_unit_id')
    .leftJoin('units as s', 's.id', 'f.subject_unit_id')
    .select([
      'f.id',
      'f.kind',
      'f.tracking_code',
      'f.commune_id',
      'f.handler_unit_id',
      'f.handler_agency_id as handlerAgencyId',
      'f.subject_user_id',
      'h.path as handlerPath',
      's.path as subjectPath',
    ])
    .where('f.id', 'in', ids)
    .execute();
