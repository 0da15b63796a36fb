// Covenant queries: a covenant with the decisions matter and latest vote it hangs on, its versions,
// reviews, the village setting, and the list of a village or commune.
import type { Conn } from '../../db/index.js';
import type { Unit } from '../../db/types.js';
import { type CovenantStatus, statusOf } from './rules/cycle.js';

export const findCovenant = (db: Conn, id: number) => db.selectFrom('covenants').selectAll().where('id', '=', id).executeTakeFirst();
export type CovenantRow = NonNullable<Awaited<ReturnType<typeof findCovenant>>>;

export const versionsOf = (db: Conn, id: number) => db.selectFrom('covenant_versions').selectAll().where('covenant_id', '=', id).orderBy('number').execute();
export const reviewsOf = (db: Conn, id: number) => db.selectFrom('covenant_reviews').selectAll().where('covenant_id', '=', id).orderBy('year').execute();

export async function settingOf(db: Conn, villageId: number) {
  const s = await db.selectFrom('covenant_settings').selectAll().where('unit_id', '=', villageId).executeTakeFirst();
  return { ethnicMinority: s?.ethnic_minority === 1, ethnicLanguage: s?.ethnic_language ?? null, reviewDay: s?.review_day ?? '11-18' };
}

/** The latest vote on the covenant's matter: the one that decides where the covenant stands. */
export const latestVote = (db: Conn, matterId: number) =>
  db.selectFrom('votes').selectAll().where('matter_id', '=', matterId).orderBy('id', 'desc').limit(1).executeTakeFirst();

export type CovenantState = {
  covenant: CovenantRow;
  status: CovenantStatus;
  matter: { id: number; status: string; effective_from: string | null; vote_not_before: string | null } | null;
  vote: Awaited<ReturnType<typeof latestVote>> | null;
  consultation: { id: number; opens_on: string | null; closes_on: string | null } | null;
  /** In force from: the recognition date (R-E3), or the recorded one for a transitional entry. */
  inForceFrom: string | null;
  replacedBy: { id: number; title: string } | null;
};

export async function stateOf(db: Conn, c: CovenantRow, today: string): Promise<CovenantState> {
  const matter = c.matter_id
    ? ((await db.selectFrom('matters').select(['id', 'status', 'effective_from', 'vote_not_before']).where('id', '=', c.matter_id).executeTakeFirst()) ?? null)
    : null;
  const vote = c.matter_id ? ((await latestVote(db, c.matter_id)) ?? null) : null;
  const consultation = c.consultation_id
    ? ((await db.selectFrom('consultations').select(['id', 'opens_on', 'closes_on']).where('id', '=', c.consultation_id).executeTakeFirst()) ?? null)
    : null;
  // Art 13: a recognised replacement (or amendment) ends the earlier text from its own recognition.
  const successors = await db.selectFrom('covenants').selectAll().where('replaces_id', '=', c.id).execute();
  let replacedBy: { id: number; title: string } | null = null;
  for (const s of successors) {
    const sv = s.matter_id ? await latestVote(db, s.matter_id) : undefined;
    if (!s.annulled_on && (s.origin === 'transitional' || sv?.status === 'recognised')) replacedBy = { id: s.id, title: s.title };
  }
  const status = statusOf(
    {
      origin: c.origin,
      annulled_on: c.annulled_on,
      suspended_on: c.suspended_on,
      corrected_on: c.corrected_on,
      consultationClosesOn: consultation?.closes_on ?? null,
      matterStatus: matter?.status ?? null,
      vote: vote ? { status: vote.status, outcome: vote.outcome } : null,
      replacedInForce: !!replacedBy,
    },
    today,
  );
  const inForceFrom = c.origin === 'transitional' ? c.recognised_on : vote?.status === 'recognised' ? vote.recognised_on : null;
  return { covenant: c, status, matter, vote, consultation, inForceFrom, replacedBy };
}

/** Covenants of a village, or of every village of a commune. */
export const covenantsUnder = (db: Conn, unit: Unit) =>
  db
    .selectFrom('covenants as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select('u.name as village')
    .where('u.path', 'like', `${unit.path}%`)
    .orderBy('u.name')
    .orderBy('c.id', 'desc')
    .limit(500)
    .execute();
