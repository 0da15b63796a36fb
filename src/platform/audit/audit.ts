// Append-only, hash-chained audit log (DESIGN.md "Audit"). Every state change calls appendAudit
// inside the same transaction as the change, so a rolled-back change leaves no entry and an entry
// never exists without its change. Each entry's hash covers the previous hash, so editing or
// deleting any entry breaks every later link; verifyAudit names the first broken one.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { compiledInsert, compiledOnce } from '../../db/compiled-once.js';
import type { Conn, Dialect } from '../../db/index.js';
import type { AuditLogTable } from '../../db/types.js';

export const GENESIS = '0'.repeat(64);

export type AuditActor = { userId: number | null; label: string };
export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number;
  unitId?: number | null;
  data?: Record<string, unknown>;
};

/** Stable JSON: keys sorted, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

export function entryHash(e: Omit<AuditLogTable, 'hash'>): string {
  const fields = [e.seq, e.at, e.actor_user_id ?? '', e.actor_label, e.action, e.entity_type, e.entity_id, e.unit_id ?? '', e.data];
  return createHash('sha256')
    .update(`${e.prev_hash}\n${fields.join('\u001f')}`)
    .digest('hex');
}

// Compiled once (src/db/compiled-once.ts): every use case of every module appends here.
const lastEntry = compiledOnce((db) => db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1), []);
const insertEntry = compiledInsert('audit_log');

export async function appendAudit(trx: Conn, dialect: Dialect, at: Date, actor: AuditActor | null, entry: AuditEntry): Promise<number> {
  // Serialise writers across processes on PostgreSQL; SQLite transactions are already serial.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(770011)`.execute(trx);
  const last = (await lastEntry<{ seq: number; hash: string }>(trx)).rows[0];
  const row: Omit<AuditLogTable, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor_user_id: actor?.userId ?? null,
    actor_label: actor?.label ?? 'system',
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: String(entry.entityId),
    unit_id: entry.unitId ?? null,
    data: canonicalJson(entry.data ?? {}),
    prev_hash: last?.hash ?? GENESIS,
  };
  await insertEntry(trx, { ...row, hash: entryHash(row) });
  return row.seq;
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; brokenSeq: number; reason: string };

/** Recomputes the whole chain in order, in pages, and reports the first broken link. */
export async function verifyAudit(db: Conn): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(5000).execute();
    if (page.length === 0) return { ok: true, count };
    for (const e of page) {
      if (e.seq !== expectedSeq) return { ok: false, count, brokenSeq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      if (e.prev_hash !== prev) return { ok: false, count, brokenSeq: e.seq, reason: 'prev_hash does not match the previous entry' };
      if (entryHash(e) !== e.hash) return { ok: false, count, brokenSeq: e.seq, reason: 'content does not match its hash' };
      prev = e.hash;
      expectedSeq++;
      count++;
    }
  }
}

export async function historyOf(db: Conn, entityType: string, entityId: string | number) {
  return db.selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', String(entityId)).orderBy('seq').execute();
}
