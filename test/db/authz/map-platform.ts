// Authorisation matrix probes (issue 10 item 2): the platform's own actions (src/platform/auth/policy.ts,
// src/platform/*/*.policy.ts). See probe.ts for what a probe is; the expected outcome comes from the rules table.
import { C, get, type Mapping, NATIONAL, post, V } from './probe.js';
import { communeToken, freshAccount, freshGrant, representativePhone, TOKEN_NAME } from './setups-platform.js';

/** The code of the probe's commune, Na Rì (fixture.ts): the admin forms take a unit by its code. */
const NA_RI = '02155';
/** The admin forms refuse a unit outside the admin's subtree next to the field (grants.ts, admin-routes.tsx). */
const OUTSIDE = 'Đơn vị này nằm ngoài phạm vi quản trị của bạn.';

export const PLATFORM: Record<string, Mapping> = {
  'platform.manageRoles': [
    // Granting on Na Rì: allowed is the redirect with the flash; refused is the form with the field error.
    {
      level: 'commune',
      setup: freshAccount,
      page: (_f, n) => post('/admin/roles', { user: `authz.grantee.${n}`, role: 'resident', unitCode: NA_RI, agencyId: '' }),
      shows: (a) => a.status === 303 && a.location === '/admin/roles' && !a.body.includes(OUTSIDE),
    },
    { level: 'commune', setup: freshGrant, page: (_f, id) => post(`/admin/roles/${id}/revoke`) },
    // The list of grants shows Na Rì's only to admins of its subtree (a grant of the fixture on Na Rì).
    { level: 'commune', page: () => get('/admin/roles'), shows: (a) => a.body.includes('m.resident.commune.own') },
  ],
  'platform.manageApiTokens': [
    {
      level: 'commune',
      page: () => post('/admin/tokens', { name: 'Khoá thử', role: 'resident', unitCode: NA_RI }),
      shows: (a) => a.status === 201 && a.body.includes('dc_'),
    },
    { level: 'commune', setup: communeToken, page: () => get('/admin/tokens'), shows: (a) => a.body.includes(TOKEN_NAME) },
  ],
  // The days-off calendar is national: any admin grant manages it; the empty form is refused field by field.
  'platform.manageCalendar': [
    { level: 'commune', grantIn: NATIONAL, page: () => get('/admin/calendar') },
    { level: 'commune', grantIn: NATIONAL, page: () => post('/admin/calendar') },
  ],
  'platform.readAudit': { level: 'commune', page: (f) => get(`/audit/unit/${C(f)}`) },
  // Phone numbers on the register that viewHouseholds opens (households.tsx): they must not be in the
  // page of a role the rules refuse viewPersonalData, though that role reads the register itself.
  'platform.viewPersonalData': {
    level: 'village',
    page: (f) => get(`/units/${V(f)}/households`),
    shows: async (a, f) => a.body.includes(await representativePhone(f)),
  },
  'platform.viewHouseholds': { level: 'village', page: (f) => get(`/units/${V(f)}/households`) },
  // The history of an agency's records (the demo school's dialogue 3) is its head's only (Law Art 46).
  'audit.read': { level: 'commune', agency: true, page: () => get('/audit/dialogue/3') },
};
