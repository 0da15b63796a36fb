// What recognising an election or a dismissal changes (Decree 59/2023 Arts 8–9; R-B2, R-B3, R-B4).
// The lead's recognise command calls applyRecognition inside its own transaction, after setting the
// vote 'recognised', for matters of kind 'election' or 'dismissal'. Nothing here runs earlier: an
// elected village head has no authority in the system until this recognition (Art 8; R-B2).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { addMonths } from '../../../platform/calendar/periods.js';
import type { MatterRow, VoteRow } from '../present.js';
import { newElectionDue } from '../rules/deadlines.js';
import type { StoredWorking } from '../rules/threshold.js';
import {
  accountFor,
  activeTerms,
  auditActor,
  endTerms,
  grantOffice,
  grantUnitOf,
  isPosition,
  type Position,
  placeOfVillage,
  profileOf,
  revokeGrants,
  roleOf,
  termMonthsOf,
} from './election-common.js';

/** The residents the working marks elected (Decree 59 Art 3(5)(d): the count decides, not the list). */
export function electedOf(working: string | null): number[] {
  if (!working) return [];
  try {
    const w = JSON.parse(working) as StoredWorking;
    return (w.candidates ?? []).filter((c) => c.elected && c.residentId != null).map((c) => c.residentId as number);
  } catch {
    return [];
  }
}

export async function applyRecognition(trx: Conn, deps: AppDeps, vote: VoteRow, matter: MatterRow, actor: Actor, now: Date): Promise<void> {
  if ((matter.kind !== 'election' && matter.kind !== 'dismissal') || !matter.position || !isPosition(matter.position)) return;
  const place = await placeOfVillage(trx, matter.unit_id);
  if (!place) return;
  const recognisedOn = vote.recognised_on ?? todayInVietnam(now);
  const ctx = { trx, deps, actor, now, place, position: matter.position, recognisedOn };
  if (matter.kind === 'election') await seat(ctx, vote, matter);
  else await dismiss(ctx, matter);
}

type Ctx = {
  trx: Conn;
  deps: AppDeps;
  actor: Actor;
  now: Date;
  place: NonNullable<Awaited<ReturnType<typeof placeOfVillage>>>;
  position: Position;
  recognisedOn: string;
};

/** Election: the previous holder's term ends and their role goes; each elected resident starts a
 * term of the province's length (R-B4) and receives the role, on an account linked to the resident. */
async function seat(c: Ctx, vote: VoteRow, matter: MatterRow): Promise<void> {
  const { trx, place, position } = c;
  const elected = electedOf(vote.working);
  if (elected.length === 0) return;
  const iso = c.now.toISOString();
  const by = c.actor.userId;
  const role = roleOf(position);
  const grantUnit = grantUnitOf(position, place.village, place.commune);
  // A village has one head; an inspection-board seat belongs to the village that elects it. A
  // supervision board is set up per project, so a new one leaves the members of others in place.
  const previous = position === 'supervision_board' ? [] : await activeTerms(trx, place.village.id, position);
  const ended = await endTerms(trx, previous, c.recognisedOn, by, iso);
  let stray: number[] = [];
  if (position === 'village_head') {
    // A head granted by hand before terms were kept in the system also stops acting.
    const others = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('role', '=', 'village_head')
      .where('unit_id', '=', place.village.id)
      .where('revoked_at', 'is', null)
      .execute();
    stray = await revokeGrants(
      trx,
      others.map((g) => g.id),
      by,
      iso,
    );
  }
  const months = termMonthsOf(position, await profileOf(trx, place.village));
  const endsOn = months == null ? null : addMonths(c.recognisedOn, months);
  const seated = [];
  for (const residentId of elected) {
    const resident = await trx.selectFrom('residents').select(['id', 'full_name', 'phone']).where('id', '=', residentId).executeTakeFirst();
    if (!resident) continue;
    const acc = await accountFor(trx, resident, iso);
    const grantId = await grantOffice(trx, acc.userId, role, grantUnit.id, by, iso);
    const term = await trx
      .insertInto('office_terms')
      .values({
        unit_id: place.village.id,
        position,
        resident_id: resident.id,
        user_id: acc.userId,
        interim: 0,
        matter_id: matter.id,
        starts_on: c.recognisedOn,
        ends_on: endsOn,
        grant_id: grantId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    seated.push({ residentId: resident.id, userId: acc.userId, account: acc.account, canSignIn: acc.canSignIn, grantId, termId: term.id });
  }
  await appendAudit(trx, c.deps.dialect, c.now, auditActor(c.actor), {
    action: 'decisions.election.took_office',
    entityType: 'matter',
    entityId: matter.id,
    unitId: place.village.id,
    data: {
      voteId: vote.id,
      position,
      role,
      grantUnitId: grantUnit.id,
      startsOn: c.recognisedOn,
      endsOn,
      seated,
      endedTerms: ended.termIds,
      revokedGrants: [...ended.grantIds, ...stray],
    },
  });
}

/** Dismissal: the holder's term ends on the recognition date and the role is revoked; for a village
 * head a new election must be decided within 60 days (Art 9; R-B3). */
async function dismiss(c: Ctx, matter: MatterRow): Promise<void> {
  const { trx, place, position } = c;
  const iso = c.now.toISOString();
  const by = c.actor.userId;
  const el = await trx.selectFrom('elections').selectAll().where('matter_id', '=', matter.id).executeTakeFirst();
  if (!el?.holder_resident_id) return;
  const terms = (await activeTerms(trx, place.village.id, position)).filter((x) => x.resident_id === el.holder_resident_id);
  const ended = await endTerms(trx, terms, c.recognisedOn, by, iso);
  // Any other grant of the same role on the same unit held by the holder's accounts goes too.
  const users = await trx.selectFrom('users').select('id').where('resident_id', '=', el.holder_resident_id).execute();
  const grantUnit = grantUnitOf(position, place.village, place.commune);
  const more = users.length
    ? await trx
        .selectFrom('role_grants')
        .select('id')
        .where(
          'user_id',
          'in',
          users.map((u) => u.id),
        )
        .where('role', '=', roleOf(position))
        .where('unit_id', '=', grantUnit.id)
        .where('revoked_at', 'is', null)
        .execute()
    : [];
  const stray = await revokeGrants(
    trx,
    more.map((g) => g.id),
    by,
    iso,
  );
  const due = position === 'village_head' ? newElectionDue(c.recognisedOn, ruleSetOn(c.recognisedOn)) : null;
  if (due) await trx.updateTable('elections').set({ new_election_due: due }).where('matter_id', '=', matter.id).execute();
  await appendAudit(trx, c.deps.dialect, c.now, auditActor(c.actor), {
    action: 'decisions.dismissal.took_effect',
    entityType: 'matter',
    entityId: matter.id,
    unitId: place.village.id,
    data: {
      position,
      holderResidentId: el.holder_resident_id,
      endedOn: c.recognisedOn,
      endedTerms: ended.termIds,
      revokedGrants: [...ended.grantIds, ...stray],
      newElectionDue: due,
    },
  });
}
