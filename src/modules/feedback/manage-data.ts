// What the officials' detail page shows of one item: its facts and clocks, the whole history
// (internal steps included), the names of the units it passed through, and which handling actions
// the actor may take now. Never the author's identity: that is read only through readIdentity,
// after a POST, for an actor identityAllowed permits (R-H4).
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import type { T } from '../../platform/i18n/index.js';
import { mayWork } from '../oversight/commands/common.js';
import {
  clockRuns,
  contentVisible,
  type Handled,
  heldBySubject,
  identityOk,
  keptOut,
  may,
  mayHandle,
  resourceOf,
  rulesOf,
  type Verb,
} from './commands/handle.js';
import { supervisedProjects } from './commands/route.js';
import { feedbackPolicy } from './feedback.policy.js';
import { type DueState, dueState, maxExtensions } from './rules/clocks.js';

export type HistoryRow = { at: string; kind: string; note: string | null; public: boolean; actor: string; from: string | null; to: string | null };
export type Option = { value: string; label: string };
export type DetailData = {
  item: Handled;
  village: string | null;
  handler: string;
  subject: { unit: string | null; user: string | null };
  dueState: DueState | null;
  maxExtensions: number;
  /** Working days the forwarding came after its 05-working-day limit (0: on time or not forwarded). */
  forwardLateDays: number;
  /** The item sits with the unit it denounces or a unit its denounced person heads: it must be
   * handed on (R-H4; Denunciation Law Art 13). */
  withSubject: boolean;
  /** May the actor read a denunciation's title, content and private answer (Art 56; finding 6)? */
  showContent: boolean;
  events: HistoryRow[];
  can: Record<Verb, boolean>;
  /** May the actor open the author's identity (R-H4)? */
  canReveal: boolean;
  /** The item sits with a board and the actor may record that board's activities (the oversight
   * module's mayWork, which the activity form checks): the page links there (issue 7 item 6). */
  canRecordOversight: boolean;
  targets: Option[];
  subjectUnits: Option[];
  subjectUsers: Option[];
};

/** May the actor read the item at all (handle or oversee its unit)? Never the person denounced nor
 * anyone with a role in the unit denounced (finding 1; Denunciation Law Arts 8(3), 13). */
export function mayRead(actor: Actor | null, it: Handled): boolean {
  if (keptOut(actor, it)) return false;
  return mayHandle(actor, it) || feedbackPolicy(actor, 'oversee', resourceOf(it));
}

/** The board the item was routed to, found as the oversight module's link does (routes-actions.tsx
 * `/units/:id/oversight/inspect`): the project's supervision board, else the commune's inspection
 * board, open; and whether the actor may record its activities (oversight's own rule, not a copy). */
async function mayRecordOversight(deps: AppDeps, actor: Actor, it: Handled): Promise<boolean> {
  if (it.handler_board !== 1) return false;
  const { db } = deps;
  let q = db.selectFrom('oversight_boards').selectAll().where('commune_id', '=', it.commune_id).where('closed_on', 'is', null);
  q = it.handler_project_id
    ? q.where('kind', '=', 'investment_supervision').where('project_id', '=', it.handler_project_id)
    : q.where('kind', '=', 'commune_inspection');
  const board = await q.executeTakeFirst();
  const commune = board && (await db.selectFrom('units').selectAll().where('id', '=', it.commune_id).executeTakeFirst());
  return !!board && !!commune && (await mayWork(db, actor, board, commune));
}

