// The oversight policy as a truth table (DESIGN.md "Permission"): each role against each action on
// Xã Na Rì, and nothing on the next commune; an undecided action is denied.
import { describe, expect, it } from 'vitest';
import { type Actor, ROLES, type Role } from '../../platform/auth/policy.js';
import { type OversightAction, oversightPolicy } from './oversight.policy.js';

const NA_RI = { unitPath: '/1/2/' };
const OTHER = { unitPath: '/1/3/' };
const actor = (role: Role): Actor => ({
  via: 'session',
  userId: 1,
  label: role,
  userKind: 'official',
  grants: [{ role, unitId: 2, unitPath: '/1/2/', agencyId: null }],
});

const ALLOWED: Record<OversightAction, Role[]> = {
  read: [...ROLES],
  manageBoards: ['front_chairman', 'admin'],
  inspect: ['inspection_board_member'],
  supervise: ['supervision_board_member'],
  answer: ['commune_chairman', 'commune_official'],
  answerAgency: [],
  manageAgencyBoard: [],
  inspectAgency: [],
  manageProjects: ['commune_official', 'commune_chairman', 'admin'],
  readWork: ['commune_official', 'commune_chairman', 'front_chairman', 'inspection_board_member', 'supervision_board_member', 'council_observer', 'admin'],
};

describe('oversightPolicy (Law 10/2022 Arts 36–45, 60–63)', () => {
  for (const [action, roles] of Object.entries(ALLOWED) as [OversightAction, Role[]][]) {
    it(`${action}: ${roles.length === ROLES.length ? 'anyone' : roles.join(', ') || 'agency roles only, inside their agency'}`, () => {
      for (const role of ROLES) expect(oversightPolicy(actor(role), action, NA_RI), `${role} ${action}`).toBe(roles.includes(role));
      if (action !== 'read') for (const role of ROLES) expect(oversightPolicy(actor(role), action, OTHER)).toBe(false);
    });
  }
  it('R-F8: the union recognises its own agency’s board only; the agency head answers its own board only', () => {
    const union: Actor = { ...actor('union_head'), grants: [{ role: 'union_head', unitId: 2, unitPath: '/1/2/', agencyId: 7 }] };
    expect(oversightPolicy(union, 'manageAgencyBoard', { ...NA_RI, agencyId: 7 })).toBe(true);
    expect(oversightPolicy(union, 'manageAgencyBoard', { ...NA_RI, agencyId: 8 })).toBe(false);
    const head: Actor = { ...actor('agency_head'), grants: [{ role: 'agency_head', unitId: 2, unitPath: '/1/2/', agencyId: 7 }] };
    expect(oversightPolicy(head, 'answerAgency', { ...NA_RI, agencyId: 7 })).toBe(true);
    expect(oversightPolicy(head, 'answer', NA_RI)).toBe(false);
    expect(oversightPolicy(null, 'manageBoards', NA_RI)).toBe(false);
    expect(oversightPolicy(null, 'read', NA_RI)).toBe(true);
  });
});
