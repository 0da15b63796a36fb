// Per-request context: language, the signed-in actor (from a session cookie or an API token), the
// CSRF token of its forms, and a one-shot flash message. Anonymous requests without cookies cost no
// database query, which keeps public pages fast.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../auth/policy.js';
import { deleteSession, findSession, loadActor, randomToken, SESSION_COOKIE, sha256 } from '../auth/session.js';
import { AppError } from '../errors.js';
import { isLang, type Lang, type T, translator } from '../i18n/index.js';
import type { ViewCtx } from '../ui/view.js';
import { field } from './forms.js';

const CSRF_COOKIE = 'dc_csrf';
const FLASH_COOKIE = 'dc_flash';
export const LANG_COOKIE = 'dc_lang';

/** The site menu's links for an actor, from the modules' manifests (given by the composition root). */
export type MenuFor = (actor: Actor, t: T) => { href: string; label: string }[];

declare module 'fastify' {
  interface FastifyInstance {
    menuFor: MenuFor;
  }
  interface FastifyRequest {
    lang: Lang;
    t: T;
    actor: Actor | null;
    sessionToken: string | null;
    /** The user who passed the password step and still owes a TOTP code. */
    pendingUserId: number | null;
    sessionExpired: boolean;
    csrfSeed: string | null;
    csrfSeedIsNew: boolean;
    flash: string | undefined;
  }
}

export function installContext(app: FastifyInstance, deps: AppDeps, menuFor: MenuFor = () => []): void {
  app.decorate('menuFor', menuFor);
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('t', null as unknown as T);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('pendingUserId', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('csrfSeed', null);
  app.decorateRequest('csrfSeedIsNew', false);
  app.decorateRequest('flash', undefined);

  // onRequest (before validation), so that even a schema error is answered in the user's language.
  app.addHook('onRequest', async (req, reply) => {
    const cookies = req.cookies;
    req.lang = isLang(cookies[LANG_COOKIE]) ? cookies[LANG_COOKIE] : 'vi';
    req.t = translator(req.lang);
    if (cookies[FLASH_COOKIE]) {
      req.flash = cookies[FLASH_COOKIE];
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await actorFromToken(deps, auth.slice(7).trim());
      if (!req.actor) throw new AppError(401, 'invalid_token', 'invalid_token');
      return;
    }
    const token = cookies[SESSION_COOKIE];
    req.csrfSeed = cookies[CSRF_COOKIE] ?? null;
    if (token) {
      const s = await findSession(deps.db, token);
      if (!s || s.expires_at <= deps.clock.now().toISOString()) {
        if (s) await deleteSession(deps.db, token);
        req.sessionExpired = true;
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      } else {
        req.sessionToken = token;
        req.csrfSeed = s.csrf_secret;
        if (s.stage === 'full') req.actor = await loadActor(deps.db, s.user_id);
        else req.pendingUserId = s.user_id;
      }
    }
  });
  // Every state-changing form carries the token (checked once the body is parsed); API calls with
  // a bearer token (or a webhook's signature) carry none because they send no cookie a browser could
  // be tricked into sending. An API call that rides on a session cookie needs the token like a form.
  app.addHook('preValidation', async (req) => {
    if (req.method !== 'POST' || (req.url.startsWith('/api/') && !req.sessionToken)) return;
    const sent = field(req.body, '_csrf');
    if (!sent || !req.csrfSeed || !safeEqual(sent, csrfFor(deps, req.csrfSeed))) {
      throw new AppError(403, 'csrf', 'csrf');
    }
  });
}

function csrfFor(deps: AppDeps, seed: string): string {
  return createHmac('sha256', deps.config.sessionSecret).update(`csrf:${seed}`).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function actorFromToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const row = await deps.db
    .selectFrom('api_tokens as k')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .select(['k.id', 'k.name', 'k.role', 'k.unit_id', 'u.path'])
    .where('k.token_hash', '=', sha256(token))
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  await deps.db.updateTable('api_tokens').set({ last_used_at: deps.clock.now().toISOString() }).where('id', '=', row.id).execute();
  return {
    via: 'token',
    userId: null,
    label: `API: ${row.name}`,
    userKind: null,
    grants: [{ role: row.role as Actor['grants'][number]['role'], unitId: row.unit_id, unitPath: row.path, agencyId: null }],
  };
}

/** The view context of a page; its CSRF token creates the anonymous seed cookie only when used. */
export function viewOf(req: FastifyRequest, deps: AppDeps): ViewCtx {
  return {
    t: req.t,
    lang: req.lang,
    actor: req.actor,
    path: req.url,
    demo: deps.config.seedDemoOnFirstStart,
    devOutbox: deps.config.devOutbox,
    menu: req.actor ? req.server.menuFor(req.actor, req.t) : [],
    flash: req.flash,
    csrf: () => {
      req.csrfUsed = true;
      if (!req.csrfSeed) {
        req.csrfSeed = randomToken(16);
        req.csrfSeedIsNew = true;
      }
      return csrfFor(deps, req.csrfSeed);
    },
  };
}

export function sendPage(req: FastifyRequest, reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = `<!doctype html>${renderToString(page)}`;
  if (req.csrfSeedIsNew && req.csrfSeed) {
    reply.setCookie(CSRF_COOKIE, req.csrfSeed, { path: '/', httpOnly: true, sameSite: 'lax', secure: reply.server.cookieSecure });
  }
  // Pages may show personal data or a CSRF token: never cache them in a shared cache.
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

export function redirectWithFlash(reply: FastifyReply, url: string, message: string): FastifyReply {
  reply.setCookie(FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'lax', secure: reply.server.cookieSecure, maxAge: 60 });
  return reply.redirect(url, 303);
}

/** Only same-site paths are followed after sign-in, so a link cannot send a user elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

export const hashForLog = (s: string): string => sha256(s).slice(0, 12);
