import { C, get, type Mapping, V } from './probe.js';

export const PLATFORM: Record<string, Mapping> = {
  // platform (src/platform/auth/policy.ts)
  'platform.manageRoles': {
    unmapped: "the admin pages refuse a unit outside the admin's subtree with a field error on the form, not a status (test/db/admin.test.ts)",
  },
  'platform.manageApiTokens': { unmapped: 'as manageRoles: a field error on the token form (test/db/admin.test.ts)' },
  'platform.manageCalendar': { unmapped: 'the calendar is national: any admin grant allows it, there is no unit to relate (test/db/admin.test.ts)' },
  'platform.readAudit': { level: 'commune', page: (f) => get(`/audit/unit/${C(f)}`) },
  'platform.viewOutbox': { unmapped: '/dev/outbox exists only in development mode (DEV_OUTBOX) and is not unit-scoped' },
  'platform.viewPersonalData': { unmapped: 'it only adds phone numbers to the households page that viewHouseholds opens; no route answers on it alone' },
  'platform.viewHouseholds': { level: 'village', page: (f) => get(`/units/${V(f)}/households`) },
};
