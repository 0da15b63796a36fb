// Pages of matters (Law 10/2022 Arts 15–16, 21–22): the list of a village or commune, proposing,
// one matter with its initiative, votes, commune-wide standing and annulment. Each POST runs one command.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, fields } from '../../platform/http/forms.js';
import { VILLAGE_LEVELS } from '../units/levels.js';
import { childrenOn, unitById } from '../units/units.repo.js';
import { annulMatter } from './commands/annul.js';
import { communeStanding, concludeCommune } from './commands/conclude.js';
import { approveInitiative, forwardInitiative, giveConsent, recordPaperConsents, standingOf } from './commands/initiative.js';
import { mayOrganise } from './commands/organiser.js';
import { mayPropose, type ProposeInput, proposeMatter } from './commands/propose.js';
import { hadFailedMeeting } from './commands/schedule.js';
import { decisionsPolicy } from './decisions.policy.js';
import * as repo from './decisions.repo.js';
import { failTo, idParam, requireActor } from './http.js';
import { pendingFor } from './pending.js';
import { shownStatus } from './present.js';
import type { MatterItem } from './rules/matters.js';
import { L } from './views/labels.js';
import { MatterListPage, MatterPage, type MatterPageModel, ProposePage } from './views/matters.js';
import { voteRoutes } from './vote-routes.js';

const emptyProposal = (): ProposeInput => ({ item: '', title: '', description: '', proposer: 'leader', agreementBy: '', agreementOn: '', initiatorName: '' });

