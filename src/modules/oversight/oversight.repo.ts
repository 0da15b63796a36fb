// The oversight module's queries (Kysely); no other module touches these tables.
import type { Conn } from '../../db/index.js';

export const boardById = (db: Conn, id: number) => db.selectFrom('oversight_boards').selectAll().where('id', '=', id).executeTakeFirst();

/** The commune's boards, newest first: its People's Inspection Board(s), its agencies' and its projects'. */
export const boardsOfCommune = (db: Conn, communeId: number) =>
  db
    .selectFrom('oversight_boards as b')
    .leftJoin('agencies as a', 'a.id', 'b.agency_id')
    .leftJoin('oversight_projects as p', 'p.id', 'b.project_id')
    .selectAll('b')
    .select(['a.name as agency_name', 'p.name as project_name'])
    .where('b.commune_id', '=', communeId)
    .orderBy('b.kind')
    .orderBy('b.id', 'desc')
    .execute();

export const membersOf = (db: Conn, boardIds: number[], current = true) => {
  if (!boardIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('oversight_members as m')
    .leftJoin('units as v', 'v.id', 'm.village_id')
    .selectAll('m')
    .select('v.name as village_name')
    .where('m.board_id', 'in', boardIds);
  if (current) q = q.where('m.ended_on', 'is', null);
  return q.orderBy('m.board_id').orderBy('m.id').execute();
};

export const openTasks = (db: Conn, boardId: number) =>
  db
    .selectFrom('oversight_tasks as k')
    .innerJoin('oversight_members as m', 'm.id', 'k.member_id')
    .leftJoin('units as v', 'v.id', 'k.village_id')
    .select(['k.id', 'k.raised_on', 'k.months_left', 'k.village_id', 'm.full_name', 'v.name as village_name'])
    .where('k.board_id', '=', boardId)
    .where('k.done_on', 'is', null)
    .orderBy('k.id')
    .execute();

export const plansOf = (db: Conn, boardId: number) =>
  db.selectFrom('oversight_plans').selectAll().where('board_id', '=', boardId).orderBy('starts_on', 'desc').limit(100).execute();

export const activitiesOf = (db: Conn, boardId: number, publishedOnly: boolean) => {
  let q = db.selectFrom('oversight_activities').selectAll().where('board_id', '=', boardId);
  if (publishedOnly) q = q.where('published', '=', 1);
  return q.orderBy('held_on', 'desc').orderBy('id', 'desc').limit(100).execute();
};

export const activityById = (db: Conn, id: number) => db.selectFrom('oversight_activities').selectAll().where('id', '=', id).executeTakeFirst();
export const recommendationsOf = (db: Conn, activityId: number) =>
  db.selectFrom('oversight_recommendations').selectAll().where('activity_id', '=', activityId).orderBy('id').execute();
export const filesOfActivity = (db: Conn, activityId: number) =>
  db
    .selectFrom('oversight_files as o')
    .innerJoin('files as f', 'f.id', 'o.file_id')
    .select(['f.id', 'f.filename', 'f.size', 'f.mime', 'f.sha256'])
    .where('o.activity_id', '=', activityId)
    .orderBy('f.id')
    .execute();

export type RecFilter = 'overdue' | 'open' | 'answered';
/** A commune's recommendations by state, on the (commune_id, status, due_on) index: the overdue list
 * is one range of it. Only published activities when `publishedOnly`. */
export function recommendationsOfCommune(db: Conn, communeId: number, filter: RecFilter, today: string, limit: number, publishedOnly: boolean) {
  let q = db
    .selectFrom('oversight_recommendations as r')
    .innerJoin('oversight_activities as a', 'a.id', 'r.activity_id')
    .select([
      'r.id',
      'r.activity_id',
      'r.addressee',
      'r.content',
      'r.sent_on',
      'r.due_on',
      'r.status',
      'r.answer_kind',
      'r.answer_text',
      'r.answered_on',
      'r.late',
      'r.escalated_on',
      'a.subject',
    ])
    .where('r.commune_id', '=', communeId);
  if (filter === 'answered') q = q.where('r.status', '=', 'answered').orderBy('r.answered_on', 'desc');
  else {
    q = q.where('r.status', '=', 'open');
    if (filter === 'overdue') q = q.where('r.due_on', '<', today);
    q = q.orderBy('r.due_on');
  }
  if (publishedOnly) q = q.where('a.published', '=', 1);
  return q.orderBy('r.id').limit(limit).execute();
}

export const countOverdue = async (db: Conn, communeId: number, today: string) =>
  Number(
    (
      await db
        .selectFrom('oversight_recommendations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('commune_id', '=', communeId)
        .where('status', '=', 'open')
        .where('due_on', '<', today)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const projectsOf = (db: Conn, communeId: number, limit = 200) =>
  db
    .selectFrom('oversight_projects as p')
    .leftJoin('oversight_boards as b', 'b.project_id', 'p.id')
    .selectAll('p')
    .select(['b.id as board_id', 'b.status as board_status'])
    .where('p.commune_id', '=', communeId)
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();

export const projectById = (db: Conn, id: number) => db.selectFrom('oversight_projects').selectAll().where('id', '=', id).executeTakeFirst();

/** Activities of a board in [from, to] with their recommendations: the report to the Front (Decree 59 Arts 14(3), 18). */
export async function activitiesBetween(db: Conn, boardId: number, from: string, to: string) {
  const acts = await db
    .selectFrom('oversight_activities')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .orderBy('held_on')
    .execute();
  const recs = acts.length
    ? await db
        .selectFrom('oversight_recommendations')
        .selectAll()
        .where(
          'activity_id',
          'in',
          acts.map((a) => a.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return acts.map((a) => ({ ...a, recs: recs.filter((r) => r.activity_id === a.id) }));
}

/** A project's documents (issue 7 item 5), the public ones only when `publicOnly`. */
export const documentsOfProjects = (db: Conn, projectIds: number[], publicOnly: boolean) => {
  if (!projectIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('oversight_files as o')
    .innerJoin('files as f', 'f.id', 'o.file_id')
    .select(['o.project_id', 'o.doc_kind', 'o.public', 'f.id', 'f.filename', 'f.size', 'f.mime', 'f.created_at'])
    .where('o.project_id', 'in', projectIds);
  if (publicOnly) q = q.where('o.public', '=', 1);
  return q.orderBy('f.id').execute();
};
