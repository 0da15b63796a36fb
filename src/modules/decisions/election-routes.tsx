// Pages for village-head and board elections and dismissals (Decree 59/2023 Arts 6–9; issue 4 items
// 7–8): the offices of a commune or village, opening an election or a dismissal, one election with
// its Art 6 checklist and the plan and candidate forms, and the interim head. The meeting itself is
// scheduled, counted and recognised on the matter's page (/matters/:id).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import type { Actor } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type FieldErrors, Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { formatDate } from '../../platform/i18n/index.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from '../units/levels.js';
import { unitById } from '../units/units.repo.js';
import { type ElectionFailure, headInOffice, mayManage, profileOf } from './commands/election-common.js';
import { appointInterim } from './commands/election-interim.js';
import { openDismissal, openElection } from './commands/election-open.js';
import { CANDIDATE_FIELDS, recordCandidates, recordElectionPlan } from './commands/election-plan.js';
import { electionDetail, electionsOverview, residentChoices, villagesUnder } from './commands/election-read.js';
import { decisionsPolicy } from './decisions.policy.js';
import { ElectionDetailPage } from './views/election-detail.js';
import { ElectionsPage } from './views/election-list.js';
import { NewElectionPage } from './views/election-new.js';

type P = Record<string, string>;
const pick = <K extends string>(body: unknown, names: readonly K[]) => Object.fromEntries(names.map((n) => [n, field(body, n)])) as Record<K, string>;
const NEW_FIELDS = ['villageId', 'position', 'kind', 'ground', 'petitionHouseholds', 'holderResidentId', 'description'] as const;
const INTERIM_FIELDS = ['residentId', 'startsOn', 'endsOn', 'frontAgreedBy', 'frontAgreedOn'] as const;
const PLAN_FIELDS = ['meetingDate', 'planIssuedOn', 'teamSetOn', 'team', 'noticeOn'] as const;
const CAND_FIELDS = ['candMeetingDate', 'candidatesSentOn', ...Array.from({ length: CANDIDATE_FIELDS }, (_, i) => `candidate${i + 1}`)];

/** Reading the offices: those who run or oversee the village's decisions, and those who manage elections. */
const mayRead = (actor: Actor | null, unit: { path: string }) => decisionsPolicy(actor, 'readManaged', { unitPath: unit.path }) || mayManage(actor, unit);

