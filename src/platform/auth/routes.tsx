// Sign-in: officials with username + password, then a TOTP code when a role of theirs publishes or
// decides; residents with a phone number and a one-time code sent through the outbox. Failures are
// throttled per account and per address; a new session token is issued at each step (no fixation).
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../audit/audit.js';
import { type FieldErrors, TooManyRequests } from '../errors.js';
import { redirectWithFlash, safeNext, sendPage, viewOf } from '../http/context.js';
import { enqueue } from '../notify/outbox.js';
import { verifyPassword } from './password.js';
import { normalizePhone } from './phone.js';
import { type Role, TOTP_ROLES } from './policy.js';
import { createSession, deleteSession, OFFICIAL_SESSION_HOURS, RESIDENT_SESSION_DAYS, SESSION_COOKIE, sha256, TOTP_STAGE_MINUTES } from './session.js';
import { clearFailures, isThrottled, recordFailure, throttleKeys } from './throttle.js';
import { checkTotp, newTotpSecret, totpCode, totpUri } from './totp.js';
import { PhoneCodePage, SignInPage, TotpPage } from './views.js';

type Body = Record<string, string | undefined>;
const OTP_MINUTES = 10;
const OTP_MAX_ATTEMPTS = 5;

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, clock } = deps;

  function startSession(reply: FastifyReply, token: string, maxAgeSec: number) {
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.cookieSecure, maxAge: maxAgeSec });
  }

  app.get('/sign-in', async (req, reply) => {
    const next = safeNext((req.query as Body).next);
    const notice = req.sessionExpired || (req.query as Body).expired ? req.t('auth.expired') : undefined;
    return sendPage(req, reply, <SignInPage view={viewOf(req, deps)} values={{ next }} notice={notice} />);
  });

  app.post('/sign-in', async (req, reply) => {
    const b = req.body as Body;
    const username = (b.username ?? '').trim().toLowerCase();
    const next = safeNext(b.next);
    const errors: FieldErrors = {};
    if (!username) errors.username = req.t('err.required', { field: req.t('auth.username').toLowerCase() });
    if (!b.password) errors.password = req.t('err.required', { field: req.t('auth.password').toLowerCase() });
    const again = (e: FieldErrors, status = 422) =>
      sendPage(req, reply, <SignInPage view={viewOf(req, deps)} values={{ username, next }} errors={e} />, status);
    if (Object.keys(errors).length) return again(errors);
    const keys = throttleKeys(username, req.ip);
    const now = clock.now();
    if (await isThrottled(db, keys, now)) return again({ username: req.t('err.throttled', { minutes: 15 }) }, 429);
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).where('kind', '=', 'official').executeTakeFirst();
    if (!user || user.disabled_at || !(await verifyPassword(b.password!, user.password_hash))) {
      await recordFailure(db, keys, now);
      return again({ password: req.t('err.badCredentials') }, 401);
    }
    await clearFailures(db, username);
    const roles = await db.selectFrom('role_grants').select('role').where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    const needsTotp = roles.some((r) => TOTP_ROLES.has(r.role as Role));
    if (req.sessionToken) await deleteSession(db, req.sessionToken);
    if (needsTotp) {
      const token = await createSession(db, user.id, 'totp', now, TOTP_STAGE_MINUTES * 60_000);
      startSession(reply, token, TOTP_STAGE_MINUTES * 60);
      return reply.redirect(`/sign-in/totp?next=${encodeURIComponent(next)}`, 303);
    }
    const token = await createSession(db, user.id, 'full', now, OFFICIAL_SESSION_HOURS * 3600_000);
    startSession(reply, token, OFFICIAL_SESSION_HOURS * 3600);
    return reply.redirect(next, 303);
  });

  async function totpPage(req: FastifyRequest, reply: FastifyReply, next: string, errors?: FieldErrors, pendingSecret?: string) {
    const user = await db.selectFrom('users').selectAll().where('id', '=', req.pendingUserId!).executeTakeFirstOrThrow();
    const view = viewOf(req, deps);
    let enrol: { secret: string; qrSvg: string } | undefined;
    if (!user.totp_secret) {
      const secret = pendingSecret && /^[A-Z2-7]{16,64}$/.test(pendingSecret) ? pendingSecret : newTotpSecret();
      enrol = { secret, qrSvg: await QRCode.toString(totpUri(secret, user.username ?? user.display_name), { type: 'svg', margin: 1 }) };
    }
    // Demo accounts only, in demo mode only: show the current code so a newcomer can sign in.
    const demoCode = deps.config.seedDemoOnFirstStart && user.is_demo && user.totp_secret ? await totpCode(user.totp_secret, clock.now()) : undefined;
    return sendPage(req, reply, <TotpPage view={view} next={next} errors={errors} enrol={enrol} demoCode={demoCode} />, errors ? 422 : 200);
  }

  app.get('/sign-in/totp', async (req, reply) => {
    const next = safeNext((req.query as Body).next);
    if (!req.pendingUserId) return reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    return totpPage(req, reply, next);
  });

  app.post('/sign-in/totp', async (req, reply) => {
    const b = req.body as Body;
    const next = safeNext(b.next);
    if (!req.pendingUserId) return redirectWithFlash(reply, `/sign-in?next=${encodeURIComponent(next)}`, req.t('auth.expired'));
    const userId = req.pendingUserId;
    const now = clock.now();
    const keys = throttleKeys(`totp:${userId}`, req.ip);
    if (await isThrottled(db, keys, now)) throw new TooManyRequests();
    const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    const code = (b.code ?? '').replace(/\s/g, '');
    const secret = user.totp_secret ?? b.secret ?? '';
    if (!/^[A-Z2-7]{16,64}$/.test(secret) || !(await checkTotp(secret, code, now))) {
      await recordFailure(db, keys, now);
      return totpPage(req, reply, next, { code: req.t('err.badTotp') }, b.secret);
    }
    await clearFailures(db, `totp:${userId}`);
    const token = await db.transaction().execute(async (trx) => {
      if (!user.totp_secret) {
        await trx.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
        await appendAudit(trx, deps.dialect, now, { userId, label: user.display_name }, { action: 'auth.totp_enrolled', entityType: 'user', entityId: userId });
      }
      await deleteSession(trx, req.sessionToken!);
      return createSession(trx, userId, 'full', now, OFFICIAL_SESSION_HOURS * 3600_000);
    });
    startSession(reply, token, OFFICIAL_SESSION_HOURS * 3600);
    return reply.redirect(next, 303);
  });

  app.post('/sign-in/phone', async (req, reply) => {
    const b = req.body as Body;
    const next = safeNext(b.next);
    const phone = normalizePhone(b.phone ?? '');
    const again = (msg: string, status = 422) =>
      sendPage(req, reply, <SignInPage view={viewOf(req, deps)} values={{ phone: b.phone, next }} phoneErrors={{ phone: msg }} />, status);
    if (!phone) return again(b.phone?.trim() ? req.t('err.badPhone') : req.t('err.required', { field: req.t('auth.phone').toLowerCase() }));
    const now = clock.now();
    const keys = throttleKeys(`phone:${phone}`, req.ip);
    if (await isThrottled(db, keys, now)) return again(req.t('err.throttled', { minutes: 15 }), 429);
    // Registered or not, the answer is the same code page ("if this number is registered, a code was
    // sent"), so the form does not tell who is on the register; nothing is sent to an unknown number.
    // Every request counts against the number's limit (5 in 15 minutes; a sign-in clears it), so the
    // limit does not tell them apart either. The address limit counts wrong codes (/sign-in/code).
    await recordFailure(db, keys.slice(0, 1), now);
    const user = await db.selectFrom('users').select(['id', 'disabled_at']).where('phone', '=', phone).where('kind', '=', 'resident').executeTakeFirst();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (user && !user.disabled_at)
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('otp_codes').set({ used_at: now.toISOString() }).where('phone', '=', phone).where('used_at', 'is', null).execute();
        await trx
          .insertInto('otp_codes')
          .values({
            phone,
            code_hash: sha256(`${phone}:${code}`),
            created_at: now.toISOString(),
            expires_at: new Date(now.getTime() + OTP_MINUTES * 60_000).toISOString(),
            attempts: 0,
          })
          .execute();
        // By SMS (in development, with no gateway configured, it lands on /dev/outbox).
        await enqueue(trx, { channel: 'sms', recipient: phone, template: 'otp', params: { code } }, now);
      });
    return sendPage(req, reply, <PhoneCodePage view={viewOf(req, deps)} phone={phone} next={next} sent />);
  });

  app.post('/sign-in/code', async (req, reply) => {
    const b = req.body as Body;
    const next = safeNext(b.next);
    const phone = normalizePhone(b.phone ?? '');
    if (!phone) return reply.redirect('/sign-in', 303);
    const now = clock.now();
    const again = (msg: string, status = 422) =>
      sendPage(req, reply, <PhoneCodePage view={viewOf(req, deps)} phone={phone} next={next} errors={{ code: msg }} />, status);
    const keys = throttleKeys(`phone:${phone}`, req.ip);
    if (await isThrottled(db, keys, now)) return again(req.t('err.throttled', { minutes: 15 }), 429);
    const code = (b.code ?? '').replace(/\s/g, '');
    const otp = await db
      .selectFrom('otp_codes')
      .selectAll()
      .where('phone', '=', phone)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!otp || otp.attempts >= OTP_MAX_ATTEMPTS || otp.code_hash !== sha256(`${phone}:${code}`)) {
      if (otp)
        await db
          .updateTable('otp_codes')
          .set({ attempts: otp.attempts + 1 })
          .where('id', '=', otp.id)
          .execute();
      await recordFailure(db, keys, now);
      return again(code ? req.t('err.badCode') : req.t('err.required', { field: req.t('auth.code').toLowerCase() }));
    }
    const user = await db.selectFrom('users').select('id').where('phone', '=', phone).where('kind', '=', 'resident').executeTakeFirstOrThrow();
    const token = await db.transaction().execute(async (trx) => {
      await trx.updateTable('otp_codes').set({ used_at: now.toISOString() }).where('id', '=', otp.id).execute();
      if (req.sessionToken) await deleteSession(trx, req.sessionToken);
      return createSession(trx, user.id, 'full', now, RESIDENT_SESSION_DAYS * 86400_000);
    });
    await clearFailures(db, `phone:${phone}`);
    startSession(reply, token, RESIDENT_SESSION_DAYS * 86400);
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', async (req, reply) => {
    if (req.sessionToken) await deleteSession(db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(reply, '/', req.t('auth.signedOut'));
  });
}
