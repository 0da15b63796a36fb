// Pages of one vote: scheduling it, recording a meeting, counting, minutes, confirmations,
// finalising, sending, recognition and publication (Law 10/2022 Arts 17–23; Decree 59/2023 Arts 3–5).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { unitById } from '../units/units.repo.js';
import { awaitingCommittee, enterCommitteeCount, mayEnterCount } from './commands/committee-count.js';
import { loadVote } from './commands/common.js';
import { countVote } from './commands/count.js';
import { finaliseVote, missingParts } from './commands/finalise.js';
import { confirmMinutes, saveMinutes } from './commands/minutes.js';
import { conflictOf, mayOrganise, organiserCheck } from './commands/organiser.js';
import { recogniseVote } from './commands/recognise.js';
import { type MeetingInput, recordMeeting } from './commands/record-meeting.js';
import { emptySchedule, type ScheduleInput, scheduleVote } from './commands/schedule.js';
import { publishResult, submitVote } from './commands/submit.js';
import { decisionsPolicy } from './decisions.policy.js';
import * as repo from './decisions.repo.js';
import { participantList } from './docs/data.js';
import { failTo, idParam, requireActor } from './http.js';
import { loadVoteRecord, type MatterRow } from './present.js';
import { recognitionClock, submissionClock } from './rules/deadlines.js';
import { BALLOT_CASES, FORMS } from './rules/forms.js';
import { type MatterItem, recogniserOf } from './rules/matters.js';
import { attendanceTooLow } from './rules/threshold.js';
import { L } from './views/labels.js';
import { VotePage } from './views/vote.js';
import { CommitteeCountPage, MeetingPage, MinutesPage, SchedulePage } from './views/vote-forms.js';

const SCHEDULE_KEYS = Object.keys(emptySchedule()) as (keyof ScheduleInput)[];

