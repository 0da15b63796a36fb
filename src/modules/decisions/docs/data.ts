// What the documents need beyond the vote record: the list of participating households (Decree 59
// Art 5(4)(a)) and the ballot figures of the count minutes (Mẫu 02, 04). Read-only queries.
import type { Conn } from '../../../db/index.js';
import * as repo from '../decisions.repo.js';
import type { Rec } from './labels.js';

export type Participant = { code: string; name: string; address: string };

/** Decree 59 Art 5(4)(a): the household representatives who took part (full name and permanent address). */
export async function participantList(db: Conn, voteId: number): Promise<Participant[]> {
  const rows = await repo.participants(db, voteId);
  return rows.map((p) => ({ code: p.code, name: p.authorised_representative ?? p.full_name ?? '', address: p.address }));
}

/** Ballots issued, returned, valid and invalid; null where the platform does not know the figure and
 * the counting committee writes it by hand. */
export type BallotFigures = { issued: number | null; returned: number | null; valid: number | null; invalid: number | null };

export async function ballotFigures(db: Conn, r: Rec): Promise<BallotFigures> {
  if (r.vote.form === 'meeting') {
    // Paper ballots at a meeting: only the counts per option are entered. With one choice a ballot
    // (one seat, or agree / disagree / other) the counts add up to the valid ballots.
    const sum = Object.values(r.counts).reduce((a, b) => a + b, 0);
    return { issued: null, returned: null, valid: r.vote.seats === 1 && r.revealCounts ? sum : null, invalid: null };
  }
  // Household ballot (one to each household on the register, Law Art 19(3)) and online vote: a receipt
  // for each household that returned one; a ballot row for each choice, keyed by the receipt's hash.
  const returned = r.present;
  const row = await db
    .selectFrom('vote_ballots')
    .select((eb) => eb.fn.count<number>('receipt_hash').distinct().as('n'))
    .where('vote_id', '=', r.vote.id)
    .executeTakeFirstOrThrow();
  const valid = Number(row.n);
  return {
    issued: r.vote.form === 'household_ballot' ? r.householdsTotal : null,
    returned,
    valid,
    invalid: returned != null && returned >= valid ? returned - valid : null,
  };
}
