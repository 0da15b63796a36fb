// Public pages: anyone sends a request to a commune (no account needed) and follows it by its
// tracking code. The status page shows no personal data of the requester.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { NotFound } from '../../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../../platform/http/context.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { unitById } from '../../units/units.repo.js';
import { communeOf } from '../context.js';
import { submitInfoRequest } from './commands/submit.js';
import { readRequest } from './input.js';
import { findByCode, statusOf } from './model.js';
import { RequestFormPage } from './views/request-form.js';
import { LookupPage, StatusPage } from './views/status.js';

type Q = Record<string, string | undefined>;

export function publicRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/units/:id/info-requests/new', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as Q).id));
    // A signed-in resident need not type their name and number again.
    const me =
      req.actor?.userKind === 'resident' && req.actor.userId
        ? await db.selectFrom('users').select(['display_name', 'phone']).where('id', '=', req.actor.userId).executeTakeFirst()
        : undefined;
    const values = { name: me?.display_name ?? '', contact: me?.phone ?? '', content: '', channel: 'electronic', receivedOn: '' };
    return sendPage(req, reply, <RequestFormPage view={viewOf(req, deps)} m={{ mode: 'public', unit: { id: unit.id, name: unit.name }, values }} />);
  });

  app.post('/units/:id/info-requests/new', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as Q).id));
    const input = readRequest(req.body);
    const r = await submitInfoRequest(deps, req.t, req.actor, unit, input, 'public');
    if (!r.ok) {
      const m = { mode: 'public' as const, unit: { id: unit.id, name: unit.name }, values: input, errors: r.errors };
      return sendPage(req, reply, <RequestFormPage view={viewOf(req, deps)} m={m} />, 422);
    }
    return redirectWithFlash(reply, `/info-requests/${r.code}`, req.t('inforeq.flash.submitted', { code: r.code, due: formatDate(r.dueDate) }));
  });

  app.get('/info-requests', async (req, reply) => {
    const code = ((req.query as Q).code ?? '').slice(0, 40);
    if (!code.trim()) return sendPage(req, reply, <LookupPage view={viewOf(req, deps)} code="" />);
    const found = await findByCode(db, code);
    if (found) return reply.redirect(`/info-requests/${found.tracking_code}`, 303);
    const errors = { code: req.t('inforeq.err.codeNotFound') };
    return sendPage(req, reply, <LookupPage view={viewOf(req, deps)} code={code} errors={errors} />, 404);
  });

  app.get('/info-requests/:code', async (req, reply) => {
    const code = (req.params as Q).code ?? '';
    const r = await findByCode(db, code);
    if (!r) throw new NotFound();
    if (r.tracking_code !== code) return reply.redirect(`/info-requests/${r.tracking_code}`, 301);
    const unit = await unitById(db, r.unit_id);
    if (!unit) throw new NotFound();
    const state = statusOf(r, todayInVietnam(deps.clock.now()));
    return sendPage(
      req,
      reply,
      <StatusPage
        view={viewOf(req, deps)}
        r={{
          code: r.tracking_code,
          unit: { id: unit.id, name: unit.name },
          channel: r.channel,
          receivedOn: r.received_on,
          dueDate: r.due_date,
          extendedUntil: r.extended_until,
          extensionReason: r.extension_reason,
          state,
          closedOn: r.closed_on,
          answered: r.status === 'answered',
          answer: r.status === 'answered' && r.publish_answer === 1 ? r.answer : null,
          refusalReason: r.status === 'refused' ? r.refusal_reason : null,
        }}
      />,
    );
  });
}
