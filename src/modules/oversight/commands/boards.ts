// Forming and recognising boards, and vacancies (R-F1, R-F3, R-F6, R-F8). The commune board's size is
// fixed by the Front from the commune's villages (Decree 59 Art 13(2)); its term follows the village
// head's term in the province profile (Law Art 36(2); R-B4); an agency's board is formed only above 07
// staff and recognised by the union within 05 working days (Decree 59 Art 21(1)).
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { addMonths } from '../../../platform/calendar/periods.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { profileOf } from '../../decisions/commands/election-common.js';
import { oversightPolicy } from '../oversight.policy.js';
import {
  agencyBoardRequired,
  agencyRecognitionDue,
  agencyTermEnds,
  byElectionDue,
  checkAgencySize,
  checkCommuneSize,
  communeBoardSize,
  supervisionProblems,
} from '../rules/boards.js';
import {
  audit,
  boardWithCommune,
  insertBoard,
  invalid,
  mayManage,
  type Result,
  readDay,
  readText,
  refuse,
  rulesOn,
  today,
  updateAudited,
  villagesOn,
} from './common.js';

const int = (s: string): number | null => (/^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : null);

/** The Front sets up the commune's board with the number of members it fixes (R-F1). */
export async function createCommuneBoard(deps: AppDeps, t: T, actor: Actor | null, commune: Unit, input: { size: string }): Promise<Result<{ id: number }>> {
  if (!actor || !oversightPolicy(actor, 'manageBoards', { unitPath: commune.path })) return refuse('forbidden');
  const on = today(deps);
  const villages = (await villagesOn(deps.db, commune.id, on)).length;
  const size = int(input.size);
  const r = rulesOn(on);
  const { min, max } = communeBoardSize(villages, r);
  if (size === null || checkCommuneSize(villages, size, 0, r)) {
    return invalid({ size: t('oversight.err.size', { villages, min, max }) });
  }
  return deps.db.transaction().execute(async (trx): Promise<Result<{ id: number }>> => {
    const open = await trx
      .selectFrom('oversight_boards')
      .select('id')
      .where('commune_id', '=', commune.id)
      .where('kind', '=', 'commune_inspection')
      .where('closed_on', 'is', null)
      .executeTakeFirst();
    if (open) return invalid({ size: t('oversight.err.boardExists') });
    const id = await insertBoard(
      trx,
      deps,
      actor,
      {
        kind: 'commune_inspection',
        commune_id: commune.id,
        agency_id: null,
        project_id: null,
        status: 'forming',
        planned_size: size,
      },
      { kind: 'commune_inspection', size, villages },
    );
    return { ok: true, id };
  });
}

/** The union records the staff conference (R-F8): ≤ 07 staff, no board (the union performs its tasks). */
export async function createAgencyBoard(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Unit,
  agencyId: number,
  input: { staffCount: string; size: string; conferenceOn: string; moreAllowed: boolean },
): Promise<Result<{ id: number }>> {
  if (!actor || !oversightPolicy(actor, 'manageAgencyBoard', { unitPath: commune.path, agencyId })) return refuse('forbidden');
  const e: FieldErrors = {};
  const staff = int(input.staffCount);
  if (staff === null || staff < 1) e.staffCount = t('oversight.err.number');
  const conferenceOn = readDay(t, e, 'conferenceOn', input.conferenceOn);
  if (conferenceOn && conferenceOn > today(deps)) e.conferenceOn = t('oversight.err.future');
  if (Object.keys(e).length || staff === null || !conferenceOn) return invalid(e);
  const r = rulesOn(conferenceOn);
  const required = agencyBoardRequired(staff, r);
  let size = 0;
  if (required) {
    const s = int(input.size);
    const problem = s === null ? 'too_few' : checkAgencySize(s, 0, input.moreAllowed, r);
    if (problem || s === null) return invalid({ size: t('oversight.err.agencySize', { min: r.agencyMin, max: r.agencyMax }) });
    size = s;
  }
  const cal = await workingCalendar(deps);
  return deps.db.transaction().execute(async (trx): Promise<Result<{ id: number }>> => {
    const open = await trx.selectFrom('oversight_boards').select('id').where('agency_id', '=', agencyId).where('closed_on', 'is', null).executeTakeFirst();
    if (open) return invalid({ staffCount: t('oversight.err.boardExists') });
    const id = await insertBoard(
      trx,
      deps,
      actor,
      {
        kind: 'agency_inspection',
        commune_id: commune.id,
        agency_id: agencyId,
        project_id: null,
        status: required ? 'forming' : 'union_performs',
        planned_size: size,
        staff_count: staff,
        elected_on: conferenceOn,
        recognition_due: required ? agencyRecognitionDue(conferenceOn, r, cal) : null,
      },
      { kind: 'agency_inspection', agencyId, staff, size, conferenceOn, unionPerforms: !required },
    );
    return { ok: true, id };
  });
}

/** Recognition: the Front for the commune board (Art 40(2)) and sets up a supervision board (Art 41(1));
 * the union for an agency board (Decree 59 Art 21(1)). The board is checked whole first. */
