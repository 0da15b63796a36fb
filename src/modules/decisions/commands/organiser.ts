// Who may organise a vote (Law 10/2022 Art 18(1); Decree 59/2023 Art 3(1)). For ordinary matters the
// village head and the village's Front work committee head run the vote (decisions.policy.ts runVote).
// A meeting that elects or dismisses a village head is not the village head's: Decree 59 Art 3(1) gives
// the election to the election team the commune chairman sets up (led by the Front work committee
// representative, its members not candidates, Art 6(1)(b)) and the dismissal to the head of the village
// Front work committee (the commune chairman when the village head is that head himself). So on those
// matters running the vote is `runHeadVote`, and nobody who is the head being dismissed or a candidate
// may schedule, run, record counts or confirm the minutes, whatever role he holds.
import type { Conn } from '../../../db/index.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { T } from '../../../platform/i18n/index.js';
import { type Failure, invalid } from '../../../platform/results.js';
import { type DecisionsAction, decisionsPolicy } from '../decisions.policy.js';
import type { MatterRow } from '../present.js';
import { parseCandidates } from './election-common.js';

export type OrganiserAction = 'runVote' | 'confirmAsVillageHead' | 'confirmAsFrontHead';
export type Conflict = 'subject' | 'candidate' | 'dismissed_head';
export type OrganiserCheck = { ok: true } | { ok: false; reason: 'forbidden' } | { ok: false; conflict: Conflict };

/** Law 10/2022 Art 15(4): the matter elects or dismisses a village (residential group) head. */
export const electsOrDismissesHead = (m: Pick<MatterRow, 'kind' | 'position'>): boolean => m.kind !== 'general' && m.position === 'village_head';

/** The policy action that decides `action` on this matter. */
export function actionOn(m: Pick<MatterRow, 'kind' | 'position'>, action: OrganiserAction): DecisionsAction {
  if (!electsOrDismissesHead(m)) return action;
  if (action === 'runVote') return 'runHeadVote';
  return action === 'confirmAsVillageHead' ? 'confirmHeadVoteAsVillageHead' : 'confirmAsFrontHead';
}

/** The resident the actor's account belongs to, if any. */
async function residentOf(db: Conn, actor: Actor): Promise<number | null> {
  if (actor.userId == null) return null;
  const u = await db.selectFrom('users').select('resident_id').where('id', '=', actor.userId).executeTakeFirst();
  return u?.resident_id ?? null;
}

/** Whether the actor is the subject of the matter (the head it would dismiss) or one of its candidates. */
export async function conflictOf(db: Conn, actor: Actor, matter: Pick<MatterRow, 'id' | 'kind' | 'position'>): Promise<Conflict | null> {
  if (!electsOrDismissesHead(matter)) return null;
  const resident = await residentOf(db, actor);
  if (resident == null) return null;
  const el = await db.selectFrom('elections').select(['holder_resident_id', 'candidates']).where('matter_id', '=', matter.id).executeTakeFirst();
  if (!el) return null;
  if (matter.kind === 'dismissal' && el.holder_resident_id === resident) return 'subject';
  if (matter.kind === 'election' && parseCandidates(el.candidates).some((c) => c.residentId === resident)) return 'candidate';
  return null;
}

/**
 * The one check behind scheduling, recording, counting, minutes, confirmations, finalising and sending.
 * On a dismissal the village-head line of the minutes (Art 20(2)(g)) is not signed by a village head
 * of that village, who is the head being dismissed: the commune signs it for the convener.
 */
export async function organiserCheck(
  db: Conn,
  actor: Actor | null,
  matter: Pick<MatterRow, 'id' | 'kind' | 'position'>,
  village: { path: string },
  action: OrganiserAction,
): Promise<OrganiserCheck> {
  const res = { unitPath: village.path };
  if (!actor || !decisionsPolicy(actor, actionOn(matter, action), res)) return { ok: false, reason: 'forbidden' };
  if (!electsOrDismissesHead(matter)) return { ok: true };
  const conflict = await conflictOf(db, actor, matter);
  if (conflict) return { ok: false, conflict };
  if (matter.kind === 'dismissal' && action === 'confirmAsVillageHead' && !decisionsPolicy(actor, 'confirmDismissalForCommune', res))
    return { ok: false, conflict: 'dismissed_head' };
  return { ok: true };
}

/** Whether the actor may take the step (pages hide the buttons of a step he may not take). */
export const mayOrganise = async (...args: Parameters<typeof organiserCheck>): Promise<boolean> => (await organiserCheck(...args)).ok;

/** The refusal a command returns: 403 for a role that may not, a Vietnamese explanation for a conflict. */
export function organiserFailure(t: T, r: Exclude<OrganiserCheck, { ok: true }>): Failure {
  if ('reason' in r) return r;
  return invalid({ _form: t(`decisions.core.err.conflict.${r.conflict}`) });
}
