// The term of a village head who took office before terms were kept in the system (R-B4; Decree
// 59/2023 Art 8: elected at the village meeting and recognised by the commune chairman). The commune
// records the recognition date; the term ends after the province's term length
// (src/law/province-profile.ts). The head's existing village_head grant is linked to the term, so that
// the term's end revokes it (endExpiredTerms) and no second grant is made.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { daysBetween, todayInVietnam } from '../../../platform/calendar/calendar.js';
import { addMonths } from '../../../platform/calendar/periods.js';
import { activeTerms, auditActor, mayManage, placeOfVillage, profileOf, residentsQuery } from './election-common.js';

export type SittingHeadInput = { residentId: number; userId: number; recognisedOn: string; decision: string };
export type SittingHeadResult =
  | { ok: true; termId: number; endsOn: string; grantId: number }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' | 'not_resident' | 'no_grant' | 'future' | 'ended' };

export async function recordSittingHead(deps: AppDeps, actor: Actor, villageId: number, input: SittingHeadInput): Promise<SittingHeadResult> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<SittingHeadResult> => {
    const place = await placeOfVillage(trx, villageId);
    if (!place) return { ok: false, reason: 'not_found' };
    if (!mayManage(actor, place.village)) return { ok: false, reason: 'forbidden' };
    // One head per village: a term already in force is not overwritten here (an election replaces it).
    if ((await activeTerms(trx, villageId, 'village_head')).length) return { ok: false, reason: 'wrong_state' };
    const resident = await residentsQuery(trx, villageId, today).where('r.id', '=', input.residentId).executeTakeFirst();
    if (!resident) return { ok: false, reason: 'not_resident' };
    const grant = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', input.userId)
      .where('role', '=', 'village_head')
      .where('unit_id', '=', villageId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!grant) return { ok: false, reason: 'no_grant' };
    if (daysBetween(today, input.recognisedOn) > 0) return { ok: false, reason: 'future' };
    const endsOn = addMonths(input.recognisedOn, (await profileOf(trx, place.village)).villageHeadTermMonths);
    if (endsOn < today) return { ok: false, reason: 'ended' };
    const term = await trx
      .insertInto('office_terms')
      .values({
        unit_id: villageId,
        position: 'village_head',
        resident_id: resident.id,
        user_id: input.userId,
        interim: 0,
        matter_id: null,
        starts_on: input.recognisedOn,
        ends_on: endsOn,
        grant_id: grant.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, now, auditActor(actor), {
      action: 'decisions.election.sitting_head_recorded',
      entityType: 'office_term',
      entityId: term.id,
      unitId: villageId,
      data: { residentId: resident.id, userId: input.userId, grantId: grant.id, startsOn: input.recognisedOn, endsOn, decision: input.decision },
    });
    return { ok: true, termId: term.id, endsOn, grantId: grant.id };
  });
}
