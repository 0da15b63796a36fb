// Board members (R-F1, R-F2, R-F6, R-F8): recorded from the paper minutes of the village meeting, the
// staff conference or the community meeting, with the minutes' date; or taken from the decisions
// module's board elections once the Front has recognised them (Law Art 21(2); importElected). Each
// candidate is checked against the rule set in force on the election date and refused with the reason.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { fold } from '../../../platform/search/fold.js';
import { AGENCY_OCCUPATIONS, type AgencyOccupation, agencyIneligible, ineligibility, OCCUPATIONS, type Occupation } from '../rules/boards.js';
import type { MemberPosition, MemberSeat } from '../tables.js';
import { audit, type Board, boardWithCommune, invalid, mayManage, type Result, readDay, readText, refuse, rulesOn, today, villagesOn } from './common.js';

export type MemberInput = {
  fullName: string;
  villageId: string;
  position: string;
  seat: string;
  occupation: string;
  permanentResident: boolean;
  noConflict: boolean;
  electedOn: string;
};
const POSITIONS: readonly MemberPosition[] = ['head', 'deputy', 'member'];
const SUPERVISION_SEATS: readonly MemberSeat[] = ['front', 'inspection_board', 'resident'];
const baseName = (s: string) => fold(s.split(' (')[0] ?? s).trim();

/** Roles that show the person's occupation whatever the form says (R-F2): a commune official or the
 * chairman is a commune official; a village head is a village part-time worker. */
async function occupationFromRoles(db: Conn, commune: Unit, name: string): Promise<Occupation | null> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('units as x', 'x.id', 'g.unit_id')
    .select(['g.role', 'u.display_name'])
    .where('g.revoked_at', 'is', null)
    .where('x.path', 'like', `${commune.path}%`)
    .where('g.role', 'in', ['commune_official', 'commune_chairman', 'village_head'])
    .execute();
  const mine = rows.filter((r) => baseName(r.display_name) === baseName(name));
  if (mine.some((r) => r.role !== 'village_head')) return 'commune_official';
  return mine.length ? 'village_part_time' : null;
}

/** The resident of this name on the commune's household register (Law Art 37(2): a permanent resident). */
async function residentOnRegister(db: Conn, commune: Unit, name: string, villageId: number | null) {
  let q = db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .innerJoin('units as v', 'v.id', 'h.unit_id')
    .select(['r.id', 'r.full_name', 'v.id as village_id'])
    .where('v.parent_id', '=', commune.id)
    .where('h.valid_to', 'is', null)
    .where('r.full_name', '=', name);
  if (villageId) q = q.where('v.id', '=', villageId);
  return q.orderBy('r.id').executeTakeFirst();
}

/** An agency account of this name (so that a staff member on the board can sign in and act). */
async function agencyUser(db: Conn, agencyId: number, name: string): Promise<number | null> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.display_name'])
    .where('g.agency_id', '=', agencyId)
    .where('g.revoked_at', 'is', null)
    .execute();
  return rows.find((r) => baseName(r.display_name) === baseName(name))?.id ?? null;
}

