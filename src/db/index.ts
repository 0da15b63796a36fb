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
  // The planner's statistics (sqlite.org/lang_analyze.html): bounded sampling, then the tables that
  // need it, so that a choice between two indexes is not left to chance on a large file.
  sqlite.pragma('analysis_limit = 400');
  sqlite.pragma('optimize = 0x10002');
  // Kysely prepares every query anew; the same SQL text is reused by every request, so keep the
  // prepared statements (docs/performance.md: 13 % of a page's CPU went to preparing). Safe because
  // Kysely runs one query at a time on this connection and never keeps an iterator open.
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', url, sqlite, close: () => db.destroy() };
}
