// What the election and dismissal commands share (Decree 59/2023 Arts 6–9; Law 10/2022 Arts 21, 36,
// 41): the offices, the role each one grants and where, the village and its residents on the
// register, the holder's account, and granting and revoking the role with the term.
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import { type ProvinceProfile, provinceProfile } from '../../../law/province-profile.js';
import { normalizePhone } from '../../../platform/auth/phone.js';
import type { Actor, Role } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { parseDate, type T } from '../../../platform/i18n/index.js';
import { VILLAGE_LEVELS } from '../../units/levels.js';
import { decisionsPolicy } from '../decisions.policy.js';

export type Position = 'village_head' | 'inspection_board' | 'supervision_board';
export const POSITIONS: readonly Position[] = ['village_head', 'inspection_board', 'supervision_board'];
export const isPosition = (s: string): s is Position => (POSITIONS as readonly string[]).includes(s);

export type DismissalGround = 'resignation' | 'front_proposal' | 'petition';
export const GROUNDS: readonly DismissalGround[] = ['resignation', 'front_proposal', 'petition'];

/** Law Art 15: the village head is item 4; People's Inspection and Community Investment Supervision
 * Board members are item 5 (recognised by the commune Front, Art 21(2)). */
export const itemOf = (p: Position): 4 | 5 => (p === 'village_head' ? 4 : 5);

/** The role the office carries: the village head acts in the village; board members act for the
 * whole commune (Law Arts 36(1), 41(1): the boards are commune bodies whose members villages elect). */
export const roleOf = (p: Position): Role =>
  p === 'village_head' ? 'village_head' : p === 'inspection_board' ? 'inspection_board_member' : 'supervision_board_member';
export const grantUnitOf = (p: Position, village: Unit, commune: Unit): Unit => (p === 'village_head' ? village : commune);

/** R-B4: the village head's term is the province's setting; the People's Inspection Board's follows it
 * (Law Art 36(2)); a Community Investment Supervision Board ends with its project (Art 41(1)): no end date. */
export const termMonthsOf = (p: Position, profile: ProvinceProfile): number | null => (p === 'supervision_board' ? null : profile.villageHeadTermMonths);

export type Place = { village: Unit; commune: Unit };

/** A village (thôn or tổ dân phố) and its commune; undefined for any other unit. */
export async function placeOfVillage(db: Conn, villageId: number): Promise<Place | undefined> {
  const village = await db.selectFrom('units').selectAll().where('id', '=', villageId).executeTakeFirst();
  if (!village || !VILLAGE_LEVELS.includes(village.level) || village.parent_id == null) return undefined;
  const commune = await db.selectFrom('units').selectAll().where('id', '=', village.parent_id).executeTakeFirst();
  return commune ? { village, commune } : undefined;
}

/** The province's profile: the first unit on the materialised path is the province. */
export async function profileOf(db: Conn, unit: Unit): Promise<ProvinceProfile> {
  const top = Number(unit.path.split('/').filter(Boolean)[0]);
  const row = top ? await db.selectFrom('units').select('code').where('id', '=', top).executeTakeFirst() : undefined;
  return provinceProfile(row?.code ?? null);
}

