// Recording the steps before an election meeting (Decree 59/2023 Art 6; R-B1): the commune chairman's
// decision and plan (≥ 20 days before), the election team (≥ 10 days before; its members are not
// candidates), the public notice (≥ 07 days before) and the candidate-list minutes sent to the
// commune People's Committee (≥ 15 days before; at least one candidate). Each date is judged against
// the meeting date: the scheduled meeting's, or, before it is scheduled, the date the plan fixes.
// Art 6 is the village head's procedure; for board members the same steps are recorded, not judged.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { names } from '../present.js';
import { electionTimelineProblems, type NoticeProblem } from '../rules/notice.js';
import {
  auditActor,
  type Candidate,
  type ElectionFailure,
  fieldErrors,
  mayManage,
  type Place,
  parseCandidates,
  placeOfVillage,
  readDay,
  readLines,
  residentsQuery,
  sameName,
} from './election-common.js';

export type PlanResult = { ok: true } | ElectionFailure;
export type PlanInput = { meetingDate: string; planIssuedOn: string; teamSetOn: string; team: string; noticeOn: string };
export type CandidatesInput = { meetingDate: string; candidatesSentOn: string; candidates: string[] };
export const CANDIDATE_FIELDS = 3;

/** Form field of each R-B1 step. */
const FIELD: Record<NoticeProblem['field'], string> = {
  planIssuedOn: 'planIssuedOn',
  teamSetOn: 'teamSetOn',
  electionNoticeOn: 'noticeOn',
  candidatesSentOn: 'candidatesSentOn',
  noticeOn: 'noticeOn',
  documentsOn: 'documentsOn',
  planSentOn: 'planSentOn',
};

type Ctx = {
  place: Place;
  matter: { id: number; position: string | null };
  election: NonNullable<Awaited<ReturnType<typeof electionRow>>>;
  vote: { vote_date: string; status: string } | undefined;
};

const electionRow = (db: Conn, matterId: number) => db.selectFrom('elections').selectAll().where('matter_id', '=', matterId).executeTakeFirst();

/** The meeting that decides the matter: its latest vote that was not annulled. */
export const meetingOf = (db: Conn, matterId: number) =>
  db
    .selectFrom('votes')
    .select(['id', 'vote_date', 'status'])
    .where('matter_id', '=', matterId)
    .where('status', '!=', 'annulled')
    .orderBy('id', 'desc')
    .executeTakeFirst();

async function load(db: Conn, actor: Actor, matterId: number): Promise<Ctx | ElectionFailure> {
  const matter = await db.selectFrom('matters').select(['id', 'unit_id', 'kind', 'position', 'status']).where('id', '=', matterId).executeTakeFirst();
  const election = matter?.kind === 'election' ? await electionRow(db, matterId) : undefined;
  const place = matter ? await placeOfVillage(db, matter.unit_id) : undefined;
  if (!matter || !election || !place) return { ok: false, reason: 'not_found' };
  if (!mayManage(actor, place.village)) return { ok: false, reason: 'forbidden' };
  if (matter.status !== 'open') return { ok: false, reason: 'wrong_state' };
  return { place, matter, election, vote: await meetingOf(db, matterId) };
}

/** The meeting date the steps are judged against; null (with a message) when none is known. */
function meetingDate(t: T, e: FieldErrors, ctx: Ctx, typed: string): string | null {
  if (ctx.vote) return ctx.vote.vote_date;
  return readDay(t, e, 'meetingDate', typed, ctx.matter.position === 'village_head');
}

/** R-B1 for the steps this form records; other steps are left to their own form. */
function judge(t: T, e: FieldErrors, ctx: Ctx, meeting: string | null, dates: Partial<Record<NoticeProblem['field'], string | null>>) {
  if (ctx.matter.position !== 'village_head' || !meeting) return;
  const steps = {
    meetingDate: meeting,
    planIssuedOn: dates.planIssuedOn ?? null,
    teamSetOn: dates.teamSetOn ?? null,
    noticeOn: dates.electionNoticeOn ?? null,
    candidatesSentOn: dates.candidatesSentOn ?? null,
  };
  const problems = electionTimelineProblems(steps, ruleSetOn(meeting < '2023-07-01' ? '2023-07-01' : meeting));
  for (const p of problems) {
    const date = dates[p.field];
    const f = FIELD[p.field];
    if (date && !e[f])
      e[f] = t('decisions.election.err.late', { days: p.days, meeting: formatDate(meeting), latest: formatDate(p.latest), article: p.article });
  }
}

const teamConflicts = (team: string[], candidates: Candidate[]) => candidates.filter((c) => team.some((n) => sameName(n, c.name))).map((c) => c.name);

