// The workplace module's queries (Kysely); no other module touches these tables.
import type { Conn } from '../../db/index.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { conferenceYearState, type YearState } from './rules/conference.js';
import { staffCountsOn } from './staff-counts.js';
import type { WorkplaceRegulation } from './tables.js';

export type RegisterRow = {
  unitId: number;
  agencyId: number | null;
  /** The materialised path of the unit the row belongs to (an agency's village or commune). */
  path: string;
  name: string;
  /** The regulation in force on `date` (T-2.4), null when there is none. */
  regulation: WorkplaceRegulation | null;
  /** Agencies only: the staff count and the R-G3 flag of the last finished work year. */
  staff: number | null;
  conference: YearState | null;
};

/** Regulations in force on `date` for these communes and every agency inside them (one query each). */
export async function registerOf(db: Conn, communes: { id: number; name: string; path: string }[], date: string, workYear: number): Promise<RegisterRow[]> {
  if (communes.length === 0) return [];
  const agencies = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.name', 'a.unit_id', 'u.path'])
    .where((eb) => eb.or(communes.map((c) => eb('u.path', 'like', `${c.path}%`))))
    .orderBy('a.name')
    .execute();
  const ids = communes.map((c) => c.id);
  const regs = await db
    .selectFrom('workplace_regulations')
    .selectAll()
    .where('status', '=', 'in_force')
    .where('in_force_from', '<=', date)
    .where('unit_id', 'in', ids)
    .where('agency_id', 'is', null)
    .execute();
  const ofAgencies = await agencyRegisterOf(db, agencies, date, workYear);
  const rows: RegisterRow[] = [];
  for (const c of communes) {
    rows.push({
      unitId: c.id,
      agencyId: null,
      path: c.path,
      name: c.name,
      regulation: regs.find((r) => r.agency_id === null && r.unit_id === c.id) ?? null,
      staff: null,
      conference: null,
    });
    rows.push(...ofAgencies.filter((r) => r.path.startsWith(c.path)));
  }
  return rows;
}

/** The register rows of these agencies (their regulation in force on `date`, staff count and R-G3 flag). */
export async function agencyRegisterOf(db: Conn, agencies: { id: number; name: string; unit_id: number; path: string }[], date: string, workYear: number) {
  const agencyIds = agencies.map((a) => a.id);
  if (agencyIds.length === 0) return [];
  const [regs, staffCounts, confs] = await Promise.all([
    db
      .selectFrom('workplace_regulations')
      .selectAll()
      .where('status', '=', 'in_force')
      .where('in_force_from', '<=', date)
      .where('agency_id', 'in', agencyIds)
      .execute(),
    staffCountsOn(db, agencyIds, date),
    db
      .selectFrom('workplace_conferences')
      .select(['agency_id', 'held_on', 'outcome'])
      .where('agency_id', 'in', agencyIds)
      .where('work_year', '=', workYear)
      .execute(),
  ]);
  return agencies.map((a): RegisterRow => {
    const staff = staffCounts.get(a.id) ?? null;
    const held = confs.filter((x) => x.agency_id === a.id).map((x) => ({ heldOn: x.held_on, valid: x.outcome === 'valid' }));
    return {
      unitId: a.unit_id,
      agencyId: a.id,
      path: a.path,
      name: a.name,
      regulation: regs.find((r) => r.agency_id === a.id) ?? null,
      staff,
      conference: conferenceYearState({ workYear, staff, held, today: date }),
    };
  });
}

export function regulationsOf(db: Conn, unitId: number, agencyId: number | null) {
  let q = db.selectFrom('workplace_regulations').selectAll().where('unit_id', '=', unitId);
  q = agencyId ? q.where('agency_id', '=', agencyId) : q.where('agency_id', 'is', null);
  return q.orderBy('version', 'desc').execute();
}

export const conferencesOf = (db: Conn, agencyId: number) =>
  db.selectFrom('workplace_conferences').selectAll().where('agency_id', '=', agencyId).orderBy('held_on', 'desc').orderBy('id', 'desc').execute();

export const findConference = (db: Conn, id: number) => db.selectFrom('workplace_conferences').selectAll().where('id', '=', id).executeTakeFirst();
export const decisionsOf = (db: Conn, id: number) => db.selectFrom('workplace_decisions').selectAll().where('conference_id', '=', id).orderBy('id').execute();
export const reviewsOf = (db: Conn, id: number) =>
  db.selectFrom('workplace_reviews').selectAll().where('conference_id', '=', id).orderBy('reviewed_on').execute();

/** The communes (and wards) inside a unit that exist on `date`. */
export function communesIn(db: Conn, path: string, date: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('path', 'like', `${path}%`)
    .where('level', 'in', COMMUNE_LEVELS)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('name')
    .execute();
}
