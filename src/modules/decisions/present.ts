// Rows -> the vote record that pages, Word files and the API show (Law 10/2022 Art 20(2); R-A1).
// Views never see raw rows.

import type { Selectable } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import type { Conn } from '../../db/index.js';
import type { MatterTable, VoteTable } from '../../db/types.js';
import { ruleSetOrNull } from '../../law/rule-sets.js';
import * as repo from './decisions.repo.js';
import type { Working } from './rules/threshold.js';

export type VoteRow = Selectable<VoteTable>;
export type MatterRow = Selectable<MatterTable>;

/** The options an ordinary matter offers (Decree 59/2023 Art 5(2)(c): exactly these three online). */
export const STANDARD_OPTIONS = [
  { key: 'agree', label: 'Đồng ý' },
  { key: 'disagree', label: 'Không đồng ý' },
  { key: 'other', label: 'Ý kiến khác' },
] as const;

export const names = (json: string | null | undefined): string[] => {
  try {
    const v = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/** Counts come from the ballot store for online votes and household ballots, and from the counts
 * entered at the meeting otherwise. */
export async function countsOf(db: Conn, vote: Pick<VoteRow, 'id' | 'form'>): Promise<Record<string, number>> {
  return vote.form === 'meeting' ? repo.enteredCounts(db, vote.id) : repo.tallyBallots(db, vote.id);
}

/** A status as residents read it: a scheduled online vote or household ballot is open for voting
 * between its start and its close, by the clock (Decree 59/2023 Arts 4(6), 5(3)). */
export type ShownStatus = VoteRow['status'] | 'voting';
export const isVotingNow = (v: Pick<VoteRow, 'status' | 'form' | 'opens_at' | 'closes_at'>, nowIso: string): boolean =>
  v.status === 'scheduled' && v.form !== 'meeting' && !!v.opens_at && !!v.closes_at && v.opens_at <= nowIso && nowIso < v.closes_at;
export const shownStatus = (v: Pick<VoteRow, 'status' | 'form' | 'opens_at' | 'closes_at'>, nowIso: string): ShownStatus =>
  isVotingNow(v, nowIso) ? 'voting' : v.status;

export type VoteRecord = Awaited<ReturnType<typeof loadVoteRecord>>;

/** Everything Art 20(2) asks of a community decision, for one vote. `revealCounts` is false while an
 * online vote or household ballot is still open (issue 4 item 9: results stay hidden until the close). */
export async function loadVoteRecord(deps: Pick<AppDeps, 'db' | 'clock'>, voteId: number) {
  const { db } = deps;
  const vote = await repo.findVote(db, voteId);
  if (!vote) return undefined;
  const matter = (await repo.findMatter(db, vote.matter_id)) as MatterRow;
  const { village, commune } = await repo.placeOf(db, vote.unit_id);
  const options = await repo.optionsOf(db, vote.id);
  const nowIso = deps.clock.now().toISOString();
  const open = vote.form !== 'meeting' && !!vote.closes_at && nowIso < vote.closes_at;
  const counts = open ? {} : await countsOf(db, vote);
  const working: Working | null = vote.working ? (JSON.parse(vote.working) as Working) : null;
  const householdsTotal = vote.households_total;
  const present = vote.form === 'meeting' ? vote.present : vote.status === 'scheduled' ? null : await repo.receiptsCount(db, vote.id);
  return {
    vote,
    matter,
    village: { id: village.id, name: village.name, code: village.code, path: village.path },
    commune: { id: commune.id, name: commune.name, code: commune.code },
    options: options.map((o) => ({ key: o.key, label: o.label, residentId: o.resident_id })),
    open,
    shownStatus: shownStatus(vote, nowIso),
    revealCounts: !open,
    counts,
    working,
    householdsTotal,
    present,
    absent: householdsTotal != null && present != null ? householdsTotal - present : null,
    team: names(vote.team),
    committee: names(vote.committee),
    witnesses: names(vote.witnesses),
    otherOpinions: open ? [] : await repo.otherOpinions(db, vote.id),
    ruleSetId: ruleSetOrNull(vote.vote_date)?.id ?? null,
  };
}
