// Who may do what with feedback (issue 5; Law 10/2022 Arts 34–35; Denunciation Law Arts 8(3), 9(1)(b), 56).
// Resources are the handling unit (its path) and, for an agency's items, the agency. Anyone may
// submit, follow by tracking code and read published answers. Undecided actions are denied.
// Personal data of the author is read only through `viewIdentity` / `viewDenouncerIdentity`, and
// never by anyone in the unit denounced or the person denounced (see identityAllowed in common.ts).
import { definePolicy } from '../../platform/auth/policy.js';

export const feedbackPolicy = definePolicy({
  submit: 'anyone',
  readPublic: 'anyone',
  /** Officials enter items received in person, by phone, letter, suggestion box, at reception or on social networks. */
  record: ['commune_official', 'commune_chairman', 'village_head', 'agency_head', 'agency_staff'],
  /** Lists, details and the handling steps of items routed to the unit. */
  handle: ['commune_official', 'commune_chairman', 'village_head', 'agency_head', 'agency_staff'],
  /** The People's Inspection Board supervises (Law 10/2022 Arts 36–39): it handles only the items
   * routed to the board itself (handler_board = 1; `may` in commands/handle.ts), never the commune's. */
  handleBoard: ['inspection_board_member'],
  /** A Community Investment Supervision Board receives residents' reports about its project (Law
   * 10/2022 Art 45(3)): its members handle the items routed to a project's board (handler_project_id). */
  handleSupervision: ['supervision_board_member'],
  /** Read-only oversight of a commune's intake (no personal data). */
  oversee: ['commune_official', 'commune_chairman', 'front_chairman', 'council_observer', 'inspection_board_member', 'admin'],
  /** The author's contact of a petition, report, complaint or question: those who must answer them. */
  viewIdentity: ['commune_official', 'commune_chairman', 'village_head', 'agency_head'],
  /** The board sees the author's contact only of the items it handles itself (identityOk in commands/handle.ts). */
  viewIdentityBoard: ['inspection_board_member'],
  /** Denunciation Law Arts 12–15: the head who settles a denunciation; verifiers see it only without the identity (Art 56). */
  viewDenouncerIdentity: ['commune_chairman', 'agency_head'],
  /** Accepting, extending and concluding a complaint or denunciation is the head's decision (Complaints Law Art 18; Denunciation Law Art 13). */
  decide: ['commune_chairman', 'agency_head'],
  /** Routing rules, remote-area setting, reopen period. */
  configure: ['commune_chairman', 'commune_official', 'admin'],
  /** R-H6: reception calendars. */
  manageReception: ['commune_chairman', 'commune_official', 'agency_head'],
  /** M-3.5(b): QR points (desks, officers, places) and their posters. */
  manageQr: ['commune_chairman', 'commune_official', 'admin'],
  /** Satisfaction index per desk, officer and commune. */
  readRatings: ['commune_chairman', 'commune_official', 'front_chairman', 'council_observer', 'inspection_board_member', 'admin'],
});
export type FeedbackAction = Parameters<typeof feedbackPolicy>[1];
