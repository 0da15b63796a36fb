// Handing an item over (issue 5 item 3): inside the platform between the commune, its villages, its
// agencies and the People's Inspection Board (history keeps every hand-over), or outside competence
// to another body within 05 working days (Denunciation Law Art 24(2); Decree 20/2008 Art 9; R-H3,
// R-H7): forwarding after that day is still recorded, and marked late. A denunciation is never
// handed to the unit it is about or to a unit its denounced person heads (R-H4; Denunciation Law
// Arts 8(3), 13): it must be forwarded to the competent body instead. A report about an investment
// project goes to that project's Community Investment Supervision Board while the board is active
// (Law 10/2022 Art 45(3); issue 7 item 6).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { covers } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T, translator } from '../../../platform/i18n/index.js';
import { type Handled, type HandleResult, heldBySubject, invalid, readText, runChange, WRONG_STATE } from './handle.js';
import { checkPublic } from './public-text.js';

const vi = translator('vi');

/** Where an item can be handed: 'commune', 'board', 'project:<id>', 'village:<id>', 'agency:<id>'.
 * `projectId`: the board is that project's supervision board, not the inspection board. */
export type Target = { unitId: number; unitPath: string; agencyId: number | null; board: boolean; projectId: number | null; label: string };

/** The commune's projects whose supervision board is active (recognised, not closed): the boards a
 * report can be routed to. */
export const supervisedProjects = (db: Conn, communeId: number) =>
  db
    .selectFrom('oversight_projects as p')
    .innerJoin('oversight_boards as b', 'b.project_id', 'p.id')
    .select(['p.id', 'p.name'])
    .where('p.commune_id', '=', communeId)
    .where('b.kind', '=', 'investment_supervision')
    .where('b.status', '=', 'recognised')
    .where('b.closed_on', 'is', null)
    .orderBy('p.name')
    .execute();

export async function resolveTarget(db: Conn, it: Pick<Handled, 'commune_id'>, value: string): Promise<Target | null> {
  const commune = await db.selectFrom('units').select(['id', 'path', 'name']).where('id', '=', it.commune_id).executeTakeFirstOrThrow();
  const at = { unitId: commune.id, unitPath: commune.path, agencyId: null, projectId: null };
  if (value === 'commune') return { ...at, board: false, label: commune.name };
  if (value === 'board') return { ...at, board: true, label: vi('feedback.handling.board') };
  const m = /^(village|agency|project):(\d{1,9})$/.exec(value);
  if (!m) return null;
  const id = Number(m[2]);
  if (m[1] === 'project') {
    const p = (await supervisedProjects(db, commune.id)).find((x) => x.id === id);
    return p ? { ...at, board: true, projectId: p.id, label: vi('feedback.handling.projectBoard', { name: p.name }) } : null;
  }
  if (m[1] === 'village') {
    const v = await db.selectFrom('units').select(['id', 'path', 'name']).where('id', '=', id).where('parent_id', '=', commune.id).executeTakeFirst();
    return v ? { unitId: v.id, unitPath: v.path, agencyId: null, board: false, projectId: null, label: v.name } : null;
  }
  const a = await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', id).where('unit_id', '=', commune.id).executeTakeFirst();
  return a ? { ...at, agencyId: a.id, board: false, label: a.name } : null;
}

export const settles = (kind: string): boolean => kind === 'complaint' || kind === 'denunciation';

/** R-H4: would this hand-over put a denunciation in the hands of the unit or person it is about? */
export async function touchesSubject(db: Conn, it: Handled, to: Pick<Target, 'unitPath' | 'agencyId'>): Promise<boolean> {
  if (it.subjectPath && to.unitPath.startsWith(it.subjectPath)) return true;
  if (it.subject_user_id === null) return false;
  const grants = await db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', 'u.path', 'g.agency_id'])
    .where('g.user_id', '=', it.subject_user_id)
    .where('g.revoked_at', 'is', null)
    .execute();
  return grants.some((g) =>
    covers({ role: g.role as never, unitId: g.unit_id, unitPath: g.path, agencyId: g.agency_id }, { unitPath: to.unitPath, agencyId: to.agencyId }),
  );
}

