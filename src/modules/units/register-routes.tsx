// Pages that change a village's household register (issue 4 item 2). Only the village head of that
// village or a commune official of its commune (decisionsPolicy 'manageRegister', Art 18(2)); anyone
// else gets 403. Each POST runs one command (one transaction, audited) and on a mistake shows the
// form again, status 422, with the message next to the field and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { formatDate } from '../../platform/i18n/index.js';
import { isVillage } from './levels.js';
import { addHousehold, changeRepresentative, leaveHousehold, moveHousehold } from './register-commands.js';
import { canManage, type Failure, householdById, today, villageById } from './register-common.js';
import { AddHouseholdPage, LeavePage, MovePage, RepresentativePage } from './register-forms.js';
import { childrenOn } from './units.repo.js';

type P = { id: string };
const idOf = (req: FastifyRequest) => {
  const id = Number((req.params as P).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound();
  return id;
};
const read = <K extends string>(body: unknown, names: readonly K[]) => Object.fromEntries(names.map((n) => [n, field(body, n)])) as Record<K, string>;
const registerOf = (villageId: number) => `/units/${villageId}/households`;

function refuse(r: Failure): never {
  if ('reason' in r && r.reason === 'forbidden') throw new Forbidden();
  throw new NotFound();
}

export function registerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function villageFor(req: FastifyRequest): Promise<Unit> {
    const village = await villageById(db, idOf(req));
    if (!village) throw new NotFound();
    if (!req.actor) throw new Unauthenticated();
    if (!canManage(req.actor, village)) throw new Forbidden();
    return village;
  }

  async function householdFor(req: FastifyRequest) {
    const h = await householdById(db, idOf(req));
    const village = h && (await villageById(db, h.unit_id));
    if (!h || !village) throw new NotFound();
    if (!req.actor) throw new Unauthenticated();
    if (!canManage(req.actor, village)) throw new Forbidden();
    const rep = await db.selectFrom('residents').select('full_name').where('household_id', '=', h.id).where('is_representative', '=', 1).executeTakeFirst();
    return { h, village, household: { id: h.id, code: h.code, representative: h.authorised_representative ?? rep?.full_name ?? '' } };
  }

  /** A household that has left can no longer change: back to the register with why. */
  const ended = (req: FastifyRequest, reply: FastifyReply, h: { unit_id: number; valid_to: string | null }) =>
    redirectWithFlash(reply, registerOf(h.unit_id), req.t('register.err.ended', { date: formatDate(h.valid_to) }));

  const todayText = () => formatDate(today(deps));

  // Add a household.
  const addFields = ['code', 'address', 'name', 'birthYear', 'phone', 'date'] as const;
  app.get('/units/:id/households/new', async (req, reply) => {
    const village = await villageFor(req);
    const values = { ...read({}, addFields), date: todayText() };
    return sendPage(req, reply, <AddHouseholdPage view={viewOf(req, deps)} village={village} values={values} />);
  });
  app.post('/units/:id/households', async (req, reply) => {
    const village = await villageFor(req);
    const values = read(req.body, addFields);
    const r = await addHousehold(deps, req.t, req.actor!, village.id, values);
    if (r.ok) return redirectWithFlash(reply, registerOf(village.id), req.t('register.flash.added', { code: r.code }));
    if (!('errors' in r)) refuse(r);
    return sendPage(req, reply, <AddHouseholdPage view={viewOf(req, deps)} village={village} values={values} errors={r.errors} />, 422);
  });

  // A household leaves the village.
  const leaveFields = ['date', 'reason'] as const;
  app.get('/households/:id/leave', async (req, reply) => {
    const { h, village, household } = await householdFor(req);
    if (h.valid_to) return ended(req, reply, h);
    const values = { ...read({}, leaveFields), date: todayText() };
    return sendPage(req, reply, <LeavePage view={viewOf(req, deps)} village={village} household={household} values={values} />);
  });
  app.post('/households/:id/leave', async (req, reply) => {
    const { h, village, household } = await householdFor(req);
    const values = read(req.body, leaveFields);
    const r = await leaveHousehold(deps, req.t, req.actor!, h.id, values);
    if (r.ok) return redirectWithFlash(reply, registerOf(village.id), req.t('register.flash.left', { code: h.code, date: formatDate(r.date) }));
    if (!('errors' in r)) refuse(r);
    return sendPage(req, reply, <LeavePage view={viewOf(req, deps)} village={village} household={household} values={values} errors={r.errors} />, 422);
  });

  // A household moves to another village of the same commune: only villages the actor may keep.
  const moveFields = ['targetId', 'code', 'address', 'date'] as const;
  const targetsFor = async (req: FastifyRequest, village: Unit) =>
    village.parent_id
      ? (await childrenOn(db, village.parent_id, today(deps))).filter((u) => isVillage(u) && u.id !== village.id && canManage(req.actor, u))
      : [];
  app.get('/households/:id/move', async (req, reply) => {
    const { h, village, household } = await householdFor(req);
    if (h.valid_to) return ended(req, reply, h);
    const values = { ...read({}, moveFields), date: todayText() };
    const targets = await targetsFor(req, village);
    return sendPage(req, reply, <MovePage view={viewOf(req, deps)} village={village} household={household} targets={targets} values={values} />);
  });
  app.post('/households/:id/move', async (req, reply) => {
    const { h, village, household } = await householdFor(req);
    const values = read(req.body, moveFields);
    const r = await moveHousehold(deps, req.t, req.actor!, h.id, values);
    if (r.ok) return redirectWithFlash(reply, registerOf(village.id), req.t('register.flash.moved', { code: h.code, village: r.village, newCode: r.code }));
    if (!('errors' in r)) refuse(r);
    const targets = await targetsFor(req, village);
    return sendPage(
      req,
      reply,
      <MovePage view={viewOf(req, deps)} village={village} household={household} targets={targets} values={values} errors={r.errors} />,
      422,
    );
  });

  // The representative (Art 18(2)): an adult member, or a person the household authorises.
  const membersOf = (householdId: number) =>
    db.selectFrom('residents').select(['id', 'full_name', 'birth_year', 'is_representative']).where('household_id', '=', householdId).orderBy('id').execute();
  app.get('/households/:id/representative', async (req, reply) => {
    const { h, village, household } = await householdFor(req);
    if (h.valid_to) return ended(req, reply, h);
    const members = await membersOf(h.id);
    const current = members.find((m) => m.is_representative === 1);
    const values = { choice: h.authorised_representative ? 'authorised' : current ? `m${current.id}` : '', authorisedName: h.authorised_representative ?? '' };
    return sendPage(req, reply, <RepresentativePage view={viewOf(req, deps)} village={village} household={household} members={members} values={values} />);
  });
  app.post('/households/:id/representative', async (req, reply) => {
    const { h, village, household } = await householdFor(req);
    const values = read(req.body, ['choice', 'authorisedName'] as const);
    const r = await changeRepresentative(deps, req.t, req.actor!, h.id, values);
    if (r.ok) return redirectWithFlash(reply, registerOf(village.id), req.t('register.flash.rep', { code: h.code }));
    if (!('errors' in r)) refuse(r);
    const members = await membersOf(h.id);
    return sendPage(
      req,
      reply,
      <RepresentativePage view={viewOf(req, deps)} village={village} household={household} members={members} values={values} errors={r.errors} />,
      422,
    );
  });
}
