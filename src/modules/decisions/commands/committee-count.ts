// The counting committee enters its count of a secret ballot (Decree 59/2023 Art 3(5)(c); issue 4
// "counting committee members enter counts"): after the meeting was recorded with its counts left
// blank, a committee member — a household representative of the village named on the committee — or
// the organisers enter the counts; the result and its working follow (Law 10/2022 Art 21(1)).
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, orStale } from '../../../platform/results.js';
import { fold } from '../../../platform/search/fold.js';
import { decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';
import { names } from '../present.js';
import type { MatterItem } from '../rules/matters.js';
import { loadVote, type VoteContext } from './common.js';
import { readMeetingCounts } from './meeting-counts.js';
import { actionOn, conflictOf, mayOrganise } from './organiser.js';
import { resultOf } from './tally-result.js';

/** A secret-ballot meeting recorded without its counts: what the committee has to count. */
export const awaitingCommittee = (v: { form: string; status: string; method: string | null; present: number | null }) =>
  v.form === 'meeting' && v.status === 'scheduled' && v.method === 'secret_ballot' && v.present != null;

/** The organisers, or a household representative of the village whose name is on the committee. */
export async function mayEnterCount(db: Conn, actor: Actor | null, ctx: Pick<VoteContext, 'vote' | 'village' | 'matter'>): Promise<boolean> {
  if (!actor) return false;
  const res = { unitPath: ctx.village.path };
  if (decisionsPolicy(actor, actionOn(ctx.matter, 'runVote'), res)) return mayOrganise(db, actor, ctx.matter, ctx.village, 'runVote');
  // Decree 59 Art 3(1): a candidate of a village-head election does not count its ballots.
  if (await conflictOf(db, actor, ctx.matter)) return false;
  if (!decisionsPolicy(actor, 'castOnline', res) || actor.userId == null) return false;
  const me = await db
    .selectFrom('users as u')
    .innerJoin('residents as r', 'r.id', 'u.resident_id')
    .select(['r.full_name', 'r.household_id'])
    .where('u.id', '=', actor.userId)
    .executeTakeFirst();
  if (!me || !(await repo.onRegisterOn(db, me.household_id, ctx.vote.unit_id, ctx.vote.vote_date))) return false;
  // Committee members are written by name in the minutes; compared without case or diacritics.
  return names(ctx.vote.committee).some((n) => fold(n) === fold(me.full_name));
}

export async function enterCommitteeCount(deps: AppDeps, t: T, actor: Actor, voteId: number, typed: Record<string, string>): Promise<{ ok: true } | Failure> {
  const ctx = await loadVote(deps.db, voteId);
  if (!ctx) return { ok: false, reason: 'not_found' };
  if (!(await mayEnterCount(deps.db, actor, ctx))) return { ok: false, reason: 'forbidden' };
  const { vote, matter, rs } = ctx;
  if (!awaitingCommittee(vote)) return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const options = await repo.optionsOf(deps.db, vote.id);
  const attendance = await repo.attendanceOf(deps.db, vote.id);
  const { counts, totals } = readMeetingCounts(t, e, {
    options,
    clusters: vote.clusters,
    attendance,
    choicesPerHousehold: matter.kind === 'election' ? vote.seats : 1,
    typed,
  });
  if (Object.keys(e).length) return invalid(e);
  const total = vote.households_total ?? (await repo.householdsTotalOn(deps.db, vote.unit_id, vote.vote_date));
  const working = resultOf(matter.kind, matter.item as MatterItem, options, totals, total, vote.present, vote.seats, rs);
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('votes')
          .set({ status: 'counted', outcome: working.adopted ? 'adopted' : 'not_adopted', working: JSON.stringify(working), updated_at: now.toISOString() })
          .where('id', '=', vote.id)
          .where('status', '=', 'scheduled')
          .where('updated_at', '=', vote.updated_at)
          .executeTakeFirst(),
      );
      await trx.deleteFrom('vote_counts').where('vote_id', '=', vote.id).execute();
      if (counts.length)
        await trx
          .insertInto('vote_counts')
          .values(counts.map((c) => ({ vote_id: vote.id, ...c })))
          .execute();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.committee_counted',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: { counts: totals, outcome: working.adopted ? 'adopted' : 'not_adopted', needed: working.needed },
      });
      return { ok: true as const };
    }),
  );
}
