// The community decision's minutes (Law 10/2022 Art 20(2); R-A1): what was discussed, the decision,
// and the confirmations of the village head, the Front work committee head and two household
// representatives. Editing the text voids confirmations given to the old text.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, isFailure, orStale } from '../../../platform/results.js';
import * as repo from '../decisions.repo.js';
import { voteFor } from './common.js';

export type MinutesInput = { content: string; decisionText: string; rep1: string; rep2: string };

export async function saveMinutes(deps: AppDeps, t: T, actor: Actor, voteId: number, input: MinutesInput): Promise<{ ok: true } | Failure> {
  const ctx = await voteFor(deps, actor, voteId, 'runVote', t);
  if (isFailure(ctx)) return ctx;
  const { vote } = ctx;
  if (vote.status !== 'counted') return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const content = input.content.trim();
  const decisionText = input.decisionText.trim();
  if (!content) e.content = t('decisions.core.err.contentRequired');
  if (!decisionText) e.decisionText = t('decisions.core.err.decisionRequired');
  // Art 20(2)(g): two household representatives of households on the register sign.
  const reps = new Set((await repo.registerOn(deps.db, vote.unit_id, vote.vote_date)).map((h) => h.representative).filter(Boolean));
  const rep1 = input.rep1.trim();
  const rep2 = input.rep2.trim();
  if (!reps.has(rep1)) e.rep1 = t('decisions.core.err.repRequired');
  if (!reps.has(rep2)) e.rep2 = t('decisions.core.err.repRequired');
  else if (rep1 === rep2) e.rep2 = t('decisions.core.err.repDistinct');
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  // The confirmations cover the text and who signs beside them: a change to either voids them.
  const changed = vote.content !== content || vote.decision_text !== decisionText || vote.confirm_rep1 !== rep1 || vote.confirm_rep2 !== rep2;
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('votes')
          .set({
            content,
            decision_text: decisionText,
            confirm_rep1: rep1,
            confirm_rep2: rep2,
            ...(changed ? { confirm_village_head: null, confirm_front_head: null } : {}),
            updated_at: now.toISOString(),
          })
          .where('id', '=', vote.id)
          .where('status', '=', 'counted')
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.minutes_saved',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: { content, decisionText, rep1, rep2 },
      });
      return { ok: true as const };
    }),
  );
}

/** The village head or the Front work committee head confirms the minutes as they stand. */
export async function confirmMinutes(deps: AppDeps, t: T, actor: Actor, voteId: number, as: 'village_head' | 'front_head'): Promise<{ ok: true } | Failure> {
  const ctx = await voteFor(deps, actor, voteId, as === 'village_head' ? 'confirmAsVillageHead' : 'confirmAsFrontHead', t);
  if (isFailure(ctx)) return ctx;
  const { vote } = ctx;
  if (vote.status !== 'counted') return { ok: false, reason: 'wrong_state' };
  if (!vote.decision_text) return invalid({ _form: t('decisions.core.err.minutesFirst') });
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      // Confirms the text the confirmer saw: a concurrent edit makes this a stale request.
      expectUpdated(
        await trx
          .updateTable('votes')
          .set(as === 'village_head' ? { confirm_village_head: actor.label } : { confirm_front_head: actor.label })
          .where('id', '=', vote.id)
          .where('status', '=', 'counted')
          .where('decision_text', '=', vote.decision_text)
          .where('updated_at', '=', vote.updated_at)
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: `decisions.minutes_confirmed_${as}`,
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: { decisionText: vote.decision_text },
      });
      return { ok: true as const };
    }),
  );
}
