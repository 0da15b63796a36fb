// One Kysely instance per dialect. SQLite (embedded default): WAL, foreign keys on, busy timeout.
// PostgreSQL: a pool; int8 parsed as number so counts are numbers on both databases.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './types.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything that can run a query: the database or an open transaction. */
export type Conn = Kysely<Database>;

/** True for a primary-key or unique violation on either database. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export type DbHandle = { db: Db; dialect: Dialect; url: string; close: () => Promise<void>; sqlite?: SQLite.Database };

pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDb(url: string): DbHandle {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', url, close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Temporary files in memory. Their largest use is the statement journal of a savepoint (group
  // commit, src/db/group-commit.ts): a copy of each page the savepoint changes, emptied when it is
  // released; on disk it was half of all page writes of the feedback intake (docs/performance.md).
  // No durability changes: a statement journal or a temporary sort is never read after a crash (an
  // unfinished transaction is simply absent from the WAL). The price is memory for a large sort
  // without an index; the lists are paged and indexed.
  sqlite.pragma('temp_store = MEMORY');
  // 64 MiB of page cache instead of 2 MiB (memory only, not durability): the random keys of the
  // tracking-code and audit-hash indexes made most page reads a system call on a 1 GB file.
  sqlite.pragma('cache_size = -65536');
  // The planner's statistics (sqlite.org/lang_analyze.html): bounded sampling, then the tables that
  // need it, so that a choice between two indexes is not left to chance on a large file. On a connection
  // of its own with a small cache, closed at once: after a million new rows ANALYZE reads ~65 MB of pages,
  // which this connection's cache would keep as the server's memory at rest (docs/performance.md
  // "Monitoring"); freed, they were not given back to the system either.
  const analyse = file === ':memory:' ? sqlite : new SQLite(file);
  if (analyse !== sqlite) {
    analyse.pragma('busy_timeout = 5000');
    analyse.pragma('cache_size = -2048');
  }
  analyse.pragma('analysis_limit = 400');
  analyse.pragma('optimize = 0x10002');
  if (analyse !== sqlite) analyse.close();
  keepStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', url, sqlite, close: () => db.destroy() };
}

/** Kysely prepares every query anew; the same SQL text is reused by every request, so keep the prepared
 * statements (docs/performance.md: 13 % of a page's CPU went to preparing). Each one also holds ~10 KB
 * of SQLite's memory until V8 collects its small wrapper: an export's indicator evaluation through a
 * connection without this kept ~17 MB of them (docs/performance.md "Monitoring"). Safe because Kysely
 * runs one query at a time on a connection and never keeps an iterator open. */
export function keepStatements(sqlite: SQLite.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let s = statements.get(source);
    if (!s) {
      if (statements.size >= 1000) statements.clear();
      s = prepare(source);
      statements.set(source, s);
    }
    return s;
  }) as typeof sqlite.prepare;
}
