// The authorisation matrix route map (issue 10 item 2): for every policy action, one request that
// exercises it with the resource in the chosen unit. The expected outcome is NOT written here: the
// test derives it from the policy's rules table and the relation of the actor's grant to the unit.
// A new module's actions fail the test until they are listed here (mapped, or unmapped with why).
import type { Fixture, Level } from './fixture.js';
import { boardItem, communeMatter, consultationDraft, disclosureDraft, draftCovenant, naRiConference } from './setups.js';

export type Req = { method: 'GET' | 'POST'; path: string; form?: Record<string, string>; json?: unknown };
export type Probe = {
  /** The unit the resource lives in: the demo commune Na Rì, or village 1 of Xuân Dương. */
  level: Level;
  /** The resource belongs to Na Rì's school (agency roles reach only their own agency). */
  agency?: boolean;
  /** Other actions of the same module that this route accepts as well (the route checks `a || b`). */
  anyOf?: string[];
  /** A resource the route hides from those who may not read it answers 404 instead of 403. */
  hiddenAs404?: boolean;
  /**
   * Runs before EVERY request of the probe (each role × relation), making a fresh record in the state
   * the route needs, through the module's own commands, so the role check is what decides; its id is
   * handed to page/api. A probe whose requests do not change the record may make it once and reuse it.
   */
  setup?: (f: Fixture) => Promise<number>;
  page?: (f: Fixture, id: number) => Req;
  api?: (f: Fixture, id: number) => Req;
};
export type Mapping = Probe | { unmapped: string };

const get = (path: string): Req => ({ method: 'GET', path });
const C = (f: Fixture) => f.unit.commune;
const V = (f: Fixture) => f.unit.village;

