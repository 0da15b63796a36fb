// What every decisions command shares: loading a vote with its matter and place, and the permission
// check on the village (Law 10/2022 Art 18(1): the village runs it).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import { type RuleSet, ruleSetOn } from '../../../law/rule-sets.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { T } from '../../../platform/i18n/index.js';
import type { Failure } from '../../../platform/results.js';
import { type DecisionsAction, decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';
import type { MatterRow, VoteRow } from '../present.js';
import { organiserCheck, organiserFailure } from './organiser.js';

export type VoteContext = { vote: VoteRow; matter: MatterRow; village: Unit; commune: Unit; rs: RuleSet };

export async function loadVote(db: Conn, voteId: number): Promise<VoteContext | undefined> {
  const vote = await repo.findVote(db, voteId);
  if (!vote) return undefined;
  const matter = (await repo.findMatter(db, vote.matter_id)) as MatterRow;
  const { village, commune } = await repo.placeOf(db, vote.unit_id);
  return { vote, matter, village, commune, rs: ruleSetOn(vote.vote_date < '2023-07-01' ? '2023-07-01' : vote.vote_date) };
}

/**
 * Loads the vote and checks `action` on its village; a failure the route turns into 404/403. Running
 * the vote and confirming its minutes go through organiser.ts (Decree 59/2023 Art 3(1): on a
 * village-head election or dismissal, not the village head, and never its subject or a candidate,
 * who get the refusal in Vietnamese when `t` is given).
 */
export async function voteFor(deps: AppDeps, actor: Actor, voteId: number, action: DecisionsAction, t?: T): Promise<VoteContext | Failure> {
  const ctx = await loadVote(deps.db, voteId);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (action === 'runVote' || action === 'confirmAsVillageHead' || action === 'confirmAsFrontHead') {
    const r = await organiserCheck(deps.db, actor, ctx.matter, ctx.village, action);
    if (r.ok) return ctx;
    return t ? organiserFailure(t, r) : { ok: false, reason: 'forbidden' };
  }
  if (!decisionsPolicy(actor, action, { unitPath: ctx.village.path })) return { ok: false, reason: 'forbidden' };
  return ctx;
}
