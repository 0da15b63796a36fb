// Authorisation matrix probes (issue 10 item 2): Public disclosure (Law 10/2022 Ch. II §1).
// See probe.ts for what a probe is; the expected outcome comes from the rules table, not from here.
import { C, get, type Mapping, post } from './probe.js';
import { disclosureDraft } from './setups.js';
import { publishedOfVillageCommune } from './setups-content.js';

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
  // An empty relay form on a published disclosure of village 1's commune: allowed is the form back with
  // its errors (422), refused is 403. The head of any village of that commune relays it in his own
  // village (Law Art 13(4)): village 1's (own) or the next one's (sibling); a grant on the commune
  // holds no village to relay in.
  'disclosure.recordRelay': {
    level: 'village',
    grantIn: ['own', 'sibling'],
    setup: publishedOfVillageCommune,
    page: (_f, id) => post(`/disclosures/${id}/relay`),
  },
  'disclosure.readCompliance': { level: 'commune', anyOf: ['managePlan'], page: (f) => get(`/units/${C(f)}/disclosures/compliance`) },
  'disclosure.managePlan': { level: 'commune', page: (f) => ({ method: 'POST', path: `/units/${C(f)}/disclosures/plan`, form: {} }) },
  'disclosure.manageRequests': { level: 'commune', page: (f) => get(`/units/${C(f)}/info-requests/record`) },
  'disclosure.readRequests': { level: 'commune', anyOf: ['manageRequests'], page: (f) => get(`/units/${C(f)}/info-requests`) },
  'disclosure.readAgency': { level: 'commune', agency: true, anyOf: ['prepareAgency'], page: (f) => get(`/agencies/${f.agencyId}/disclosures`) },
  'disclosure.prepareAgency': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/disclosures/new`) },
};
