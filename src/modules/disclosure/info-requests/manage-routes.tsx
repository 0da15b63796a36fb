// Officials' pages: the commune's register of requests, one request with its requester, and the
// commands answer, extend, refuse, plus recording a request received on paper. Commune officials and
// the chairman act (manageRequests); council observers and the Front read (readRequests).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { type Actor, platformPolicy } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../platform/calendar/store.js';
import { type FieldErrors, Forbidden, NotFound, Unauthenticated } from '../../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../../platform/http/context.js';
import { field } from '../../../platform/http/forms.js';
import { formatDate, type MessageKey, type T } from '../../../platform/i18n/index.js';
import { communeOf } from '../context.js';
import { disclosurePolicy } from '../disclosure.policy.js';
import { answerInfoRequest } from './commands/answer.js';
import type { ChangeResult } from './commands/common.js';
import { extendInfoRequest, extensionLimit, limitText } from './commands/extend.js';
import { refuseInfoRequest } from './commands/refuse.js';
import { submitInfoRequest } from './commands/submit.js';
import { readRequest } from './input.js';
import { findInUnit, listForUnit, statusOf } from './model.js';
import { RequestDetailPage } from './views/detail.js';
import { RequestListPage } from './views/list.js';
import { RequestFormPage } from './views/request-form.js';

type P = Record<string, string>;
const CLOSED_SHOWN = 50;

export function manageRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());

  /** The commune and what the signed-in actor may do there; no reading role: 403. */
  async function access(req: FastifyRequest, manage = false) {
    if (!req.actor) throw new Unauthenticated();
    const unit = await communeOf(deps, Number((req.params as P).id));
    const res = { unitPath: unit.path };
    const canManage = disclosurePolicy(req.actor, 'manageRequests', res);
    if (!(manage ? canManage : canManage || disclosurePolicy(req.actor, 'readRequests', res))) throw new Forbidden();
    return { unit, canManage, personal: canManage || platformPolicy(req.actor, 'viewPersonalData', res) };
  }

  app.get('/units/:id/info-requests', async (req, reply) => {
    const { unit, canManage } = await access(req);
    const rows = await listForUnit(db, unit.id, today(), CLOSED_SHOWN);
    const items = rows.map((r) => ({
      id: r.id,
      code: r.tracking_code,
      channel: r.channel,
      excerpt: r.content.length > 120 ? `${r.content.slice(0, 117)}…` : r.content,
      receivedOn: r.received_on,
      deadline: r.deadline,
      extended: r.extended_until !== null,
      state: r.state,
      closedOn: r.closed_on,
    }));
    const m = { unit: { id: unit.id, name: unit.name }, canManage, closedLimit: CLOSED_SHOWN, items };
    return sendPage(req, reply, <RequestListPage view={viewOf(req, deps)} m={m} />);
  });

  const recordPage = (req: FastifyRequest, reply: FastifyReply, unit: Unit, values: ReturnType<typeof readRequest>, errors?: FieldErrors) =>
    sendPage(
      req,
      reply,
      <RequestFormPage view={viewOf(req, deps)} m={{ mode: 'record', unit: { id: unit.id, name: unit.name }, values, errors }} />,
      errors ? 422 : 200,
    );

  app.get('/units/:id/info-requests/record', async (req, reply) => {
    const { unit } = await access(req, true);
    return recordPage(req, reply, unit, { name: '', contact: '', content: '', channel: '', receivedOn: formatDate(today()) });
  });

  app.post('/units/:id/info-requests/record', async (req, reply) => {
    const { unit } = await access(req, true);
    const input = readRequest(req.body);
    const r = await submitInfoRequest(deps, req.t, req.actor, unit, input, 'record');
    if (!r.ok) return recordPage(req, reply, unit, input, r.errors);
    return redirectWithFlash(reply, `/units/${unit.id}/info-requests/${r.id}`, req.t('inforeq.flash.recorded', { code: r.code, due: formatDate(r.dueDate) }));
  });

  async function detail(req: FastifyRequest, reply: FastifyReply, values?: Record<string, string>, errors?: FieldErrors) {
    const { unit, canManage, personal } = await access(req);
    const r = await findInUnit(db, unit.id, Number((req.params as P).reqId));
    if (!r) throw new NotFound();
    const state = statusOf(r, today());
    const hint = state === 'open' ? limitText(req.t, r, extensionLimit(r, ruleSetOn(r.received_on), await workingCalendar(deps))) : null;
    const m = {
      unit: { id: unit.id, name: unit.name },
      r: {
        id: r.id,
        code: r.tracking_code,
        content: r.content,
        channel: r.channel,
        receivedOn: r.received_on,
        dueDate: r.due_date,
        extendedUntil: r.extended_until,
        extensionReason: r.extension_reason,
        state,
        closedOn: r.closed_on,
        answer: r.answer,
        publishAnswer: r.publish_answer === 1,
        refusalReason: r.refusal_reason,
      },
      requester: { name: r.requester_name, contact: personal ? r.requester_contact : null },
      canManage,
      extensionHint: hint,
      values,
      errors,
    };
    return sendPage(req, reply, <RequestDetailPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }

  app.get('/units/:id/info-requests/:reqId', (req, reply) => detail(req, reply));

  const actions = {
    answer: {
      run: (t: T, actor: Actor | null, unit: Unit, id: number, body: unknown) =>
        answerInfoRequest(deps, t, actor, unit, id, { answer: field(body, 'answer'), publish: field(body, 'publish') === '1' }),
      done: 'inforeq.flash.answered' as MessageKey,
      fields: ['answer', 'publish'],
    },
    extend: {
      run: (t: T, actor: Actor | null, unit: Unit, id: number, body: unknown) =>
        extendInfoRequest(deps, t, actor, unit, id, { newDue: field(body, 'newDue'), reason: field(body, 'extensionReason') }),
      done: 'inforeq.flash.extended' as MessageKey,
      fields: ['newDue', 'extensionReason'],
    },
    refuse: {
      run: (t: T, actor: Actor | null, unit: Unit, id: number, body: unknown) =>
        refuseInfoRequest(deps, t, actor, unit, id, { reason: field(body, 'refusalReason') }),
      done: 'inforeq.flash.refused' as MessageKey,
      fields: ['refusalReason'],
    },
  };

  for (const [name, a] of Object.entries(actions)) {
    app.post(`/units/:id/info-requests/:reqId/${name}`, async (req, reply) => {
      const { unit } = await access(req, true);
      const id = Number((req.params as P).reqId);
      const r: ChangeResult = await a.run(req.t, req.actor, unit, id, req.body);
      const back = `/units/${unit.id}/info-requests/${id}`;
      if (r.ok) return redirectWithFlash(reply, back, req.t(a.done));
      if ('errors' in r) return detail(req, reply, Object.fromEntries(a.fields.map((f) => [f, field(req.body, f)])), r.errors);
      if (r.reason === 'not_found') throw new NotFound();
      return redirectWithFlash(reply, back, req.t('inforeq.flash.closed'));
    });
  }
}
