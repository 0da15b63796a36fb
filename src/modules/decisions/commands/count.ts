// Closing an online vote or a household ballot and counting it (Decree 59/2023 Arts 4(6), 5(4)): only
// after the deadline; a household ballot is counted before 02 household witnesses (R-A12).
import { sql } from 'kysely';
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { readNames } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, isFailure, orStale } from '../../../platform/results.js';
import * as repo from '../decisions.repo.js';
import type { MatterItem } from '../rules/matters.js';
import { voteFor } from './common.js';
import { resultOf } from './tally-result.js';

export async function countVote(deps: AppDeps, t: T, actor: Actor, voteId: number, input: { witnesses: string }): Promise<{ ok: true } | Failure> {
  const ctx = await voteFor(deps, actor, voteId, 'runVote', t);
  if (isFailure(ctx)) return ctx;
  const { vote, matter, rs } = ctx;
  if (vote.form === 'meeting' || vote.status !== 'scheduled') return { ok: false, reason: 'wrong_state' };
  const now = deps.clock.now();
  if (!vote.closes_at || now.toISOString() < vote.closes_at) return invalid({ _form: t('decisions.core.err.notClosed') });
  const witnesses = readNames(input.witnesses);
  if (vote.form === 'household_ballot' && witnesses.length !== rs.decisions.witnesses)
    return invalid({ witnesses: t('decisions.core.err.witnesses', { n: rs.decisions.witnesses }) });
  const total = await repo.householdsTotalOn(deps.db, vote.unit_id, vote.vote_date);
  if (total === 0) return invalid({ _form: t('decisions.core.err.noHouseholds') });
  const options = await repo.optionsOf(deps.db, vote.id);
  const r = await orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      // Counted inside the transaction, so that the stored result is the store's content at the close.
      // On PostgreSQL a ballot being written holds a share lock on the vote row: waiting for the
      // exclusive lock lets it finish first (SQLite runs one writer at a time anyway).
      if (deps.dialect === 'postgres') await trx.selectFrom('votes').select('id').where('id', '=', vote.id).forUpdate().execute();
      const counts = await repo.tallyBallots(trx, vote.id);
      const present = await repo.receiptsCount(trx, vote.id);
      if (deps.dialect === 'postgres') {
        // On PostgreSQL each row carries the id of the transaction that wrote it (xmin), and a
        // household's receipt and ballot were written by the same one. Writing the ballots again in
        // this transaction gives them all one xmin, so nothing links a ballot to its receipt (item 9).
        const ballots = await trx.selectFrom('vote_ballots').selectAll().where('vote_id', '=', vote.id).orderBy('receipt_hash').orderBy('option_key').execute();
        await trx.deleteFrom('vote_ballots').where('vote_id', '=', vote.id).execute();
        for (let i = 0; i < ballots.length; i += 5000)
          await trx
            .insertInto('vote_ballots')
            .values(ballots.slice(i, i + 5000))
            .execute();
      }
      const working = resultOf(matter.kind, matter.item as MatterItem, options, counts, total, present, vote.seats, rs);
      const updated = await trx
        .updateTable('votes')
        .set({
          status: 'counted',
          households_total: total,
          present,
          witnesses: JSON.stringify(witnesses),
          outcome: working.adopted ? 'adopted' : 'not_adopted',
          working: JSON.stringify(working),
          updated_at: now.toISOString(),
        })
        .where('id', '=', vote.id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      expectUpdated(updated); // the team counts once, even when two members press the button together
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.vote_counted',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: {
          householdsTotal: total,
          participating: present,
          counts,
          outcome: working.adopted ? 'adopted' : 'not_adopted',
          needed: working.needed,
          witnesses,
        },
      });
      return { ok: true as const };
    }),
  );
  // Issue 4 item 9: on SQLite the ballot table is stored in key order (WITHOUT ROWID); a PostgreSQL
  // heap keeps insertion order and the rows just deleted above. Rewriting the table in key order at
  // the close drops them and leaves no trace of the order of voting.
  if (r.ok && deps.dialect === 'postgres') await sql`cluster vote_ballots using vote_ballots_pkey`.execute(deps.db);
  return r;
}
