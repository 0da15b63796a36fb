// Workplace democracy pages (Law 10/2022 Arts 35(2)(c), 49–52, 59(1)(a); T-2.4; R-G3; R-D4):
//   GET /units/:id/regulations                 the register (public)
//   GET /units/:id/regulations/new             POST /units/:id/regulations      (commune regulation)
//   GET /agencies/:id/workplace                POST /agencies/:id/staff-count
//   GET /agencies/:id/regulations/new          POST /agencies/:id/regulations   (agency regulation)
//   GET /agencies/:id/staff-conferences/new    POST /agencies/:id/staff-conferences
//   GET /staff-conferences/:id                 POST /staff-conferences/:id/decisions | reviews

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Conflict, type FieldErrors, Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { formatNumber } from '../../platform/i18n/index.js';
import type { Failure } from '../../platform/results.js';
import { readableIds } from '../consultation/consultation.policy.js';
import { agencyHolder, communeHolder, type Holder, may } from './commands/common.js';
import { type ConferenceInput, emptyConference, recordConference, recordDecision, recordReview, recordStaffCount, staffOn } from './commands/conference.js';
import { eligibleConsultations, emptyIssue, type IssueInput, issueRegulation } from './commands/regulation.js';
import { conferenceYearState, nextReviewDue, quorumNeeded, reviewOverdue } from './rules/conference.js';
import { AgencyPage, ConferenceFormPage } from './views/agency.js';
import { ConferencePage } from './views/conference.js';
import { IssueFormPage, RegisterPage } from './views/register.js';
import * as repo from './workplace.repo.js';

type P = Record<string, string | undefined>;

function failWith(actor: Actor | null, r: Failure): never {
  if ('errors' in r) throw new Conflict();
  if (r.reason === 'not_found') throw new NotFound();
  if (r.reason === 'forbidden') throw actor ? new Forbidden() : new Unauthenticated();
  throw new Conflict('wrong_state');
}
const deny = (actor: Actor | null): never => {
  throw actor ? new Forbidden() : new Unauthenticated();
};