export function electionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());

  async function unitFor(req: FastifyRequest, manage: boolean): Promise<Unit> {
    if (!req.actor) throw new Unauthenticated();
    const unit = await unitById(db, Number((req.params as P).id));
    if (!unit || ![...VILLAGE_LEVELS, ...COMMUNE_LEVELS].includes(unit.level)) throw new NotFound();
    if (!(manage ? mayManage(req.actor, unit) : mayRead(req.actor, unit))) throw new Forbidden();
    return unit;
  }

  const failed = (r: ElectionFailure, reply: FastifyReply, back: string, req: FastifyRequest) => {
    if ('errors' in r) return null;
    if (r.reason === 'not_found') throw new NotFound();
    if (r.reason === 'forbidden') throw new Forbidden();
    return redirectWithFlash(reply, back, req.t('decisions.election.flash.wrongState'));
  };

  async function overview(req: FastifyRequest, reply: FastifyReply, unit: Unit, interimValues?: Record<string, string>, errors?: FieldErrors) {
    const o = await electionsOverview(db, unit, today());
    const canManage = mayManage(req.actor, unit);
    const isVillage = VILLAGE_LEVELS.includes(unit.level);
    const vacant = isVillage && !(await headInOffice(db, unit.id));
    const interim =
      canManage && vacant
        ? {
            residents: await residentChoices(db, unit.id, today()),
            maxMonths: (await profileOf(db, unit)).interimMaxMonths,
            values: interimValues ?? { startsOn: formatDate(today()) },
            errors,
          }
        : null;
    const m = {
      unit: { id: unit.id, name: unit.name, level: unit.level, isVillage },
      holders: o.holders,
      inProgress: o.inProgress,
      dueElections: o.dueElections,
      canManage,
      interim,
      levelOf: Object.fromEntries(o.villages.map((v) => [v.id, v.level])),
    };
    return sendPage(req, reply, <ElectionsPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }

  app.get('/units/:id/elections', async (req, reply) => overview(req, reply, await unitFor(req, false)));

  app.post('/units/:id/elections/interim', async (req, reply) => {
    const unit = await unitFor(req, true);
    if (!VILLAGE_LEVELS.includes(unit.level)) throw new NotFound();
    const input = pick(req.body, INTERIM_FIELDS);
    const r = await appointInterim(deps, req.t, req.actor as Actor, unit.id, input);
    const back = `/units/${unit.id}/elections`;
    if (r.ok) return redirectWithFlash(reply, back, req.t('decisions.election.flash.interim', { date: formatDate(r.endsOn) }));
    return failed(r, reply, back, req) ?? overview(req, reply, unit, input, 'errors' in r ? r.errors : undefined);
  });

  async function newPage(req: FastifyRequest, reply: FastifyReply, unit: Unit, values: Record<string, string>, errors?: FieldErrors) {
    const villages = await villagesUnder(db, unit, today());
    const o = await electionsOverview(db, unit, today());
    const m = {
      unit: { id: unit.id, name: unit.name },
      villages: villages.map((v) => ({ id: v.id, name: v.name, level: v.level })),
      holders: o.holders,
      values,
      errors,
    };
    return sendPage(req, reply, <NewElectionPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }

  app.get('/units/:id/elections/new', async (req, reply) => {
    const unit = await unitFor(req, true);
    const q = req.query as P;
    return newPage(req, reply, unit, {
      villageId: VILLAGE_LEVELS.includes(unit.level) ? String(unit.id) : (q.village ?? ''),
      kind: q.kind ?? 'election',
      position: 'village_head',
    });
  });

  app.post('/units/:id/elections/new', async (req, reply) => {
    const unit = await unitFor(req, true);
    const input = pick(req.body, NEW_FIELDS);
    const villages = await villagesUnder(db, unit, today());
    if (input.villageId && !villages.some((v) => String(v.id) === input.villageId))
      return newPage(req, reply, unit, input, { villageId: req.t('decisions.election.err.villageRequired') });
    const actor = req.actor as Actor;
    const r =
      input.kind === 'dismissal'
        ? await openDismissal(deps, req.t, actor, input)
        : input.kind === 'election'
          ? await openElection(deps, req.t, actor, input)
          : ({ ok: false, errors: { kind: req.t('decisions.election.err.kindRequired') } } as const);
    if (r.ok)
      return redirectWithFlash(
        reply,
        `/elections/${r.matterId}`,
        req.t(input.kind === 'dismissal' ? 'decisions.election.flash.dismissalOpened' : 'decisions.election.flash.opened'),
      );
    return failed(r, reply, `/units/${unit.id}/elections`, req) ?? newPage(req, reply, unit, input, 'errors' in r ? r.errors : undefined);
  });

  type Forms = { plan?: { values: Record<string, string>; errors?: FieldErrors }; cand?: { values: Record<string, string>; errors?: FieldErrors } };

  async function detail(req: FastifyRequest, reply: FastifyReply, forms: Forms = {}) {
    if (!req.actor) throw new Unauthenticated();
    const d = await electionDetail(db, Number((req.params as P).matterId), today());
    if (!d) throw new NotFound();
    if (!mayRead(req.actor, d.village)) throw new Forbidden();
    const canManage = mayManage(req.actor, d.village);
    const fmt = (s: string | null) => (s ? formatDate(s) : '');
    const recordedCandidates = Object.fromEntries(d.candidates.map((c, i) => [`candidate${i + 1}`, String(c.residentId)]));
    const m = {
      d,
      canManage,
      residents: canManage && d.matter.kind === 'election' && !d.vote ? await residentChoices(db, d.village.id, today()) : [],
      candidateFields: CANDIDATE_FIELDS,
      plan: forms.plan ?? {
        values: { planIssuedOn: fmt(d.dates.planIssuedOn), teamSetOn: fmt(d.dates.teamSetOn), team: d.team.join('\n'), noticeOn: fmt(d.dates.noticeOn) },
      },
      cand: forms.cand ?? { values: { candidatesSentOn: fmt(d.dates.candidatesSentOn), ...recordedCandidates } },
    };
    const status = forms.plan?.errors || forms.cand?.errors ? 422 : 200;
    return sendPage(req, reply, <ElectionDetailPage view={viewOf(req, deps)} m={m} />, status);
  }

  app.get('/elections/:matterId', (req, reply) => detail(req, reply));

  app.post('/elections/:matterId/plan', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const id = Number((req.params as P).matterId);
    const values = pick(req.body, PLAN_FIELDS);
    const r = await recordElectionPlan(deps, req.t, req.actor, id, values);
    if (r.ok) return redirectWithFlash(reply, `/elections/${id}`, req.t('decisions.election.flash.plan'));
    return failed(r, reply, `/elections/${id}`, req) ?? detail(req, reply, { plan: { values, errors: 'errors' in r ? r.errors : undefined } });
  });

  app.post('/elections/:matterId/candidates', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const id = Number((req.params as P).matterId);
    const values = pick(req.body, CAND_FIELDS);
    const candidates = Array.from({ length: CANDIDATE_FIELDS }, (_, i) => values[`candidate${i + 1}`] ?? '');
    const r = await recordCandidates(deps, req.t, req.actor, id, {
      meetingDate: values.candMeetingDate ?? '',
      candidatesSentOn: values.candidatesSentOn ?? '',
      candidates,
    });
    if (r.ok) return redirectWithFlash(reply, `/elections/${id}`, req.t('decisions.election.flash.candidates'));
    if (!('errors' in r)) return failed(r, reply, `/elections/${id}`, req);
    // The meeting date of this form has its own field name: the plan form on the same page has one too.
    const { meetingDate, ...rest } = r.errors;
    return detail(req, reply, { cand: { values, errors: meetingDate ? { candMeetingDate: meetingDate, ...rest } : rest } });
  });
}