export type ElectionFailure = { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' };
export const fieldErrors = (errors: FieldErrors): ElectionFailure => ({ ok: false, errors });

/** Decree 59 Arts 6 and 9: the commune chairman (and commune officials for him) manage elections. */
export const mayManage = (actor: Actor | null, village: { path: string }): boolean => decisionsPolicy(actor, 'manageElection', { unitPath: village.path });

export const auditActor = (actor: Actor) => ({ userId: actor.userId, label: actor.label });

/** A dd/mm/yyyy date typed in a form; the message goes next to the field. */
export function readDay(t: T, e: FieldErrors, name: string, text: string | undefined, required: boolean): string | null {
  const s = (text ?? '').trim();
  if (!s) {
    if (required) e[name] = t('decisions.election.err.dateRequired');
    return null;
  }
  const d = parseDate(s);
  if (!d) e[name] = t('decisions.election.err.dateInvalid');
  return d;
}

/** Names typed one per line; the first of an election team is its leader (Art 6(1)(b)). */
export const readLines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n|;/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** Names compared as people write them: case and spacing ignored, diacritics kept ("Hà" ≠ "Hạ"). */
export const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() === b.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export type Candidate = { residentId: number; name: string };
export function parseCandidates(json: string | null | undefined): Candidate[] {
  try {
    const v = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((c) => c && Number.isInteger(c.residentId)).map((c) => ({ residentId: c.residentId, name: String(c.name ?? '') })) : [];
  } catch {
    return [];
  }
}

/** Residents of households on the village register on `date` (valid_from ≤ date < valid_to). */
export function residentsQuery(db: Conn, villageId: number, date: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.full_name', 'r.birth_year', 'r.phone', 'h.code as household_code'])
    .where('h.unit_id', '=', villageId)
    .where((eb) =>
      eb.and([eb.or([eb('h.valid_from', 'is', null), eb('h.valid_from', '<=', date)]), eb.or([eb('h.valid_to', 'is', null), eb('h.valid_to', '>', date)])]),
    );
}

/** Terms in force (not ended) for an office in a village, oldest first. */
export const activeTerms = (db: Conn, villageId: number, position: Position) =>
  db
    .selectFrom('office_terms')
    .selectAll()
    .where('unit_id', '=', villageId)
    .where('position', '=', position)
    .where('ended_on', 'is', null)
    .orderBy('id')
    .execute();

/** Whether the village has a head in office: an elected (not interim) term, or a village_head role
 * granted by hand before terms were kept here, which no interim appointment silently replaces. */
export async function headInOffice(db: Conn, villageId: number): Promise<boolean> {
  const terms = await activeTerms(db, villageId, 'village_head');
  if (terms.some((x) => x.interim === 0)) return true;
  const grants = await db
    .selectFrom('role_grants')
    .select('id')
    .where('role', '=', 'village_head')
    .where('unit_id', '=', villageId)
    .where('revoked_at', 'is', null)
    .execute();
  const fromTerms = new Set(terms.map((x) => x.grant_id));
  return grants.some((g) => !fromTerms.has(g.id));
}

/** The account a resident acts with: the one linked to the resident, else the resident account with
 * the resident's phone (linked now), else a new resident account. Without a usable phone the account
 * is created with a username and cannot sign in until an administrator gives it a phone. */
export async function accountFor(
  trx: Conn,
  resident: { id: number; full_name: string; phone: string | null },
  nowIso: string,
): Promise<{ userId: number; account: 'existing' | 'linked' | 'created'; canSignIn: boolean }> {
  const linked = await trx
    .selectFrom('users')
    .select(['id', 'phone', 'username', 'password_hash'])
    .where('resident_id', '=', resident.id)
    .orderBy('id')
    .executeTakeFirst();
  if (linked) return { userId: linked.id, account: 'existing', canSignIn: !!linked.phone || !!linked.password_hash };
  const phone = normalizePhone(resident.phone ?? '');
  const byPhone = phone ? await trx.selectFrom('users').select(['id', 'kind', 'resident_id']).where('phone', '=', phone).executeTakeFirst() : undefined;
  if (byPhone && byPhone.kind === 'resident' && byPhone.resident_id == null) {
    await trx.updateTable('users').set({ resident_id: resident.id }).where('id', '=', byPhone.id).execute();
    return { userId: byPhone.id, account: 'linked', canSignIn: true };
  }
  const usable = phone && !byPhone ? phone : null;
  const row = await trx
    .insertInto('users')
    .values({
      kind: 'resident',
      phone: usable,
      username: usable ? null : `resident.${resident.id}`,
      display_name: resident.full_name,
      resident_id: resident.id,
      created_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: row.id, account: 'created', canSignIn: !!usable };
}

/** Grants `role` on `unitId` unless the same active grant exists (one active grant per user, role and unit). */
export async function grantOffice(trx: Conn, userId: number, role: Role, unitId: number, by: number | null, nowIso: string): Promise<number> {
  const have = await trx
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where('unit_id', '=', unitId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (have) return have.id;
  const row = await trx
    .insertInto('role_grants')
    .values({ user_id: userId, role, unit_id: unitId, agency_id: null, granted_by: by, granted_at: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes active grants; returns the ids actually revoked. */
export async function revokeGrants(trx: Conn, ids: (number | null)[], by: number | null, nowIso: string): Promise<number[]> {
  const wanted = ids.filter((x): x is number => x != null);
  if (wanted.length === 0) return [];
  const live = await trx.selectFrom('role_grants').select('id').where('id', 'in', wanted).where('revoked_at', 'is', null).execute();
  const out = live.map((g) => g.id);
  if (out.length) await trx.updateTable('role_grants').set({ revoked_at: nowIso, revoked_by: by }).where('id', 'in', out).execute();
  return out;
}

/** Ends terms on `endedOn` and revokes the grants they carried. */
export async function endTerms(
  trx: Conn,
  terms: { id: number; grant_id: number | null }[],
  endedOn: string,
  by: number | null,
  nowIso: string,
): Promise<{ termIds: number[]; grantIds: number[] }> {
  if (terms.length === 0) return { termIds: [], grantIds: [] };
  const termIds = terms.map((x) => x.id);
  await trx.updateTable('office_terms').set({ ended_on: endedOn }).where('id', 'in', termIds).execute();
  return {
    termIds,
    grantIds: await revokeGrants(
      trx,
      terms.map((x) => x.grant_id),
      by,
      nowIso,
    ),
  };
}
