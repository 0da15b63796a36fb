// Recognition (Law 10/2022 Art 21(2); Decree 59/2023 Art 8; R-A14): the commune People's Committee
// recognises covenants (item 3) and village heads (item 4); the commune Front recognises board
// members (item 5); within 05 working days of receipt, or a written refusal with reasons. Items 3–5
// are in force only from recognition. Items 1, 2 and 6 need none.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, orStale } from '../../../platform/results.js';
import { decisionsPolicy } from '../decisions.policy.js';
import { type MatterItem, recogniserOf } from '../rules/matters.js';
import { loadVote } from './common.js';
import { applyRecognition } from './election-effects.js';

export type RecogniseInput = { decision: string; decidedOn: string; reason: string };

export async function recogniseVote(deps: AppDeps, t: T, actor: Actor, voteId: number, input: RecogniseInput): Promise<{ ok: true } | Failure> {
  const ctx = await loadVote(deps.db, voteId);
  if (!ctx) return { ok: false, reason: 'not_found' };
  const { vote, matter, commune } = ctx;
  const who = recogniserOf(matter.item as MatterItem);
  if (!who) return { ok: false, reason: 'wrong_state' };
  if (!decisionsPolicy(actor, who === 'committee' ? 'recogniseCommittee' : 'recogniseFront', { unitPath: commune.path }))
    return { ok: false, reason: 'forbidden' };
  if (vote.status !== 'submitted' || matter.status === 'annulled') return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const decision = input.decision === 'recognise' || input.decision === 'refuse' ? input.decision : null;
  if (!decision) e.decision = t('decisions.core.err.recogniseChoice');
  const today = todayInVietnam(deps.clock.now());
  const on = readDate(t, e, 'decidedOn', input.decidedOn || today, true);
  if (on && on > today) e.decidedOn = t('decisions.core.err.notFuture');
  if (on && vote.submitted_on && on < vote.submitted_on) e.decidedOn = t('decisions.core.err.beforeReceipt');
  const reason = input.reason.trim();
  if (decision === 'refuse' && !reason) e.reason = t('decisions.core.err.refusalReason');
  if (decision === 'recognise' && vote.outcome !== 'adopted') e.decision = t('decisions.core.err.notAdopted');
  if (Object.keys(e).length || !on || !decision) return invalid(e);
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      const recognised = decision === 'recognise';
      // Two officials answering at once, or a double click: only the first changes anything.
      expectUpdated(
        await trx
          .updateTable('votes')
          .set({ status: recognised ? 'recognised' : 'refused', recognised_on: on, refusal_reason: recognised ? null : reason, updated_at: now.toISOString() })
          .where('id', '=', vote.id)
          .where('status', '=', 'submitted')
          .executeTakeFirst(),
      );
      expectUpdated(
        await trx
          .updateTable('matters')
          .set({ status: recognised ? 'adopted' : 'not_adopted', effective_from: recognised ? on : null, updated_at: now.toISOString() })
          .where('id', '=', matter.id)
          .where('status', '!=', 'annulled')
          .executeTakeFirst(),
      );
      await appendAudit(trx, deps.dialect, now, actor, {
        action: recognised ? 'decisions.vote_recognised' : 'decisions.vote_refused',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: { on, reason: recognised ? null : reason, by: who },
      });
      if (recognised && matter.kind !== 'general') {
        const fresh = await trx.selectFrom('votes').selectAll().where('id', '=', vote.id).executeTakeFirstOrThrow();
        await applyRecognition(trx, deps, fresh, { ...matter, status: 'adopted', effective_from: on }, actor, now);
      }
      return { ok: true as const };
    }),
  );
}
