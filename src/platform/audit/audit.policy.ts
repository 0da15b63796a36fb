// Who reads the history of an agency's records (the audit page of a subject with an agency): an
// agency's internal records are not the commune's business (Law 10/2022 Art 46), so only the
// agency's head reads them. The history of everything else is platformPolicy's readAudit.
import { definePolicy } from '../auth/policy.js';

export const agencyAuditPolicy = definePolicy({ read: ['agency_head'] });