export const ROUTE_MAP: Record<string, Mapping> = {
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

  // decisions
  'decisions.readPublished': { level: 'village', page: () => get('/matters/1'), api: () => get('/api/v1/decisions/1') },
  'decisions.readManaged': {
    unmapped: 'every demo result is already published (then public, R-A17); before publication the documents answer 403 (test/db/decisions-docs.test.ts)',
  },
  'decisions.proposeVillage': { level: 'village', page: (f) => ({ method: 'POST', path: `/units/${V(f)}/decisions`, form: {} }) },
  'decisions.proposeCommune': { level: 'commune', page: (f) => ({ method: 'POST', path: `/units/${C(f)}/decisions`, form: {} }) },
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
  'decisions.publishResult': { level: 'village', page: () => ({ method: 'POST', path: '/votes/1/publish', form: {} }) },
  'decisions.confirmAsVillageHead': { level: 'village', page: () => ({ method: 'POST', path: '/votes/1/confirm', form: { as: 'village_head' } }) },
  'decisions.confirmAsFrontHead': { level: 'village', page: () => ({ method: 'POST', path: '/votes/1/confirm', form: { as: 'front_head' } }) },
  'decisions.castOnline': {
    unmapped: 'a refused ballot is answered as a page saying why (not_representative), not a status (test/db/decisions-ballots.test.ts)',
  },
  // concludeCommune authorises, then finds no village result yet: the allowed answer is the form's error.
  'decisions.recogniseCommittee': {
    level: 'commune',
    setup: communeMatter,
    page: (_f, id) => ({ method: 'POST', path: `/matters/${id}/conclude`, form: {} }),
  },
  'decisions.recogniseFront': {
    unmapped:
      "only a vote on item 5 (an election the Front recognises) reaches the Front's check; the demo has none in Na Rì and a setup would run a whole election",
  },
  'decisions.annul': { level: 'village', page: () => ({ method: 'POST', path: '/matters/1/annul', form: {} }) },
  'decisions.manageElection': { level: 'commune', page: (f) => get(`/units/${C(f)}/elections/new`) },
  'decisions.manageRegister': { level: 'village', page: (f) => get(`/units/${V(f)}/households/new`) },

  // feedback
  'feedback.submit': { level: 'commune', page: (f) => get(`/units/${C(f)}/feedback/new`) },
  'feedback.readPublic': { level: 'commune', page: () => get('/feedback') },
  'feedback.record': { level: 'commune', agency: true, page: (f) => get(`/units/${C(f)}/feedback/record`) },
  // The queue opens for every role with a list of its own (queue.ts scopeFor).
  'feedback.handle': { level: 'commune', agency: true, anyOf: ['oversee', 'handleSupervision'], page: (f) => get(`/units/${C(f)}/feedback/manage`) },
  'feedback.handleSupervision': {
    level: 'commune',
    agency: true,
    anyOf: ['handle', 'oversee'],
    page: (f) => get(`/units/${C(f)}/feedback/manage`),
  },
  // An item routed to the board (handle.ts mayHandle): its members, and the commune's handlers, may
  // record a step; a stale version makes the allowed answer a 409 that writes nothing.
  'feedback.handleBoard': {
    level: 'commune',
    anyOf: ['handle'],
    setup: boardItem,
    page: (_f, id) => ({ method: 'POST', path: `/feedback/manage/${id}/step`, form: { version: '0' } }),
  },
  'feedback.oversee': { level: 'commune', anyOf: ['handle'], page: (f) => get(`/units/${C(f)}/feedback/register.csv`) },
  'feedback.viewIdentity': {
    unmapped: 'the identity POST also depends on the kind and on the person denounced (identityAllowed); covered by test/db/feedback-confidentiality.test.ts',
  },
  'feedback.viewIdentityBoard': { unmapped: 'as viewIdentity, for items routed to the board' },
  'feedback.viewDenouncerIdentity': { unmapped: 'as viewIdentity, for denunciations only' },
  // Answering the demo complaint (accepted) with a stale version: runChange authorises before it
  // compares versions, so an allowed role gets 409 "changed meanwhile" and nothing is written.
  'feedback.decide': { level: 'commune', page: () => ({ method: 'POST', path: '/feedback/manage/2/answer', form: { version: '0' } }) },
  'feedback.configure': { level: 'commune', page: (f) => get(`/units/${C(f)}/feedback/settings`) },
  'feedback.manageReception': { level: 'commune', page: () => get('/reception/manage/days/1') },
  'feedback.manageQr': { level: 'commune', page: (f) => get(`/units/${C(f)}/qr`) },
  'feedback.readRatings': { level: 'commune', page: (f) => get(`/units/${C(f)}/ratings`) },

  // consultation
  'consultation.readPublic': { level: 'commune', page: () => get('/consultations/1'), api: () => get('/api/v1/consultations/1') },
  // A draft of a commune consultation answers 404 to those who may not read drafts (pages.tsx readable).
  'consultation.readDrafts': {
    level: 'commune',
    anyOf: ['prepare'],
    hiddenAs404: true,
    setup: consultationDraft,
    page: (_f, id) => get(`/consultations/${id}`),
  },
  'consultation.prepare': { level: 'commune', page: (f) => get(`/units/${C(f)}/consultations/new`) },
  'consultation.commentOnline': { unmapped: "the comment form takes the place from the resident's household; a refusal re-renders the page with a message" },
  'consultation.readAgency': { level: 'commune', agency: true, anyOf: ['prepareAgency'], page: (f) => get(`/agencies/${f.agencyId}/consultations`) },
  'consultation.prepareAgency': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/consultations/new`) },
  'consultation.commentAgency': { unmapped: 'as commentOnline, for agency consultations' },
  // adverse.ts authorises before the state; the empty union form is refused field by field.
  'consultation.recordUnion': { level: 'commune', agency: true, page: () => ({ method: 'POST', path: '/consultations/3/union', form: {} }) },
  'consultation.readNames': { unmapped: "it only adds commenters' names to a page everyone may read; no status changes" },

  // dialogue
  'dialogue.readPublic': { level: 'commune', page: () => get('/dialogues/1'), api: () => get('/api/v1/dialogues/1') },
  'dialogue.ask': { level: 'commune', page: () => ({ method: 'POST', path: '/dialogues/2/questions', form: {} }) },
  'dialogue.manage': { level: 'commune', page: (f) => get(`/units/${C(f)}/dialogues/new`) },
  'dialogue.oversee': { unmapped: 'it only shows hidden questions on a public dialogue page (content, not status); the compliance page is public' },
  'dialogue.readAgency': { level: 'commune', agency: true, anyOf: ['manageAgency'], page: (f) => get(`/agencies/${f.agencyId}/dialogues`) },
  // askQuestion authorises before it looks whether questions are still open (questions.ts): the demo
  // school dialogue, already held, answers an allowed role with the form's message.
  'dialogue.askAgency': { level: 'commune', agency: true, page: () => ({ method: 'POST', path: '/dialogues/3/questions', form: {} }) },
  'dialogue.manageAgency': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/dialogues/new`) },
  'dialogue.planConference': { level: 'village', page: (f) => get(`/units/${V(f)}/village-conferences/new`) },
  // conference-held.ts authorises before the state; the empty report form is refused field by field.
  'dialogue.runConference': { level: 'village', page: () => ({ method: 'POST', path: '/village-conferences/1/result', form: {} }) },
  // The agreements are the commune's (Decree 59 Art 10): a conference planned in a village of Na Rì;
  // recordAgreement authorises, then refuses the empty date field by field, so nothing is agreed.
  ...Object.fromEntries(
    (['Committee', 'Front', 'Board'] as const).map((b) => [
      `dialogue.agreeAs${b}`,
      {
        level: 'commune',
        setup: naRiConference,
        page: (_f: Fixture, id: number): Req => ({ method: 'POST', path: `/village-conferences/${id}/agreement`, form: { body: b.toLowerCase() } }),
      } satisfies Probe,
    ]),
  ),

  // oversight
  'oversight.read': { level: 'commune', page: () => get('/oversight/boards/1'), api: () => get('/api/v1/boards') },
  'oversight.manageBoards': { level: 'commune', page: (f) => ({ method: 'POST', path: `/units/${C(f)}/oversight/board`, form: {} }) },
  'oversight.inspect': { level: 'commune', page: () => get('/oversight/boards/1/activities/new') },
  'oversight.supervise': { level: 'commune', page: () => get('/oversight/boards/2/activities/new') },
  // The answer form checks the role, then the state (answered: a flash back to the activity).
  'oversight.answer': { level: 'commune', page: () => get('/oversight/recommendations/1/answer') },
  'oversight.answerAgency': { unmapped: 'as answer, for an agency' },
  'oversight.manageAgencyBoard': { level: 'commune', agency: true, page: (f) => ({ method: 'POST', path: `/agencies/${f.agencyId}/oversight`, form: {} }) },
  'oversight.inspectAgency': {
    unmapped: 'an agency board is worked by its members only (oversight_members, commands/common.ts mayWork): the role alone never allows it',
  },
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

  // monitoring (issue 9): the dashboards of Na Rì; the Word report carries the non-public figures.
  'monitoring.readPublic': { level: 'commune', page: (f) => get(`/monitoring/units/${C(f)}`), api: (f) => get(`/api/v1/indicators?unit=${C(f)}`) },
  'monitoring.readAll': { level: 'commune', page: (f) => get(`/monitoring/units/${C(f)}/report.docx`) },
  'monitoring.enterRecords': { level: 'commune', page: (f) => get(`/monitoring/units/${C(f)}/records`) },
  'monitoring.readAgency': {
    unmapped: "an agency's page is public (readPublic); readAgency only adds the internal indicators, no status differs (test/db/monitoring-agencies.test.ts)",
  },
  'monitoring.loadCatalogue': {
    unmapped:
      'a catalogue is national: any admin grant allows loading one (commands.ts loadCatalogue), there is no unit to relate (as platform.manageCalendar)',
  },
};