export function voteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** The organiser's pages: 403 for a role that may not; the subject or a candidate of a village-head
   * election or dismissal is sent back with the refusal (Decree 59/2023 Art 3(1)). */
  async function organiserOr403(req: FastifyRequest, reply: FastifyReply, matter: MatterRow, village: { path: string }, backTo: string) {
    const r = await organiserCheck(db, req.actor, matter, village, 'runVote');
    if (r.ok) return null;
    if ('conflict' in r) return redirectWithFlash(reply, backTo, req.t(`decisions.core.err.conflict.${r.conflict}`));
    throw new Forbidden();
  }

  async function schedulePage(
    req: FastifyRequest,
    reply: FastifyReply,
    matterId: number,
    villageId: number,
    values: ScheduleInput,
    errors?: Record<string, string>,
  ) {
    // The village comes from a link or a hidden field: anything but a real id is a page that does not exist.
    if (!Number.isInteger(villageId) || villageId <= 0 || villageId > 2_147_483_647) throw new NotFound();
    const matter = await repo.findMatter(db, matterId);
    const village = await unitById(db, villageId);
    if (!matter || !village) throw new NotFound();
    const refused = await organiserOr403(req, reply, matter, village, `/matters/${matter.id}`);
    if (refused) return refused;
    // Items 3–5 offer only the meeting (and the ballot after a failed meeting); item 6 also online.
    const forms = FORMS.filter((f) => f !== 'online' || matter.item === 6);
    const cases =
      matter.item >= 3 && matter.item <= 5
        ? ['failed_meeting']
        : BALLOT_CASES.filter((c) => (matter.scope === 'commune' ? c !== 'village_decision' : c !== 'commune_choice'));
    return sendPage(
      req,
      reply,
      <SchedulePage view={viewOf(req, deps)} matter={matter} village={village} forms={[...forms]} cases={[...cases]} values={values} errors={errors} />,
      errors ? 400 : 200,
    );
  }

  app.get('/matters/:id/votes/new', async (req, reply) => {
    requireActor(req);
    const matter = await repo.findMatter(db, idParam(req));
    if (!matter) throw new NotFound();
    const villageId = matter.scope === 'village' ? matter.unit_id : Number((req.query as { village?: string }).village);
    return schedulePage(req, reply, matter.id, villageId, { ...emptySchedule(), villageId: String(villageId) });
  });

  app.post('/matters/:id/votes', async (req, reply) => {
    const actor = requireActor(req);
    const id = idParam(req);
    const values = Object.fromEntries(SCHEDULE_KEYS.map((k) => [k, field(req.body, k)])) as ScheduleInput;
    const r = await scheduleVote(deps, req.t, actor, id, values);
    if (r.ok) return redirectWithFlash(reply, `/votes/${r.id}`, L(req.t, 'flash.scheduled'));
    if ('errors' in r) {
      const matter = await repo.findMatter(db, id);
      return schedulePage(req, reply, id, matter?.scope === 'village' ? matter.unit_id : Number(values.villageId), values, r.errors);
    }
    return failTo(req, reply, `/matters/${id}`, r);
  });

  async function voteModel(req: FastifyRequest, id: number) {
    const r = await loadVoteRecord(deps, id);
    if (!r) throw new NotFound();
    const res = { unitPath: r.village.path };
    const managed = decisionsPolicy(req.actor, 'readManaged', res);
    // Residents see a vote once it is announced: the notice is public (Decree 59 Art 3(3)); the
    // record's counts follow the close and the working appears once counted.
    const today = todayInVietnam(deps.clock.now());
    const cal = await workingCalendar(deps);
    const v = r.vote;
    const ctx = await loadVote(db, id);
    if (!ctx) throw new NotFound();
    const closedOn = v.form === 'meeting' ? v.vote_date : v.closes_at ? todayInVietnam(new Date(v.closes_at)) : v.vote_date;
    const after = !['scheduled', 'counted', 'annulled'].includes(v.status);
    const recogniser = recogniserOf(r.matter.item as MatterItem);
    const canRecognise = recogniser
      ? decisionsPolicy(req.actor, recogniser === 'committee' ? 'recogniseCommittee' : 'recogniseFront', { unitPath: ctx.commune.path })
      : false;
    const closed = v.form !== 'meeting' && !!v.closes_at && deps.clock.now().toISOString() >= v.closes_at;
    const conflict = req.actor ? await conflictOf(db, req.actor, ctx.matter) : null;
    return {
      r,
      today,
      closed,
      conflict: conflict ? req.t(`decisions.core.err.conflict.${conflict}`) : null,
      submitClock: after || v.status === 'counted' ? submissionClock(closedOn, v.submitted_on, today, ctx.rs, cal) : null,
      recogniseClock: recogniser && v.submitted_on ? recognitionClock(v.submitted_on, v.recognised_on, today, ctx.rs, cal) : null,
      missing: v.status === 'counted' ? missingParts(v) : [],
      tooLow:
        v.form === 'meeting' &&
        v.status !== 'scheduled' &&
        v.outcome !== 'adopted' &&
        attendanceTooLow(r.matter.item as MatterItem, v.households_total ?? 0, v.present ?? 0, ctx.rs),
      participants: managed && v.form !== 'meeting' && !r.open ? await participantList(db, id) : [],
      can: {
        // Decree 59 Art 3(1): on a village-head election or dismissal, the buttons of the steps its
        // subject or a candidate may not take are not shown (organiser.ts).
        run: await mayOrganise(db, req.actor, ctx.matter, ctx.village, 'runVote'),
        publish: decisionsPolicy(req.actor, 'publishResult', res),
        committeeCount: awaitingCommittee(v) && (await mayEnterCount(db, req.actor, ctx)),
        confirmVillageHead: await mayOrganise(db, req.actor, ctx.matter, ctx.village, 'confirmAsVillageHead'),
        confirmFrontHead: await mayOrganise(db, req.actor, ctx.matter, ctx.village, 'confirmAsFrontHead'),
        recognise: canRecognise,
        cast: v.form !== 'meeting' && v.status === 'scheduled' && decisionsPolicy(req.actor, 'castOnline', res),
        managed,
      },
    };
  }

  app.get('/votes/:id', async (req, reply) => sendPage(req, reply, <VotePage view={viewOf(req, deps)} m={await voteModel(req, idParam(req))} />));

  const back = (id: number) => `/votes/${id}`;
  async function rerender(req: FastifyRequest, reply: FastifyReply, id: number, errors: Record<string, string>) {
    const values = Object.fromEntries(['witnesses', 'submittedOn', 'decision', 'decidedOn', 'reason'].map((k) => [k, field(req.body, k)]));
    return sendPage(req, reply, <VotePage view={viewOf(req, deps)} m={{ ...(await voteModel(req, id)), errors, values }} />, 400);
  }
  type Outcome = { ok: true } | Parameters<typeof failTo>[3];
  const post = (path: string, run: (req: FastifyRequest, id: number) => Promise<Outcome>, flash: string) =>
    app.post(path, async (req, reply) => {
      const id = idParam(req);
      const r = await run(req, id);
      if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, flash));
      return 'errors' in r ? rerender(req, reply, id, r.errors) : failTo(req, reply, back(id), r);
    });
  post('/votes/:id/count', (req, id) => countVote(deps, req.t, requireActor(req), id, { witnesses: field(req.body, 'witnesses') }), 'flash.counted');
  post(
    '/votes/:id/confirm',
    (req, id) => confirmMinutes(deps, req.t, requireActor(req), id, field(req.body, 'as') === 'front_head' ? 'front_head' : 'village_head'),
    'flash.confirmed',
  );
  post('/votes/:id/finalise', (req, id) => finaliseVote(deps, req.t, requireActor(req), id), 'flash.finalised');
  post('/votes/:id/submit', (req, id) => submitVote(deps, req.t, requireActor(req), id, { submittedOn: field(req.body, 'submittedOn') }), 'flash.submitted');
  post('/votes/:id/publish', (req, id) => publishResult(deps, requireActor(req), id), 'flash.published');
  app.post('/votes/:id/recognise', async (req, reply) => {
    const id = idParam(req);
    const input = { decision: field(req.body, 'decision'), decidedOn: field(req.body, 'decidedOn'), reason: field(req.body, 'reason') };
    const r = await recogniseVote(deps, req.t, requireActor(req), id, input);
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, input.decision === 'refuse' ? 'flash.refused' : 'flash.recognised'));
    return 'errors' in r ? rerender(req, reply, id, r.errors) : failTo(req, reply, back(id), r);
  });

  // Recording a meeting.
  async function meetingPage(req: FastifyRequest, reply: FastifyReply, id: number, values?: MeetingModelValues, errors?: Record<string, string>) {
    const ctx = await loadVote(db, id);
    if (!ctx) throw new NotFound();
    const refused = await organiserOr403(req, reply, ctx.matter, ctx.village, back(id));
    if (refused) return refused;
    const { vote } = ctx;
    if (vote.form !== 'meeting') throw new NotFound();
    const households = await repo.registerOn(db, vote.unit_id, vote.vote_date);
    const options = await repo.optionsOf(db, vote.id);
    let v = values;
    if (!v) {
      const att = await repo.attendanceOf(db, vote.id);
      const counts = await db.selectFrom('vote_counts').selectAll().where('vote_id', '=', vote.id).execute();
      v = {
        method: vote.method ?? '',
        attendance: Object.fromEntries(att.map((a) => [String(a.household_id), vote.clusters > 1 ? String(a.cluster) : '1'])),
        secretary: vote.secretary ?? '',
        secretaryVotes: vote.secretary_votes?.toString() ?? '',
        committee: JSON.parse(vote.committee).join('\n'),
        committeeVotes: vote.committee_votes?.toString() ?? '',
        witnesses: JSON.parse(vote.witnesses).join('\n'),
        counts: Object.fromEntries(counts.map((c) => [`${c.cluster}:${c.option_key}`, String(c.count)])),
      };
    }
    const crumbs = [
      { href: `/matters/${ctx.matter.id}`, label: ctx.matter.title },
      { href: back(id), label: L(req.t, 'v.title', { form: L(req.t, 'form.meeting'), matter: ctx.matter.title }) },
    ];
    return sendPage(
      req,
      reply,
      <MeetingPage view={viewOf(req, deps)} m={{ voteId: id, crumbs, clusters: vote.clusters, households, options, values: v, errors }} />,
      errors ? 400 : 200,
    );
  }
  type MeetingModelValues = MeetingInput;
  app.get('/votes/:id/meeting', async (req, reply) => {
    requireActor(req);
    return meetingPage(req, reply, idParam(req));
  });
  app.post('/votes/:id/meeting', async (req, reply) => {
    const actor = requireActor(req);
    const id = idParam(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const attendance: Record<string, string> = {};
    const counts: Record<string, string> = {};
    for (const [k, val] of Object.entries(body)) {
      const s = typeof val === 'string' ? val : '';
      if (k.startsWith('att_')) attendance[k.slice(4)] = s;
      const m = /^count_(\d+)_(.+)$/.exec(k);
      if (m) counts[`${m[1]}:${m[2]}`] = s;
    }
    const input: MeetingInput = {
      method: field(body, 'method'),
      attendance,
      secretary: field(body, 'secretary'),
      secretaryVotes: field(body, 'secretaryVotes'),
      committee: field(body, 'committee'),
      committeeVotes: field(body, 'committeeVotes'),
      witnesses: field(body, 'witnesses'),
      counts,
    };
    const r = await recordMeeting(deps, req.t, actor, id, input);
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, 'flash.recorded'));
    return 'errors' in r ? meetingPage(req, reply, id, input, r.errors) : failTo(req, reply, back(id), r);
  });

  // Minutes.
  async function minutesPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values?: { content: string; decisionText: string; rep1: string; rep2: string },
    errors?: Record<string, string>,
  ) {
    const ctx = await loadVote(db, id);
    if (!ctx) throw new NotFound();
    const refused = await organiserOr403(req, reply, ctx.matter, ctx.village, back(id));
    if (refused) return refused;
    const { vote } = ctx;
    const reps = (await repo.registerOn(db, vote.unit_id, vote.vote_date)).map((h) => h.representative).filter(Boolean);
    const v = values ?? { content: vote.content ?? '', decisionText: vote.decision_text ?? '', rep1: vote.confirm_rep1 ?? '', rep2: vote.confirm_rep2 ?? '' };
    const crumbs = [{ href: back(id), label: ctx.matter.title }];
    return sendPage(
      req,
      reply,
      <MinutesPage view={viewOf(req, deps)} voteId={id} crumbs={crumbs} reps={reps} values={v} errors={errors} />,
      errors ? 400 : 200,
    );
  }
  app.get('/votes/:id/minutes', async (req, reply) => {
    requireActor(req);
    return minutesPage(req, reply, idParam(req));
  });
  app.post('/votes/:id/minutes', async (req, reply) => {
    const actor = requireActor(req);
    const id = idParam(req);
    const input = {
      content: field(req.body, 'content'),
      decisionText: field(req.body, 'decisionText'),
      rep1: field(req.body, 'rep1'),
      rep2: field(req.body, 'rep2'),
    };
    const r = await saveMinutes(deps, req.t, actor, id, input);
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, 'flash.saved'));
    return 'errors' in r ? minutesPage(req, reply, id, input, r.errors) : failTo(req, reply, back(id), r);
  });

  // The counting committee's count (Decree 59/2023 Art 3(5)(c)).
  async function committeePage(req: FastifyRequest, reply: FastifyReply, id: number, values: Record<string, string>, errors?: Record<string, string>) {
    requireActor(req);
    const ctx = await loadVote(db, id);
    if (!ctx) throw new NotFound();
    if (!(await mayEnterCount(db, req.actor, ctx))) throw new Forbidden();
    if (!awaitingCommittee(ctx.vote)) return redirectWithFlash(reply, back(id), L(req.t, 'flash.wrongState'));
    const options = await repo.optionsOf(db, id);
    const crumbs = [{ href: back(id), label: ctx.matter.title }];
    return sendPage(
      req,
      reply,
      <CommitteeCountPage
        view={viewOf(req, deps)}
        voteId={id}
        crumbs={crumbs}
        clusters={ctx.vote.clusters}
        present={ctx.vote.present ?? 0}
        options={options}
        values={values}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  }
  app.get('/votes/:id/committee-count', async (req, reply) => committeePage(req, reply, idParam(req), {}));
  app.post('/votes/:id/committee-count', async (req, reply) => {
    const actor = requireActor(req);
    const id = idParam(req);
    const typed: Record<string, string> = {};
    for (const [k, val] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
      const m = /^count_(\d+)_(.+)$/.exec(k);
      if (m) typed[`${m[1]}:${m[2]}`] = typeof val === 'string' ? val : '';
    }
    const r = await enterCommitteeCount(deps, req.t, actor, id, typed);
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, 'flash.recorded'));
    return 'errors' in r ? committeePage(req, reply, id, typed, r.errors) : failTo(req, reply, back(id), r);
  });
}
