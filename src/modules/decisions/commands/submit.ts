// Sending the decision to the commune People's Committee and Front (Law 10/2022 Art 20(3); R-A13):
// the day it was sent is recorded; the clock shows whether it was within 05 working days. Then the
// village head publishes the result to residents (Art 23(2); R-A17).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, isFailure, orStale } from '../../../platform/results.js';
import { voteFor } from './common.js';

export async function submitVote(deps: AppDeps, t: T, actor: Actor, voteId: number, input: { submittedOn: string }): Promise<{ ok: true } | Failure> {
  const ctx = await voteFor(deps, actor, voteId, 'runVote', t);
  if (isFailure(ctx)) return ctx;
  const { vote } = ctx;
  if (vote.status !== 'finalised') return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const today = todayInVietnam(deps.clock.now());
  const on = readDate(t, e, 'submittedOn', input.submittedOn || today, true);
  if (on && on > today) e.submittedOn = t('decisions.core.err.notFuture');
  if (on && on < vote.vote_date) e.submittedOn = t('decisions.core.err.beforeVote');
  if (Object.keys(e).length || !on) return invalid(e);
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('votes')
          .set({ status: 'submitted', submitted_on: on, updated_at: now.toISOString() })
          .where('id', '=', vote.id)
          .where('status', '=', 'finalised')
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.vote_submitted',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: { submittedOn: on },
      });
      return { ok: true as const };
    }),
  );
}

/** R-A17 (Art 23(2)): the village head publishes the result to residents. */
export async function publishResult(deps: AppDeps, actor: Actor, voteId: number): Promise<{ ok: true } | Failure> {
  const ctx = await voteFor(deps, actor, voteId, 'publishResult');
  if (isFailure(ctx)) return ctx;
  const { vote } = ctx;
  if (!['finalised', 'submitted', 'recognised', 'refused'].includes(vote.status) || vote.published_on) return { ok: false, reason: 'wrong_state' };
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('votes')
          .set({ published_on: todayInVietnam(now), updated_at: now.toISOString() })
          .where('id', '=', vote.id)
          .where('published_on', 'is', null)
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.result_published',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: { outcome: vote.outcome },
      });
      return { ok: true as const };
    }),
  );
}
