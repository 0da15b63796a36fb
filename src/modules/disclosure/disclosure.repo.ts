import { sql } from 'kysely';
// The disclosure module's queries; no other module touches these tables.
import type { Conn, Dialect } from '../../db/index.js';
import type { DisclosureTable } from '../../db/types.js';
import { foldTerms } from '../../platform/search/fold.js';
import { MATCH_CAP, matchingIds } from '../../platform/search/index.js';
import type { CleanDraft } from './commands/validate.js';

export type ListFilter = {
  unitId: number;
  scope: 'commune' | 'agency';
  agencyId?: number;
  category?: number;
  villageId?: number;
  year?: number;
  statuses: DisclosureTable['status'][];
  q?: string;
  page: number;
  pageSize: number;
};

export async function findDisclosure(db: Conn, id: number) {
  return db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The list page: newest posting first, filtered; a folded full-text query narrows by search_docs. */
export async function listDisclosures(db: Conn, dialect: Dialect, f: ListFilter) {
  let q = db.selectFrom('disclosures as d').where('d.scope', '=', f.scope).where('d.status', 'in', f.statuses);
  if (f.agencyId) q = q.where('d.agency_id', '=', f.agencyId);
  if (f.category) q = q.where('d.category', '=', f.category);
  if (f.year) q = q.where('d.year', '=', f.year);
  if (f.villageId) {
    const v = f.villageId;
    q = q.where((eb) =>
      eb.or([
        eb('d.audience', '=', 'all'),
        eb.exists(eb.selectFrom('disclosure_villages as dv').select('dv.unit_id').whereRef('dv.disclosure_id', '=', 'd.id').where('dv.unit_id', '=', v)),
      ]),
    );
  }
  let capped = false;
  if (!f.q || foldTerms(f.q).length === 0) q = q.where('d.unit_id', '=', f.unitId);
  else {
    // The full-text engine finds the (bounded) matches once; the rows are then filtered here.
    const m = await matchingIds(db, dialect, 'disclosure', f.unitId, f.q);
    if (m.ids.length === 0) return { rows: [], hasNext: false, total: 0, capped: false };
    capped = m.capped;
    // Matches are few: reach them by primary key. "unit_id + 0" keeps SQLite's planner from
    // scanning the commune's whole index instead (bench/disclosure.mjs, 200,000 rows: 9 ms -> 1 ms).
    q = q.where('d.id', 'in', m.ids).where(sql`d.unit_id + 0`, '=', f.unitId);
  }
  const [rows, total] = await Promise.all([
    q
      .selectAll('d')
      .orderBy('d.posting_start', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize + 1)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    // Counting stops at MATCH_CAP: a commune with 30,000 postings is told "more than 1,000"
    // instead of paying for an exact count on every page view (bench/disclosure.mjs).
    db
      .selectFrom(
        q
          .select('d.id')
          .limit(MATCH_CAP + 1)
          .as('t'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(total.n);
  return { rows: rows.slice(0, f.pageSize), hasNext: rows.length > f.pageSize, total: Math.min(n, MATCH_CAP), capped: capped || n > MATCH_CAP };
}

export async function formsOf(db: Conn, id: number) {
  return db.selectFrom('disclosure_forms').selectAll().where('disclosure_id', '=', id).orderBy('start_date').orderBy('id').execute();
}
export async function villagesOf(db: Conn, id: number) {
  return db
    .selectFrom('disclosure_villages as dv')
    .innerJoin('units as u', 'u.id', 'dv.unit_id')
    .select(['u.id', 'u.name'])
    .where('dv.disclosure_id', '=', id)
    .orderBy('u.name')
    .execute();
}
export async function attachmentsOf(db: Conn, id: number) {
  return db
    .selectFrom('disclosure_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.filename', 'f.mime', 'f.size', 'f.sha256', 'a.version'])
    .where('a.disclosure_id', '=', id)
    .orderBy('f.id')
    .execute();
}
export async function versionsOf(db: Conn, id: number) {
  return db.selectFrom('disclosure_versions').selectAll().where('disclosure_id', '=', id).orderBy('version', 'desc').execute();
}

/** Replaces a draft's or a correction's villages and forms with what was typed. */
export async function writeDetails(trx: Conn, id: number, d: CleanDraft, actorId: number | null, now: string) {
  await trx.deleteFrom('disclosure_villages').where('disclosure_id', '=', id).execute();
  if (d.villageIds.length)
    await trx
      .insertInto('disclosure_villages')
      .values(d.villageIds.map((v) => ({ disclosure_id: id, unit_id: v })))
      .execute();
  // Relays recorded by village heads are kept; the official's own forms are replaced.
  await trx.deleteFrom('disclosure_forms').where('disclosure_id', '=', id).where('village_id', 'is', null).execute();
  if (d.forms.length) {
    await trx
      .insertInto('disclosure_forms')
      .values(
        d.forms.map((f) => ({
          disclosure_id: id,
          form: f.form,
          start_date: f.start,
          end_date: f.end,
          detail: f.detail,
          village_id: null,
          recorded_by: actorId,
          created_at: now,
        })),
      )
      .execute();
  }
}

/** A full copy of what was disclosed, kept for each version (a published text is never lost). */
export async function snapshot(trx: Conn, id: number) {
  const d = await trx.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [forms, villages, files] = await Promise.all([formsOf(trx, id), villagesOf(trx, id), attachmentsOf(trx, id)]);
  return {
    title: d.title,
    body: d.body,
    category: d.category,
    decision: { number: d.decision_number, date: d.decision_date, signer: d.decision_signer },
    audience: d.audience,
    villages: villages.map((v) => v.name),
    postingStart: d.posting_start,
    postingEnd: d.posting_end,
    forms: forms.map((f) => ({ form: f.form, start: f.start_date, end: f.end_date, detail: f.detail, villageId: f.village_id })),
    files: files.map((f) => ({ id: f.id, filename: f.filename, sha256: f.sha256 })),
  };
}
