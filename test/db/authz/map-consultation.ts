// Authorisation matrix probes (issue 10 item 2): Consultation and dialogue (Law 10/2022 Arts 25–26, 32; Decree 59/2023 Art 10).
// See probe.ts for what a probe is; the expected outcome comes from the rules table, not from here.
import type { Fixture } from './fixture.js';
import { C, get, type Mapping, OWN_UNIT, type Probe, post, type Req, V } from './probe.js';
import { consultationDraft, naRiConference } from './setups.js';
import { COMMENTER, HIDDEN_QUESTION, hiddenQuestion, namedComment } from './setups-content.js';

export const CONSULTATION: Record<string, Mapping> = {
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
  // An empty comment on Na Rì's open consultation 1: allowed is the form back with its error (422),
  // refused is 403 (comment.ts authorises before it reads the fields). Only the audience's own people.
  'consultation.commentOnline': { level: 'commune', grantIn: OWN_UNIT, page: () => post('/consultations/1/comments') },
  'consultation.readAgency': { level: 'commune', agency: true, anyOf: ['prepareAgency'], page: (f) => get(`/agencies/${f.agencyId}/consultations`) },
  'consultation.prepareAgency': { level: 'commune', agency: true, page: (f) => get(`/agencies/${f.agencyId}/consultations/new`) },
  // The same on the school's open consultation 3: its staff, head and union comment (Arts 53–55).
  'consultation.commentAgency': { level: 'commune', agency: true, page: () => post('/consultations/3/comments') },
  // adverse.ts authorises before the state; the empty union form is refused field by field.
  'consultation.recordUnion': { level: 'commune', agency: true, page: () => ({ method: 'POST', path: '/consultations/3/union', form: {} }) },
  // Everyone reads consultation 1; the name of the person who commented is for readNames only (Art 9(2)).
  'consultation.readNames': {
    level: 'commune',
    setup: namedComment,
    page: () => get('/consultations/1'),
    shows: (a) => a.body.includes(COMMENTER),
  },

  // dialogue
  'dialogue.readPublic': { level: 'commune', page: () => get('/dialogues/1'), api: () => get('/api/v1/dialogues/1') },
  'dialogue.ask': { level: 'commune', page: () => ({ method: 'POST', path: '/dialogues/2/questions', form: {} }) },
  'dialogue.manage': { level: 'commune', page: (f) => get(`/units/${C(f)}/dialogues/new`) },
  // Everyone reads dialogue 2; a hidden question's text is for those who oversee or manage it.
  'dialogue.oversee': {
    level: 'commune',
    anyOf: ['manage'],
    setup: hiddenQuestion,
    page: () => get('/dialogues/2'),
    shows: (a) => a.body.includes(HIDDEN_QUESTION),
  },
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
};
