// The officials' work list (issue 4 item 4): items whose clock runs, overdue first, then due soon,
// then the rest, for a commune (by commune_id), a village (by handler_unit_id) or an agency (by
// handler_agency_id within its commune). Sorting by the deadline gives that order by itself.
// Each status is read as its own range of the (commune_id | handler_unit_id, status, due_on)
// indexes, already in deadline order, and the ranges are merged here: no sort of a commune's whole
// backlog, so a page stays fast at a million rows (issue 5 benchmarks).
import type { AppDeps } from '../../app-deps.js';
import type { FeedbackKind, FeedbackStatus } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { type Actor, covers } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { loadHandled, secretsShown } from './commands/handle.js';
import { feedbackPolicy } from './feedback.policy.js';
import { type DueState, dueSoonHorizon, dueState } from './rules/clocks.js';

export type Scope =
  | { by: 'commune'; communeId: number }
  | { by: 'unit'; unitId: number }
  | { by: 'agency'; communeId: number; agencyIds: number[] }
  /** The People's Inspection Board lists only the items routed to it (finding 8). */
  | { by: 'board'; communeId: number }
  /** A project's Community Investment Supervision Board lists the items routed to project boards (Art 45(3)). */
  | { by: 'supervision'; communeId: number };
export type DueFilter = 'open' | 'overdue' | 'due_soon';
export type QueueFilter = { due: DueFilter; kind: FeedbackKind | null; status: 'received' | 'accepted' | 'answered' | null; villageId: number | null };
export type QueueRow = {
  id: number;
  code: string;
  kind: FeedbackKind;
  category: string;
  title: string;
  /** A denunciation's title is shown only to those who may see the denouncer (Art 56; finding 6). */
  titleHidden: boolean;
  status: FeedbackStatus;
  clock: string | null;
  dueOn: string;
  dueState: DueState;
  receivedOn: string;
  handlerUnitId: number;
  handlerAgencyId: number | null;
  board: boolean;
  /** Routed to this project's supervision board (with board). */
  projectId: number | null;
  villageId: number | null;
};
export type Queue = { rows: QueueRow[]; page: number; hasNext: boolean; counts: { open: number; overdue: number; dueSoon: number } };

export const PAGE_SIZE = 50;
/** An answered denunciation's clock runs until its conclusion is published (Art 40). */

/** Which list the actor may read at this unit: a commune-wide role reads the commune, an agency
 * role only its agency's items; null when the actor may read none. */
export function scopeFor(actor: Actor | null, unit: { id: number; path: string; level: string }, isCommune: boolean): Scope | null {
  if (!actor) return null;
  const res = { unitPath: unit.path };
  // A board member's oversight is read-only: their list holds only the board's own items (finding 8).
  const besidesBoard = { ...actor, grants: actor.grants.filter((g) => g.role !== 'inspection_board_member') };
  if (feedbackPolicy(actor, 'handle', res) || feedbackPolicy(besidesBoard, 'oversee', res)) {
    return isCommune ? { by: 'commune', communeId: unit.id } : { by: 'unit', unitId: unit.id };
  }
  if (!isCommune) return null;
  if (feedbackPolicy(actor, 'handleBoard', res)) return { by: 'board', communeId: unit.id };
  if (feedbackPolicy(actor, 'handleSupervision', res)) return { by: 'supervision', communeId: unit.id };
  const agencyIds = actor.grants
    .filter((g) => g.agencyId !== null && (g.role === 'agency_head' || g.role === 'agency_staff'))
    .filter((g) => covers(g, { unitPath: unit.path, agencyId: g.agencyId }))
    .map((g) => g.agencyId as number);
  return agencyIds.length ? { by: 'agency', communeId: unit.id, agencyIds } : null;
}

/** Units whose denunciations the actor may not see: every unit at or above one of the actor's grants
 * (isSubject in commands/handle.ts: a grant inside the unit denounced). Paths are '/1/3/17/'. */
const unitsAbove = (actor: Actor) => [...new Set(actor.grants.flatMap((g) => g.unitPath.split('/').filter(Boolean).map(Number)))];

