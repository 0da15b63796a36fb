// The dialogue module's queries; no other module touches its tables.
import type { Conn } from '../../db/index.js';
import type { DialogueYearState } from './rules/yearly.js';

export const QUESTIONS_PER_PAGE = 50;

/** A commune's (agencyId null) or an agency's dialogues of a year, soonest first, with question counts. */
export async function dialoguesOf(db: Conn, unitId: number, agencyId: number | null, year: number) {
  let q = db
    .selectFrom('dialogues as d')
    .leftJoin('dialogue_questions as q', (j) => j.onRef('q.dialogue_id', '=', 'd.id').on('q.hidden_reason', 'is', null))
    .select((eb) => [
      'd.id',
      'd.topic',
      'd.place',
      'd.starts_at',
      'd.status',
      'd.held_on',
      'd.minutes_published_at',
      eb.fn.count<number>('q.id').as('questions'),
      eb.fn.count<number>('q.answered_at').as('answered'),
    ])
    .where('d.unit_id', '=', unitId)
    .where('d.year', '=', year)
    .groupBy(['d.id', 'd.topic', 'd.place', 'd.starts_at', 'd.status', 'd.held_on', 'd.minutes_published_at'])
    .orderBy('d.starts_at');
  q = agencyId === null ? q.where('d.agency_id', 'is', null) : q.where('d.agency_id', '=', agencyId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, questions: Number(r.questions), answered: Number(r.answered) }));
}
export type DialogueListRow = Awaited<ReturnType<typeof dialoguesOf>>[number];

/** The dates and states R-G2 is judged on: the year asked and the one before it. */
export const yearDialogues = (db: Conn, unitId: number, agencyId: number | null, years: number[]) => {
  let q = db.selectFrom('dialogues').select(['starts_at as startsAt', 'status', 'year']).where('unit_id', '=', unitId).where('year', 'in', years);
  q = agencyId === null ? q.where('agency_id', 'is', null) : q.where('agency_id', '=', agencyId);
  return q.execute();
};

/** A page of a dialogue's questions, oldest first; the API leaves hidden ones out, the page shows them with their reason. */
export async function questionsOf(db: Conn, dialogueId: number, opts: { withHidden: boolean; page: number }) {
  let q = db.selectFrom('dialogue_questions').selectAll().where('dialogue_id', '=', dialogueId);
  if (!opts.withHidden) q = q.where('hidden_reason', 'is', null);
  const rows = await q
    .orderBy('id')
    .limit(QUESTIONS_PER_PAGE + 1)
    .offset((opts.page - 1) * QUESTIONS_PER_PAGE)
    .execute();
  return { rows: rows.slice(0, QUESTIONS_PER_PAGE), more: rows.length > QUESTIONS_PER_PAGE };
}

export async function questionCounts(db: Conn, dialogueId: number) {
  const r = await db
    .selectFrom('dialogue_questions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('answered_at').as('answered')])
    .where('dialogue_id', '=', dialogueId)
    .where('hidden_reason', 'is', null)
    .executeTakeFirstOrThrow();
  return { total: Number(r.n), answered: Number(r.answered) };
}

/** Every village of a commune on a date with its conference of the year, if any (R-G1). */
export async function villagesWithConferences(db: Conn, communeId: number, year: number, date: string) {
  const villages = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('parent_id', '=', communeId)
    .where((eb) =>
      eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)])]),
    )
    .orderBy('name')
    .execute();
  const confs = await db
    .selectFrom('village_conferences')
    .select(['id', 'village_id', 'status', 'conference_on', 'held_on', 'result_sent_on', 'committee_agreed_on', 'front_agreed_on', 'board_agreed_on'])
    .where('commune_id', '=', communeId)
    .where('year', '=', year)
    .execute();
  const byVillage = new Map(confs.map((c) => [c.village_id, c]));
  return villages.map((v) => ({ village: v, conference: byVillage.get(v.id) }));
}

export const conferenceFiles = (db: Conn, id: number) =>
  db
    .selectFrom('village_conference_files as l')
    .innerJoin('files as f', 'f.id', 'l.file_id')
    .select(['f.id', 'f.filename', 'f.size', 'l.part'])
    .where('l.conference_id', '=', id)
    .orderBy('f.id')
    .execute();

export type YearFlag = { year: number; state: DialogueYearState };