export async function recogniseBoard(deps: AppDeps, t: T, actor: Actor | null, boardId: number, input: { recognisedOn: string }): Promise<Result> {
  const found = await boardWithCommune(deps.db, boardId);
  if (!found) return refuse('not_found');
  const { board, commune } = found;
  if (!actor || !mayManage(actor, board, commune)) return refuse('forbidden');
  if (board.status !== 'forming') return refuse('wrong_state');
  const e: FieldErrors = {};
  const on = readDay(t, e, 'recognisedOn', input.recognisedOn);
  if (on && on > today(deps)) e.recognisedOn = t('oversight.err.future');
  if (on && board.elected_on && on < board.elected_on) e.recognisedOn = t('oversight.err.beforeConference');
  if (!on || Object.keys(e).length) return invalid(e);
  const r = rulesOn(on);
  const members = await deps.db
    .selectFrom('oversight_members')
    .select(['position', 'seat', 'village_id'])
    .where('board_id', '=', board.id)
    .where('ended_on', 'is', null)
    .execute();
  const deputies = members.filter((m) => m.position === 'deputy').length;
  const heads = members.filter((m) => m.position === 'head').length;
  const problems: string[] = [];
  let termEnds: string | null = null;
  if (board.kind === 'commune_inspection') {
    const villages = await villagesOn(deps.db, commune.id, on);
    const size = checkCommuneSize(villages.length, members.length, deputies, r);
    if (size) problems.push(t(`oversight.size.${size}`, { ...communeBoardSize(villages.length, r), n: members.length }));
    const seated = new Set(members.map((m) => m.village_id));
    const missing = villages.filter((v) => !seated.has(v.id)).map((v) => v.name);
    if (missing.length) problems.push(t('oversight.err.villagesMissing', { villages: missing.join(', ') }));
    termEnds = addMonths(on, (await profileOf(deps.db, commune)).villageHeadTermMonths);
  } else if (board.kind === 'agency_inspection') {
    const size = checkAgencySize(members.length, deputies, board.planned_size > r.agencyMax, r);
    if (size) problems.push(t(`oversight.size.${size}`, { min: r.agencyMin, max: r.agencyMax, n: members.length }));
    termEnds = agencyTermEnds(on, r);
  } else {
    for (const p of supervisionProblems(members, r)) problems.push(t(`oversight.sup.${p}`));
  }
  if (board.kind !== 'investment_supervision' && heads !== 1) problems.push(t('oversight.sup.no_head'));
  if (problems.length) return invalid({ recognisedOn: problems.join(' ') });
  return deps.db.transaction().execute(async (trx): Promise<Result> => {
    const changed = await updateAudited(
      trx,
      deps,
      actor,
      trx
        .updateTable('oversight_boards')
        .set({ status: 'recognised', recognised_on: on, term_starts_on: on, term_ends_on: termEnds })
        .where('id', '=', board.id)
        .where('status', '=', 'forming'),
      {
        action: 'oversight.board.recognised',
        entityType: 'oversight_board',
        entityId: board.id,
        unitId: commune.id,
        data: { recognisedOn: on, termEnds, members: members.length, late: !!board.recognition_due && on > board.recognition_due },
      },
    );
    if (!changed) return refuse('wrong_state');
    return { ok: true };
  });
}

/** A member leaves (dismissed on the Front's proposal, resigns, dies, moves away). R-F3: on the commune
 * board, a seat vacant with ≥ 06 months of the term left raises a by-election task. */
export async function endMember(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  memberId: number,
  input: { endedOn: string; reason: string },
): Promise<Result<{ byElection: number | null }>> {
  const m = await deps.db.selectFrom('oversight_members').selectAll().where('id', '=', memberId).executeTakeFirst();
  if (!m) return refuse('not_found');
  const found = await boardWithCommune(deps.db, m.board_id);
  if (!found) return refuse('not_found');
  const { board, commune } = found;
  if (!actor || !mayManage(actor, board, commune)) return refuse('forbidden');
  if (m.ended_on) return refuse('wrong_state');
  const e: FieldErrors = {};
  const on = readDay(t, e, 'endedOn', input.endedOn);
  const reason = readText(t, e, 'reason', input.reason, 300);
  if (on && on < m.elected_on) e.endedOn = t('oversight.err.beforeElected');
  if (!on || Object.keys(e).length) return invalid(e);
  const months = board.kind === 'commune_inspection' && board.status === 'recognised' ? byElectionDue(on, board.term_ends_on, rulesOn(on)) : null;
  return deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('oversight_members').set({ ended_on: on, end_reason: reason }).where('id', '=', m.id).execute();
    if (months !== null)
      await trx
        .insertInto('oversight_tasks')
        .values({ board_id: board.id, kind: 'by_election', village_id: m.village_id, member_id: m.id, raised_on: on, months_left: months, done_on: null })
        .execute();
    await audit(trx, deps, actor, {
      action: 'oversight.member.ended',
      entityType: 'oversight_board',
      entityId: board.id,
      unitId: commune.id,
      data: { memberId: m.id, endedOn: on, reason, byElectionMonthsLeft: months },
    });
    return { ok: true, byElection: months };
  });
}
