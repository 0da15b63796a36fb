// The one-stop webhook (POST /api/v1/one-stop/dossiers) and the citizen's dossier status page.
// The signature covers the raw bytes, so this route alone, in its own encapsulated plugin, keeps the
// JSON body as a Buffer; it is parsed only after the signature is checked (a bad or missing signature,
// or no ONE_STOP_SECRET configured: 401 and nothing changed).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { AppError, NotFound } from '../../platform/errors.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { allowHit } from '../../platform/http/rate-limit.js';
import { applyPush, bodyHash, DOSSIER_STATUSES, parsePush, signatureValid } from './commands/one-stop.js';
import { noteMiss, tooManyMisses } from './public-data.js';
import { clientKey } from './reception-context.js';
import { normaliseDossierCode } from './rules/ratings.js';
import { DossierLookupPage, DossierPage } from './views/rating-dossier.js';

type Q = Record<string, string | undefined>;
/** Dossier pages a client may open in DOSSIER_WINDOW_MS: plenty for a citizen following their own. */
const DOSSIER_VIEWS = 20;
const DOSSIER_WINDOW_MS = 10 * 60_000;

const Push = Type.Object({
  dossierCode: Type.String({ description: 'The dossier code of the one-stop system (3–60 characters: letters, digits, . - / _)' }),
  communeCode: Type.String({ pattern: '^\\d{5}$', description: 'Administrative code of the commune (5 digits)' }),
  procedureName: Type.String({ maxLength: 500 }),
  status: Type.Union(
    DOSSIER_STATUSES.map((s) => Type.Literal(s)),
    { description: 'received | in_progress | more_documents | done | returned' },
  ),
  phone: Type.Optional(Type.String({ description: "The citizen's mobile number; stored sealed, used only for the notice" })),
  channel: Type.Optional(Type.Union([Type.Literal('sms'), Type.Literal('zalo')], { description: 'How to tell the citizen (default sms)' })),
  at: Type.String({
    description:
      'When the status changed, ISO 8601 with its offset; required and within 10 minutes of the time of receipt, so that a captured push cannot be replayed later',
  }),
});
const Reply = Type.Object({
  dossierCode: Type.String(),
  status: Type.String({ description: 'The current status after this push' }),
  created: Type.Boolean(),
  duplicate: Type.Boolean({ description: 'This push (the same body, or the same status at the same time) was already received; nothing changed' }),
  notified: Type.Union([Type.Literal('sms'), Type.Literal('zalo'), Type.Null()]),
});

export function oneStopRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (sub) => {
    sub.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    sub.post(
      '/api/v1/one-stop/dossiers',
      {
        schema: {
          summary:
            'The province one-stop system pushes a dossier status change (signed: X-Signature: sha256=<HMAC-SHA256 of the raw body with ONE_STOP_SECRET>)',
          tags: ['feedback'],
          body: Push,
          response: { 200: Reply },
        },
        // The schema documents the body; the raw bytes are checked against the signature first and
        // read by parsePush after, so that a bad signature is always 401 whatever the body holds.
        validatorCompiler: () => () => true,
      },
      async (req, reply) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : null;
        const sig = req.headers['x-signature'];
        if (!raw || !signatureValid(deps.config.oneStopSecret, raw, typeof sig === 'string' ? sig : undefined)) {
          throw new AppError(401, 'invalid_signature', 'invalid_signature');
        }
        const parsed = parsePush(raw, deps.clock.now());
        if (!parsed.ok) throw new AppError(400, 'validation_failed', 'validation_failed', parsed.errors);
        const r = await applyPush(deps, parsed.value, bodyHash(raw));
        if (!r.ok) throw new AppError(400, 'validation_failed', 'validation_failed', r.errors);
        return reply.send({ dossierCode: parsed.value.code, status: r.status, created: r.created, duplicate: r.duplicate, notified: r.notified });
      },
    );
  });

  // Provincial dossier codes run in sequence, so a page of procedure and status could be read one
  // code after another: unknown codes count as misses (as tracking codes do) and each client may
  // open only DOSSIER_VIEWS dossier pages in the window (review C.18).
  const lookup = (req: FastifyRequest, reply: FastifyReply, code: string, error: 'notFound' | 'tooMany', status: number) =>
    sendPage(req, reply, <DossierLookupPage view={viewOf(req, deps)} code={code} errors={{ code: req.t(`feedback.ratings.dossier.${error}`) }} />, status);

  app.get('/dossiers', async (req, reply) => {
    const typed = ((req.query as Q).code ?? '').slice(0, 80);
    if (!typed.trim()) return sendPage(req, reply, <DossierLookupPage view={viewOf(req, deps)} code="" />);
    if (await tooManyMisses(deps, req.ip, deps.clock.now())) return lookup(req, reply, typed, 'tooMany', 429);
    const code = normaliseDossierCode(typed);
    const d = await deps.db.selectFrom('one_stop_dossiers').select('code').where('code', '=', code).executeTakeFirst();
    if (d) return reply.redirect(`/dossiers/${encodeURIComponent(d.code)}`, 303);
    await noteMiss(deps, req.ip, deps.clock.now());
    return lookup(req, reply, typed, 'notFound', 404);
  });

  app.get('/dossiers/:code', async (req, reply) => {
    const typed = ((req.params as Q).code ?? '').slice(0, 80);
    const now = deps.clock.now();
    if (await tooManyMisses(deps, req.ip, now)) return lookup(req, reply, typed, 'tooMany', 429);
    const views = [{ key: `dossier-view:${clientKey(deps, req)}`, max: DOSSIER_VIEWS, windowMs: DOSSIER_WINDOW_MS }];
    if (!(await allowHit(deps.db, views, now))) return lookup(req, reply, typed, 'tooMany', 429);
    const code = normaliseDossierCode(typed);
    const d = await deps.db
      .selectFrom('one_stop_dossiers as d')
      .innerJoin('units as u', 'u.id', 'd.commune_id')
      .select(['d.code', 'd.procedure_name', 'd.status', 'd.updated_at', 'u.id as unit_id', 'u.name as unit_name'])
      .where('d.code', '=', code)
      .executeTakeFirst();
    if (!d) {
      await noteMiss(deps, req.ip, now);
      throw new NotFound();
    }
    const events = await deps.db
      .selectFrom('one_stop_events')
      .select(['status', 'at'])
      .where('dossier_code', '=', d.code)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return sendPage(
      req,
      reply,
      <DossierPage
        view={viewOf(req, deps)}
        d={{
          code: d.code,
          procedure: d.procedure_name,
          status: d.status,
          unit: { id: d.unit_id, name: d.unit_name },
          events: events.map((e) => ({ status: e.status, at: e.at })),
        }}
      />,
    );
  });
}
