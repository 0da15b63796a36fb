import { type MigrationProvider, Migrator, sql } from 'kysely';
import type { DbHandle } from './index.js';
import { migrations } from './migrations/index.js';

async function migrator(h: DbHandle): Promise<Migrator> {
  const provider: MigrationProvider = {
    async getMigrations() {
      return Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, { up: (db: Parameters<typeof m.up>[0]) => m.up(db, h.dialect) }]));
    },
  };
  // On PostgreSQL the migration tables live in the connection's own schema: without naming it, Kysely
  // finds another schema's tables (several databases side by side, as the tests run) and skips creating
  // its own.
  const migrationTableSchema = h.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(h.db)).rows[0]?.s : undefined;
  return new Migrator({ db: h.db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(h: DbHandle): Promise<string[]> {
  const { error, results } = await (await migrator(h)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** For /readyz: true when every known migration has been applied. */
export async function migrationsCurrent(h: DbHandle): Promise<boolean> {
  const list = await (await migrator(h)).getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}
