// Authorisation matrix probes (issue 10 item 2): Feedback, complaints, denunciations and reception (Law 10/2022 Art 33; Law on Denunciations).
// See probe.ts for what a probe is; the expected outcome comes from the rules table, not from here.
import { C, get, type Mapping, post } from './probe.js';
import { boardItem } from './setups.js';
import { namedBoardItem } from './setups-content.js';

export const FEEDBACK: Record<string, Mapping> = {
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
  // The author's identity opens only by a deliberate POST (R-H4; handling-routes.tsx): a role the rules
  // allow gets the item's page with it (and an audit entry), any other 403.
  // The demo complaint 2 of Na Rì: those who must answer it.
  'feedback.viewIdentity': { level: 'commune', page: () => post('/feedback/manage/2/identity') },
  // Question 6 (named) handed to the People's Inspection Board: its members read the author of the
  // board's own items (handle.ts identityOk), as do the commune's handlers.
  'feedback.viewIdentityBoard': { level: 'commune', anyOf: ['viewIdentity'], setup: namedBoardItem, page: (_f, id) => post(`/feedback/manage/${id}/identity`) },
  // The demo denunciation 3 of Na Rì: only the head who settles it (Denunciation Law Arts 8(3), 13).
  'feedback.viewDenouncerIdentity': { level: 'commune', page: () => post('/feedback/manage/3/identity') },
  // Answering the demo complaint (accepted) with a stale version: runChange authorises before it
  // compares versions, so an allowed role gets 409 "changed meanwhile" and nothing is written.
  'feedback.decide': { level: 'commune', page: () => ({ method: 'POST', path: '/feedback/manage/2/answer', form: { version: '0' } }) },
  'feedback.configure': { level: 'commune', page: (f) => get(`/units/${C(f)}/feedback/settings`) },
  'feedback.manageReception': { level: 'commune', page: () => get('/reception/manage/days/1') },
  'feedback.manageQr': { level: 'commune', page: (f) => get(`/units/${C(f)}/qr`) },
  'feedback.readRatings': { level: 'commune', page: (f) => get(`/units/${C(f)}/ratings`) },
};
