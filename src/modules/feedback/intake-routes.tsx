// Intake pages (issue 5 item 1): the public form (anyone, a signed-in resident pre-filled, a QR code
// at a place pre-filling where), the official's record of an item received on a citizen's behalf,
// and the wiring of the tracking pages, the public API, the e-mail endpoint and the attachments.
//   GET/POST /units/:id/feedback/new    GET/POST /units/:id/feedback/record
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type FieldErrors, Forbidden, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, files } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { formatDate } from '../../platform/i18n/index.js';
import { publicFeedbackApi } from './api-public.js';
import { attachmentRoutes } from './attachment-routes.js';
import { closedCommune } from './commands/closed-commune.js';
import { receiveFeedback } from './commands/receive.js';
import { communeFor, emptyFeedbackInput, readFeedbackInput, submitFeedback } from './commands/submit.js';
import { emailIntakeRoutes } from './email-intake.js';
import { feedbackPolicy } from './feedback.policy.js';
import type { FeedbackInput } from './model.js';
import { allowIntake } from './public-data.js';
import { trackRoutes } from './track-routes.js';
import { IntakeFormPage, IntakeSentPage } from './views/intake-form.js';

type P = Record<string, string | undefined>;
/** The optional signature image (a complaint or denunciation, R-H4); one file. */
const signatureOf = (req: FastifyRequest) => files(req.body, 'signature')[0] ?? null;