export function workplaceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());
  /** The work year whose conference is judged now: the last one that has ended (Art 51(1)). */
  const lastWorkYear = () => Number(today().slice(0, 4)) - 1;

  const commune = async (id: unknown) => (await communeHolder(db, idOr404(id))) ?? deny404();
  const agency = async (id: unknown) => (await agencyHolder(db, idOr404(id))) ?? deny404();
  function deny404(): never {
    throw new NotFound();
  }

  app.get('/units/:id/regulations', async (req, reply) => {
    const h = await commune((req.params as P).id);
    const workYear = lastWorkYear();
    const rows = await repo.registerOf(db, [h.unit], today(), workYear);
    const agencyHref = (id: number) => (may(req.actor, { unit: h.unit, agency: { id, name: '' } }, 'readAgency') ? `/agencies/${id}/workplace` : null);
    const m = { unit: h.unit, rows, workYear, canIssue: may(req.actor, h, 'issueCommune'), agencyHref };
    return sendPage(req, reply, <RegisterPage view={viewOf(req, deps)} m={m} />);
  });

  // Issuing a regulation: the same form for a commune and an agency.
  const readIssue = (b: unknown): IssueInput => ({
    consultationId: field(b, 'consultationId'),
    kind: field(b, 'kind'),
    title: field(b, 'title'),
    number: field(b, 'number'),
    issuedOn: field(b, 'issuedOn'),
    inForceFrom: field(b, 'inForceFrom'),
    signer: field(b, 'signer'),
    partner: field(b, 'partner'),
  });
  const back = (h: Holder) => (h.agency ? `/agencies/${h.agency.id}/workplace` : `/units/${h.unit.id}/regulations`);
  async function issueForm(req: FastifyRequest, reply: FastifyReply, h: Holder, values: IssueInput, errors?: FieldErrors) {
    if (!may(req.actor, h, h.agency ? 'issueAgency' : 'issueCommune')) deny(req.actor);
    const consultations = await eligibleConsultations(deps, h);
    const m = {
      name: h.agency?.name ?? h.unit.name,
      agency: !!h.agency,
      back: back(h),
      action: h.agency ? `/agencies/${h.agency.id}/regulations` : `/units/${h.unit.id}/regulations`,
      consultations,
      consultHref: h.agency ? `/agencies/${h.agency.id}/consultations` : `/units/${h.unit.id}/consultations`,
      values,
      errors,
    };
    return sendPage(req, reply, <IssueFormPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }
  async function issue(req: FastifyRequest, reply: FastifyReply, h: Holder) {
    if (!req.actor) throw new Unauthenticated();
    const input = readIssue(req.body);
    const r = await issueRegulation(deps, req.t, req.actor, h, input);
    if (r.ok) return redirectWithFlash(reply, back(h), req.t('workplace.flash.issued'));
    if ('errors' in r) return issueForm(req, reply, h, input, r.errors);
    return failWith(req.actor, r);
  }
  app.get('/units/:id/regulations/new', async (req, reply) => issueForm(req, reply, await commune((req.params as P).id), emptyIssue(false)));
  app.post('/units/:id/regulations', async (req, reply) => issue(req, reply, await commune((req.params as P).id)));
  app.get('/agencies/:id/regulations/new', async (req, reply) => issueForm(req, reply, await agency((req.params as P).id), emptyIssue(true)));
  app.post('/agencies/:id/regulations', async (req, reply) => issue(req, reply, await agency((req.params as P).id)));

  async function agencyPage(req: FastifyRequest, reply: FastifyReply, h: Holder, staffValues = { staff: '', countedOn: '' }, errors?: FieldErrors) {
    if (!h.agency || !may(req.actor, h, 'readAgency')) return deny(req.actor);
    const a = h.agency;
    const workYear = lastWorkYear();
    const [regulations, staff, conferences] = await Promise.all([
      repo.regulationsOf(db, h.unit.id, a.id),
      staffOn(db, a.id, today()),
      repo.conferencesOf(db, a.id),
    ]);
    const held = conferences.filter((c) => c.work_year === workYear).map((c) => ({ heldOn: c.held_on, valid: c.outcome === 'valid' }));
    // Art 52(3): the latest valid conference's resolution is reviewed every 06 months.
    const latest = conferences.find((c) => c.outcome === 'valid');
    const reviewDates = latest ? (await repo.reviewsOf(db, latest.id)).map((r) => r.reviewed_on) : [];
    const review = latest
      ? { id: latest.id, due: nextReviewDue(latest.held_on, reviewDates), overdue: reviewOverdue(latest.held_on, reviewDates, today()) }
      : null;
    const m = {
      a: { id: a.id, name: a.name, unitId: h.unit.id, unitName: h.unit.name },
      regulations,
      // The consultation behind each version (R-D4), linked only for who may open it (Art 53: its staff).
      readableConsultations: await readableIds(
        db,
        req.actor,
        regulations.map((r) => r.consultation_id),
      ),
      staff: staff ?? null,
      conferences,
      workYear,
      state: conferenceYearState({ workYear, staff: staff?.staff ?? null, held, today: today() }),
      review,
      canIssue: may(req.actor, h, 'issueAgency'),
      canRecord: may(req.actor, h, 'recordConference'),
      staffValues,
      errors,
    };
    return sendPage(req, reply, <AgencyPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }
  app.get('/agencies/:id/workplace', async (req, reply) => agencyPage(req, reply, await agency((req.params as P).id)));
  app.post('/agencies/:id/staff-count', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const h = await agency((req.params as P).id);
    const input = { staff: field(req.body, 'staff'), countedOn: field(req.body, 'countedOn') };
    const r = await recordStaffCount(deps, req.t, req.actor, h, input);
    if (r.ok) return redirectWithFlash(reply, back(h), req.t('workplace.flash.staff'));
    if ('errors' in r) return agencyPage(req, reply, h, input, r.errors);
    return failWith(req.actor, r);
  });

  const readConference = (b: unknown): ConferenceInput => ({
    workYear: field(b, 'workYear'),
    heldOn: field(b, 'heldOn'),
    form: field(b, 'form'),
    convocation: field(b, 'convocation'),
    delegates: field(b, 'delegates'),
    present: field(b, 'present'),
    outcome: field(b, 'outcome'),
    dispersed: field(b, 'dispersed') === '1',
    forceMajeure: field(b, 'forceMajeure') === '1',
    agenda: field(b, 'agenda'),
  });
  function conferenceForm(req: FastifyRequest, reply: FastifyReply, h: Holder, values: ConferenceInput, errors?: FieldErrors) {
    if (!h.agency || !may(req.actor, h, 'recordConference')) return deny(req.actor);
    const a = { id: h.agency.id, name: h.agency.name, unitId: h.unit.id, unitName: h.unit.name };
    return sendPage(req, reply, <ConferenceFormPage view={viewOf(req, deps)} m={{ a, values, errors }} />, errors ? 422 : 200);
  }
  app.get('/agencies/:id/staff-conferences/new', async (req, reply) =>
    conferenceForm(req, reply, await agency((req.params as P).id), emptyConference(lastWorkYear())),
  );
  app.post('/agencies/:id/staff-conferences', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const h = await agency((req.params as P).id);
    const input = readConference(req.body);
    const r = await recordConference(deps, req.t, req.actor, h, input);
    if (r.ok) return redirectWithFlash(reply, `/staff-conferences/${r.id}`, req.t(r.late ? 'workplace.flash.conferenceLate' : 'workplace.flash.conference'));
    if ('errors' in r) return conferenceForm(req, reply, h, input, r.errors);
    return failWith(req.actor, r);
  });

  async function conferenceCtx(req: FastifyRequest) {
    const c = await repo.findConference(db, idOr404((req.params as P).id));
    if (!c) throw new NotFound();
    const h = await agency(c.agency_id);
    if (!may(req.actor, h, 'readAgency')) deny(req.actor);
    return { c, h };
  }
  async function conferencePage(req: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, errors?: FieldErrors) {
    const { c, h } = await conferenceCtx(req);
    const [decisions, reviews] = await Promise.all([repo.decisionsOf(db, c.id), repo.reviewsOf(db, c.id)]);
    const dates = reviews.map((r) => r.reviewed_on);
    const m = {
      c,
      agency: h.agency as { id: number; name: string },
      quorumNeeded: quorumNeeded(c.base),
      decisions,
      reviews,
      nextReview: nextReviewDue(c.held_on, dates),
      reviewOverdue: reviewOverdue(c.held_on, dates, today()),
      canRecord: may(req.actor, h, 'recordConference'),
      values,
      errors,
    };
    return sendPage(req, reply, <ConferencePage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }
  app.get('/staff-conferences/:id', (req, reply) => conferencePage(req, reply));
  app.post('/staff-conferences/:id/decisions', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const { c, h } = await conferenceCtx(req);
    const input = { matter: field(req.body, 'matter'), title: field(req.body, 'title'), votesFor: field(req.body, 'votesFor') };
    const r = await recordDecision(deps, req.t, req.actor, h, c, input);
    if (r.ok) {
      const args = { votes: input.votesFor.trim(), base: formatNumber(r.base), needed: formatNumber(r.needed) };
      // Art 51(2): a resolution below the threshold is recorded as not adopted, with its working.
      return redirectWithFlash(reply, `/staff-conferences/${c.id}`, req.t(r.adopted ? 'workplace.flash.adopted' : 'workplace.flash.rejected', args));
    }
    if ('errors' in r) return conferencePage(req, reply, input, r.errors);
    return failWith(req.actor, r);
  });
  app.post('/staff-conferences/:id/reviews', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const { c, h } = await conferenceCtx(req);
    const input = { reviewedOn: field(req.body, 'reviewedOn'), result: field(req.body, 'result'), toldStaffOn: field(req.body, 'toldStaffOn') };
    const r = await recordReview(deps, req.t, req.actor, h, c, input);
    if (r.ok) return redirectWithFlash(reply, `/staff-conferences/${c.id}`, req.t('workplace.flash.review'));
    if ('errors' in r) return conferencePage(req, reply, input, r.errors);
    return failWith(req.actor, r);
  });
}
