// Administration: grant and revoke roles, issue and revoke API tokens. Admins act only within the
// subtree of their own admin grants; everything is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../audit/audit.js';
import { todayInVietnam } from '../calendar/calendar.js';
import { type FieldErrors, Forbidden, Unauthenticated } from '../errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../http/context.js';
import type { MessageKey } from '../i18n/index.js';
import { formatDate } from '../i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../ui/form.js';
import { Layout } from '../ui/layout.js';
import { type GrantInput, grantRole, revokeRole } from './grants.js';
import { type Actor, ROLES } from './policy.js';
import { randomToken, sha256 } from './session.js';

type Body = Record<string, string | undefined>;

function requireAdmin(req: FastifyRequest): Actor & { adminPaths: string[] } {
  if (!req.actor) throw new Unauthenticated();
  const adminPaths = req.actor.grants.filter((g) => g.role === 'admin').map((g) => g.unitPath);
  if (adminPaths.length === 0 || req.actor.via !== 'session') throw new Forbidden();
  return { ...req.actor, adminPaths };
}

/** `moduleLinks`: the modules' own administration pages (ModuleManifest.adminLinks), listed on /admin. */
export function adminRoutes(app: FastifyInstance, deps: AppDeps, moduleLinks: { href: string; label: MessageKey }[] = []): void {
  const { db } = deps;

  async function rolesPage(req: FastifyRequest, values: Partial<GrantInput> = {}, errors?: FieldErrors) {
    const admin = requireAdmin(req);
    const grants = await db
      .selectFrom('role_grants as g')
      .innerJoin('users as us', 'us.id', 'g.user_id')
      .innerJoin('units as un', 'un.id', 'g.unit_id')
      .select(['g.id', 'g.role', 'g.granted_at', 'us.display_name', 'us.username', 'un.name as unit_name', 'un.code as unit_code'])
      .where('g.revoked_at', 'is', null)
      .where((eb) => eb.or(admin.adminPaths.map((p) => eb('un.path', 'like', `${p}%`))))
      .orderBy('un.name')
      .orderBy('us.display_name')
      .limit(500)
      .execute();
    const agencies = await db
      .selectFrom('agencies as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.name', 'u.code'])
      .where((eb) => eb.or(admin.adminPaths.map((p) => eb('u.path', 'like', `${p}%`))))
      .orderBy('a.name')
      .execute();
    const view = viewOf(req, deps);
    const { t } = view;
    return (
      <Layout view={view} title={t('admin.roles')} crumbs={[{ href: '/admin', label: t('admin.title') }]}>
        <h1>{t('admin.roles')}</h1>
        <ErrorSummary view={view} errors={errors} />
        <h2>{t('admin.grant')}</h2>
        <PostForm view={view} action="/admin/roles">
          <TextField name="user" label={t('admin.user')} hint={`${t('auth.username')} / ${t('auth.phone')}`} value={values.user} error={errors?.user} />
          <SelectField
            name="role"
            label={t('admin.role')}
            value={values.role}
            error={errors?.role}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
          />
          <TextField name="unitCode" label={t('admin.unitCode')} value={values.unitCode} error={errors?.unitCode} />
          <SelectField
            name="agencyId"
            label={t('unit.agencies')}
            value={values.agencyId}
            error={errors?.agencyId}
            options={[{ value: '', label: '—' }, ...agencies.map((a) => ({ value: String(a.id), label: `${a.name} (${a.code})` }))]}
          />
          <button class="btn" type="submit">
            {t('admin.grant')}
          </button>
        </PostForm>
        <h2>{t('admin.roles')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.user')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.unit')}</th>
              <th scope="col">{t('admin.grantedAt')}</th>
              <th scope="col">
                <span class="skip">{t('admin.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.display_name} <span class="muted">{g.username ?? ''}</span>
                </td>
                <td>{t(`role.${g.role}` as MessageKey)}</td>
                <td>
                  {g.unit_name} ({g.unit_code})
                </td>
                <td>{formatDate(g.granted_at)}</td>
                <td>
                  <PostForm view={view} action={`/admin/roles/${g.id}/revoke`}>
                    <button
                      class="btn warn"
                      type="submit"
                      aria-label={`${t('admin.revoke')}: ${g.display_name}, ${t(`role.${g.role}` as MessageKey)}, ${g.unit_name}`}
                    >
                      {t('admin.revoke')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>
    );
  }

  app.get('/admin', async (req, reply) => {
    requireAdmin(req);
    const view = viewOf(req, deps);
    const { t } = view;
    return sendPage(
      req,
      reply,
      <Layout view={view} title={t('admin.title')}>
        <h1>{t('admin.title')}</h1>
        <ul class="list">
          <li>
            <a href="/admin/roles">{t('admin.roles')}</a>
          </li>
          <li>
            <a href="/admin/tokens">{t('admin.tokens')}</a>
          </li>
          <li>
            <a href="/admin/calendar">{t('admin.calendar')}</a>
          </li>
          {moduleLinks.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{t(l.label)}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get('/admin/roles', async (req, reply) => sendPage(req, reply, await rolesPage(req)));

  app.post('/admin/roles', async (req, reply) => {
    const admin = requireAdmin(req);
    const b = req.body as Body;
    const input: GrantInput = { user: b.user ?? '', role: b.role ?? '', unitCode: b.unitCode ?? '', agencyId: b.agencyId ?? '' };
    const r = await grantRole(deps, admin, input, req.t);
    if (!r.ok) return sendPage(req, reply, await rolesPage(req, input, r.errors), 422);
    return redirectWithFlash(reply, '/admin/roles', req.t('admin.granted'));
  });

  app.post('/admin/roles/:id/revoke', async (req, reply) => {
    const admin = requireAdmin(req);
    const r = await revokeRole(deps, admin, Number((req.params as { id: string }).id));
    if (!r.ok) throw new Forbidden();
    return redirectWithFlash(reply, '/admin/roles', req.t('admin.revoked'));
  });

  async function tokensPage(req: FastifyRequest, created?: string, values: Body = {}, errors?: FieldErrors) {
    const admin = requireAdmin(req);
    const tokens = await db
      .selectFrom('api_tokens as k')
      .innerJoin('units as u', 'u.id', 'k.unit_id')
      .select(['k.id', 'k.name', 'k.role', 'k.created_at', 'k.last_used_at', 'u.name as unit_name', 'u.code'])
      .where('k.revoked_at', 'is', null)
      .where((eb) => eb.or(admin.adminPaths.map((p) => eb('u.path', 'like', `${p}%`))))
      .orderBy('k.id', 'desc')
      .execute();
    const view = viewOf(req, deps);
    const { t } = view;
    return (
      <Layout view={view} title={t('admin.tokens')} crumbs={[{ href: '/admin', label: t('admin.title') }]}>
        <h1>{t('admin.tokens')}</h1>
        {created && (
          <div class="flash" role="status">
            {t('admin.tokenCreated', { token: '' })}
            <pre>{created}</pre>
          </div>
        )}
        <ErrorSummary view={view} errors={errors} />
        <PostForm view={view} action="/admin/tokens">
          <TextField name="name" label={t('admin.tokenName')} value={values.name} error={errors?.name} />
          <SelectField
            name="role"
            label={t('admin.role')}
            value={values.role}
            options={ROLES.filter((r) => r !== 'admin').map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
          />
          <TextField name="unitCode" label={t('admin.unitCode')} value={values.unitCode} error={errors?.unitCode} />
          <button class="btn" type="submit">
            {t('admin.tokenCreate')}
          </button>
        </PostForm>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.tokenName')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.unit')}</th>
              <th scope="col">{t('admin.grantedAt')}</th>
              <th scope="col">
                <span class="skip">{t('admin.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{t(`role.${k.role}` as MessageKey)}</td>
                <td>
                  {k.unit_name} ({k.code})
                </td>
                <td>{formatDate(k.created_at)}</td>
                <td>
                  <PostForm view={view} action={`/admin/tokens/${k.id}/revoke`}>
                    <button class="btn warn" type="submit" aria-label={`${t('admin.revoke')}: ${k.name}`}>
                      {t('admin.revoke')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>
    );
  }

  app.get('/admin/tokens', async (req, reply) => sendPage(req, reply, await tokensPage(req)));

  app.post('/admin/tokens', async (req, reply) => {
    const admin = requireAdmin(req);
    const b = req.body as Body;
    const name = (b.name ?? '').trim();
    const now = deps.clock.now();
    const unit = b.unitCode
      ? await db
          .selectFrom('units')
          .selectAll()
          .where('code', '=', b.unitCode.trim())
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', todayInVietnam(now))]))
          .executeTakeFirst()
      : undefined;
    const errors: FieldErrors = {};
    if (!name) errors.name = req.t('err.required', { field: req.t('admin.tokenName').toLowerCase() });
    if (!unit) errors.unitCode = b.unitCode ? req.t('admin.unknownUnit') : req.t('err.required', { field: req.t('admin.unit').toLowerCase() });
    else if (!admin.adminPaths.some((p) => unit.path.startsWith(p))) errors.unitCode = req.t('admin.outsideScope');
    const role = ROLES.includes(b.role as never) && b.role !== 'admin' ? b.role! : null;
    if (!role) errors.role = req.t('err.required', { field: req.t('admin.role').toLowerCase() });
    if (Object.keys(errors).length || !unit || !role) return sendPage(req, reply, await tokensPage(req, undefined, b, errors), 422);
    const token = `dc_${randomToken(24)}`;
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('api_tokens')
        .values({ name, token_hash: sha256(token), role, unit_id: unit.id, created_by: admin.userId!, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(
        trx,
        deps.dialect,
        now,
        { userId: admin.userId, label: admin.label },
        { action: 'api_tokens.create', entityType: 'api_token', entityId: row.id, unitId: unit.id, data: { name, role } },
      );
    });
    // The token is shown once, in this response only; the database keeps its hash.
    return sendPage(req, reply, await tokensPage(req, token), 201);
  });

  app.post('/admin/tokens/:id/revoke', async (req, reply) => {
    const admin = requireAdmin(req);
    const id = Number((req.params as { id: string }).id);
    const now = deps.clock.now();
    const ok = await db.transaction().execute(async (trx) => {
      const k = await trx
        .selectFrom('api_tokens as k')
        .innerJoin('units as u', 'u.id', 'k.unit_id')
        .select(['k.id', 'u.path', 'k.unit_id'])
        .where('k.id', '=', id)
        .where('k.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!k || !admin.adminPaths.some((p) => k.path.startsWith(p))) return false;
      await trx.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).execute();
      await appendAudit(
        trx,
        deps.dialect,
        now,
        { userId: admin.userId, label: admin.label },
        { action: 'api_tokens.revoke', entityType: 'api_token', entityId: id, unitId: k.unit_id },
      );
      return true;
    });
    if (!ok) throw new Forbidden();
    return redirectWithFlash(reply, '/admin/tokens', req.t('admin.tokenRevoked'));
  });
}
