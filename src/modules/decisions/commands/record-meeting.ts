// Recording a held meeting (Law 10/2022 Arts 18, 20(2); Decree 59/2023 Art 3(5)): attendance per
// household, the secretary and (for a secret ballot) the counting committee approved by > 50 % of
// attendees (R-A5, R-A12), and the counts per cluster (R-A16). Counts above attendance are refused.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readCount, readNames } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { expectUpdated, type Failure, invalid, isFailure, orStale } from '../../../platform/results.js';
import * as repo from '../decisions.repo.js';
import type { MatterItem } from '../rules/matters.js';
import { procedurePasses } from '../rules/threshold.js';
import { voteFor } from './common.js';
import { readMeetingCounts } from './meeting-counts.js';
import { resultOf } from './tally-result.js';

/** attendance: household id -> cluster (1-based); counts: `${cluster}:${optionKey}` -> typed number. */
export type MeetingInput = {
  method: string;
  attendance: Record<string, string>;
  secretary: string;
  secretaryVotes: string;
  committee: string;
  committeeVotes: string;
  witnesses: string;
  counts: Record<string, string>;
};

export async function recordMeeting(deps: AppDeps, t: T, actor: Actor, voteId: number, input: MeetingInput): Promise<{ ok: true } | Failure> {
  const ctx = await voteFor(deps, actor, voteId, 'runVote', t);
  if (isFailure(ctx)) return ctx;
  const { vote, matter, rs } = ctx;
  if (vote.form !== 'meeting' || !['scheduled', 'counted'].includes(vote.status)) return { ok: false, reason: 'wrong_state' };
  const today = todayInVietnam(deps.clock.now());
  if (vote.vote_date > today) return invalid({ _form: t('decisions.core.err.meetingNotHeld') });
  const e: FieldErrors = {};
  const method = input.method === 'secret_ballot' || input.method === 'show_of_hands' ? input.method : null;
  if (!method) e.method = t('decisions.core.err.methodRequired');

  const register = await repo.registerOn(deps.db, vote.unit_id, vote.vote_date);
  const onRegister = new Set(register.map((h) => h.id));
  const attendance: { household_id: number; cluster: number }[] = [];
  const seen = new Set<number>();
  for (const [id, c] of Object.entries(input.attendance)) {
    const cluster = Number(c);
    const household = Number(id);
    if (!c || cluster === 0 || seen.has(household)) continue;
    if (!onRegister.has(household) || !Number.isInteger(cluster) || cluster < 1 || cluster > vote.clusters) {
      e.attendance = t('decisions.core.err.attendanceInvalid');
      break;
    }
    seen.add(household);
    attendance.push({ household_id: household, cluster });
  }
  const present = attendance.length;
  if (present === 0 && !e.attendance) e.attendance = t('decisions.core.err.attendanceNone');

  // Decree 59 Art 3(5)(a): the secretary is chosen by > 50 % of attending representatives.
  const secretary = input.secretary.trim();
  if (!secretary) e.secretary = t('decisions.core.err.secretaryRequired');
  const secretaryVotes = readCount(t, e, 'secretaryVotes', input.secretaryVotes);
  if (secretaryVotes != null && present > 0) {
    if (secretaryVotes > present) e.secretaryVotes = t('decisions.core.err.aboveAttendance', { n: present });
    else if (!procedurePasses(secretaryVotes, present)) e.secretaryVotes = t('decisions.core.err.procedureMajority', { n: present });
  }
  const committee = readNames(input.committee);
  const witnesses = readNames(input.witnesses);
  let committeeVotes: number | null = null;
  if (method === 'secret_ballot') {
    // Art 3(5)(c): a counting committee of 03–05 approved by > 50 % of attendees; 02 household witnesses.
    const d = rs.decisions;
    if (committee.length < d.committeeMin || committee.length > d.committeeMax)
      e.committee = t('decisions.core.err.committeeSize', { min: d.committeeMin, max: d.committeeMax, n: committee.length });
    committeeVotes = readCount(t, e, 'committeeVotes', input.committeeVotes);
    if (committeeVotes != null && present > 0) {
      if (committeeVotes > present) e.committeeVotes = t('decisions.core.err.aboveAttendance', { n: present });
      else if (!procedurePasses(committeeVotes, present)) e.committeeVotes = t('decisions.core.err.procedureMajority', { n: present });
    }
    if (witnesses.length !== d.witnesses) e.witnesses = t('decisions.core.err.witnesses', { n: d.witnesses });
  }

  const options = await repo.optionsOf(deps.db, vote.id);
  // Decree 59 Art 3(5)(c): at a secret ballot the counting committee may enter its count itself
  // afterwards (committee-count.ts); the meeting is then recorded with its counts left blank.
  const countsLater = method === 'secret_ballot' && vote.status === 'scheduled' && Object.values(input.counts).every((v) => !v.trim());
  const { counts, totals } = countsLater
    ? { counts: [], totals: {} }
    : readMeetingCounts(t, e, {
        options,
        clusters: vote.clusters,
        attendance,
        choicesPerHousehold: matter.kind === 'election' ? vote.seats : 1,
        typed: input.counts,
      });
  if (Object.keys(e).length || !method) return invalid(e);

  const total = register.length;
  const working = countsLater ? null : resultOf(matter.kind, matter.item as MatterItem, options, totals, total, present, vote.seats, rs);
  const now = deps.clock.now();
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      // First the guarded write: the vote is still as it was read (not finalised meanwhile).
      expectUpdated(
        await trx
          .updateTable('votes')
          .set({ updated_at: now.toISOString() })
          .where('id', '=', vote.id)
          .where('status', '=', vote.status)
          .where('updated_at', '=', vote.updated_at)
          .executeTakeFirst(),
      );
      await trx.deleteFrom('vote_attendance').where('vote_id', '=', vote.id).execute();
      await trx.deleteFrom('vote_counts').where('vote_id', '=', vote.id).execute();
      await trx
        .insertInto('vote_attendance')
        .values(attendance.map((a) => ({ vote_id: vote.id, ...a })))
        .execute();
      if (counts.length)
        await trx
          .insertInto('vote_counts')
          .values(counts.map((c) => ({ vote_id: vote.id, ...c })))
          .execute();
      await trx
        .updateTable('votes')
        .set({
          status: countsLater ? 'scheduled' : 'counted',
          method,
          households_total: total,
          present,
          secretary,
          secretary_votes: secretaryVotes,
          committee: JSON.stringify(method === 'secret_ballot' ? committee : []),
          committee_votes: committeeVotes,
          witnesses: JSON.stringify(method === 'secret_ballot' ? witnesses : []),
          outcome: working ? (working.adopted ? 'adopted' : 'not_adopted') : null,
          working: working ? JSON.stringify(working) : null,
          // A correction after the minutes were drafted voids the confirmations given to the old text.
          confirm_village_head: null,
          confirm_front_head: null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', vote.id)
        .execute();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: vote.status === 'counted' ? 'decisions.meeting_corrected' : 'decisions.meeting_recorded',
        entityType: 'vote',
        entityId: vote.id,
        unitId: vote.unit_id,
        data: {
          method,
          householdsTotal: total,
          present,
          counts: totals,
          outcome: working ? (working.adopted ? 'adopted' : 'not_adopted') : 'counting',
          needed: working?.needed ?? null,
        },
      });
      return { ok: true as const };
    }),
  );
}
