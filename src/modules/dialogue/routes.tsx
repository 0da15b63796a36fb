// Dialogue pages (issue 6 items 6 and 8; Law 10/2022 Arts 32, 59(1)(b)):
//   GET /units/:id/dialogues[?year]      GET/POST /units/:id/dialogues/new (POST /units/:id/dialogues)
//   GET /agencies/:id/dialogues[?year]   GET/POST /agencies/:id/dialogues/new (POST /agencies/:id/dialogues)
//   GET /dialogues/:id[?page]            POST /dialogues/:id/questions | questions/record | held | minutes
//   GET /dialogue-questions/:id          POST /dialogue-questions/:id/answer | hide
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import type { Actor } from '../../platform/auth/policy.js';
import { Conflict, type FieldErrors, Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404, parseId } from '../../platform/http/ids.js';
import { allowHit, clientKey } from '../../platform/http/rate-limit.js';
import type { Failure } from '../../platform/results.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { emptySchedule, publishMinutes, recordDialogueHeld, type ScheduleInput, scheduleDialogue } from './commands/dialogue.js';
import { loadDialogue, mayDialogue } from './commands/load.js';
import { answerQuestion, askQuestion, hideQuestion, openForQuestions } from './commands/questions.js';
import { dialoguePolicy } from './dialogue.policy.js';
import * as repo from './dialogue.repo.js';
import { dialogueYearState, yearInVietnam } from './rules/yearly.js';
import { AnswerPage, DialogueDetailPage } from './views/dialogue-detail.js';
import { DialogueListPage, type Place, ScheduleFormPage } from './views/dialogues.js';

type P = Record<string, string | undefined>;
type Scope = { unit: Unit; agencyId: number | null; place: Place };

/** A failed command as the error the one handler renders (an anonymous visitor is asked to sign in). */
export function failWith(actor: Actor | null, r: Failure): never {
  if ('errors' in r) throw new Conflict();
  if (r.reason === 'not_found') throw new NotFound();
  if (r.reason === 'forbidden') throw actor ? new Forbidden() : new Unauthenticated();
  throw new Conflict('wrong_state');
}