export async function addMember(deps: AppDeps, t: T, actor: Actor | null, boardId: number, input: MemberInput): Promise<Result<{ id: number }>> {
  const found = await boardWithCommune(deps.db, boardId);
  if (!found) return refuse('not_found');
  const { board, commune } = found;
  if (!actor || !mayManage(actor, board, commune)) return refuse('forbidden');
  if (board.status === 'closed' || board.status === 'union_performs') return refuse('wrong_state');
  const e: FieldErrors = {};
  const name = readText(t, e, 'fullName', input.fullName, 120);
  const electedOn = readDay(t, e, 'electedOn', input.electedOn);
  if (electedOn && electedOn > today(deps)) e.electedOn = t('oversight.err.future');
  const position = POSITIONS.find((p) => p === input.position);
  if (!position) e.position = t('oversight.err.choose');
  let seat: MemberSeat = board.kind === 'agency_inspection' ? 'staff' : 'village';
  let villageId: number | null = null;
  if (board.kind === 'investment_supervision') {
    const s = SUPERVISION_SEATS.find((x) => x === input.seat);
    if (!s) e.seat = t('oversight.err.choose');
    else seat = s;
  }
  if (board.kind === 'commune_inspection') {
    const villages = await villagesOn(deps.db, commune.id, today(deps));
    villageId = villages.find((v) => String(v.id) === input.villageId)?.id ?? null;
    if (!villageId) e.villageId = t('oversight.err.chooseVillage');
  }
  if (Object.keys(e).length || !electedOn || !position) return invalid(e);
  const r = rulesOn(electedOn);
  let occupation: string;
  let residentId: number | null = null;
  let userId: number | null = null;
  if (board.kind === 'agency_inspection') {
    const o = AGENCY_OCCUPATIONS.find((x) => x === input.occupation) as AgencyOccupation | undefined;
    if (!o) return invalid({ occupation: t('oversight.err.choose') });
    // R-F8 (Law Art 60(2)): members work at the agency and are not its head, deputies or chief accountant.
    if (agencyIneligible(o)) return invalid({ occupation: t('oversight.err.agencyIneligible', { reason: t(`oversight.agencyOcc.${o}`) }) });
    occupation = o;
    userId = await agencyUser(deps.db, board.agency_id as number, name);
  } else {
    const declared = OCCUPATIONS.find((x) => x === input.occupation);
    if (!declared) return invalid({ occupation: t('oversight.err.choose') });
    const resident = await residentOnRegister(deps.db, commune, name, villageId);
    residentId = resident?.id ?? null;
    const fromRoles = await occupationFromRoles(deps.db, commune, name);
    occupation = fromRoles ?? declared;
    const reasons = ineligibility(
      {
        permanentResident: !!resident || input.permanentResident,
        occupation: occupation as Occupation,
        noConflict: board.kind === 'investment_supervision' ? input.noConflict : undefined,
      },
      r,
    );
    if (reasons.length) {
      const why = reasons.map((x) => t(`oversight.inelig.${x}`)).join('; ');
      const fieldName =
        reasons.includes('conflict') && reasons.length === 1 ? 'noConflict' : reasons[0] === 'not_resident' ? 'permanentResident' : 'occupation';
      return invalid({ [fieldName]: t('oversight.err.ineligible', { name, reasons: why }) });
    }
  }
  return deps.db.transaction().execute(async (trx): Promise<Result<{ id: number }>> => {
    const current = await trx
      .selectFrom('oversight_members')
      .select(['id', 'position', 'village_id'])
      .where('board_id', '=', board.id)
      .where('ended_on', 'is', null)
      .execute();
    const err = seatProblem(t, board, current, {
      position,
      villageId,
      villages: board.kind === 'commune_inspection' ? (await villagesOn(trx, commune.id, electedOn)).length : 0,
    });
    if (err) return invalid(err);
    const row = await trx
      .insertInto('oversight_members')
      .values({
        board_id: board.id,
        full_name: name,
        resident_id: residentId,
        village_id: villageId,
        user_id: userId,
        position,
        seat,
        source: 'minutes',
        office_term_id: null,
        elected_on: electedOn,
        occupation,
        conflict_declared: board.kind === 'investment_supervision' && input.noConflict ? 1 : 0,
        ended_on: null,
        end_reason: null,
        created_at: deps.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // R-F3: the village's by-election is done once its new member is recorded.
    if (villageId)
      await trx
        .updateTable('oversight_tasks')
        .set({ done_on: electedOn })
        .where('board_id', '=', board.id)
        .where('village_id', '=', villageId)
        .where('done_on', 'is', null)
        .execute();
    await audit(trx, deps, actor, {
      action: 'oversight.member.added',
      entityType: 'oversight_board',
      entityId: board.id,
      unitId: commune.id,
      data: {
        memberId: row.id,
        name,
        position,
        seat,
        villageId,
        electedOn,
        source: 'minutes',
        occupation,
        ruleSet: r === rulesOn('2025-07-01') ? 'law-97-2025' : 'law-10-2022',
      },
    });
    return { ok: true, id: row.id };
  });
}

/** R-F1, R-F8: no more members than the board's fixed size, one head, the deputies' limit, and (for a
 * commune of 05 villages or more) one member per village. */
function seatProblem(
  t: T,
  board: Board,
  current: { position: string; village_id: number | null }[],
  m: { position: MemberPosition; villageId: number | null; villages: number },
): FieldErrors | null {
  if (board.planned_size > 0 && current.length >= board.planned_size) return { fullName: t('oversight.err.boardFull', { n: board.planned_size }) };
  if (m.position === 'head' && current.some((c) => c.position === 'head')) return { position: t('oversight.err.oneHead') };
  const deputies = current.filter((c) => c.position === 'deputy').length + (m.position === 'deputy' ? 1 : 0);
  const maxDeputies = board.kind === 'agency_inspection' && board.planned_size < 9 ? 1 : 2;
  if (deputies > maxDeputies) return { position: t('oversight.err.deputies', { n: maxDeputies }) };
  if (board.kind === 'commune_inspection' && m.villages >= 5 && current.some((c) => c.village_id === m.villageId))
    return { villageId: t('oversight.err.villageTaken') };
  return null;
}

/** Board members elected through the decisions module (Art 15 item 5) and recognised by the Front:
 * each term in office in a village of the commune not yet on the board joins it, source 'election'. */
export async function importElected(deps: AppDeps, actor: Actor | null, boardId: number): Promise<Result<{ added: number }>> {
  const found = await boardWithCommune(deps.db, boardId);
  if (!found) return refuse('not_found');
  const { board, commune } = found;
  if (!actor || !mayManage(actor, board, commune)) return refuse('forbidden');
  if (board.kind !== 'commune_inspection' || board.status === 'closed') return refuse('wrong_state');
  return deps.db.transaction().execute(async (trx) => {
    const terms = await trx
      .selectFrom('office_terms as o')
      .innerJoin('units as v', 'v.id', 'o.unit_id')
      .innerJoin('residents as r', 'r.id', 'o.resident_id')
      .select(['o.id', 'o.unit_id', 'o.resident_id', 'o.user_id', 'o.starts_on', 'r.full_name'])
      .where('o.position', '=', 'inspection_board')
      .where('o.ended_on', 'is', null)
      .where('v.parent_id', '=', commune.id)
      .execute();
    const have = await trx
      .selectFrom('oversight_members')
      .select(['office_term_id', 'village_id'])
      .where('board_id', '=', board.id)
      .where('ended_on', 'is', null)
      .execute();
    const linked = new Set(have.map((h) => h.office_term_id));
    const taken = new Set(have.map((h) => h.village_id));
    const iso = deps.clock.now().toISOString();
    let added = 0;
    for (const term of terms) {
      if (linked.has(term.id) || taken.has(term.unit_id)) continue;
      await trx
        .insertInto('oversight_members')
        .values({
          board_id: board.id,
          full_name: term.full_name,
          resident_id: term.resident_id,
          village_id: term.unit_id,
          user_id: term.user_id,
          position: 'member',
          seat: 'village',
          source: 'election',
          office_term_id: term.id,
          elected_on: term.starts_on,
          occupation: 'none',
          conflict_declared: 0,
          ended_on: null,
          end_reason: null,
          created_at: iso,
        })
        .execute();
      taken.add(term.unit_id);
      added++;
    }
    await audit(trx, deps, actor, {
      action: 'oversight.member.imported',
      entityType: 'oversight_board',
      entityId: board.id,
      unitId: commune.id,
      data: { added },
    });
    return { ok: true, added };
  });
}
