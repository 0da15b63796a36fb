// Authorisation matrix probes (issue 10 item 2): Public disclosure (Law 10/2022 Ch. II §1).
// See probe.ts for what a probe is; the expected outcome comes from the rules table, not from here.
import { C, get, type Mapping } from './probe.js';
import { disclosureDraft } from './setups.js';

export const DISCLOSURE: Record<string, Mapping> = {
  // disclosure
  'disclosure.readPublished': { level: 'commune', page: () => get('/disclosures/1'), api: () => get('/api/v1/disclosures/1') },
  'disclosure.follow': { level: 'commune', page: (f) => ({ method: 'POST', path: `/units/${C(f)}/follow`, form: {} }) },
  'disclosure.readDrafts': { level: 'commune', anyOf: ['prepare'], hiddenAs404: true, page: () => get('/disclosures/17') },
  'disclosure.prepare': { level: 'commune', page: (f) => get(`/units/${C(f)}/disclosures/new`) },
  // The page checks prepare (the same roles as publish in the rules); a fresh draft for each request.
  'disclosure.publish': {
    level: 'commune',
    setup: disclosureDraft,
    page: (_f, id) => ({ method: 'POST', path: `/disclosures/${id}/publish`, form: {} }),
  },
  'disclosure.recordRelay': {
    unmapped: "the relay form picks the village from the actor's own grants (manage-routes.tsx), so a grant on the parent commune has no village to record for",
  },
  'disclosure.readCompliance': { level: 'commune', anyOf: ['managePlan'], page: (f) => get(`/units/${C(f)}/disclosures/compliance`) },
  'disclosure.managePlan': { level: 'commune', page: (f) => ({ method: 'POST', path: `/units/${C(f)}/disclosures/plan`, form: {} }) },
  'disclosure.manageRequests': { level: 'commune', page: (f) => get(`/units/${C(f)}/info-requests/record`) },
  'disclosure.readRequests': { level: 'commune', anyOf: ['manageRequests'], page: (f) => get(`/units/${C(f)}/info-requests`) },
  'disclosure.readAgency': { level: 'commune', agency: true, anyOf: ['prepareAgency'], page: (f) => get(`/agencies/${f.agencyId}/disclosures`) },
  'disclosure.prepareAgency': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/disclosures/new`) },
};
