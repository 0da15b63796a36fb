// The decisions module's queries. No other module touches its tables.
import type { Conn } from '../../db/index.js';
import type { Unit } from '../../db/types.js';

/** On the register on `date` (Art 21(1)): valid_from ≤ date < valid_to, nulls open-ended. */
const onRegister = (date: string) => (eb: any) =>
  eb.and([eb.or([eb('h.valid_from', 'is', null), eb('h.valid_from', '<=', date)]), eb.or([eb('h.valid_to', 'is', null), eb('h.valid_to', '>', date)])]);

/** The village's household register as it stood on `date`, with each household's representative
 * (Art 18(2): an adult member, or the person the household authorised). */
export async function registerOn(db: Conn, villageId: number, date: string) {
  const rows = await db
    .selectFrom('households as h')
    .leftJoin('residents as r', (j) => j.onRef('r.household_id', '=', 'h.id').on('r.is_representative', '=', 1))
    .select(['h.id', 'h.code', 'h.address', 'h.authorised_representative', 'r.id as resident_id', 'r.full_name'])
    .where('h.unit_id', '=', villageId)
    .where(onRegister(date))
    .orderBy('h.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    address: r.address,
    representative: r.authorised_representative ?? r.full_name ?? '',
    residentId: r.resident_id,
  }));
}
export type RegisterEntry = Awaited<ReturnType<typeof registerOn>>[number];

/** The denominator of Art 21(1): every household on the register on the vote date, present or not. */
export async function householdsTotalOn(db: Conn, villageId: number, date: string): Promise<number> {
  const r = await db
    .selectFrom('households as h')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('h.unit_id', '=', villageId)
    .where(onRegister(date))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Whether a household is on the village's register on `date`. */
export async function onRegisterOn(db: Conn, householdId: number, villageId: number, date: string): Promise<boolean> {
  const r = await db
    .selectFrom('households as h')
    .select('h.id')
    .where('h.id', '=', householdId)
    .where('h.unit_id', '=', villageId)
    .where(onRegister(date))
    .executeTakeFirst();
  return !!r;
}

export const findMatter = (db: Conn, id: number) => db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirst();
export const findVote = (db: Conn, id: number) => db.selectFrom('votes').selectAll().where('id', '=', id).executeTakeFirst();
export const votesOf = (db: Conn, matterId: number) => db.selectFrom('votes').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
export const optionsOf = (db: Conn, voteId: number) => db.selectFrom('vote_options').selectAll().where('vote_id', '=', voteId).orderBy('sort').execute();

/** Counts from the ballot store (online votes and household ballots): per option, no household. */
export async function tallyBallots(db: Conn, voteId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('vote_ballots')
    .select(['option_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('vote_id', '=', voteId)
    .groupBy('option_key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.option_key, Number(r.n)]));
}

/** Ballots cast (distinct receipts): households that took part. */
export async function receiptsCount(db: Conn, voteId: number): Promise<number> {
  const r = await db
    .selectFrom('vote_receipts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Decree 59 Art 5(4)(a): the list of participating household representatives (name and address). */
export async function participants(db: Conn, voteId: number) {
  return db
    .selectFrom('vote_receipts as v')
    .innerJoin('households as h', 'h.id', 'v.household_id')
    .leftJoin('residents as r', (j) => j.onRef('r.household_id', '=', 'h.id').on('r.is_representative', '=', 1))
    .select(['h.code', 'h.address', 'h.authorised_representative', 'r.full_name', 'v.channel'])
    .where('v.vote_id', '=', voteId)
    .orderBy('h.code')
    .execute();
}

/** "Other opinions" written on ballots (Decree 59 Art 5(2)(c)), in a stable order that is not the order of voting. */
export async function otherOpinions(db: Conn, voteId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('vote_ballots')
    .select('other_text')
    .where('vote_id', '=', voteId)
    .where('other_text', 'is not', null)
    .orderBy('other_text')
    .execute();
  return rows.map((r) => r.other_text ?? '');
}

/** Counts entered at a meeting, summed over clusters (R-A16: cluster results sum into one). */
export async function enteredCounts(db: Conn, voteId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('vote_counts').select(['option_key', 'count']).where('vote_id', '=', voteId).execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.option_key] = (out[r.option_key] ?? 0) + r.count;
  return out;
}

export async function attendanceOf(db: Conn, voteId: number): Promise<{ household_id: number; cluster: number }[]> {
  return db.selectFrom('vote_attendance').select(['household_id', 'cluster']).where('vote_id', '=', voteId).execute();
}

/** The village a vote is held in and its commune. */
export async function placeOf(db: Conn, villageId: number): Promise<{ village: Unit; commune: Unit }> {
  const village = await db.selectFrom('units').selectAll().where('id', '=', villageId).executeTakeFirstOrThrow();
  const commune = await db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', village.parent_id ?? -1)
    .executeTakeFirstOrThrow();
  return { village, commune };
}
