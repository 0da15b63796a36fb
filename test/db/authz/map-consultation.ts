// Authorisation matrix probes (issue 10 item 2): Consultation and dialogue (Law 10/2022 Arts 25–26, 32; Decree 59/2023 Art 10).
// See probe.ts for what a probe is; the expected outcome comes from the rules table, not from here.
import type { Fixture } from './fixture.js';
import { C, get, type Mapping, type Probe, type Req, V } from './probe.js';
import { consultationDraft, naRiConference } from './setups.js';

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
};
