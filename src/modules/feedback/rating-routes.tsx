// QR points, posters, the one-minute rating and the monthly satisfaction index (R-H8; Law 10/2022
// Arts 34(1), 35(2)(a); resolution M-3.5(b)); the one-stop webhook and dossier pages are wired here too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { allowHit } from '../../platform/http/rate-limit.js';
import { addQrPoint, authoriseQr, emptyRatingInput, type QrInput, type RatingInput, setQrActive, submitRating } from './commands/rating.js';
import { feedbackPolicy } from './feedback.policy.js';
import { oneStopRoutes } from './one-stop-routes.js';
import { ratingsIndex } from './ratings-read.js';
import { clientKey, communeOf } from './reception-context.js';
import { addMonths } from './rules/reception.js';
import { RatingPage, type RatingPoint, ThanksPage } from './views/rating-form.js';
import { RatingIndexPage } from './views/rating-index.js';
import { QrManagePage, QrPosterPage } from './views/rating-qr.js';

type Q = Record<string, string | undefined>;
const RATING_FIELDS: (keyof RatingInput)[] = ['overall', 'time', 'attitude', 'correctness', 'costs', 'dossierCode', 'comment'];
const MONTHS_SHOWN = 6;

export function ratingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const urlOf = (token: string) => `${deps.config.publicUrl}/q/${token}`;

  async function manageModel(unit: Unit, values: QrInput, errors?: Record<string, string>) {
    const today = todayInVietnam(deps.clock.now());
    const [points, villages, officers] = await Promise.all([
      db
        .selectFrom('qr_points as q')
        .innerJoin('units as u', 'u.id', 'q.unit_id')
        .leftJoin('users as o', 'o.id', 'q.officer_user_id')
        .select(['q.id', 'q.kind', 'q.name', 'q.token', 'q.active', 'q.created_at', 'u.name as place', 'o.display_name as officer'])
        .where('q.commune_id', '=', unit.id)
        .orderBy('q.kind')
        .orderBy('q.name')
        .execute(),
      db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('parent_id', '=', unit.id)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
        .orderBy('name')
        .execute(),
      db
        .selectFrom('users as u')
        .innerJoin('role_grants as g', 'g.user_id', 'u.id')
        .innerJoin('units as x', 'x.id', 'g.unit_id')
        .select(['u.id', 'u.display_name'])
        .distinct()
        .where('u.kind', '=', 'official')
        .where('x.path', 'like', `${unit.path}%`)
        .orderBy('u.display_name')
        .execute(),
    ]);
    return {
      unit: { id: unit.id, name: unit.name },
      points: points.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        token: p.token,
        place: p.place,
        officer: p.officer ?? null,
        active: p.active === 1,
        createdAt: p.created_at,
      })),
      villages,
      officers: officers.map((o) => ({ id: o.id, name: o.display_name })),
      values,
      errors,
    };
  }
  const guard = (req: FastifyRequest, unit: Pick<Unit, 'path'>) => {
    if (!req.actor) throw new Unauthenticated();
    return authoriseQr(req.actor, unit);
  };

  app.get('/units/:id/qr', async (req, reply) => {
    const unit = await communeOf(db, idOr404((req.params as Q).id));
    guard(req, unit);
    const m = await manageModel(unit, { kind: 'desk', name: '', villageId: '', officerUserId: '' });
    return sendPage(req, reply, <QrManagePage view={viewOf(req, deps)} m={m} />);
  });

  app.post('/units/:id/qr', async (req, reply) => {
    const unit = await communeOf(db, idOr404((req.params as Q).id));
    guard(req, unit);
    const input: QrInput = {
      kind: field(req.body, 'kind'),
      name: field(req.body, 'name'),
      villageId: field(req.body, 'villageId'),
      officerUserId: field(req.body, 'officerUserId'),
    };
    const r = await addQrPoint(deps, req.t, req.actor, unit, input);
    if (!r.ok) return sendPage(req, reply, <QrManagePage view={viewOf(req, deps)} m={await manageModel(unit, input, r.errors)} />, 422);
    return redirectWithFlash(reply, `/units/${unit.id}/qr`, req.t('feedback.ratings.qr.added', { name: input.name.trim() }));
  });

  app.post('/qr/:id/active', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const communeId = await setQrActive(deps, req.actor, idOr404((req.params as Q).id), field(req.body, 'active') === '1');
    if (!communeId) throw new NotFound();
    return redirectWithFlash(reply, `/units/${communeId}/qr`, req.t('feedback.ratings.qr.changed'));
  });

  app.get('/qr/:id/poster', async (req, reply) => {
    const p = await db
      .selectFrom('qr_points as q')
      .innerJoin('units as u', 'u.id', 'q.commune_id')
      .select(['q.id', 'q.kind', 'q.name', 'q.token', 'q.commune_id', 'u.name as unit_name', 'u.path'])
      .where('q.id', '=', idOr404((req.params as Q).id))
      .executeTakeFirst();
    if (!p) throw new NotFound();
    guard(req, p);
    const url = urlOf(p.token);
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return sendPage(
      req,
      reply,
      <QrPosterPage view={viewOf(req, deps)} kind={p.kind} name={p.name} unitName={p.unit_name} qrSvg={qrSvg} url={url} back={`/units/${p.commune_id}/qr`} />,
    );
  });

  /** An active point by its token (a withdrawn code answers 404). */
  async function pointOf(req: FastifyRequest) {
    const token = ((req.params as Q).token ?? '').slice(0, 64);
    const p = await db
      .selectFrom('qr_points as q')
      .innerJoin('units as u', 'u.id', 'q.commune_id')
      .select(['q.id', 'q.kind', 'q.name', 'q.token', 'q.commune_id', 'u.name as unit_name'])
      .where('q.token', '=', token)
      .where('q.active', '=', 1)
      .executeTakeFirst();
    if (!p) throw new NotFound();
    return p;
  }
  const view = (p: Awaited<ReturnType<typeof pointOf>>): RatingPoint => ({
    token: p.token,
    kind: p.kind as 'desk' | 'officer',
    name: p.name,
    unitName: p.unit_name,
  });
  const form = (req: FastifyRequest, reply: FastifyReply, p: RatingPoint, values: RatingInput, errors?: Record<string, string>, status = 200) =>
    sendPage(req, reply, <RatingPage view={viewOf(req, deps)} p={p} values={values} errors={errors} />, status);

  app.get('/q/:token', async (req, reply) => {
    const p = await pointOf(req);
    // A place's code opens the feedback form with the place filled in; a desk's or officer's the rating.
    if (p.kind === 'place') return reply.redirect(`/units/${p.commune_id}/feedback/new?qr=${encodeURIComponent(p.token)}`, 303);
    return form(req, reply, view(p), emptyRatingInput());
  });

  app.post('/q/:token', async (req, reply) => {
    const p = await pointOf(req);
    if (p.kind === 'place') throw new NotFound();
    const input = Object.fromEntries(RATING_FIELDS.map((k) => [k, field(req.body, k)])) as RatingInput;
    // Against stuffing: a client may rate INTAKE_PER_MINUTE times a minute, and one desk or officer at
    // most three times that in an hour. Both limits count per client (an HMAC of the address, never
    // the address), so that no one client can fill a desk's quota and shut its rating off for
    // everyone else: R-H8 wants the rating continuously available (review C.19).
    const n = deps.config.intakePerMinute;
    const client = clientKey(deps, req);
    const allowed = await allowHit(
      db,
      [
        { key: `rating:ip:${client}`, max: n, windowMs: 60_000 },
        { key: `rating:qr:${p.id}:${client}`, max: n * 3, windowMs: 3_600_000 },
      ],
      deps.clock.now(),
    );
    if (!allowed) return form(req, reply, view(p), input, { _form: req.t('feedback.ratings.err.tooMany') }, 429);
    const r = await submitRating(deps, req.t, p, input);
    if (!r.ok) return form(req, reply, view(p), input, r.errors, 422);
    const msg = r.itemCode ? req.t('feedback.ratings.thanks.withItem', { code: r.itemCode }) : req.t('feedback.ratings.thanks.flash');
    return redirectWithFlash(reply, `/q/${p.token}/thanks`, msg);
  });

  app.get('/q/:token/thanks', async (req, reply) => sendPage(req, reply, <ThanksPage view={viewOf(req, deps)} p={view(await pointOf(req))} />));

  app.get('/units/:id/ratings', async (req, reply) => {
    const unit = await communeOf(db, idOr404((req.params as Q).id));
    if (!feedbackPolicy(req.actor, 'readRatings', { unitPath: unit.path })) throw req.actor ? new Forbidden() : new Unauthenticated();
    const current = todayInVietnam(deps.clock.now()).slice(0, 7);
    const choices = Array.from({ length: 24 }, (_, i) => addMonths(current, -i));
    const asked = (req.query as Q).month ?? '';
    const month = choices.includes(asked) ? asked : current;
    const months = Array.from({ length: MONTHS_SHOWN }, (_, i) => addMonths(month, i - MONTHS_SHOWN + 1));
    const r = await ratingsIndex(db, unit.id, months);
    return sendPage(req, reply, <RatingIndexPage view={viewOf(req, deps)} unit={{ id: unit.id, name: unit.name }} month={month} choices={choices} r={r} />);
  });

  oneStopRoutes(app, deps);
}
