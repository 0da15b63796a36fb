// `danchu backup <file>` and `danchu restore <file>` (issue 10 item 7): a consistent copy taken while
// the server keeps writing, and its restore into a new, empty database.
// SQLite: VACUUM INTO writes the database as one read transaction sees it (WAL: writers go on); the
// online backup API would start over each time another process writes, and under steady load might
// never finish. PostgreSQL: pg_dump, whose snapshot is one repeatable-read transaction; custom format,
// restored by pg_restore. Either way the copy holds whole transactions only: every use case wrote its
// rows and its audit entry together (DESIGN.md "Audit"), so the copy's audit chain verifies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import type { DbHandle } from './index.js';

export class BackupError extends Error {}

/** The schema named by `options=-c search_path=…` in a PostgreSQL URL, if any. */
function schemaOf(url: string): string | null {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1] ?? null;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw new BackupError(`${cmd} could not be started (${r.error.message}); install the PostgreSQL client tools.`);
  if (r.status !== 0) throw new BackupError(`${cmd} failed (${r.status}): ${r.stderr.trim().slice(0, 2000)}`);
}

export async function backup(handle: DbHandle, file: string): Promise<void> {
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose a new file name.`);
  if (handle.dialect === 'sqlite') {
    await sql`vacuum into ${file}`.execute(handle.db);
    return;
  }
  const schema = schemaOf(handle.url);
  run('pg_dump', ['--format=custom', '--no-owner', '--file', file, ...(schema ? ['--schema', schema] : []), '--dbname', handle.url]);
}

/** Restores `file` into the (new, empty) database of `handle`; refuses one that already holds data. */
export async function restore(handle: DbHandle, file: string): Promise<void> {
  if (!existsSync(file) || statSync(file).size === 0) throw new BackupError(`${file} is not a backup file.`);
  if (handle.dialect === 'sqlite') {
    const target = handle.url.replace(/^sqlite:/, '');
    const tables = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table'`.execute(handle.db);
    if (Number(tables.rows[0]?.n) > 0) throw new BackupError(`${target} is not empty: restore into a new database.`);
    await handle.close();
    copyFileSync(file, target);
    return;
  }
  const schema = schemaOf(handle.url);
  const taken = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = ${schema ?? 'public'}`.execute(handle.db);
  if (Number(taken.rows[0]?.n) > 0) throw new BackupError('The target database is not empty: restore into a new database.');
  // The dump creates its schema itself; the search_path option would only confuse pg_restore.
  const plain = new URL(handle.url);
  plain.searchParams.delete('options');
  run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', plain.toString(), file]);
}
