// The ballot team enters a household ballot returned on paper (Law 10/2022 Art 19(2); Decree 59/2023
// Art 4(6)(a): the team collects the ballots by the deadline and counts them with two household
// witnesses, whom the count command records). The ballot goes to the same secret store as online
// ballots, under a random code nobody keeps, and the same receipt refuses a second ballot from the
// household (R-A9), whether it came on paper or online.
import type { AppDeps } from '../../../app-deps.js';
import { isUniqueViolation } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import * as repo from '../decisions.repo.js';
import { ballotOptions, type ChoiceError, checkChoices, newReceiptCode, storeBallot, voteForBallot } from './cast.js';
import { mayOrganise } from './organiser.js';

export type PaperRefusal = 'not_found' | 'wrong_form' | 'forbidden' | 'not_open' | 'closed' | 'already_voted';
export type PaperResult =
  | { ok: true }
  | { ok: false; reason: PaperRefusal }
  | { ok: false; reason: 'invalid'; field: 'household'; problem: 'household_required' | 'not_on_register' }
  | ChoiceError;

export async function enterPaperBallot(
  deps: Pick<AppDeps, 'db' | 'dialect' | 'clock'>,
  actor: Actor,
  voteId: number,
  householdId: number,
  choices: string[],
  otherText?: string,
): Promise<PaperResult> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx): Promise<PaperResult> => {
      const vote = await voteForBallot(trx, deps.dialect, voteId);
      if (!vote) return { ok: false, reason: 'not_found' };
      // Decree 59 Art 3(1): not the subject or a candidate of a village-head election or dismissal.
      if (!(await mayOrganise(trx, actor, { id: vote.matter_id, kind: vote.kind, position: vote.position }, vote, 'runVote')))
        return { ok: false, reason: 'forbidden' };
      if (vote.form !== 'household_ballot') return { ok: false, reason: 'wrong_form' };
      // Ballots come back until the deadline and the team counts after it: entry runs from the vote
      // date until the vote is counted.
      if (vote.status !== 'scheduled') return { ok: false, reason: 'closed' };
      if (todayInVietnam(now) < vote.vote_date) return { ok: false, reason: 'not_open' };
      if (!Number.isInteger(householdId) || householdId <= 0) return { ok: false, reason: 'invalid', field: 'household', problem: 'household_required' };
      if (!(await repo.onRegisterOn(trx, householdId, vote.unit_id, vote.vote_date))) {
        return { ok: false, reason: 'invalid', field: 'household', problem: 'not_on_register' };
      }
      const checked = checkChoices(await ballotOptions(trx, voteId), vote.seats, { choices, otherText });
      if (!checked.ok) return checked;
      await storeBallot(trx, voteId, householdId, 'paper', checked, newReceiptCode());
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.paper_ballot_entered',
        entityType: 'vote',
        entityId: voteId,
        unitId: vote.unit_id,
        data: { householdId, channel: 'paper' },
      });
      return { ok: true };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, reason: 'already_voted' };
    throw e;
  }
}
