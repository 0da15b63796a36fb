// The workplace policy as a truth table (DESIGN.md "Permission"): each role against each action on an
// agency of Xã Na Rì, agency roles only inside their own agency, nothing on the next commune.
import { describe, expect, it } from 'vitest';
import { type Actor, ROLES, type Role } from '../../platform/auth/policy.js';
import { type WorkplaceAction, workplacePolicy } from './workplace.policy.js';

const AGENCY = { unitPath: '/1/2/', agencyId: 7 };
const OTHER_AGENCY = { unitPath: '/1/2/', agencyId: 8 };
const OTHER_COMMUNE = { unitPath: '/1/3/', agencyId: 9 };
const actor = (role: Role): Actor => ({
  via: 'session',
  userId: 1,
  label: role,
  userKind: 'official',
  grants: [{ role, unitId: 2, unitPath: '/1/2/', agencyId: ['agency_head', 'agency_staff', 'union_head'].includes(role) ? 7 : null }],
});

const ALLOWED: Record<WorkplaceAction, Role[]> = {
  readRegister: [...ROLES],
  issueCommune: ['commune_chairman'],
  issueAgency: ['agency_head'],
  readAgency: ['agency_head', 'agency_staff', 'union_head', 'commune_chairman', 'commune_official', 'council_observer', 'admin'],
  recordConference: ['agency_head', 'union_head'],
};

describe('workplacePolicy (Law 10/2022 Arts 35(2)(c), 51(1), 59(1)(a))', () => {
  for (const [action, roles] of Object.entries(ALLOWED) as [WorkplaceAction, Role[]][]) {
    it(`${action}: ${roles.length === ROLES.length ? 'anyone' : roles.join(', ')}`, () => {
      for (const role of ROLES) expect(workplacePolicy(actor(role), action, AGENCY), `${role} ${action}`).toBe(roles.includes(role));
      if (action === 'readRegister') return;
      for (const role of ROLES) expect(workplacePolicy(actor(role), action, OTHER_COMMUNE), `${role} ${action} next commune`).toBe(false);
    });
  }
  it("Art 51(1): the head and union of one agency do not reach another agency's conference", () => {
    for (const role of ['agency_head', 'agency_staff', 'union_head'] as const) {
      expect(workplacePolicy(actor(role), 'readAgency', OTHER_AGENCY)).toBe(false);
      expect(workplacePolicy(actor(role), 'recordConference', OTHER_AGENCY)).toBe(false);
    }
  });
  it('an anonymous visitor reads the register only', () => {
    expect(workplacePolicy(null, 'readRegister')).toBe(true);
    expect(workplacePolicy(null, 'readAgency', AGENCY)).toBe(false);
  });
});
