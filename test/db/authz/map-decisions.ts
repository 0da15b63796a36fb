// Authorisation matrix probes (issue 10 item 2): Community decisions (Law 10/2022 Arts 15–23, Decree 59/2023).
// See probe.ts for what a probe is; the expected outcome comes from the rules table, not from here.
import { C, get, type Mapping, post, V } from './probe.js';
import { communeMatter } from './setups.js';
import { representedHousehold } from './setups-content.js';
import { boardElectionVote, headVote } from './setups-decisions.js';

export const DECISIONS: Record<string, Mapping> = {
  // decisions
  'decisions.readPublished': { level: 'village', page: () => get('/matters/1'), api: () => get('/api/v1/decisions/1') },
  // Vote 6 of village 1 (demo) is recognised but not published: its decision is for those who run or
  // oversee the village's decisions until the village head publishes it (R-A17), and the matter's page
  // lists the vote only to them.
  'decisions.readManaged': [
    { level: 'village', page: () => get('/votes/6/decision.docx') },
    { level: 'village', page: () => get('/matters/6'), shows: (a) => a.body.includes('href="/votes/6"') },
  ],
  // The form is shown to whoever may propose in some way (propose.ts mayPropose): on a village, the
  // head, or an initiative's organisers and households (Art 16(2)–(3)).
  'decisions.proposeVillage': [
    { level: 'village', page: (f) => post(`/units/${V(f)}/decisions`) },
    { level: 'village', anyOf: ['recordConsents', 'giveConsent'], page: (f) => get(`/units/${V(f)}/decisions/new`) },
  ],
  'decisions.proposeCommune': [
    { level: 'commune', page: (f) => post(`/units/${C(f)}/decisions`) },
    { level: 'commune', page: (f) => get(`/units/${C(f)}/decisions/new`) },
  ],
  'decisions.recordConsents': {
    level: 'village',
    anyOf: ['giveConsent'],
    page: (f) => ({ method: 'POST', path: `/units/${V(f)}/decisions`, form: { proposer: 'initiative' } }),
  },
  // The commands below authorise before they look at the state (initiative.ts matterFor, common.ts
  // voteFor, annul.ts): a role the rules allow gets a wrong-state flash or a field error on the demo
  // record, a role they refuse gets 403, whatever state the record is in.
  'decisions.approveInitiative': { level: 'village', page: () => ({ method: 'POST', path: '/matters/1/approve', form: {} }) },
  'decisions.giveConsent': { level: 'village', page: () => ({ method: 'POST', path: '/matters/1/consent', form: {} }) },
  'decisions.runVote': { level: 'village', page: () => get('/votes/5/minutes') },
  // Decree 59/2023 Art 3(1): a village-head election or dismissal meeting (organiser.ts). The minutes
  // page answers 403 to a role that may not run it; a confirmation on the scheduled vote answers the
  // wrong-state flash to a role that may give it, 403 (or, for the village head on a dismissal, the
  // page with the refusal) otherwise.
  'decisions.runHeadVote': { level: 'village', setup: (f) => headVote(f, 'election'), page: (_f, id) => get(`/votes/${id}/minutes`) },
  'decisions.confirmHeadVoteAsVillageHead': {
    level: 'village',
    setup: (f) => headVote(f, 'election'),
    page: (_f, id) => ({ method: 'POST', path: `/votes/${id}/confirm`, form: { as: 'village_head' } }),
  },
  'decisions.confirmDismissalForCommune': {
    level: 'village',
    setup: (f) => headVote(f, 'dismissal'),
    page: (_f, id) => ({ method: 'POST', path: `/votes/${id}/confirm`, form: { as: 'village_head' } }),
    shows: (a) => a.status === 303,
  },
  'decisions.publishResult': { level: 'village', page: () => ({ method: 'POST', path: '/votes/1/publish', form: {} }) },
  'decisions.confirmAsVillageHead': { level: 'village', page: () => ({ method: 'POST', path: '/votes/1/confirm', form: { as: 'village_head' } }) },
  'decisions.confirmAsFrontHead': { level: 'village', page: () => ({ method: 'POST', path: '/votes/1/confirm', form: { as: 'front_head' } }) },
  // The open online vote 5 of village 1. The ballot page refuses with a page saying why, the POST with
  // 403; every fixture representative represents a household that has not voted, so the role decides.
  'decisions.castOnline': [
    { level: 'village', setup: representedHousehold, page: () => get('/votes/5/ballot'), shows: (a) => a.body.includes('name="choice"') },
    // No choice: allowed is the ballot back with its error (422) and nothing stored.
    { level: 'village', setup: representedHousehold, page: () => post('/votes/5/ballot') },
  ],
  // concludeCommune authorises, then finds no village result yet: the allowed answer is the form's error.
  'decisions.recogniseCommittee': {
    level: 'commune',
    setup: communeMatter,
    page: (_f, id) => ({ method: 'POST', path: `/matters/${id}/conclude`, form: {} }),
  },
  // A board election in a village of Na Rì (item 5): recogniseVote authorises before the vote's state,
  // so an allowed role gets the wrong-state flash and a refused one 403.
  'decisions.recogniseFront': { level: 'commune', setup: boardElectionVote, page: (_f, id) => post(`/votes/${id}/recognise`) },
  'decisions.annul': { level: 'village', page: () => ({ method: 'POST', path: '/matters/1/annul', form: {} }) },
  'decisions.manageElection': { level: 'commune', page: (f) => get(`/units/${C(f)}/elections/new`) },
  'decisions.manageRegister': { level: 'village', page: (f) => get(`/units/${V(f)}/households/new`) },
};
