// Scheduling a village's vote on a matter (Law 10/2022 Arts 17–19; Decree 59/2023 Arts 3–6): the form
// must be allowed for the matter (R-A6, R-A7), notices must respect their periods (R-A10, R-A11, R-B1),
// teams have 3–5 members led by the Front work committee representative (R-A11), and clusters need
// ≥ 200 households and a plan approved by the commune People's Committee (R-A16).
import type { AppDeps } from '../../../app-deps.js';
import { isUniqueViolation } from '../../../db/index.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { noticeMessage, readCount, readDate, readInstant, readNames } from '../../../platform/http/forms.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { type Failure, invalid } from '../../../platform/results.js';
import { unitById } from '../../units/units.repo.js';
import * as repo from '../decisions.repo.js';
import { names, STANDARD_OPTIONS } from '../present.js';
import { BALLOT_CASES, type BallotCase, FORMS, type Form, formRefusal, REFUSAL_ARTICLE } from '../rules/forms.js';
import type { MatterItem } from '../rules/matters.js';
import { noticeProblems } from '../rules/notice.js';
import { attendanceTooLow, mayMeetInClusters } from '../rules/threshold.js';
import { electionScheduleCheck } from './election-plan.js';
import { organiserCheck, organiserFailure } from './organiser.js';

/** A matter whose draft has not yet been posted for comments (R-D4). */
export const NOT_POSTED = '9999-12-31';

export type ScheduleInput = Record<
  | 'villageId'
  | 'form'
  | 'ballotCase'
  | 'voteDate'
  | 'place'
  | 'noticeOn'
  | 'documentsOn'
  | 'openDate'
  | 'openTime'
  | 'closeDate'
  | 'closeTime'
  | 'planIssuedOn'
  | 'planSentOn'
  | 'team'
  | 'noMeetingAgreedOn'
  | 'authoritiesNotifiedOn'
  | 'pollYes'
  | 'clusters'
  | 'clusterPlanApprovedOn'
  | 'seats',
  string
>;
export const emptySchedule = (): ScheduleInput => ({
  villageId: '',
  form: 'meeting',
  ballotCase: '',
  voteDate: '',
  place: '',
  noticeOn: '',
  documentsOn: '',
  openDate: '',
  openTime: '07:00',
  closeDate: '',
  closeTime: '17:00',
  planIssuedOn: '',
  planSentOn: '',
  team: '',
  noMeetingAgreedOn: '',
  authoritiesNotifiedOn: '',
  pollYes: '',
  clusters: '1',
  clusterPlanApprovedOn: '',
  seats: '1',
});

/** Art 19(1)(b): an earlier meeting on this matter in this village that lacked enough households. */
export async function hadFailedMeeting(deps: Pick<AppDeps, 'db'>, matterId: number, item: MatterItem, villageId: number): Promise<boolean> {
  const meetings = await deps.db
    .selectFrom('votes')
    .select(['households_total', 'present', 'vote_date'])
    .where('matter_id', '=', matterId)
    .where('unit_id', '=', villageId)
    .where('form', '=', 'meeting')
    .where('status', '!=', 'scheduled')
    .execute();
  return meetings.some((m) => m.households_total != null && m.present != null && attendanceTooLow(item, m.households_total, m.present, ruleSetOn(m.vote_date)));
}

