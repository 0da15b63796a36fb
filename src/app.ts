// The composition root: builds the HTTP app from its dependencies, with no DI container. Tests
// build it too (DESIGN.md "Architecture").

import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { migrationsCurrent } from './db/migrate.js';
import { modules } from './modules/index.js';
import { auditRoutes } from './platform/audit/routes.js';
import { adminRoutes } from './platform/auth/admin-routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { calendarRoutes } from './platform/calendar/routes.js';
import { installContext } from './platform/http/context.js';
import { installErrorHandling } from './platform/http/errors.js';
import { installIdParams } from './platform/http/ids.js';
import { installMicrocache } from './platform/http/microcache.js';
import { installNfc } from './platform/http/nfc.js';
import { apiDocsRoutes, collectApiRoutes } from './platform/http/openapi.js';
import { outboxRoutes } from './platform/notify/routes.js';
import { CSS, CSS_PATH } from './platform/ui/css.js';

declare module 'fastify' {
  interface FastifyInstance {
    cookieSecure: boolean;
    /** Every route as registered (HEAD left out), so tests walk them all: CSRF on every form, fuzzing. */
    routeList: { method: string; url: string; schema: Record<string, unknown> }[];
  }
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // A newcomer's terminal stays readable; production logs every request with its id.
    // (Fastify 5.12 deprecates the top-level disableRequestLogging for a LogController: Server.md.)
    logController: new LogController({ disableRequestLogging: deps.config.env === 'development' && deps.config.logLevel !== 'debug' }),
    logger: {
      level: deps.config.logLevel,
      // No personal data in logs: no query strings (they may carry a phone number), no cookies,
      // no remote address.
      serializers: {
        req: (r) => ({ method: r.method, path: String(r.url).split('?')[0], id: r.id }),
        res: (r) => ({ statusCode: r.statusCode }),
      },
    },
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: true } },
  });
  app.decorate('cookieSecure', deps.config.cookieSecure);
  collectApiRoutes(app);
  const routeList: FastifyInstance['routeList'] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routeList.push({ method: m, url: r.url, schema: (r.schema ?? {}) as Record<string, unknown> });
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: deps.config.bodyLimitBytes });
  // Attachments are buffered in memory (bounded by MAX_UPLOAD_MB and 10 files) so that a form with
  // files is checked whole, and comes back with what was typed when something is wrong.
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: deps.config.maxUploadBytes, files: 10, fields: 200, parts: 220 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: unknown }).value = { filename: part.filename, bytes, truncated: part.file.truncated };
    },
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    // Production runs behind HTTPS only (COOKIE_SECURE is required there): browsers must never fall back to HTTP.
    if (deps.config.env === 'production') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // A route may set a stricter policy (attachments are served sandboxed).
    if (!reply.hasHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      );
    }
  });
  installNfc(app);
  installContext(app, deps, (actor, t) => modules.flatMap((m) => m.menu?.(actor) ?? []).map((l) => ({ href: l.href, label: t(l.label) })));
  installIdParams(app);
  installMicrocache(app, deps.config.microcacheMs);
  installErrorHandling(app, deps);

  app.get(CSS_PATH, (_req, reply) => reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(CSS));
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      const current = await migrationsCurrent(deps.handle);
      if (!current) return reply.code(503).send({ status: 'migrations_pending' });
      return { status: 'ready', database: deps.dialect };
    } catch {
      return reply.code(503).send({ status: 'database_unreachable' });
    }
  });
  app.get('/lang/:lang', (req, reply) => {
    const lang = (req.params as { lang: string }).lang === 'en' ? 'en' : 'vi';
    const next = (req.query as { next?: string }).next;
    reply.setCookie('dc_lang', lang, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400, secure: deps.config.cookieSecure });
    return reply.redirect(typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/', 303);
  });

  authRoutes(app, deps);
  adminRoutes(
    app,
    deps,
    modules.flatMap((m) => m.adminLinks ?? []),
  );
  outboxRoutes(app, deps);
  calendarRoutes(app, deps);
  auditRoutes(app, deps, modules);
  for (const m of modules) m.routes(app, deps);
  apiDocsRoutes(app, deps);
  return app;
}