export async function routeItem(deps: AppDeps, t: T, actor: Actor | null, id: number, version: number, input: { target: string; note: string }) {
  return runChange(deps, t, actor, id, version, 'route', async ({ trx, item }) => {
    if (item.status !== 'received' && item.status !== 'accepted') return WRONG_STATE;
    const e: FieldErrors = {};
    const note = readText(t, e, 'routeNote', input.note, { required: false, max: 2000 });
    // The hand-over and its note show on the tracking page (finding 4).
    await checkPublic(trx, deps.config.dataKey, t, item.id, e, { routeNote: note });
    const to = await resolveTarget(trx, item, input.target);
    if (!to) e.target = t('feedback.handling.err.targetInvalid');
    else if (
      to.unitId === item.handler_unit_id &&
      to.agencyId === item.handler_agency_id &&
      to.board === (item.handler_board === 1) &&
      to.projectId === item.handler_project_id
    )
      e.target = t('feedback.handling.err.targetSame');
    // Complaints Law Art 17, Denunciation Law Arts 13–14: only the commune People's Committee or an agency settles them.
    else if (settles(item.kind) && (to.board || to.unitId !== item.commune_id)) e.target = t('feedback.handling.err.targetCannotSettle');
    else if (item.kind === 'denunciation' && (await touchesSubject(trx, item, to))) e.target = t('feedback.handling.err.targetIsSubject');
    if (Object.keys(e).length || !to) return invalid(e);
    return {
      set: { handler_unit_id: to.unitId, handler_agency_id: to.agencyId, handler_board: to.board ? 1 : 0, handler_project_id: to.projectId },
      audit: {
        action: 'routed',
        data: { fromUnitId: item.handler_unit_id, toUnitId: to.unitId, agencyId: to.agencyId, board: to.board, projectId: to.projectId },
      },
      event: { kind: 'routed', note: note ? `${to.label}. ${note}` : to.label, fromUnitId: item.handler_unit_id, toUnitId: to.unitId },
      notify: {
        title: vi('feedback.handling.notice.routedTitle', { code: item.tracking_code }),
        body: vi('feedback.handling.notice.routedBody', { to: to.label }),
      },
    };
  });
}

export async function forwardItem(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  id: number,
  version: number,
  input: { destination: string; note: string },
): Promise<HandleResult> {
  return runChange(deps, t, actor, id, version, 'forward', async ({ trx, item, today, cal }) => {
    // Art 13: a denunciation found, after acceptance, to be against the unit or its head still goes on.
    if (item.status !== 'received' && !(item.status === 'accepted' && (await heldBySubject(trx, item)))) return WRONG_STATE;
    const e: FieldErrors = {};
    const destination = readText(t, e, 'destination', input.destination, { required: true, max: 300 });
    const note = readText(t, e, 'forwardNote', input.note, { required: false, max: 2000 });
    await checkPublic(trx, deps.config.dataKey, t, item.id, e, { destination, forwardNote: note });
    if (Object.keys(e).length) return invalid(e);
    // Art 24(2): within 05 working days of receipt; a later forwarding is recorded as late.
    const due = item.forward_due;
    const lateBy = due && today > due ? cal.workingDaysBetween(due, today) : 0;
    return {
      set: { status: 'forwarded', forwarded_to: destination, clock: null, escalated_on: null },
      audit: { action: 'forwarded', data: { forwardDue: due, late: lateBy > 0, lateWorkingDays: lateBy } },
      event: {
        kind: 'forwarded',
        note: [destination, note, lateBy > 0 ? vi('feedback.handling.event.forwardedLate', { n: lateBy, due: formatDate(due) }) : '']
          .filter(Boolean)
          .join('. '),
      },
      notify: {
        title: vi('feedback.handling.notice.forwardedTitle', { code: item.tracking_code }),
        body: vi('feedback.handling.notice.forwardedBody', { to: destination, date: formatDate(today) }),
      },
    };
  });
}
