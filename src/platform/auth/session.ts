// Sessions live in the database so several processes share them (DESIGN.md). The cookie holds a
// random token; the table holds only its SHA-256, so a copy of the database cannot sign anyone in.
import { createHash, randomBytes } from 'node:crypto';
import type { Conn } from '../../db/index.js';
import type { SessionTable } from '../../db/types.js';
import { type Actor, type Grant, isRole } from './policy.js';

export const SESSION_COOKIE = 'dc_sid';
export const OFFICIAL_SESSION_HOURS = 12;
export const RESIDENT_SESSION_DAYS = 30;
/** Between the password and the TOTP code: a short window. */
export const TOTP_STAGE_MINUTES = 10;

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export async function createSession(db: Conn, userId: number, stage: SessionTable['stage'], now: Date, ttlMs: number): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      stage,
      csrf_secret: randomToken(16),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    })
    .execute();
  return token;
}

export async function findSession(db: Conn, token: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
}

export async function deleteSession(db: Conn, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/** The signed-in user with their active grants and each grant's unit path (for subtree checks). */
export async function loadActor(db: Conn, userId: number, via: Actor['via'] = 'session'): Promise<Actor | null> {
  const user = await db.selectFrom('users').select(['id', 'display_name', 'kind', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled_at) return null;
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', 'g.agency_id', 'u.path'])
    .where('g.user_id', '=', userId)
    .where('g.revoked_at', 'is', null)
    .execute();
  const grants: Grant[] = rows.flatMap((r) => (isRole(r.role) ? [{ role: r.role, unitId: r.unit_id, unitPath: r.path, agencyId: r.agency_id }] : []));
  return { via, userId: user.id, label: user.display_name, userKind: user.kind, grants };
}
