// Who may do what with dialogues and village conferences (issue 6 items 6–7). Undecided actions are denied.
// - Art 32 (R-G2): the commune People's Committee (its chairman and officials) schedules and runs the
//   dialogue with the commune Front; anyone may read it and ask a question beforehand.
// - Art 59(1)(b): an agency's head holds dialogues with the staff; only that agency's staff, head and
//   union see them (agency roles reach only their own agency: covers() in platform/auth/policy.ts).
// - Art 33; Decree 59 Arts 10–11 (R-G1): the village head (with the Front work committee) plans and
//   holds the conference; the commune People's Committee, Front and People's Inspection Board each
//   record their own agreement to the plan.
import { definePolicy } from '../../platform/auth/policy.js';

export const dialoguePolicy = definePolicy({
  readPublic: 'anyone',
  /** Residents ask before the conference, signed in or not (rate-limited like feedback's intake). */
  ask: 'anyone',
  /** Schedule, enter questions received another way, answer, record the conference, publish minutes. */
  manage: ['commune_chairman', 'commune_official'],
  /** Read-only oversight: the yearly flags and hidden questions with their reasons. */
  oversee: ['commune_chairman', 'commune_official', 'front_chairman', 'council_observer', 'inspection_board_member', 'admin'],
  /** Art 59(1)(b): the agency's own dialogues. */
  readAgency: ['agency_head', 'agency_staff', 'union_head'],
  askAgency: ['agency_head', 'agency_staff', 'union_head'],
  manageAgency: ['agency_head'],
  /** Decree 59 Art 10: the village head makes the plan with the Front work committee. */
  planConference: ['village_head'],
  /** Decree 59 Art 11: the village head chairs; the Front work committee head may record the conference too. */
  runConference: ['village_head', 'front_committee_head'],
  /** Decree 59 Art 10: each body records its own agreement to the plan. */
  agreeAsCommittee: ['commune_chairman', 'commune_official'],
  agreeAsFront: ['front_chairman'],
  agreeAsBoard: ['inspection_board_member'],
});
export type DialogueAction = Parameters<typeof dialoguePolicy>[1];
