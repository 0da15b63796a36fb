// What every handling command shares (issue 5 items 3–5): loading an item with the paths the
// permission check needs, who may do what, and one runner that applies a change in one transaction
// guarded by the item's version (a stale form changes nothing), with its audit entry (never any
// personal data), its history event and, for a status change, the notice to the citizen.
import type { Updateable } from 'kysely';
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { FeedbackItemTable } from '../../../db/types.js';
import { type RuleSet, ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { type Actor, covers, type Role } from '../../../platform/auth/policy.js';
import { todayInVietnam, type WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { appendEvent, type EventActor, identityAllowed, notifyCitizen } from '../common.js';
import { type FeedbackAction, feedbackPolicy } from '../feedback.policy.js';
import type { FeedbackItem } from '../model.js';

/** 'held_by_subject': the item sits with the unit it denounces or with a unit its denounced person
 * heads, and only handing it on is left (Denunciation Law Art 13). */
export type HandleFailure = { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' | 'stale' | 'held_by_subject' };
export type HandleResult = { ok: true } | HandleFailure;
export const invalid = (errors: FieldErrors): HandleFailure => ({ ok: false, errors });
export const WRONG_STATE: HandleFailure = { ok: false, reason: 'wrong_state' };

/** An item with the unit paths that permissions and R-H4 need. */
export type Handled = FeedbackItem & { handlerPath: string; communePath: string; subjectPath: string | null };

export async function loadHandled(db: Conn, id: number): Promise<Handled | undefined> {
  // Finding 21: past int4 PostgreSQL fails the query instead of finding nothing.
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
  const row = await db
    .selectFrom('feedback_items as f')
    .innerJoin('units as h', 'h.id', 'f.handler_unit_id')
    .innerJoin('units as c', 'c.id', 'f.commune_id')
    .leftJoin('units as s', 's.id', 'f.subject_unit_id')
    .selectAll('f')
    .select(['h.path as handlerPath', 'c.path as communePath', 's.path as subjectPath'])
    .where('f.id', '=', id)
    .executeTakeFirst();
  return row as Handled | undefined;
}

/** The resource of the permission check: the handling unit and, for an agency's items, the agency. */
export const resourceOf = (it: Pick<Handled, 'handlerPath' | 'handler_agency_id'>) => ({ unitPath: it.handlerPath, agencyId: it.handler_agency_id });

/** The identity check's view of an item (identityAllowed in common.ts). */
export const identityView = (it: Handled) => ({ ...it, handlerAgencyId: it.handler_agency_id });

/** Accepting, refusing, extending, concluding and classifying a complaint or a denunciation is the
 * head's decision (Complaints Law Art 18; Denunciation Law Art 13); the rest is handling. */
export type Verb = 'route' | 'forward' | 'accept' | 'refuse' | 'complexity' | 'extend' | 'step' | 'answer' | 'publish' | 'subject' | 'reclassify';
const DECIDED: ReadonlySet<Verb> = new Set(['accept', 'refuse', 'complexity', 'extend', 'answer', 'publish', 'reclassify']);
export function actionOf(verb: Verb, kind: FeedbackItem['kind']): FeedbackAction {
  return DECIDED.has(verb) && (kind === 'complaint' || kind === 'denunciation') ? 'decide' : 'handle';
}

/** The policy on the item's handling unit. The People's Inspection Board handles only the items
 * routed to the board (handler_board = 1); on the rest of the commune it only oversees (finding 8;
 * Law 10/2022 Arts 36–39). */
export function mayHandle(
  actor: Actor | null,
  it: Pick<Handled, 'handlerPath' | 'handler_agency_id' | 'handler_board' | 'handler_project_id'>,
  action: FeedbackAction = 'handle',
) {
  const res = resourceOf(it);
  if (feedbackPolicy(actor, action, res)) return true;
  return action === 'handle' && it.handler_board === 1 && feedbackPolicy(actor, boardAction(it), res);
}

/** Which board holds an item routed to a board: a project's Community Investment Supervision Board
 * (handler_project_id; Law Art 45(3)) or the commune's People's Inspection Board (Arts 36–39). */
export const boardAction = (it: Pick<Handled, 'handler_project_id'>): FeedbackAction => (it.handler_project_id === null ? 'handleBoard' : 'handleSupervision');

/** Is the actor the person denounced, or does the actor hold a role in the unit denounced? (R-H4) */
export const isSubject = (actor: Actor, it: Pick<Handled, 'subject_user_id' | 'subjectPath'>): boolean =>
  (it.subject_user_id !== null && actor.userId === it.subject_user_id) ||
  (it.subjectPath !== null && actor.grants.some((g) => g.unitPath.startsWith(it.subjectPath as string)));

/** Finding 1 (R-H4; Denunciation Law Arts 8(3), 9(1)(b), 13): the person denounced and everyone with
 * a role in the unit denounced neither list, open nor act on the denunciation. */
export const keptOut = (actor: Actor | null, it: Pick<Handled, 'kind' | 'subject_user_id' | 'subjectPath'>): boolean =>
  !!actor && it.kind === 'denunciation' && isSubject(actor, it);

/** May the actor take this step on the item (its policy, the board's limit, and never its subject)? */
export const may = (actor: Actor | null, verb: Verb, it: Handled): boolean => !keptOut(actor, it) && mayHandle(actor, it, actionOf(verb, it.kind));

/** May the actor open the author's identity? identityAllowed (common.ts), and a board member only on
 * the board's own items (finding 8). The caller still refuses anonymous items. */
export function identityOk(actor: Actor | null, it: Handled): boolean {
  if (!actor) return false;
  if (identityAllowed(actor, identityView(it))) return true;
  // The supervision board reads the author of the reports it handles, as the inspection board does.
  const action = it.handler_project_id === null ? 'viewIdentityBoard' : 'handleSupervision';
  return it.handler_board === 1 && it.kind !== 'denunciation' && !isSubject(actor, it) && feedbackPolicy(actor, action, resourceOf(it));
}

/** Art 56: verifiers get a denunciation without the denouncer's name, address and handwriting. Its
 * title, content and the answer sent to the denouncer are shown only where the identity may be
 * seen (finding 6); everyone else sees its kind and category. */
export const contentVisible = (actor: Actor | null, it: Handled): boolean => it.kind !== 'denunciation' || identityOk(actor, it);

/** While a denunciation is held by the unit it names (heldBySubject), nobody there opens the
 * denouncer's identity or the denunciation itself: the unit only forwards it (Art 13; Arts 8(3), 56). */
export async function secretsShown(db: Conn, actor: Actor | null, it: Handled): Promise<{ content: boolean; identity: boolean }> {
  const held = await heldBySubject(db, it);
  return { content: !held && contentVisible(actor, it), identity: !held && !it.anonymous && identityOk(actor, it) };
}

/** Roles that head the unit (or agency) they are granted on. */
const HEAD_ROLES: readonly Role[] = ['commune_chairman', 'village_head', 'agency_head'];
/** While held, the unit may only hand the item on (forward, or route to a unit the subject does not
 * touch), or correct what it is about (linkSubject never clears a link). */
const WHILE_HELD: ReadonlySet<Verb> = new Set(['forward', 'route', 'subject']);

/** Denunciation Law Art 13: a denunciation against a unit, or against the head of the unit holding
 * it, is settled by the level above. True while such a denunciation is open at that unit. */
export async function heldBySubject(db: Conn, it: Handled): Promise<boolean> {
  if (it.kind !== 'denunciation' || (it.status !== 'received' && it.status !== 'accepted')) return false;
  if (it.subjectPath && it.handlerPath.startsWith(it.subjectPath)) return true;
  if (it.subject_user_id === null) return false;
  const grants = await db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', 'u.path', 'g.agency_id'])
    .where('g.user_id', '=', it.subject_user_id)
    .where('g.revoked_at', 'is', null)
    .where('g.role', 'in', HEAD_ROLES)
    .execute();
  return grants.some((g) => covers({ role: g.role as Role, unitId: g.unit_id, unitPath: g.path, agencyId: g.agency_id }, resourceOf(it)));
}

/** The rule set of an item: received before Law 10/2022 took effect, judged by the first set. */
export const rulesOf = (it: Pick<FeedbackItem, 'received_on'>): RuleSet['feedback'] =>
  ruleSetOn(it.received_on < '2023-07-01' ? '2023-07-01' : it.received_on).feedback;

/** Whether an item's clock still runs: open statuses, and an answered denunciation until its conclusion is published (Art 40). */
export const clockRuns = (it: Pick<FeedbackItem, 'status' | 'clock'>): boolean =>
  it.status === 'received' || it.status === 'accepted' || (it.status === 'answered' && it.clock === 'publish');

export type Ctx = { trx: Conn; item: Handled; actor: Actor; now: Date; today: string; rules: RuleSet['feedback']; cal: WorkingCalendar; t: T };

/** What a command changes: the item's columns, the audit entry, the history event, the notice. */
export type Change = {
  set: Updateable<FeedbackItemTable>;
  audit: { action: string; data?: Record<string, unknown> };
  event: { kind: string; note?: string | null; fromUnitId?: number | null; toUnitId?: number | null; public?: boolean };
  notify?: { title: string; body: string };
};

class Stale extends Error {}

export const eventActor = (actor: Actor): EventActor => ({ userId: actor.userId, label: actor.label });

/** Reads a form's version field: the version the official saw. */
export const readVersion = (text: string): number => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : -1);

/** Runs one handling command: permission, version, the command's plan, then the guarded update,
 * audit entry, event and notice, all in one transaction. */
export async function runChange(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  verb: Verb,
  plan: (ctx: Ctx) => Change | HandleFailure | Promise<Change | HandleFailure>,
): Promise<HandleResult> {
  if (!actor) return { ok: false, reason: 'forbidden' };
  const cal = await workingCalendar(deps);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx): Promise<HandleResult> => {
      const item = await loadHandled(trx, id);
      if (!item) return { ok: false, reason: 'not_found' };
      if (!may(actor, verb, item)) return { ok: false, reason: 'forbidden' };
      if (item.version !== version) return { ok: false, reason: 'stale' };
      if (!WHILE_HELD.has(verb) && (await heldBySubject(trx, item))) return { ok: false, reason: 'held_by_subject' };
      const c = await plan({ trx, item, actor, now, today: todayInVietnam(now), rules: rulesOf(item), cal, t });
      if ('ok' in c) return c;
      const r = await trx
        .updateTable('feedback_items')
        .set({ ...c.set, version: version + 1, updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new Stale();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: `feedback.${c.audit.action}`,
        entityType: 'feedback_item',
        entityId: id,
        unitId: item.commune_id,
        data: { code: item.tracking_code, ...c.audit.data },
      });
      await appendEvent(trx, id, now, eventActor(actor), c.event);
      if (c.notify) await notifyCitizen(trx, deps, item, c.notify, now);
      return { ok: true };
    });
  } catch (e) {
    if (e instanceof Stale) return { ok: false, reason: 'stale' };
    throw e;
  }
}

/** Free text of a form: trimmed; a message when required and empty or longer than `max`. */
export function readText(t: T, e: FieldErrors, name: string, text: string, opts: { required: boolean; max: number }): string {
  const s = text.trim();
  if (!s && opts.required) e[name] = t('feedback.handling.err.required');
  else if (s.length > opts.max) e[name] = t('feedback.handling.err.tooLong', { max: opts.max });
  return s;
}