export async function scheduleVote(deps: AppDeps, t: T, actor: Actor, matterId: number, input: ScheduleInput): Promise<{ ok: true; id: number } | Failure> {
  const { db } = deps;
  const matter = await repo.findMatter(db, matterId);
  if (!matter) return { ok: false, reason: 'not_found' };
  if (matter.status !== 'open') return { ok: false, reason: 'wrong_state' };
  const villageId = matter.scope === 'village' ? matter.unit_id : Number(input.villageId);
  const village = Number.isInteger(villageId) && villageId > 0 && villageId <= 2_147_483_647 ? await unitById(db, villageId) : undefined;
  const e: FieldErrors = {};
  if (!village || (matter.scope === 'commune' && village.parent_id !== matter.unit_id)) {
    if (matter.scope === 'village') return { ok: false, reason: 'not_found' };
    return invalid({ villageId: t('decisions.core.err.villageRequired') });
  }
  // Decree 59 Art 3(1): a village-head election or dismissal is not scheduled by its subject or a candidate.
  const organiser = await organiserCheck(db, actor, matter, village, 'runVote');
  if (!organiser.ok) return organiserFailure(t, organiser);
  const item = matter.item as MatterItem;
  const form = (FORMS as readonly string[]).includes(input.form) ? (input.form as Form) : null;
  if (!form) e.form = t('decisions.core.err.formRequired');
  const today = todayInVietnam(deps.clock.now());

  // When the vote takes place: a meeting's day, the day ballots are handed out, an online vote's start.
  let voteDate: string | null = null;
  let opensAt: string | null = null;
  let closesAt: string | null = null;
  if (form === 'online') {
    opensAt = readInstant(t, e, 'openDate', input.openDate, input.openTime);
    closesAt = readInstant(t, e, 'closeDate', input.closeDate, input.closeTime);
    voteDate = opensAt ? todayInVietnam(new Date(opensAt)) : null;
  } else {
    voteDate = readDate(t, e, 'voteDate', input.voteDate, true);
    if (form === 'household_ballot') {
      closesAt = readInstant(t, e, 'closeDate', input.closeDate, input.closeTime);
      opensAt = voteDate ? new Date(`${voteDate}T00:00:00+07:00`).toISOString() : null;
    }
  }
  if (opensAt && closesAt && closesAt <= opensAt) e.closeDate = t('decisions.core.err.closeBeforeOpen');
  // R-E1, R-D4 (Decree 61 Arts 9(1), 10; Law Art 25(7)): a draft out for comments is not voted on
  // before its posting period has run; '9999-12-31' holds a draft never posted for comments.
  const hold = matter.vote_not_before;
  if (hold && voteDate && voteDate < hold)
    e[form === 'online' ? 'openDate' : 'voteDate'] =
      hold === NOT_POSTED ? t('decisions.core.err.notPosted') : t('decisions.core.err.postedTooShort', { date: formatDate(hold) });
  // R-E1 (Decree 61 Art 9(1)): a covenant with no posting behind it (proposed before the covenants
  // module was its only door) is never put to a vote.
  if (matter.item === 3 && !hold) e[form === 'online' ? 'openDate' : 'voteDate'] = t('decisions.core.err.covenantNotPosted');
  const rs = ruleSetOn(voteDate && voteDate >= '2023-07-01' ? voteDate : today);
  const noticeOn = readDate(t, e, 'noticeOn', input.noticeOn, true);
  const documentsOn = readDate(t, e, 'documentsOn', input.documentsOn, false);
  const place = input.place.trim() || null;
  if (form === 'meeting' && !place) e.place = t('decisions.core.err.placeRequired');

  const team = readNames(input.team);
  let ballotCase: BallotCase | null = null;
  let planIssuedOn: string | null = null;
  let planSentOn: string | null = null;
  let noMeetingAgreedOn: string | null = null;
  let authoritiesNotifiedOn: string | null = null;
  let pollYes: number | null = null;
  if (form === 'household_ballot' || form === 'online') {
    // Law Art 19(2); Decree 59 Arts 4(3), 5(2)(b): 03–05 members, the Front work committee representative leads.
    if (team.length < rs.decisions.teamMin || team.length > rs.decisions.teamMax)
      e.team = t('decisions.core.err.teamSize', { min: rs.decisions.teamMin, max: rs.decisions.teamMax, n: team.length });
  }
  if (form === 'household_ballot') {
    ballotCase = (BALLOT_CASES as readonly string[]).includes(input.ballotCase) ? (input.ballotCase as BallotCase) : null;
    planIssuedOn = readDate(t, e, 'planIssuedOn', input.planIssuedOn, true);
    planSentOn = readDate(t, e, 'planSentOn', input.planSentOn, true);
  }
  if (form === 'online') {
    noMeetingAgreedOn = readDate(t, e, 'noMeetingAgreedOn', input.noMeetingAgreedOn, false);
    authoritiesNotifiedOn = readDate(t, e, 'authoritiesNotifiedOn', input.authoritiesNotifiedOn, false);
    // R-A7 (Decree 59 Art 5(1)(b), 5(2)(a)): the agreement that no meeting or paper ballot is needed, and
    // the report to the commune People's Committee and Front, come before the online vote starts.
    if (voteDate && noMeetingAgreedOn && noMeetingAgreedOn > voteDate)
      e.noMeetingAgreedOn = t('decisions.core.err.onlineAfterStart', { date: formatDate(voteDate), article: 'điểm b khoản 1 Điều 5 Nghị định 59/2023/NĐ-CP' });
    if (voteDate && authoritiesNotifiedOn && authoritiesNotifiedOn > voteDate)
      e.authoritiesNotifiedOn = t('decisions.core.err.onlineAfterStart', {
        date: formatDate(voteDate),
        article: 'điểm a khoản 2 Điều 5 Nghị định 59/2023/NĐ-CP',
      });
    pollYes = readCount(t, e, 'pollYes', input.pollYes, false);
    const all = voteDate ? await repo.householdsTotalOn(db, village.id, voteDate) : 0;
    if (pollYes != null && all > 0 && pollYes > all) e.pollYes = t('decisions.core.err.pollAboveTotal', { n: all });
  }
  const clusters = readCount(t, e, 'clusters', input.clusters || '1') ?? 1;
  const clusterPlanApprovedOn = readDate(t, e, 'clusterPlanApprovedOn', input.clusterPlanApprovedOn, false);
  const total = voteDate ? await repo.householdsTotalOn(db, village.id, voteDate) : 0;
  if (voteDate && total === 0) e.voteDate = t('decisions.core.err.noHouseholds');
  if (clusters < 1 || clusters > 20) e.clusters = t('decisions.core.err.clustersRange');
  else if (clusters > 1) {
    if (form !== 'meeting') e.clusters = t('decisions.core.err.clustersMeeting');
    else if (!mayMeetInClusters(total, rs)) e.clusters = t('decisions.core.err.clustersSmall', { min: rs.decisions.clusterMinHouseholds, n: total });
    else if (!clusterPlanApprovedOn) e.clusterPlanApprovedOn = t('decisions.core.err.clusterPlan');
  }

  if (form && Object.keys(e).length === 0) {
    const refusal = formRefusal(
      form,
      {
        item,
        scope: matter.scope,
        failedMeeting: await hadFailedMeeting(deps, matter.id, item, village.id),
        ballotCase,
        noMeetingAgreed: !!noMeetingAgreedOn,
        authoritiesNotified: !!authoritiesNotifiedOn,
        pollYes,
        householdsTotal: total,
      },
      rs,
    );
    if (refusal) {
      const fieldOf: Record<string, string> = {
        ballot_case_missing: 'ballotCase',
        ballot_case_commune: 'ballotCase',
        ballot_case_village: 'ballotCase',
        ballot_case_failed: 'ballotCase',
        online_agreement: 'noMeetingAgreedOn',
        online_notified: 'authoritiesNotifiedOn',
        online_poll: 'pollYes',
      };
      e[fieldOf[refusal] ?? 'form'] =
        `${t(`decisions.core.refusal.${refusal}` as 'decisions.core.refusal.meeting_only', { n: total })} (${REFUSAL_ARTICLE[refusal]})`;
    }
  }
  if (form && voteDate && noticeOn) {
    for (const p of noticeProblems({ form, item, voteDate, noticeOn, documentsOn, planIssuedOn, planSentOn }, rs)) e[p.field] = noticeMessage(t, p);
  }

  // Elections and dismissals (Decree 59 Arts 6–9): the candidate list and the R-B1 timeline.
  let options: { key: string; label: string; resident_id: number | null }[] = STANDARD_OPTIONS.map((o) => ({ ...o, resident_id: null }));
  let seats = 1;
  if (matter.kind !== 'general') {
    if (matter.kind === 'election') {
      const check = await electionScheduleCheck(db, matter.id, voteDate ?? today);
      if (check.candidates.length === 0) e.form = t('decisions.core.err.noCandidates');
      options = check.candidates.map((c) => ({ key: `c${c.residentId}`, label: c.name, resident_id: c.residentId }));
      seats = matter.position === 'village_head' ? 1 : Math.max(1, Math.min(check.candidates.length, readCount(t, e, 'seats', input.seats || '1') ?? 1));
      // R-B1 (Decree 59 Art 6): the election meeting's date against the plan, team, notice and candidate list.
      if (voteDate && check.problems.length)
        e.voteDate = check.problems
          .map((p) => `${t(`decisions.core.timeline.${p.field}` as 'decisions.core.timeline.planIssuedOn')}: ${noticeMessage(t, p)}`)
          .join(' ');
      // Decree 59 Art 6(1)(b): election team members are not candidates (also checked when the list is recorded).
      const election = await db.selectFrom('elections').select('team').where('matter_id', '=', matter.id).executeTakeFirst();
      const teamNames = new Set(names(election?.team).map((n) => n.toLowerCase()));
      if (check.candidates.some((c) => teamNames.has(c.name.toLowerCase()))) e.form = t('decisions.core.err.teamCandidate');
    } else {
      options = STANDARD_OPTIONS.filter((o) => o.key !== 'other').map((o) => ({ ...o, resident_id: null }));
    }
  }
  const earlier = await db
    .selectFrom('votes')
    .select(['status', 'outcome', 'form'])
    .where('matter_id', '=', matter.id)
    .where('unit_id', '=', village.id)
    .execute();
  if (earlier.some((v) => v.status === 'scheduled' || v.status === 'counted')) e._form = t('decisions.core.err.voteInProgress');
  // Art 21(2): an adopted decision waiting for recognition is not decided again meanwhile.
  else if (earlier.some((v) => (v.status === 'finalised' || v.status === 'submitted') && v.outcome === 'adopted'))
    e._form = t('decisions.core.err.awaitingRecognition');
  // A village of a commune-wide matter decides once (R-A3); only a meeting that lacked households is
  // followed by a household ballot (Art 19(1)(b)).
  else if (
    matter.scope === 'commune' &&
    earlier.some((v) => ['finalised', 'submitted'].includes(v.status)) &&
    !(form === 'household_ballot' && (await hadFailedMeeting(deps, matter.id, item, village.id)))
  )
    e._form = t('decisions.core.err.villageDecided');
  if (Object.keys(e).length || !form || !voteDate || !noticeOn) return invalid(e);

  const now = deps.clock.now();
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('votes')
        .values({
          matter_id: matter.id,
          unit_id: village.id,
          form,
          method: null,
          ballot_case: form === 'household_ballot' ? (rs.decisions.meetingOnlyItems.includes(item) ? 'failed_meeting' : ballotCase) : null,
          status: 'scheduled',
          vote_date: voteDate,
          place,
          opens_at: opensAt,
          closes_at: closesAt,
          notice_on: noticeOn,
          documents_on: documentsOn,
          plan_issued_on: planIssuedOn,
          plan_sent_on: planSentOn,
          team: JSON.stringify(team),
          no_meeting_agreed_on: noMeetingAgreedOn,
          authorities_notified_on: authoritiesNotifiedOn,
          poll_yes: pollYes,
          cluster_plan_approved_on: clusters > 1 ? clusterPlanApprovedOn : null,
          clusters,
          seats,
          created_by: actor.userId,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('vote_options')
        .values(options.map((o, i) => ({ vote_id: row.id, key: o.key, label: o.label, resident_id: o.resident_id, sort: i })))
        .execute();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: 'decisions.vote_scheduled',
        entityType: 'vote',
        entityId: row.id,
        unitId: village.id,
        data: { matter: matter.id, form, voteDate, opensAt, closesAt, noticeOn, team, clusters },
      });
      return { ok: true as const, id: row.id };
    });
  } catch (err) {
    // Two organisers scheduling at the same moment: the unique index keeps one unfinished vote.
    if (isUniqueViolation(err)) return invalid({ _form: t('decisions.core.err.voteInProgress') });
    throw err;
  }
}
