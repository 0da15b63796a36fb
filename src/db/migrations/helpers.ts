import type { CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../index.js';

// Migrations are written against the schema of their day, not today's types.
export type MigrationDb = Kysely<any>;
export type Migration = { up: (db: MigrationDb, dialect: Dialect) => Promise<void> };

/** An auto-increment integer key on both databases. */
export function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect, name = 'id') {
  return dialect === 'postgres' ? t.addColumn(name, 'serial', (c) => c.primaryKey()) : t.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
}

export const now = sql`CURRENT_TIMESTAMP`;