export function dialogueRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const now = () => deps.clock.now();

  async function communeScope(id: unknown): Promise<Scope> {
    const unit = await db.selectFrom('units').selectAll().where('id', '=', idOr404(id)).executeTakeFirst();
    if (!unit || !COMMUNE_LEVELS.includes(unit.level)) throw new NotFound();
    // The province is the first unit of the materialised path ('/1/3/17/'): its compliance view lists every commune.
    const provinceId = Number(unit.path.split('/')[1]);
    return { unit, agencyId: null, place: { name: unit.name, base: `/units/${unit.id}/dialogues`, unitHref: `/units/${unit.id}`, agency: false, provinceId } };
  }
  /** An agency's dialogues are its staff's only (Art 59(1)(b)): others are refused, visitors asked to sign in. */
  async function agencyScope(req: FastifyRequest, id: unknown): Promise<Scope> {
    const agency = await db.selectFrom('agencies').select(['id', 'name', 'unit_id']).where('id', '=', idOr404(id)).executeTakeFirst();
    if (!agency) throw new NotFound();
    const unit = await db.selectFrom('units').selectAll().where('id', '=', agency.unit_id).executeTakeFirstOrThrow();
    if (!dialoguePolicy(req.actor, 'readAgency', { unitPath: unit.path, agencyId: agency.id })) throw req.actor ? new Forbidden() : new Unauthenticated();
    return { unit, agencyId: agency.id, place: { name: agency.name, base: `/agencies/${agency.id}/dialogues`, unitHref: `/units/${unit.id}`, agency: true } };
  }

  async function list(req: FastifyRequest, reply: FastifyReply, s: Scope) {
    const current = yearInVietnam(now());
    const asked = Number((req.query as P).year);
    const year = Number.isInteger(asked) && asked >= 2023 && asked <= current + 1 ? asked : current;
    const [rows, judged] = await Promise.all([
      repo.dialoguesOf(db, s.unit.id, s.agencyId, year),
      repo.yearDialogues(db, s.unit.id, s.agencyId, [year, year - 1]),
    ]);
    const rs = ruleSetOn(`${year}-07-01`);
    const stateOf = (y: number) => dialogueYearState(judged, y, now(), rs);
    const canManage = dialoguePolicy(req.actor, s.agencyId ? 'manageAgency' : 'manage', { unitPath: s.unit.path, agencyId: s.agencyId });
    const years = Array.from({ length: current + 2 - 2023 }, (_, i) => current + 1 - i);
    const m = {
      place: s.place,
      year,
      years,
      state: stateOf(year),
      lastYear: { year: year - 1, state: year - 1 >= 2023 ? stateOf(year - 1) : ('held' as const) },
      rows,
      canManage,
      now: now().toISOString(),
    };
    return sendPage(req, reply, <DialogueListPage view={viewOf(req, deps)} m={m} />);
  }
  app.get('/units/:id/dialogues', async (req, reply) => list(req, reply, await communeScope((req.params as P).id)));
  app.get('/agencies/:id/dialogues', async (req, reply) => list(req, reply, await agencyScope(req, (req.params as P).id)));

  const readSchedule = (body: unknown): ScheduleInput => ({
    topic: field(body, 'topic'),
    place: field(body, 'place'),
    date: field(body, 'date'),
    time: field(body, 'time'),
    coOrganiser: field(body, 'coOrganiser'),
  });
  function scheduleForm(req: FastifyRequest, reply: FastifyReply, s: Scope, values: ScheduleInput, errors?: FieldErrors) {
    const action = s.agencyId ? 'manageAgency' : 'manage';
    if (!dialoguePolicy(req.actor, action, { unitPath: s.unit.path, agencyId: s.agencyId })) throw req.actor ? new Forbidden() : new Unauthenticated();
    return sendPage(req, reply, <ScheduleFormPage view={viewOf(req, deps)} m={{ place: s.place, values, errors }} />, errors ? 422 : 200);
  }
  async function schedule(req: FastifyRequest, reply: FastifyReply, s: Scope) {
    if (!req.actor) throw new Unauthenticated();
    const input = readSchedule(req.body);
    const r = await scheduleDialogue(deps, req.t, req.actor, s, input);
    if (r.ok) return redirectWithFlash(reply, `/dialogues/${r.id}`, req.t('dialogue.flash.scheduled'));
    if ('errors' in r) return scheduleForm(req, reply, s, input, r.errors);
    return failWith(req.actor, r);
  }
  app.get('/units/:id/dialogues/new', async (req, reply) => scheduleForm(req, reply, await communeScope((req.params as P).id), emptySchedule(false)));
  app.post('/units/:id/dialogues', async (req, reply) => schedule(req, reply, await communeScope((req.params as P).id)));
  app.get('/agencies/:id/dialogues/new', async (req, reply) => scheduleForm(req, reply, await agencyScope(req, (req.params as P).id), emptySchedule(true)));
  app.post('/agencies/:id/dialogues', async (req, reply) => schedule(req, reply, await agencyScope(req, (req.params as P).id)));

  async function detail(req: FastifyRequest, reply: FastifyReply, id: number, values: Record<string, string> = {}, errors?: FieldErrors, status = 200) {
    const ctx = await loadDialogue(db, id);
    if (!ctx) throw new NotFound();
    if (!mayDialogue(req.actor, ctx, 'read')) throw req.actor ? new Forbidden() : new Unauthenticated();
    const manage = mayDialogue(req.actor, ctx, 'manage');
    const seeHidden = manage || (!ctx.d.agency_id && dialoguePolicy(req.actor, 'oversee', ctx.res));
    const page = Math.max(1, Math.min(10_000, parseId((req.query as P).page) ?? 1));
    const [qs, counts] = await Promise.all([repo.questionsOf(db, id, { withHidden: true, page }), repo.questionCounts(db, id)]);
    const place = ctx.agency
      ? { name: ctx.agency.name, href: `/units/${ctx.unit.id}`, listHref: `/agencies/${ctx.agency.id}/dialogues`, agency: true }
      : { name: ctx.unit.name, href: `/units/${ctx.unit.id}`, listHref: `/units/${ctx.unit.id}/dialogues?year=${ctx.d.year}`, agency: false };
    if (!values.name && req.actor?.userKind === 'resident' && !errors) values.name = req.actor.label;
    const m = {
      d: ctx.d,
      place,
      questions: qs.rows,
      counts,
      page,
      more: qs.more,
      open: openForQuestions(ctx.d, now()),
      can: { ask: mayDialogue(req.actor, ctx, 'ask'), manage, seeHidden },
      signedIn: !!req.actor,
      values,
      errors,
    };
    return sendPage(req, reply, <DialogueDetailPage view={viewOf(req, deps)} m={m} />, errors ? status : 200);
  }
  app.get('/dialogues/:id', async (req, reply) => detail(req, reply, idOr404((req.params as P).id)));

  const typed = (body: unknown, names: string[]) => Object.fromEntries(names.map((n) => [n, field(body, n)]));

  app.post('/dialogues/:id/questions', async (req, reply) => {
    const id = idOr404((req.params as P).id);
    const values = typed(req.body, ['text', 'name']);
    // Anonymous questions are welcome, so the intake is rate-limited per client as feedback's is.
    const limit = [{ key: `dialogue-ask:${clientKey(deps.config, req.ip || 'unknown')}`, max: deps.config.intakePerMinute, windowMs: 60_000 }];
    if (!(await allowHit(db, limit, now()))) return detail(req, reply, id, values, { text: req.t('dialogue.err.tooMany') }, 429);
    if (field(req.body, 'website').trim()) return redirectWithFlash(reply, `/dialogues/${id}`, req.t('dialogue.flash.asked'));
    const r = await askQuestion(deps, req.t, req.actor, id, { text: values.text!, name: values.name! }, 'online');
    if (r.ok) return redirectWithFlash(reply, `/dialogues/${id}#q-${r.questionId}`, req.t('dialogue.flash.asked'));
    if ('errors' in r) return detail(req, reply, id, values, r.errors, 422);
    return failWith(req.actor, r);
  });

  app.post('/dialogues/:id/questions/record', async (req, reply) => {
    const id = idOr404((req.params as P).id);
    if (!req.actor) throw new Unauthenticated();
    const values = typed(req.body, ['text', 'name', 'channel']);
    const r = await askQuestion(deps, req.t, req.actor, id, { text: values.text!, name: values.name!, channel: values.channel }, 'record');
    if (r.ok) return redirectWithFlash(reply, `/dialogues/${id}#q-${r.questionId}`, req.t('dialogue.flash.recorded'));
    if ('errors' in r) return detail(req, reply, id, values, r.errors, 422);
    return failWith(req.actor, r);
  });

  app.post('/dialogues/:id/held', async (req, reply) => {
    const id = idOr404((req.params as P).id);
    if (!req.actor) throw new Unauthenticated();
    const values = typed(req.body, ['heldOn', 'attendance']);
    const r = await recordDialogueHeld(deps, req.t, req.actor, id, { heldOn: values.heldOn!, attendance: values.attendance! });
    if (r.ok) return redirectWithFlash(reply, `/dialogues/${id}`, req.t('dialogue.flash.held'));
    if ('errors' in r) return detail(req, reply, id, values, r.errors, 422);
    return failWith(req.actor, r);
  });

  app.post('/dialogues/:id/minutes', async (req, reply) => {
    const id = idOr404((req.params as P).id);
    if (!req.actor) throw new Unauthenticated();
    const values = typed(req.body, ['minutes']);
    const r = await publishMinutes(deps, req.t, req.actor, id, { minutes: values.minutes! });
    if (r.ok) return redirectWithFlash(reply, `/dialogues/${id}#h-minutes`, req.t('dialogue.flash.minutes'));
    if ('errors' in r) return detail(req, reply, id, values, r.errors, 422);
    return failWith(req.actor, r);
  });

  async function answerPage(req: FastifyRequest, reply: FastifyReply, qid: number, values: Record<string, string> = {}, errors?: FieldErrors) {
    const q = await db.selectFrom('dialogue_questions').selectAll().where('id', '=', qid).executeTakeFirst();
    const ctx = q && (await loadDialogue(db, q.dialogue_id));
    if (!q || !ctx) throw new NotFound();
    if (!mayDialogue(req.actor, ctx, 'manage')) throw req.actor ? new Forbidden() : new Unauthenticated();
    return sendPage(req, reply, <AnswerPage view={viewOf(req, deps)} m={{ d: ctx.d, q, values, errors }} />, errors ? 422 : 200);
  }
  app.get('/dialogue-questions/:id', async (req, reply) => answerPage(req, reply, idOr404((req.params as P).id)));
  for (const op of ['answer', 'hide'] as const) {
    app.post(`/dialogue-questions/:id/${op}`, async (req, reply) => {
      const qid = idOr404((req.params as P).id);
      if (!req.actor) throw new Unauthenticated();
      const values = typed(req.body, [op === 'answer' ? 'answer' : 'reason']);
      const r =
        op === 'answer'
          ? await answerQuestion(deps, req.t, req.actor, qid, { answer: values.answer! })
          : await hideQuestion(deps, req.t, req.actor, qid, { reason: values.reason! });
      if (r.ok)
        return redirectWithFlash(reply, `/dialogues/${r.dialogueId}#q-${qid}`, req.t(op === 'answer' ? 'dialogue.flash.answered' : 'dialogue.flash.hidden'));
      if ('errors' in r) return answerPage(req, reply, qid, values, r.errors);
      return failWith(req.actor, r);
    });
  }
}
