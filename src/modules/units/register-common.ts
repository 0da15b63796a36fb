// What the household-register commands share (issue 4 item 2; Law 10/2022 Arts 18(2), 21(1)): the
// permission check on the village, the dates a change may take effect from, and the checks on codes,
// names and years of birth. A change dated d changes the register of every day from d on, and the
// register of a vote's date is the denominator of its result (Art 21(1)), so a change may not reach
// back past a vote the village has already held.
import type { AppDeps } from '../../app-deps.js';
import type { Conn } from '../../db/index.js';
import type { Unit } from '../../db/types.js';
import type { Actor } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../platform/errors.js';
import { formatDate, parseDate, type T } from '../../platform/i18n/index.js';
import { decisionsPolicy } from '../decisions/decisions.policy.js';
import { VILLAGE_LEVELS } from './levels.js';

export type Failure = { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'forbidden' };
export type Result<X = object> = ({ ok: true } & X) | Failure;
export const invalid = (errors: FieldErrors): Failure => ({ ok: false, errors });

/** Art 18(2): the village head keeps the village's register; commune officials keep every village's. */
export const canManage = (actor: Actor | null, village: Pick<Unit, 'path'>) => decisionsPolicy(actor, 'manageRegister', { unitPath: village.path });

export const villageById = (db: Conn, id: number) =>
  db.selectFrom('units').selectAll().where('id', '=', id).where('level', 'in', VILLAGE_LEVELS).executeTakeFirst();

export const householdById = (db: Conn, id: number) => db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();

export const today = (deps: AppDeps) => todayInVietnam(deps.clock.now());

/** The day a change takes effect: a real date, not after today (the register records what happened). */
export function readChangeDate(t: T, e: FieldErrors, name: string, text: string, todayIso: string): string | null {
  const s = text.trim();
  if (!s) {
    e[name] = t('register.err.dateRequired');
    return null;
  }
  const d = parseDate(s);
  if (!d) e[name] = t('register.err.dateInvalid');
  else if (d > todayIso) e[name] = t('register.err.dateFuture', { date: formatDate(todayIso) });
  return e[name] ? null : d;
}

/** A unit exists on `date` when valid_from ≤ date ≤ valid_to (the units module's meaning). */
export const existsOn = (u: Pick<Unit, 'valid_from' | 'valid_to'>, date: string) =>
  (!u.valid_from || u.valid_from <= date) && (!u.valid_to || u.valid_to >= date);

/**
 * The latest vote date ≥ `date` whose register is already fixed: a vote counted (or beyond), or one
 * held or opened by now. A change dated on or before it would make the stored households_total
 * disagree with the register it was taken from (Art 20(2)(b), 21(1)). Annulled votes do not count.
 */
export async function registerFixedOn(db: Conn, villageIds: number[], date: string, todayIso: string, nowIso: string): Promise<string | null> {
  const r = await db
    .selectFrom('votes')
    .select('vote_date')
    .where('unit_id', 'in', villageIds)
    .where('vote_date', '>=', date)
    .where('status', '!=', 'annulled')
    .where((eb) =>
      eb.or([eb('status', '!=', 'scheduled'), eb('vote_date', '<=', todayIso), eb.and([eb('opens_at', 'is not', null), eb('opens_at', '<=', nowIso)])]),
    )
    .orderBy('vote_date', 'desc')
    .executeTakeFirst();
  return r?.vote_date ?? null;
}

export async function checkNotFixed(db: Conn, deps: AppDeps, t: T, e: FieldErrors, name: string, villageIds: number[], date: string) {
  const fixed = await registerFixedOn(db, villageIds, date, today(deps), deps.clock.now().toISOString());
  if (fixed) e[name] = t('register.err.counted', { date: formatDate(fixed) });
}

/** Required text up to `max` characters, with spaces tidied. */
export function readText(
  t: T,
  e: FieldErrors,
  name: string,
  text: string,
  max: number,
  required: 'register.err.nameRequired' | 'register.err.addressRequired' | null,
) {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s && required) e[name] = t(required);
  else if (s.length > max) e[name] = t('register.err.tooLong', { max });
  return s;
}

/** A household code: unique in the village over its whole history (constraint households_unit_code). */
export async function readCode(db: Conn, t: T, e: FieldErrors, name: string, text: string, villageId: number): Promise<string> {
  const code = text.trim().toUpperCase();
  if (!code) e[name] = t('register.err.codeRequired');
  else if (!/^[\p{L}\p{N}._/-]{1,20}$/u.test(code)) e[name] = t('register.err.codeInvalid');
  else if (await db.selectFrom('households').select('id').where('unit_id', '=', villageId).where('code', '=', code).executeTakeFirst())
    e[name] = t('register.err.codeTaken', { code });
  return code;
}

/**
 * Art 18(2): the representative is a member with full civil capacity, i.e. 18 or over (Civil Code
 * Art 20). The register holds only the year of birth, so someone is certainly 18 today only when
 * born at least 19 calendar years ago (or 18, on 31 December); a person who turns 18 this year may
 * still be 17 and is refused with a message saying why (the household can authorise them instead).
 */
export function adultCheck(birthYear: number | null, todayIso: string): 'adult' | 'minor' | 'maybe_minor' | 'unknown' {
  if (birthYear == null) return 'unknown';
  const age = Number(todayIso.slice(0, 4)) - birthYear;
  if (age > 18 || (age === 18 && todayIso.endsWith('-12-31'))) return 'adult';
  return age === 18 ? 'maybe_minor' : 'minor';
}

export function adultError(t: T, birthYear: number | null, todayIso: string): string | null {
  const c = adultCheck(birthYear, todayIso);
  if (c === 'adult') return null;
  if (c === 'unknown') return t('register.err.noBirthYear');
  return t(c === 'minor' ? 'register.err.minor' : 'register.err.maybeMinor', { year: String(birthYear) });
}