export async function detailData(deps: AppDeps, t: T, actor: Actor, it: Handled): Promise<DetailData> {
  const { db } = deps;
  const units = await db.selectFrom('units').select(['id', 'name', 'path', 'parent_id']).where('path', 'like', `${it.communePath}%`).execute();
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const agencies = await db.selectFrom('agencies').select(['id', 'name']).where('unit_id', '=', it.commune_id).orderBy('name').execute();
  const board = t('feedback.handling.board');
  const agencyName = agencies.find((a) => a.id === it.handler_agency_id)?.name;
  // Issue 7 item 6: the projects whose supervision board is active receive reports about them (Art 45(3)).
  const projects = await supervisedProjects(db, it.commune_id);
  const projectName = it.handler_project_id
    ? (projects.find((p) => p.id === it.handler_project_id)?.name ??
      (await db.selectFrom('oversight_projects').select('name').where('id', '=', it.handler_project_id).executeTakeFirst())?.name ??
      '')
    : null;
  const handler =
    projectName !== null
      ? t('feedback.handling.projectBoard', { name: projectName })
      : it.handler_board
        ? board
        : (agencyName ?? unitName.get(it.handler_unit_id) ?? '');
  const events = await db.selectFrom('feedback_events').selectAll().where('item_id', '=', it.id).orderBy('id').execute();
  const subjectUser = it.subject_user_id
    ? await db.selectFrom('users').select('display_name').where('id', '=', it.subject_user_id).executeTakeFirst()
    : undefined;
  const today = todayInVietnam(deps.clock.now());
  const cal = await workingCalendar(deps);
  const rules = rulesOf(it);
  const forwarded = events.find((e) => e.kind === 'forwarded');
  const forwardedOn = forwarded ? todayInVietnam(new Date(forwarded.at)) : null;
  const open = it.status === 'received' || it.status === 'accepted';
  const held = await heldBySubject(db, it);
  // While held only handing on and correcting the subject are left (handle.ts WHILE_HELD).
  const can = (verb: Verb) => (!held || verb === 'forward' || verb === 'route' || verb === 'subject') && may(actor, verb, it);
  const live = open || it.status === 'answered';
  const needsAcceptance = it.kind === 'complaint' || it.kind === 'denunciation';
  const max = maxExtensions(it.complexity, rules);
  const villages = units.filter((u) => u.parent_id === it.commune_id);
  const users = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('units as n', 'n.id', 'g.unit_id')
    .select(['u.id', 'u.display_name'])
    .where('g.revoked_at', 'is', null)
    .where('n.path', 'like', `${it.communePath}%`)
    .where('u.kind', '=', 'official')
    .distinct()
    .orderBy('u.display_name')
    .execute();
  return {
    item: it,
    village: it.village_id ? (unitName.get(it.village_id) ?? null) : null,
    handler,
    subject: { unit: it.subject_unit_id ? (unitName.get(it.subject_unit_id) ?? null) : null, user: subjectUser?.display_name ?? null },
    dueState: clockRuns(it) && it.due_on ? dueState(it.due_on, today, rules, cal) : null,
    maxExtensions: max,
    forwardLateDays: forwardedOn && it.forward_due && forwardedOn > it.forward_due ? cal.workingDaysBetween(it.forward_due, forwardedOn) : 0,
    withSubject: held,
    showContent: !held && contentVisible(actor, it),
    events: events.map((e) => ({
      at: e.at,
      kind: e.kind,
      note: e.note,
      public: e.public === 1,
      actor: e.actor_label,
      from: e.from_unit_id ? (unitName.get(e.from_unit_id) ?? null) : null,
      to: e.to_unit_id ? (unitName.get(e.to_unit_id) ?? null) : null,
    })),
    can: {
      route: open && can('route'),
      forward: (it.status === 'received' || (held && it.status === 'accepted')) && can('forward'),
      accept: it.status === 'received' && can('accept'),
      refuse: it.status === 'received' && can('refuse'),
      complexity: open && can('complexity'),
      extend: it.kind === 'denunciation' && it.status === 'accepted' && it.clock === 'resolve' && it.extensions < max && can('extend'),
      step: live && can('step'),
      answer: (it.status === 'accepted' || (!needsAcceptance && it.status === 'received')) && can('answer'),
      publish: it.status === 'answered' && (!it.published_on || it.clock === 'publish') && can('publish'),
      // Only a denunciation has someone denounced (Denunciation Law Arts 2, 8(3)); a complaint's page has no such fields.
      subject: it.kind === 'denunciation' && live && can('subject'),
      reclassify: it.status === 'received' && can('reclassify'),
    },
    canReveal: !held && !it.anonymous && identityOk(actor, it),
    canRecordOversight: await mayRecordOversight(deps, actor, it),
    targets: [
      { value: 'commune', label: unitName.get(it.commune_id) ?? '' },
      // Complaints and denunciations are settled only by the commune or an agency (route.ts).
      ...(needsAcceptance
        ? []
        : [
            { value: 'board', label: board },
            ...projects.map((p) => ({ value: `project:${p.id}`, label: t('feedback.handling.projectBoard', { name: p.name }) })),
            ...villages.map((v) => ({ value: `village:${v.id}`, label: v.name })),
          ]),
      ...agencies.map((a) => ({ value: `agency:${a.id}`, label: a.name })),
    ],
    // Not the whole commune: a denunciation against its People's Committee is forwarded (answer.ts).
    subjectUnits: [
      ...(it.subject_unit_id === it.commune_id ? [{ value: String(it.commune_id), label: unitName.get(it.commune_id) ?? '' }] : []),
      ...villages.map((v) => ({ value: String(v.id), label: v.name })),
    ],
    subjectUsers: users.map((u) => ({ value: String(u.id), label: u.display_name })),
  };
}