/** Art 6(1): the decision and plan, the election team and the public notice. */
export async function recordElectionPlan(deps: AppDeps, t: T, actor: Actor, matterId: number, input: PlanInput): Promise<PlanResult> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<PlanResult> => {
    const ctx = await load(trx, actor, matterId);
    if ('ok' in ctx) return ctx;
    if (ctx.vote && ctx.vote.status !== 'scheduled') return { ok: false, reason: 'wrong_state' };
    const e: FieldErrors = {};
    const meeting = meetingDate(t, e, ctx, input.meetingDate);
    const planIssuedOn = readDay(t, e, 'planIssuedOn', input.planIssuedOn, true);
    const teamSetOn = readDay(t, e, 'teamSetOn', input.teamSetOn, false);
    const noticeOn = readDay(t, e, 'noticeOn', input.noticeOn, false);
    const team = readLines(input.team);
    if (team.length > 0 && !teamSetOn && !e.teamSetOn) e.teamSetOn = t('decisions.election.err.teamDateRequired');
    if (teamSetOn && team.length === 0) e.team = t('decisions.election.err.teamRequired');
    if (team.some((n) => n.length > 120)) e.team = t('decisions.election.err.nameTooLong');
    judge(t, e, ctx, meeting, { planIssuedOn, teamSetOn, electionNoticeOn: noticeOn });
    if (ctx.matter.position === 'village_head') {
      const clash = teamConflicts(team, parseCandidates(ctx.election.candidates));
      if (clash.length && !e.team) e.team = t('decisions.election.err.teamIsCandidate', { names: clash.join(', ') });
    }
    if (Object.keys(e).length) return fieldErrors(e);
    await trx
      .updateTable('elections')
      .set({ plan_issued_on: planIssuedOn, team_set_on: teamSetOn, team: JSON.stringify(team), notice_on: noticeOn })
      .where('matter_id', '=', matterId)
      .execute();
    await trx.updateTable('matters').set({ updated_at: now.toISOString() }).where('id', '=', matterId).execute();
    await appendAudit(trx, deps.dialect, now, auditActor(actor), {
      action: 'decisions.election.plan_recorded',
      entityType: 'matter',
      entityId: matterId,
      unitId: ctx.place.village.id,
      data: { meetingDate: meeting, planIssuedOn, teamSetOn, team, noticeOn },
    });
    return { ok: true };
  });
}

/** Art 6(2): the official candidate list (≥ 1 candidate, residents of the village) and the day its
 * minutes reached the commune People's Committee. Fixed once the meeting is scheduled: the ballot
 * lists these candidates. */
export async function recordCandidates(deps: AppDeps, t: T, actor: Actor, matterId: number, input: CandidatesInput): Promise<PlanResult> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  return deps.db.transaction().execute(async (trx): Promise<PlanResult> => {
    const ctx = await load(trx, actor, matterId);
    if ('ok' in ctx) return ctx;
    if (ctx.vote) return { ok: false, reason: 'wrong_state' };
    const e: FieldErrors = {};
    const meeting = meetingDate(t, e, ctx, input.meetingDate);
    const sentOn = readDay(t, e, 'candidatesSentOn', input.candidatesSentOn, true);
    const chosen: Candidate[] = [];
    const seen = new Set<string>();
    for (const [i, raw] of input.candidates.slice(0, CANDIDATE_FIELDS).entries()) {
      const f = `candidate${i + 1}`;
      const id = raw.trim();
      if (!id) continue;
      if (seen.has(id)) {
        e[f] = t('decisions.election.err.candidateTwice');
        continue;
      }
      seen.add(id);
      const r = /^\d{1,9}$/.test(id) ? await residentsQuery(trx, ctx.place.village.id, today).where('r.id', '=', Number(id)).executeTakeFirst() : undefined;
      if (!r) e[f] = t('decisions.election.err.candidateNotResident');
      else chosen.push({ residentId: r.id, name: r.full_name });
    }
    if (chosen.length === 0 && !Object.keys(e).some((k) => k.startsWith('candidate'))) e.candidate1 = t('decisions.election.err.candidatesRequired');
    judge(t, e, ctx, meeting, { candidatesSentOn: sentOn });
    if (ctx.matter.position === 'village_head') {
      const team = names(ctx.election.team);
      for (const [i, raw] of input.candidates.slice(0, CANDIDATE_FIELDS).entries()) {
        const c = chosen.find((x) => String(x.residentId) === raw.trim());
        const f = `candidate${i + 1}`;
        if (c && !e[f] && teamConflicts(team, [c]).length) e[f] = t('decisions.election.err.candidateInTeam', { name: c.name });
      }
    }
    if (Object.keys(e).length) return fieldErrors(e);
    await trx
      .updateTable('elections')
      .set({ candidates_sent_on: sentOn, candidates: JSON.stringify(chosen) })
      .where('matter_id', '=', matterId)
      .execute();
    await trx.updateTable('matters').set({ updated_at: now.toISOString() }).where('id', '=', matterId).execute();
    await appendAudit(trx, deps.dialect, now, auditActor(actor), {
      action: 'decisions.election.candidates_recorded',
      entityType: 'matter',
      entityId: matterId,
      unitId: ctx.place.village.id,
      data: { meetingDate: meeting, candidatesSentOn: sentOn, candidates: chosen },
    });
    return { ok: true };
  });
}

/** For scheduling an election meeting (the lead's scheduleVote): the official candidates, whose
 * ballot options are `c<residentId>`, and the R-B1 steps the meeting date would make late or that are
 * still missing (village head only; Art 6 does not set a timeline for board members). */
export async function electionScheduleCheck(db: Conn, matterId: number, voteDate: string): Promise<{ candidates: Candidate[]; problems: NoticeProblem[] }> {
  const m = await db.selectFrom('matters').select(['kind', 'position']).where('id', '=', matterId).executeTakeFirst();
  const el = await electionRow(db, matterId);
  if (m?.kind !== 'election' || !el) return { candidates: [], problems: [] };
  const steps = { planIssuedOn: el.plan_issued_on, teamSetOn: el.team_set_on, noticeOn: el.notice_on, candidatesSentOn: el.candidates_sent_on };
  const rs = ruleSetOn(voteDate < '2023-07-01' ? '2023-07-01' : voteDate);
  return {
    candidates: parseCandidates(el.candidates),
    problems: m.position === 'village_head' ? electionTimelineProblems({ meetingDate: voteDate, ...steps }, rs) : [],
  };
}
