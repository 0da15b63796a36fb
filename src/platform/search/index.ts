// One search index for every module: a folded text per entity (search_docs), searched with SQLite
// FTS5 or PostgreSQL full-text ('simple' config over the folded column). Every word of the query
// must match as a prefix, so "dong xa" finds "Đổng Xá" and "dan chu" finds "dân chủ".
import { sql } from 'kysely';
import { compiledOnce } from '../../db/compiled-once.js';
import type { Conn, Dialect } from '../../db/index.js';
import { fold, foldTerms } from './fold.js';

export type SearchDoc = { entityType: string; entityId: string; unitId: number | null; title: string; text?: string };

// Compiled once (src/db/compiled-once.ts): every published or received item is indexed here.
const upsertDoc = compiledOnce(
  (db, entityType: string, entityId: string, unitId: number | null, title: string, folded: string) =>
    db
      .insertInto('search_docs')
      .values({ entity_type: entityType, entity_id: entityId, unit_id: unitId, title, folded })
      .onConflict((oc) => oc.columns(['entity_type', 'entity_id']).doUpdateSet({ title, folded, unit_id: unitId })),
  ['\u0000type', '\u0000id', -7_000_001, '\u0000title', '\u0000folded'],
);

export async function indexDoc(db: Conn, doc: SearchDoc): Promise<void> {
  await upsertDoc(db, doc.entityType, doc.entityId, doc.unitId, doc.title, fold(`${doc.title} ${doc.text ?? ''}`));
}

export type SearchHit = { entityType: string; entityId: string; unitId: number | null; title: string };

export async function searchDocs(db: Conn, dialect: Dialect, query: string, opts: { entityType?: string; limit?: number } = {}): Promise<SearchHit[]> {
  const terms = foldTerms(query);
  if (terms.length === 0) return [];
  const limit = Math.min(opts.limit ?? 20, 100);
  const typeFilter = opts.entityType ? sql`and d.entity_type = ${opts.entityType}` : sql``;
  const rows =
    dialect === 'sqlite'
      ? await sql<Row>`select d.entity_type, d.entity_id, d.unit_id, d.title from search_fts f
          join search_docs d on d.id = f.rowid
          where search_fts match ${terms.map((t) => `"${t}"*`).join(' ')} ${typeFilter}
          order by f.rank limit ${limit}`.execute(db)
      : await sql<Row>`select d.entity_type, d.entity_id, d.unit_id, d.title from search_docs d
          where to_tsvector('simple', d.folded) @@ to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(' & ')}) ${typeFilter}
          order by length(d.folded) limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, unitId: r.unit_id, title: r.title }));
}
type Row = { entity_type: string; entity_id: string; unit_id: number | null; title: string };

/** At most this many matches are considered for one list; the list says "more than" beyond it. */
export const MATCH_CAP = 1000;

/**
 * Ids of the newest matching entities of one type within one unit (indexed with a `u<unitId>`
 * token), for a module that then filters and orders its own rows. Bounded, so a common word over
 * 200,000 documents costs a few milliseconds (bench/disclosure.mjs).
 */
export async function matchingIds(db: Conn, dialect: Dialect, entityType: string, unitId: number, query: string): Promise<{ ids: number[]; capped: boolean }> {
  const terms = foldTerms(query);
  if (terms.length === 0) return { ids: [], capped: false };
  const rows =
    dialect === 'sqlite'
      ? await sql<{ entity_id: string }>`select sd.entity_id from search_docs sd where sd.id in (
          select rowid from search_fts where search_fts match ${[`u${unitId}`, ...terms.map((t) => `"${t}"*`)].join(' ')} order by rowid desc limit ${MATCH_CAP + 1}
        ) and sd.entity_type = ${entityType}`.execute(db)
      : await sql<{ entity_id: string }>`select sd.entity_id from search_docs sd
          where to_tsvector('simple', sd.folded) @@ to_tsquery('simple', ${[`u${unitId}`, ...terms.map((t) => `${t}:*`)].join(' & ')}) and sd.entity_type = ${entityType}
          order by sd.id desc limit ${MATCH_CAP + 1}`.execute(db);
  const ids = rows.rows.map((r) => Number(r.entity_id));
  return { ids: ids.slice(0, MATCH_CAP), capped: ids.length > MATCH_CAP };
}
