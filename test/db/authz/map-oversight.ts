// Authorisation matrix probes (issue 10 item 2): Oversight, covenants and the workplace (Law 10/2022 Arts 34, 35, 51, 59; Decree 61/2023).
// See probe.ts for what a probe is; the expected outcome comes from the rules table, not from here.
import { C, get, type Mapping, V } from './probe.js';
import { draftCovenant } from './setups.js';
import { schoolBoard, schoolRecommendation } from './setups-oversight.js';

export const OVERSIGHT: Record<string, Mapping> = {
  // oversight
  'oversight.read': { level: 'commune', page: () => get('/oversight/boards/1'), api: () => get('/api/v1/boards') },
  'oversight.manageBoards': { level: 'commune', page: (f) => ({ method: 'POST', path: `/units/${C(f)}/oversight/board`, form: {} }) },
  'oversight.inspect': { level: 'commune', page: () => get('/oversight/boards/1/activities/new') },
  'oversight.supervise': { level: 'commune', page: () => get('/oversight/boards/2/activities/new') },
  // The answer form checks the role, then the state (answered: a flash back to the activity).
  'oversight.answer': { level: 'commune', page: () => get('/oversight/recommendations/1/answer') },
  // A recommendation of the school's board: its head answers it (Art 63(1)(c)).
  'oversight.answerAgency': { level: 'commune', agency: true, setup: schoolRecommendation, page: (_f, id) => get(`/oversight/recommendations/${id}/answer`) },
  'oversight.manageAgencyBoard': { level: 'commune', agency: true, page: (f) => ({ method: 'POST', path: `/agencies/${f.agencyId}/oversight`, form: {} }) },
  // The school's board, the fixture's agency staff and union heads seated on it (setups-oversight.ts).
  'oversight.inspectAgency': { level: 'commune', agency: true, setup: schoolBoard, page: (_f, id) => get(`/oversight/boards/${id}/activities/new`) },
  'oversight.manageProjects': { level: 'commune', page: (f) => get(`/units/${C(f)}/projects/new`) },
  'oversight.readWork': { level: 'commune', anyOf: ['manageBoards', 'manageProjects'], page: (f) => get(`/units/${C(f)}/oversight/recommendations`) },

  // covenants (Decree 61/2023): the demo covenant 1 of village 1 of Xuân Dương is in force. The forms
  // authorise before they look at the state or the fields (commands/common.ts loadFor), so an empty
  // form answers 403 to a role the rules refuse and a field error or a wrong-state flash to one they allow.
  'covenants.readPublic': { level: 'village', page: () => get('/covenants/1'), api: () => get('/api/v1/covenants/1') },
  'covenants.readManaged': { level: 'village', hiddenAs404: true, setup: draftCovenant, page: (_f, id) => get(`/covenants/${id}`) },
  'covenants.draft': { level: 'village', page: () => ({ method: 'POST', path: '/covenants/1/versions', form: {} }) },
  'covenants.post': { level: 'village', page: () => ({ method: 'POST', path: '/covenants/1/post', form: {} }) },
  'covenants.review': { level: 'village', page: () => ({ method: 'POST', path: '/covenants/1/review', form: {} }) },
  // An invalid review day: the allowed answer is the form with its error, so nothing changes.
  'covenants.settings': { level: 'village', page: (f) => ({ method: 'POST', path: `/units/${V(f)}/covenants/settings`, form: { reviewDay: 'x' } }) },
  'covenants.commune': { level: 'village', page: () => ({ method: 'POST', path: '/covenants/1/report', form: {} }) },
  'covenants.annul': { level: 'village', page: () => ({ method: 'POST', path: '/covenants/1/annul', form: {} }) },

  // workplace (Law Arts 35, 51, 59): Na Rì and its school.
  'workplace.readRegister': { level: 'commune', page: (f) => get(`/units/${C(f)}/regulations`), api: (f) => get(`/api/v1/regulations?unit=${C(f)}`) },
  'workplace.issueCommune': { level: 'commune', page: (f) => get(`/units/${C(f)}/regulations/new`) },
  'workplace.issueAgency': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/regulations/new`) },
  'workplace.readAgency': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/workplace`) },
  'workplace.recordConference': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/staff-conferences/new`) },
};
