// Granting and revoking roles: admin-only, within the admin's own subtree, one transaction each,
// audited. Returns a result for expected failures (DESIGN.md "Commands").
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../audit/audit.js';
import { todayInVietnam } from '../calendar/calendar.js';
import type { FieldErrors } from '../errors.js';
import type { T } from '../i18n/index.js';
import { normalizePhone } from './phone.js';
import { type Actor, isRole, platformPolicy, type Role } from './policy.js';

export const AGENCY_ROLES: ReadonlySet<Role> = new Set(['agency_head', 'agency_staff', 'union_head']);

export type GrantInput = { user: string; role: string; unitCode: string; agencyId: string };
export type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };

export async function grantRole(deps: AppDeps, actor: Actor, input: GrantInput, t: T): Promise<Result> {
  const errors: FieldErrors = {};
  const ref = input.user.trim().toLowerCase();
  const phone = normalizePhone(ref);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const user = ref
      ? await trx
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where(phone ? 'phone' : 'username', '=', phone ?? ref)
          .executeTakeFirst()
      : undefined;
    if (!user) errors.user = ref ? t('admin.unknownUser') : t('err.required', { field: t('admin.user').toLowerCase() });
    if (!isRole(input.role)) errors.role = t('err.required', { field: t('admin.role').toLowerCase() });
    const code = input.unitCode.trim();
    const unit = code
      ? await trx
          .selectFrom('units')
          .selectAll()
          .where('code', '=', code)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', todayInVietnam(now))]))
          .executeTakeFirst()
      : undefined;
    if (!unit) errors.unitCode = code ? t('admin.unknownUnit') : t('err.required', { field: t('admin.unit').toLowerCase() });
    else if (!platformPolicy(actor, 'manageRoles', { unitPath: unit.path })) errors.unitCode = t('admin.outsideScope');
    let agencyId: number | null = null;
    if (isRole(input.role) && AGENCY_ROLES.has(input.role)) {
      const agency = input.agencyId ? await trx.selectFrom('agencies').selectAll().where('id', '=', Number(input.agencyId)).executeTakeFirst() : undefined;
      if (!agency || (unit && agency.unit_id !== unit.id)) errors.agencyId = t('err.required', { field: t('unit.agencies').toLowerCase() });
      else agencyId = agency.id;
    }
    if (Object.keys(errors).length || !user || !unit) return { ok: false as const, errors };
    const dup = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', user.id)
      .where('role', '=', input.role)
      .where('unit_id', '=', unit.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (dup) return { ok: false as const, errors: { role: t('admin.duplicate') } };
    const row = await trx
      .insertInto('role_grants')
      .values({ user_id: user.id, role: input.role, unit_id: unit.id, agency_id: agencyId, granted_by: actor.userId, granted_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      deps.dialect,
      now,
      { userId: actor.userId, label: actor.label },
      {
        action: 'roles.grant',
        entityType: 'user',
        entityId: user.id,
        unitId: unit.id,
        data: { grantId: row.id, role: input.role, unitCode: unit.code, agencyId },
      },
    );
    return { ok: true as const, id: row.id };
  });
}

export async function revokeRole(deps: AppDeps, actor: Actor, grantId: number): Promise<{ ok: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const g = await trx
      .selectFrom('role_grants as g')
      .innerJoin('units as u', 'u.id', 'g.unit_id')
      .select(['g.id', 'g.user_id', 'g.role', 'g.unit_id', 'u.path', 'u.code'])
      .where('g.id', '=', grantId)
      .where('g.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!g || !platformPolicy(actor, 'manageRoles', { unitPath: g.path })) return { ok: false };
    await trx.updateTable('role_grants').set({ revoked_at: now.toISOString(), revoked_by: actor.userId }).where('id', '=', g.id).execute();
    await appendAudit(
      trx,
      deps.dialect,
      now,
      { userId: actor.userId, label: actor.label },
      {
        action: 'roles.revoke',
        entityType: 'user',
        entityId: g.user_id,
        unitId: g.unit_id,
        data: { grantId: g.id, role: g.role, unitCode: g.code },
      },
    );
    // Sessions keep no copy of roles: the next request already sees the revocation.
    return { ok: true };
  });
}