export async function queueFor(deps: AppDeps, scope: Scope, f: QueueFilter, page: number, actor: Actor | null = null): Promise<Queue> {
  const today = todayInVietnam(deps.clock.now());
  const cal = await workingCalendar(deps);
  const rules = ruleSetOn(today).feedback;
  const horizon = dueSoonHorizon(today, rules, cal);
  // A clock runs on an item exactly while `clock` is set (received, accepted, or an answered
  // denunciation awaiting publication); the partial indexes (commune_id, due_on) and
  // (handler_unit_id, due_on) hold only those items, so every query below is one index range.
  const base = () => {
    let q = deps.db.selectFrom('feedback_items');
    q =
      scope.by === 'commune'
        ? q.where('commune_id', '=', scope.communeId)
        : scope.by === 'board'
          ? q.where('commune_id', '=', scope.communeId).where('handler_board', '=', 1).where('handler_project_id', 'is', null)
          : scope.by === 'supervision'
            ? q.where('commune_id', '=', scope.communeId).where('handler_board', '=', 1).where('handler_project_id', 'is not', null)
            : scope.by === 'unit'
              ? q.where('handler_unit_id', '=', scope.unitId)
              : q.where('handler_unit_id', '=', scope.communeId).where('handler_agency_id', 'in', scope.agencyIds);
    q = q.where('clock', 'is not', null).where('due_on', 'is not', null);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.villageId) q = q.where('village_id', '=', f.villageId);
    return q;
  };
  const dueRange = <Q extends ReturnType<typeof base>>(q: Q, due: DueFilter): Q =>
    (due === 'overdue' ? q.where('due_on', '<', today) : due === 'due_soon' ? q.where('due_on', '>=', today).where('due_on', '<=', horizon) : q) as Q;

  const COLUMNS = [
    'id',
    'tracking_code',
    'kind',
    'category',
    'title',
    'status',
    'clock',
    'due_on',
    'received_on',
    'handler_unit_id',
    'handler_agency_id',
    'handler_board',
    'handler_project_id',
    'village_id',
    'subject_user_id',
    'subject_unit_id',
  ] as const;
  // Finding 1 (R-H4; Denunciation Law Arts 8(3), 13): denunciations against the actor or a unit the
  // actor belongs to are left out of the list and its counts. They are few: read them first, then
  // leave their ids out of the page and subtract them from the counts.
  const aboveIds = actor ? unitsAbove(actor) : [];
  const hidden =
    actor && (actor.userId !== null || aboveIds.length)
      ? await base()
          .where('kind', '=', 'denunciation')
          .where((eb) =>
            eb.or([
              ...(actor.userId !== null ? [eb('subject_user_id', '=', actor.userId)] : []),
              ...(aboveIds.length ? [eb('subject_unit_id', 'in', aboveIds)] : []),
            ]),
          )
          .select(['id', 'due_on'])
          .execute()
      : [];
  const hiddenIds = hidden.map((r) => r.id);
  const visible = <Q extends ReturnType<typeof base>>(q: Q): Q => (hiddenIds.length ? (q.where('id', 'not in', hiddenIds) as Q) : q);
  const inRange = (due: string, d: DueFilter) => (d === 'overdue' ? due < today : d === 'due_soon' ? due >= today && due <= horizon : true);
  const [rows, counted] = await Promise.all([
    visible(dueRange(base(), f.due))
      .select(COLUMNS)
      .orderBy('due_on')
      .orderBy('id')
      .offset((page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE + 1)
      .execute(),
    Promise.all(
      (['open', 'overdue', 'due_soon'] as const).map(async (d) => {
        const r = await dueRange(base(), d)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return Number(r.n) - hidden.filter((h) => h.due_on !== null && inRange(h.due_on, d)).length;
      }),
    ),
  ]);
  const [open, overdue, dueSoon] = counted as [number, number, number];
  const slice = rows.slice(0, PAGE_SIZE);
  const mayReadTitle = await denunciationTitles(deps, actor, slice);
  return {
    page,
    hasNext: rows.length > PAGE_SIZE,
    counts: { open, overdue, dueSoon },
    rows: slice.map((r) => ({
      id: r.id,
      code: r.tracking_code,
      kind: r.kind,
      category: r.category,
      title: mayReadTitle(r) ? r.title : '',
      titleHidden: !mayReadTitle(r),
      status: r.status,
      clock: r.clock,
      dueOn: r.due_on!,
      dueState: dueState(r.due_on!, today, rules, cal),
      receivedOn: r.received_on,
      handlerUnitId: r.handler_unit_id,
      handlerAgencyId: r.handler_agency_id,
      board: r.handler_board === 1,
      projectId: r.handler_project_id,
      villageId: r.village_id,
    })),
  };
}

/** Which rows' titles the actor may read: all but denunciations, whose titles only those read who
 * may see the denouncer (viewDenouncerIdentity on the handling unit; subjects are already left
 * out), and nobody while the unit it names holds it (secretsShown in commands/handle.ts). */
async function denunciationTitles(
  deps: AppDeps,
  actor: Actor | null,
  rows: {
    id: number;
    kind: string;
    handler_unit_id: number;
    handler_agency_id: number | null;
    subject_user_id: number | null;
    subject_unit_id: number | null;
  }[],
) {
  const ids = [...new Set(rows.filter((r) => r.kind === 'denunciation').map((r) => r.handler_unit_id))];
  const paths = new Map(
    ids.length ? (await deps.db.selectFrom('units').select(['id', 'path']).where('id', 'in', ids).execute()).map((u) => [u.id, u.path]) : [],
  );
  // A denunciation with a subject link: the full check, on the few such rows of the page.
  const linked = new Map<number, boolean>();
  for (const r of rows.filter((x) => x.kind === 'denunciation' && (x.subject_user_id !== null || x.subject_unit_id !== null))) {
    const it = await loadHandled(deps.db, r.id);
    linked.set(r.id, !!it && (await secretsShown(deps.db, actor, it)).content);
  }
  return (r: (typeof rows)[number]) =>
    r.kind !== 'denunciation' ||
    (linked.get(r.id) ?? feedbackPolicy(actor, 'viewDenouncerIdentity', { unitPath: paths.get(r.handler_unit_id) ?? '', agencyId: r.handler_agency_id }));
}

/** Reads the list's query string; anything unknown falls back to the default. */
export function readFilter(q: Record<string, string | undefined>): { filter: QueueFilter; page: number } {
  const due: DueFilter = q.due === 'overdue' || q.due === 'due_soon' ? q.due : 'open';
  const kinds: readonly string[] = ['petition', 'report', 'complaint', 'denunciation', 'question'];
  const kind = kinds.includes(q.kind ?? '') ? (q.kind as FeedbackKind) : null;
  const status = q.status === 'received' || q.status === 'accepted' || q.status === 'answered' ? q.status : null;
  const villageId = /^\d{1,9}$/.test(q.village ?? '') ? Number(q.village) : null;
  const page = /^\d{1,5}$/.test(q.page ?? '') && Number(q.page) >= 1 ? Number(q.page) : 1;
  return { filter: { due, kind, status, villageId }, page };
}
