// Finalising the community decision (Law 10/2022 Art 20(2); R-A1): refused while any required part
// is missing. Village-scope items 1, 2 and 6 take effect from the vote (Art 21(2), R-A14); items 3–5
// wait for recognition; a meeting that lacked households leaves the matter open for a household
// ballot (Art 19(1)(b)).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, isFailure, orStale } from '../../../platform/results.js';
import type { VoteRow } from '../present.js';
import { effectOf, type MatterItem } from '../rules/matters.js';
import { attendanceTooLow } from '../rules/threshold.js';
import { voteFor } from './common.js';

/** R-A1: the parts of Art 20(2) a vote record still lacks, as field -> message key. */
export function missingParts(v: VoteRow): string[] {
  const need: [keyof VoteRow, string][] = [
    ['households_total', 'householdsTotal'],
    ['present', 'present'],
    ['content', 'content'],
    ['outcome', 'result'],
    ['decision_text', 'decisionText'],
    ['confirm_village_head', 'confirmVillageHead'],
    ['confirm_front_head', 'confirmFrontHead'],
    ['confirm_rep1', 'rep1'],
    ['confirm_rep2', 'rep2'],
  ];
  return need.filter(([k]) => v[k] == null || v[k] === '').map(([, name]) => name);
}

export async function finaliseVote(deps: AppDeps, t: T, actor: Actor, voteId: number): Promise<{ ok: true } | Failure> {
  const ctx = await voteFor(deps, actor, voteId, 'runVote', t);
  if (isFailure(ctx)) return ctx;
  const { vote, matter, rs } = ctx;
  if (vote.status !== 'counted' || matter.status === 'annulled') return { ok: false, reason: 'wrong_state' };
  const missing = missingParts(vote);
  if (missing.length) {
    const e: FieldErrors = {};
    for (const m of missing) e[m] = t(`decisions.core.missing.${m}` as 'decisions.core.missing.content');
    return invalid(e);
  }
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const item = matter.item as MatterItem;
  const adopted = vote.outcome === 'adopted';
  let matterStatus = matter.status;
  let effectiveFrom = matter.effective_from;
  if (matter.scope === 'village') {
    if (adopted && effectOf(item, 'village') === 'from_vote') {
      matterStatus = 'adopted';
      // Art 21(2): in force from the vote: the meeting day, or the close of a ballot or online vote.
      effectiveFrom = vote.form !== 'meeting' && vote.closes_at ? todayInVietnam(new Date(vote.closes_at)) : vote.vote_date;
    } else if (!adopted) {
      const fallback = vote.form === 'meeting' && attendanceTooLow(item, vote.households_total ?? 0, vote.present ?? 0, rs);
      matterStatus = fallback ? 'open' : 'not_adopted';
    }
  }
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      // Guarded by what was checked: still counted, the same outcome and record, both confirmations.
      expectUpdated(
        await trx
          .updateTable('votes')
          .set({ status: 'finalised', finalised_on: today, updated_at: now.toISOString() })
          .where('id', '=', vote.id)
          .where('status', '=', 'counted')
          .where('updated_at', '=', vote.updated_at)
          .where('confirm_village_head', 'is not', null)
          .where('confirm_front_head', 'is not', null)
          .executeTakeFirst(),
      );
      if (matterStatus !== matter.status || effectiveFrom !== matter.effective_from)
        await trx
          .updateTable('matters')
          .set({ status: matterStatus, effective_from: effectiveFrom, updated_at: now.toISOString() })
          .where('id', '=', matter.id)
          .execute();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.vote_finalised',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: { outcome: vote.outcome, matterStatus, effectiveFrom },
      });
      return { ok: true as const };
    }),
  );
}
