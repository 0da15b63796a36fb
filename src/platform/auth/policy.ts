// The one permission check (DESIGN.md "Permission"): a role is granted on a unit and covers that
// unit's subtree; an action no rule allows is denied. Each module declares its rules with
// definePolicy and every command and route asks can(actor, action, resource).

export const ROLES = [
  'resident',
  'household_representative',
  'village_head',
  'front_committee_head',
  'commune_official',
  'commune_chairman',
  'front_chairman',
  'inspection_board_member',
  'supervision_board_member',
  'agency_head',
  'agency_staff',
  'union_head',
  'council_observer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** Roles whose holders publish or decide: they sign in with a password and a TOTP code. */
export const TOTP_ROLES: ReadonlySet<Role> = new Set(['commune_official', 'commune_chairman', 'front_chairman', 'agency_head', 'admin']);
/** Roles held inside one agency (Law 10/2022 Ch. III): they reach only that agency's records. */
const AGENCY_ROLES: ReadonlySet<Role> = new Set(['agency_head', 'agency_staff', 'union_head']);

export type Grant = { role: Role; unitId: number; unitPath: string; agencyId: number | null };
export type Actor = {
  via: 'session' | 'token';
  userId: number | null;
  label: string;
  userKind: 'official' | 'resident' | null;
  grants: Grant[];
};
/** What an action is done on: the unit it belongs to (its path) and, for workplace records, the agency. */
export type Resource = { unitPath: string; agencyId?: number | null };

/** 'anyone' includes anonymous visitors; 'signed_in' any account; otherwise the roles listed. */
export type Rule = 'anyone' | 'signed_in' | readonly Role[];

export function covers(grant: Grant, resource: Resource): boolean {
  if (!resource.unitPath.startsWith(grant.unitPath)) return false;
  if (AGENCY_ROLES.has(grant.role)) return resource.agencyId != null && resource.agencyId === grant.agencyId;
  return true;
}

/** The rules table stays readable on the returned check (`.rules`) so the authorisation matrix test
 * (test/db/authz-matrix.test.ts) derives every expected outcome from it. */
export function definePolicy<A extends string>(rules: Record<A, Rule>) {
  const can = function can(actor: Actor | null, action: A, resource?: Resource): boolean {
    const rule = rules[action] as Rule | undefined;
    if (rule === undefined) return false;
    if (rule === 'anyone') return true;
    if (!actor) return false;
    if (rule === 'signed_in') return true;
    if (!resource) return false;
    return actor.grants.some((g) => rule.includes(g.role) && covers(g, resource));
  };
  return Object.assign(can, { rules: rules as Readonly<Record<A, Rule>> });
}

/** Roles that may be granted by whoever holds `role` on a unit: only admins grant roles. The
 * development outbox (/dev/outbox) is no action here: it is open to anyone in development, so that a
 * newcomer reads a resident's sign-in code, and does not exist in production (config.devOutbox). */
export const platformPolicy = definePolicy({
  manageRoles: ['admin'],
  manageApiTokens: ['admin'],
  manageCalendar: ['admin'],
  readAudit: ['admin', 'commune_official', 'commune_chairman', 'council_observer', 'front_chairman', 'inspection_board_member'],
  viewPersonalData: ['admin', 'commune_official', 'commune_chairman', 'village_head'],
  viewHouseholds: ['admin', 'commune_official', 'commune_chairman', 'village_head', 'front_committee_head', 'front_chairman'],
});
export type PlatformAction = Parameters<typeof platformPolicy>[1];
