// Who may do what with the boards (Law 10/2022 Arts 36–45, 60–63; Decree 59/2023 Arts 12–23). Anyone
// reads the boards, the project register and published results; undecided actions are denied.
import { definePolicy } from '../../platform/auth/policy.js';

export const oversightPolicy = definePolicy({
  read: 'anyone',
  /** The commune Front fixes the board's size, records the villages' results and recognises them
   * (Law Art 40(2); Decree 59 Art 13(2)); it sets up each supervision board (Art 41(1)). */
  manageBoards: ['front_chairman', 'admin'],
  /** Members of the commune board plan, inspect and recommend (Arts 38–39). */
  inspect: ['inspection_board_member'],
  /** Members of a supervision board supervise their project (Art 43). */
  supervise: ['supervision_board_member'],
  /** The commune People's Committee answers within 15 days (Art 40(1)(c), 45(2)(c)). */
  answer: ['commune_chairman', 'commune_official'],
  /** The agency's head answers its board (Art 63(1)(c)). */
  answerAgency: ['agency_head'],
  /** The union proposes the agency board, records the conference's result and recognises it (Decree 59 Art 21). */
  manageAgencyBoard: ['union_head'],
  /** Agency board members (staff) plan and inspect; the union where there is no board (Art 63(2)(e)). */
  inspectAgency: ['agency_staff', 'union_head'],
  /** The project register is kept by the commune (Art 41(1); disclosure of investment, Art 11). */
  manageProjects: ['commune_official', 'commune_chairman', 'admin'],
  /** Overdue recommendations and by-election tasks: who must act or watch. */
  readWork: ['commune_official', 'commune_chairman', 'front_chairman', 'inspection_board_member', 'supervision_board_member', 'council_observer', 'admin'],
});
export type OversightAction = Parameters<typeof oversightPolicy>[1];