export function intakeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const villagesOf = (commune: Unit) =>
    db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', commune.id).where('valid_to', 'is', null).orderBy('name').execute();

  /** An active QR code at a place of this commune (issue 5 item 1; desks and officers lead to the rating page instead). */
  const placeQr = (commune: Unit, token: string) =>
    token
      ? db
          .selectFrom('qr_points')
          .select(['token', 'name', 'unit_id'])
          .where('token', '=', token.slice(0, 100))
          .where('commune_id', '=', commune.id)
          .where('kind', '=', 'place')
          .where('active', '=', 1)
          .executeTakeFirst()
      : Promise.resolve(undefined);

  const isResident = (req: FastifyRequest) => req.actor?.userKind === 'resident' && !!req.actor.userId;

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    commune: Unit,
    mode: 'public' | 'resident' | 'record',
    values: FeedbackInput,
    errors?: FieldErrors,
    status?: number,
    agency: { id: number; name: string } | null = null,
  ) {
    const [villages, qr] = await Promise.all([villagesOf(commune), placeQr(commune, values.qrToken)]);
    const closed = await closedCommune(db, req.t, commune, todayInVietnam(deps.clock.now()));
    const m = {
      closed,
      mode,
      unit: { id: commune.id, name: commune.name },
      villages,
      qr: qr ? { token: qr.token, name: qr.name } : null,
      values,
      maxUploadMb: Math.round(deps.config.maxUploadBytes / 1048576),
      agency: agency ? { name: agency.name } : null,
      errors,
    };
    return sendPage(req, reply, <IntakeFormPage view={viewOf(req, deps)} m={m} />, status ?? (errors ? 422 : 200));
  }

  app.get('/units/:id/feedback/new', async (req, reply) => {
    const commune = await communeFor(db, idOr404((req.params as P).id));
    const values = emptyFeedbackInput(commune.id);
    const qr = await placeQr(commune, String((req.query as P).qr ?? ''));
    if (qr) {
      values.qrToken = qr.token;
      values.placeText = qr.name;
      if (qr.unit_id !== commune.id) values.villageId = String(qr.unit_id);
    }
    if (isResident(req)) {
      // A signed-in resident need not type their name, number and address again; told in the app by default.
      const me = await db
        .selectFrom('users as u')
        .leftJoin('residents as r', 'r.id', 'u.resident_id')
        .leftJoin('households as h', 'h.id', 'r.household_id')
        .select(['u.display_name', 'u.phone', 'h.address'])
        .where('u.id', '=', req.actor!.userId!)
        .executeTakeFirst();
      Object.assign(values, { name: me?.display_name ?? '', phone: me?.phone ?? '', address: me?.address ?? '', notifyChannel: 'in_app' });
    }
    return formPage(req, reply, commune, isResident(req) ? 'resident' : 'public', values);
  });

  app.post('/units/:id/feedback/new', async (req, reply) => {
    const commune = await communeFor(db, idOr404((req.params as P).id));
    const mode = isResident(req) ? 'resident' : 'public';
    const input = readFeedbackInput(req.body, commune.id);
    // R-H5: the refused anonymous denunciation's form offers to send the same text as a report.
    if (field(req.body, 'asReport') === '1') input.kind = 'report';
    const tooMany = () => formPage(req, reply, commune, mode, input, { _form: req.t('feedback.intake.err.tooMany') }, 429);
    // Honeypot filled: a bot. It is answered with the thanks page (200), as if stored, so that it
    // learns nothing to adapt to; nothing is stored and no notice is sent. Its hit counts on its own.
    if (input.website.trim()) {
      if (!(await allowIntake(deps, req.ip))) return tooMany();
      return sendPage(req, reply, <IntakeSentPage view={viewOf(req, deps)} unit={{ id: commune.id, name: commune.name }} />);
    }
    const r = await receiveFeedback(deps, req.t, req.ip, req.actor, input, mode, files(req.body, 'files'), signatureOf(req));
    if (!r.ok) return 'tooMany' in r ? tooMany() : formPage(req, reply, commune, mode, input, r.errors);
    return redirectWithFlash(reply, `/feedback/${r.code}`, req.t('feedback.intake.flash.sent', { code: r.code }));
  });

  /** Officials who may record items of this commune (record): on the commune itself, or an agency's
   * head or staff for their own agency, whose items then go to that agency (Citizen Reception Law
   * Art 18). Others get 403, anonymous visitors sign in. */
  async function recorder(req: FastifyRequest) {
    const commune = await communeFor(db, idOr404((req.params as P).id));
    const actor = req.actor;
    if (!actor) throw new Unauthenticated();
    if (feedbackPolicy(actor, 'record', { unitPath: commune.path })) return { commune, agency: null };
    const own = actor.grants
      .map((g) => g.agencyId)
      .filter((a): a is number => a !== null && feedbackPolicy(actor, 'record', { unitPath: commune.path, agencyId: a }));
    const agency = own.length
      ? await db.selectFrom('agencies').select(['id', 'name']).where('unit_id', '=', commune.id).where('id', 'in', own).orderBy('id').executeTakeFirst()
      : undefined;
    if (!agency) throw new Forbidden();
    return { commune, agency };
  }

  app.get('/units/:id/feedback/record', async (req, reply) => {
    const { commune, agency } = await recorder(req);
    return formPage(
      req,
      reply,
      commune,
      'record',
      emptyFeedbackInput(commune.id, { receivedOn: formatDate(todayInVietnam(deps.clock.now())), notifyChannel: 'none' }),
      undefined,
      undefined,
      agency,
    );
  });

  app.post('/units/:id/feedback/record', async (req, reply) => {
    const { commune, agency } = await recorder(req);
    const input = readFeedbackInput(req.body, commune.id);
    if (field(req.body, 'asReport') === '1') input.kind = 'report';
    const r = await submitFeedback(deps, req.t, req.actor, input, 'record', files(req.body, 'files'), {
      agencyId: agency?.id ?? null,
      signature: signatureOf(req),
    });
    if (!r.ok) return formPage(req, reply, commune, 'record', input, r.errors, undefined, agency);
    return redirectWithFlash(reply, `/feedback/${r.code}`, req.t('feedback.intake.flash.recorded', { code: r.code }));
  });

  trackRoutes(app, deps);
  attachmentRoutes(app, deps);
  publicFeedbackApi(app, deps);
  emailIntakeRoutes(app, deps);
}
