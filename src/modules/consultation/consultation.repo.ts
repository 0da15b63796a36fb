// The consultation module's queries (Kysely); no other module touches these tables.
import { sql } from 'kysely';
import type { Conn } from '../../db/index.js';
import type { ConsultationTable } from './tables.js';

export async function findConsultation(db: Conn, id: number) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('agencies as a', 'a.id', 'c.agency_id')
    .selectAll('c')
    .select(['u.path as unit_path', 'u.name as unit_name', 'a.name as agency_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof findConsultation>>>;

export const articlesOf = (db: Conn, id: number) =>
  db.selectFrom('consultation_articles').selectAll().where('consultation_id', '=', id).orderBy('position').execute();
export type ArticleRow = Awaited<ReturnType<typeof articlesOf>>[number];

export const villagesOf = (db: Conn, id: number) =>
  db
    .selectFrom('consultation_villages as v')
    .innerJoin('units as u', 'u.id', 'v.village_id')
    .select(['u.id', 'u.name', 'u.path'])
    .where('v.consultation_id', '=', id)
    .orderBy('u.name')
    .execute();

export const attachmentsOf = (db: Conn, id: number) =>
  db
    .selectFrom('consultation_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.filename', 'f.mime', 'f.size', 'f.sha256'])
    .where('a.consultation_id', '=', id)
    .orderBy('f.id')
    .execute();

/** Per group (article id, null for the whole draft): comments shown, and agree/disagree counts. */
export async function groupCounts(db: Conn, id: number) {
  const [comments, stances] = await Promise.all([
    db
      .selectFrom('consultation_comments')
      .select(['article_id', sql<number>`count(*)`.as('n')])
      .where('consultation_id', '=', id)
      .groupBy('article_id')
      .execute(),
    db
      .selectFrom('consultation_stances')
      .select(['article_id', 'stance', sql<number>`count(*)`.as('n')])
      .where('consultation_id', '=', id)
      .groupBy(['article_id', 'stance'])
      .execute(),
  ]);
  const out = new Map<number | null, { comments: number; agree: number; disagree: number }>();
  const at = (k: number | null) => {
    let g = out.get(k);
    if (!g) out.set(k, (g = { comments: 0, agree: 0, disagree: 0 }));
    return g;
  };
  for (const c of comments) at(c.article_id).comments = Number(c.n);
  for (const s of stances) at(s.article_id)[s.stance] = Number(s.n);
  return out;
}

export const responsesOf = (db: Conn, id: number) => db.selectFrom('consultation_responses').selectAll().where('consultation_id', '=', id).execute();

export const PAGE_SIZE = 20;

/** One page of comments, newest first, optionally of one article (keyset on id: fast at any depth). */
export async function commentPage(db: Conn, id: number, opts: { articleId?: number | null; before?: number; authorId?: number }) {
  let q = db
    .selectFrom('consultation_comments')
    .select(['id', 'article_id', 'channel', 'organisation', 'author_name', 'author_user_id', 'body', 'public_body', 'hidden_reason', 'created_at'])
    .where('consultation_id', '=', id);
  if (opts.articleId !== undefined) q = opts.articleId === null ? q.where('article_id', 'is', null) : q.where('article_id', '=', opts.articleId);
  if (opts.before) q = q.where('id', '<', opts.before);
  if (opts.authorId) q = q.where('author_user_id', '=', opts.authorId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE + 1)
    .execute();
  return { rows: rows.slice(0, PAGE_SIZE), next: rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1]!.id : null };
}
export type CommentRow = Awaited<ReturnType<typeof commentPage>>['rows'][number];

export const affectedOf = (db: Conn, id: number) =>
  db.selectFrom('consultation_affected').selectAll().where('consultation_id', '=', id).orderBy('id').execute();

/** A commune's (or an agency's) consultations, newest first. */
export function listFor(db: Conn, where: { unitId: number; agencyId: number | null; statuses: ConsultationTable['status'][] }) {
  let q = db
    .selectFrom('consultations')
    .select(['id', 'title', 'matter', 'status', 'opens_on', 'closes_on', 'synthesis_published_at', 'unit_id', 'agency_id'])
    .where('unit_id', '=', where.unitId)
    .where('status', 'in', where.statuses);
  q = where.agencyId === null ? q.where('agency_id', 'is', null) : q.where('agency_id', '=', where.agencyId);
  return q.orderBy('id', 'desc').limit(200).execute();
}