export function decisionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  voteRoutes(app, deps);

  const unitOf = async (req: FastifyRequest) => {
    const unit = await unitById(db, idParam(req));
    if (!unit) throw new NotFound();
    return { ...unit, isVillage: VILLAGE_LEVELS.includes(unit.level) };
  };

  app.get('/units/:id/decisions', async (req, reply) => {
    const unit = await unitOf(req);
    const managed = decisionsPolicy(req.actor, 'readManaged', { unitPath: unit.path });
    // A village sees its own matters and its commune's commune-wide ones; a commune sees its subtree.
    let q = db
      .selectFrom('matters as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .selectAll('m')
      .select('u.name as unitName')
      .orderBy('m.created_at', 'desc')
      .limit(200);
    q = unit.isVillage
      ? q.where((eb) => eb.or([eb('m.unit_id', '=', unit.id), eb.and([eb('m.unit_id', '=', unit.parent_id ?? -1), eb('m.scope', '=', 'commune')])]))
      : q.where('u.path', 'like', `${unit.path}%`);
    // Residents see a matter once a vote on it is announced (the notice is posted, Decree 59 Art 3(3))
    // and its results once the village head publishes them (R-A17, Art 23(2)).
    if (!managed)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('votes as v')
            .select('v.id')
            .whereRef('v.matter_id', '=', 'm.id')
            .where((w) => w.or([w('v.published_on', 'is not', null), w('v.status', '=', 'scheduled')])),
        ),
      );
    let matters = await q.execute();
    if (!managed) {
      // The outcome shows once a result is published (R-A17); until then the matter is "being decided".
      const ids = matters.map((m) => m.id).concat(-1);
      const published = new Set(
        (await db.selectFrom('votes').select('matter_id').where('matter_id', 'in', ids).where('published_on', 'is not', null).execute()).map(
          (v) => v.matter_id,
        ),
      );
      matters = matters.map((m) => (published.has(m.id) || m.status === 'annulled' ? m : { ...m, status: 'open' as const, effective_from: null }));
    }
    const canPropose = mayPropose(req.actor, unit, 'either');
    const pending = managed ? await pendingFor(deps, unit) : [];
    return sendPage(req, reply, <MatterListPage view={viewOf(req, deps)} unit={unit} matters={matters} canPropose={canPropose} pending={pending} />);
  });

  app.get('/units/:id/decisions/new', async (req, reply) => {
    const actor = requireActor(req);
    const unit = await unitOf(req);
    if (!mayPropose(actor, unit, 'either')) throw new Forbidden();
    return sendPage(req, reply, <ProposePage view={viewOf(req, deps)} unit={unit} values={emptyProposal()} />);
  });

  app.post('/units/:id/decisions', async (req, reply) => {
    const actor = requireActor(req);
    const unit = await unitOf(req);
    const b = req.body;
    const values: ProposeInput = {
      item: field(b, 'item'),
      title: field(b, 'title'),
      description: field(b, 'description'),
      proposer: field(b, 'proposer'),
      agreementBy: field(b, 'agreementBy'),
      agreementOn: field(b, 'agreementOn'),
      initiatorName: field(b, 'initiatorName'),
    };
    const r = await proposeMatter(deps, req.t, actor, unit.id, values);
    if (r.ok) return redirectWithFlash(reply, `/matters/${r.id}`, L(req.t, 'flash.proposed'));
    if ('errors' in r) return sendPage(req, reply, <ProposePage view={viewOf(req, deps)} unit={unit} values={values} errors={r.errors} />, 400);
    return failTo(req, reply, `/units/${unit.id}/decisions`, r);
  });

  async function matterModel(req: FastifyRequest, id: number): Promise<MatterPageModel> {
    const matter = await repo.findMatter(db, id);
    if (!matter) throw new NotFound();
    const unit = await unitById(db, matter.unit_id);
    if (!unit) throw new NotFound();
    const res = { unitPath: unit.path };
    const managed = decisionsPolicy(req.actor, 'readManaged', res);
    const all = await repo.votesOf(db, matter.id);
    const nowIso = deps.clock.now().toISOString();
    const votes = [];
    for (const v of all) {
      if (!managed && !v.published_on && v.status !== 'scheduled') continue;
      const village = await unitById(db, v.unit_id);
      votes.push({
        id: v.id,
        village: village?.name ?? '',
        form: v.form,
        date: v.vote_date,
        status: shownStatus(v, nowIso),
        outcome: v.status === 'scheduled' ? null : v.outcome,
        published: !!v.published_on,
      });
    }
    const villages = matter.scope === 'village' ? [unit] : await childrenOn(db, unit.id, todayInVietnam(deps.clock.now()));
    // Decree 59 Art 3(1): the subject or a candidate of a village-head election or dismissal is not offered it.
    const scheduleVillages: { id: number; name: string }[] = [];
    for (const v of villages) if (await mayOrganise(db, req.actor, matter, v, 'runVote')) scheduleVillages.push({ id: v.id, name: v.name });
    const fallback = matter.scope === 'village' && matter.status === 'open' && (await hadFailedMeeting(deps, matter.id, matter.item as MatterItem, unit.id));
    let initiative: MatterPageModel['initiative'] = null;
    if (matter.proposer === 'initiative') {
      const canRecord = matter.status === 'collecting' && decisionsPolicy(req.actor, 'recordConsents', res);
      initiative = {
        standing: await standingOf(deps, matter),
        canConsent: matter.status === 'collecting' && decisionsPolicy(req.actor, 'giveConsent', res),
        canRecord,
        canApprove: matter.status === 'collecting' && decisionsPolicy(req.actor, 'approveInitiative', res),
        register: canRecord ? await repo.registerOn(db, unit.id, todayInVietnam(deps.clock.now())) : [],
      };
    }
    let commune: MatterPageModel['commune'] = null;
    // Each village's outcome is the village head's to publish first (R-A17): the standing is for officials.
    if (matter.scope === 'commune' && managed) {
      const s = await communeStanding(deps, matter);
      commune = { rows: s.rows, working: s.working, canConclude: decisionsPolicy(req.actor, 'recogniseCommittee', res) };
    }
    // Residents learn the outcome from a published result (R-A17), not from the matter's status.
    const shown =
      managed || votes.some((v) => v.published)
        ? matter
        : { ...matter, status: matter.status === 'annulled' ? matter.status : ('open' as const), effective_from: null };
    return {
      matter: shown,
      unit: { id: unit.id, name: unit.name },
      votes,
      scheduleVillages,
      fallback,
      initiative,
      commune,
      canAnnul: decisionsPolicy(req.actor, 'annul', res),
    };
  }

  app.get('/matters/:id', async (req, reply) => sendPage(req, reply, <MatterPage view={viewOf(req, deps)} m={await matterModel(req, idParam(req))} />));

  const back = (id: number) => `/matters/${id}`;
  async function rerender(req: FastifyRequest, reply: FastifyReply, id: number, errors: Record<string, string>) {
    const values = Object.fromEntries(['ground', 'reason', 'givenOn', 'effectiveFrom'].map((k) => [k, field(req.body, k)]));
    return sendPage(req, reply, <MatterPage view={viewOf(req, deps)} m={{ ...(await matterModel(req, id)), errors, values }} />, 400);
  }

  app.post('/matters/:id/consent', async (req, reply) => {
    const id = idParam(req);
    const r = await giveConsent(deps, requireActor(req), id);
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, 'flash.consented'));
    if ('reason' in r && (r.reason === 'already' || r.reason === 'no_household'))
      return redirectWithFlash(reply, back(id), L(req.t, r.reason === 'already' ? 'flash.already' : 'flash.noHousehold'));
    return failTo(req, reply, back(id), r as never);
  });
  app.post('/matters/:id/consents', async (req, reply) => {
    const id = idParam(req);
    const r = await recordPaperConsents(deps, req.t, requireActor(req), id, {
      householdIds: fields(req.body, 'householdIds'),
      givenOn: field(req.body, 'givenOn'),
    });
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, 'flash.saved'));
    return 'errors' in r ? rerender(req, reply, id, r.errors) : failTo(req, reply, back(id), r);
  });
  app.post('/matters/:id/approve', async (req, reply) => {
    const id = idParam(req);
    const r = await approveInitiative(deps, requireActor(req), id);
    return r.ok ? redirectWithFlash(reply, back(id), L(req.t, 'flash.approved')) : failTo(req, reply, back(id), r);
  });
  app.post('/matters/:id/forward', async (req, reply) => {
    const id = idParam(req);
    const r = await forwardInitiative(deps, req.t, requireActor(req), id);
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, 'flash.forwarded'));
    return 'errors' in r ? rerender(req, reply, id, r.errors) : failTo(req, reply, back(id), r);
  });
  app.post('/matters/:id/conclude', async (req, reply) => {
    const id = idParam(req);
    const r = await concludeCommune(deps, req.t, requireActor(req), id, { effectiveFrom: field(req.body, 'effectiveFrom') });
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, 'flash.concluded'));
    return 'errors' in r ? rerender(req, reply, id, r.errors) : failTo(req, reply, back(id), r);
  });
  app.post('/matters/:id/annul', async (req, reply) => {
    const id = idParam(req);
    const amend = field(req.body, 'action') === 'amend';
    const r = await annulMatter(deps, req.t, requireActor(req), id, { ground: field(req.body, 'ground'), reason: field(req.body, 'reason'), amend });
    if (r.ok) return redirectWithFlash(reply, back(id), L(req.t, amend ? 'flash.sentBack' : 'flash.annulled'));
    return 'errors' in r ? rerender(req, reply, id, r.errors) : failTo(req, reply, back(id), r);
  });
}
