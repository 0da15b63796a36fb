import { describe, expect, it } from 'vitest';
import { type Actor, definePolicy, type Grant, platformPolicy, ROLES, type Role } from './policy.js';

// Units: province /1/, commune Na Rì /1/10/, its village /1/10/100/, commune Văn Lang /1/20/.
const NA_RI = { unitPath: '/1/10/' };
const NA_RI_VILLAGE = { unitPath: '/1/10/100/' };
const VAN_LANG = { unitPath: '/1/20/' };
const PROVINCE = { unitPath: '/1/' };

const actor = (...grants: Partial<Grant>[]): Actor => ({
  via: 'session',
  userId: 1,
  label: 'x',
  userKind: 'official',
  grants: grants.map((g) => ({ role: 'resident', unitId: 10, unitPath: '/1/10/', agencyId: null, ...g }) as Grant),
});

describe('can(actor, action, resource): roles granted on a unit cover its subtree, deny by default', () => {
  const policy = definePolicy({ publish: ['commune_official', 'commune_chairman'], read: 'anyone', follow: 'signed_in' });

  it('a commune official of Na Rì acts on Na Rì and its villages', () => {
    const a = actor({ role: 'commune_official' });
    expect(policy(a, 'publish', NA_RI)).toBe(true);
    expect(policy(a, 'publish', NA_RI_VILLAGE)).toBe(true);
  });
  it('but not on the next commune (Văn Lang) nor on the province above', () => {
    const a = actor({ role: 'commune_official' });
    expect(policy(a, 'publish', VAN_LANG)).toBe(false);
    expect(policy(a, 'publish', PROVINCE)).toBe(false);
  });
  it('a path that merely starts with the same digits is not inside the subtree (/1/10/ vs /1/100/)', () => {
    expect(policy(actor({ role: 'commune_official' }), 'publish', { unitPath: '/1/100/' })).toBe(false);
  });
  it('an action with no rule is denied to everyone, admins included', () => {
    const admin = actor({ role: 'admin', unitPath: '/1/' });
    expect((policy as (a: Actor, x: string, r: object) => boolean)(admin, 'delete', NA_RI)).toBe(false);
  });
  it("'anyone' includes anonymous visitors; 'signed_in' does not", () => {
    expect(policy(null, 'read', NA_RI)).toBe(true);
    expect(policy(null, 'follow', NA_RI)).toBe(false);
    expect(policy(actor(), 'follow')).toBe(true);
  });
  it('a role rule without a resource is denied', () => {
    expect(policy(actor({ role: 'commune_official' }), 'publish')).toBe(false);
  });
  it('agency roles reach only their own agency (Law 10/2022 Ch. III)', () => {
    const p = definePolicy({ readInternal: ['agency_staff'] });
    const staff = actor({ role: 'agency_staff', agencyId: 7 });
    expect(p(staff, 'readInternal', { unitPath: '/1/10/', agencyId: 7 })).toBe(true);
    expect(p(staff, 'readInternal', { unitPath: '/1/10/', agencyId: 8 })).toBe(false);
    expect(p(staff, 'readInternal', { unitPath: '/1/10/' })).toBe(false);
  });
});

describe('platform policy: truth table of every role on its own commune', () => {
  const allowed: Record<string, Role[]> = {
    manageRoles: ['admin'],
    manageApiTokens: ['admin'],
    manageCalendar: ['admin'],
    readAudit: ['admin', 'commune_official', 'commune_chairman', 'council_observer', 'front_chairman', 'inspection_board_member'],
    viewPersonalData: ['admin', 'commune_official', 'commune_chairman', 'village_head'],
    viewHouseholds: ['admin', 'commune_official', 'commune_chairman', 'village_head', 'front_committee_head', 'front_chairman'],
  };
  for (const [action, roles] of Object.entries(allowed)) {
    for (const role of ROLES) {
      const expected = roles.includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(platformPolicy(actor({ role }), action as never, NA_RI)).toBe(expected);
        // and never on another commune
        expect(platformPolicy(actor({ role }), action as never, VAN_LANG)).toBe(false);
      });
    }
  }
  it('anonymous visitors may do none of the platform actions', () => {
    for (const action of Object.keys(allowed)) expect(platformPolicy(null, action as never, NA_RI)).toBe(false);
  });
});
