// The authorisation matrix route map (issue 10 item 2): for every policy action, one or more
// requests that exercise it with the resource in the chosen unit (probe.ts). The expected outcome is
// NOT written here: the test derives it from the policy's rules table and the relation of the
// actor's grant to the unit. A new module's actions fail the test until they are listed here
// (the type has no way to leave one out). One file per module group; monitoring's probes are below.
import { CONSULTATION } from './map-consultation.js';
import { DECISIONS } from './map-decisions.js';
import { DISCLOSURE } from './map-disclosure.js';
import { FEEDBACK } from './map-feedback.js';
import { OVERSIGHT } from './map-oversight.js';
import { PLATFORM } from './map-platform.js';
import { C, get, type Mapping, NATIONAL, post } from './probe.js';

export type { Mapping, Probe, Req } from './probe.js';

export const ROUTE_MAP: Record<string, Mapping> = {
  ...PLATFORM,
  ...DISCLOSURE,
  ...DECISIONS,
  ...FEEDBACK,
  ...CONSULTATION,
  ...OVERSIGHT,

  // monitoring (issue 9): the dashboards of Na Rì; the Word report carries the non-public figures.
  'monitoring.readPublic': { level: 'commune', page: (f) => get(`/monitoring/units/${C(f)}`), api: (f) => get(`/api/v1/indicators?unit=${C(f)}`) },
  'monitoring.readAll': { level: 'commune', page: (f) => get(`/monitoring/units/${C(f)}/report.docx`) },
  'monitoring.enterRecords': { level: 'commune', page: (f) => get(`/monitoring/units/${C(f)}/records`) },
  // The school's page is public; its internal indicators (commendations) are for the commune's readers
  // and the school's own head (test/db/monitoring-agencies.test.ts reads the same marker).
  'monitoring.readAgency': {
    level: 'commune',
    agency: true,
    page: (f) => get(`/monitoring/agencies/${f.agencyId}`),
    shows: (a) => a.body.includes('monitoring.commendations'),
  },
  // A catalogue is national: any admin grant loads one (commands.ts loadCatalogue); an empty one is refused on the form.
  'monitoring.loadCatalogue': { level: 'commune', grantIn: NATIONAL, page: () => post('/monitoring/catalogues', { text: '' }) },
};
