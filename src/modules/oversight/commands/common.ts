// What the oversight commands share: result types, loading a board with its commune, reading dates
// typed as dd/mm/yyyy, and writing the audit entry of a change (after a guarded update where one is).

import type { Insertable, Selectable } from 'kysely';
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { type AuditEntry, appendAudit } from '../../../platform/audit/audit.js';
import type { Actor, Role } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { parseDate, type T } from '../../../platform/i18n/index.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { childrenOn } from '../../units/units.repo.js';
import { oversightPolicy } from '../oversight.policy.js';
import type { OversightBoardTable } from '../tables.js';

export type Board = Selectable<OversightBoardTable>;
export type Ok<X = object> = { ok: true } & X;
export type Fail = { ok: false; errors: FieldErrors } | { ok: false; reason: 'forbidden' | 'not_found' | 'wrong_state' };
export type Result<X = object> = Ok<X> | Fail;
export const invalid = (errors: FieldErrors): Fail => ({ ok: false, errors });
export const refuse = (reason: 'forbidden' | 'not_found' | 'wrong_state'): Fail => ({ ok: false, reason });

/** The audit entry of a change, in the command's transaction, as the acting official. */
export const audit = (trx: Conn, deps: AppDeps, actor: Actor, entry: AuditEntry) =>
  appendAudit(trx, deps.dialect, deps.clock.now(), { userId: actor.userId, label: actor.label }, entry);

/** A new board and the audit entry of its creation. */
export async function insertBoard(
  trx: Conn,
  deps: AppDeps,
  actor: Actor,
  values: Omit<Insertable<OversightBoardTable>, 'created_at'>,
  data: Record<string, unknown>,
): Promise<number> {
  const row = await trx
    .insertInto('oversight_boards')
    .values({ ...values, created_at: deps.clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, deps, actor, { action: 'oversight.board.created', entityType: 'oversight_board', entityId: row.id, unitId: values.commune_id, data });
  return row.id;
}

/** A guarded update (its `where` names the state it expects, so of two officials acting at once only the
 * first changes anything) and, when it changed the one row, its audit entry. False when the row had moved
 * on: the caller answers wrong_state. */
export async function updateAudited(
  trx: Conn,
  deps: AppDeps,
  actor: Actor,
  update: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> },
  entry: AuditEntry,
): Promise<boolean> {
  const u = await update.executeTakeFirst();
  if (Number(u.numUpdatedRows) !== 1) return false;
  await audit(trx, deps, actor, entry);
  return true;
}
export const today = (deps: AppDeps) => todayInVietnam(deps.clock.now());
/** The boards' parameters in force on a record's date (R-F1…R-F8; src/law/rule-sets.ts). */
export const rulesOn = (date: string) => ruleSetOn(date < '2023-07-01' ? '2023-07-01' : date).oversight;

/** A dd/mm/yyyy date typed in a form; the message goes next to the field. Board records start with Law
 * 10/2022 (01/07/2023); a project's dates may be older (`earliest`). */
export function readDay(t: T, e: FieldErrors, name: string, text: string | undefined, required = true, earliest = '2023-07-01'): string | null {
  const s = (text ?? '').trim();
  if (!s) {
    if (required) e[name] = t('oversight.err.dateRequired');
    return null;
  }
  const d = parseDate(s);
  if (!d) e[name] = t('oversight.err.dateInvalid');
  else if (d < earliest) {
    e[name] = earliest === '2023-07-01' ? t('oversight.err.beforeLaw') : t('oversight.err.dateInvalid');
    return null;
  }
  return d;
}

/** Required text up to `max` characters. */
export function readText(t: T, e: FieldErrors, name: string, text: string | undefined, max = 5000, required = true): string {
  const s = (text ?? '').trim();
  if (!s && required) e[name] = t('oversight.err.required');
  else if (s.length > max) e[name] = t('oversight.err.tooLong', { max });
  return s;
}

export async function boardWithCommune(db: Conn, id: number): Promise<{ board: Board; commune: Unit } | undefined> {
  const board = await db.selectFrom('oversight_boards').selectAll().where('id', '=', id).executeTakeFirst();
  if (!board) return undefined;
  const commune = await db.selectFrom('units').selectAll().where('id', '=', board.commune_id).executeTakeFirstOrThrow();
  return { board, commune };
}

/** The villages of a commune on a date (Law Art 36(1): the board's size follows them). */
export const villagesOn = (db: Conn, communeId: number, date: string) => childrenOn(db, communeId, date);

/** May the actor manage the board's membership: the Front for commune and supervision boards, the
 * union for an agency's (Decree 59 Arts 13, 17, 21). */
export function mayManage(actor: Actor | null, board: Board, commune: Unit): boolean {
  if (board.kind === 'agency_inspection') return oversightPolicy(actor, 'manageAgencyBoard', { unitPath: commune.path, agencyId: board.agency_id });
  return oversightPolicy(actor, 'manageBoards', { unitPath: commune.path });
}

/** May the actor plan and record activities for the board: its members' role on the commune, or the
 * agency's staff who sit on it (and the union, which performs the tasks where there is no board). */
export async function mayWork(db: Conn, actor: Actor | null, board: Board, commune: Unit): Promise<boolean> {
  if (!actor) return false;
  const res = { unitPath: commune.path, agencyId: board.agency_id };
  if (board.kind === 'commune_inspection') return oversightPolicy(actor, 'inspect', res);
  if (board.kind === 'investment_supervision') return oversightPolicy(actor, 'supervise', res);
  if (oversightPolicy(actor, 'manageAgencyBoard', res) && board.status === 'union_performs') return true;
  if (!oversightPolicy(actor, 'inspectAgency', res) || actor.userId == null) return false;
  const m = await db
    .selectFrom('oversight_members')
    .select('id')
    .where('board_id', '=', board.id)
    .where('user_id', '=', actor.userId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return !!m;
}

/** May the actor answer the board's recommendations: the commune People's Committee, or the agency's head. */
export function mayAnswer(actor: Actor | null, board: Board, commune: Unit): boolean {
  if (board.kind === 'agency_inspection') return oversightPolicy(actor, 'answerAgency', { unitPath: commune.path, agencyId: board.agency_id });
  return oversightPolicy(actor, 'answer', { unitPath: commune.path });
}

/** In-app notices to the holders of `roles` on the commune (or, for an agency board, in the agency),
 * in the command's transaction through the outbox. */
export async function notifyRoles(
  trx: Conn,
  board: Pick<Board, 'commune_id' | 'agency_id'>,
  roles: Role[],
  params: { title: string; body: string; link: string },
  now: Date,
): Promise<number> {
  let q = trx.selectFrom('role_grants').select('user_id').where('revoked_at', 'is', null).where('role', 'in', roles);
  q = board.agency_id ? q.where('agency_id', '=', board.agency_id) : q.where('unit_id', '=', board.commune_id);
  const users = [...new Set((await q.execute()).map((g) => g.user_id))];
  for (const u of users) await enqueue(trx, { channel: 'in_app', recipient: String(u), template: 'notice', params }, now);
  return users.length;
}
