// Who may do what in monitoring (issue 9 "Permissions"; resolution Article 3: the council, its
// delegates and the Fatherland Front supervise). Undecided actions are denied.
import { definePolicy } from '../../platform/auth/policy.js';

export const monitoringPolicy = definePolicy({
  /** Residents and anyone see the public indicators (open data, issue 9 item 6). */
  readPublic: 'anyone',
  /** Council observers, the Front, commune and province leaders read everything, reports included, and
   * the evidence files of officials' records: a record has no public flag (tables.ts) and its evidence
   * (attendance lists, decisions naming people) holds personal data, so residents never open one. */
  readAll: ['council_observer', 'front_chairman', 'commune_chairman', 'commune_official', 'inspection_board_member', 'admin'],
  /** An agency's page beyond its public indicators (issue 9 item 4): the readers of the unit it belongs
   * to, and the agency's own head (Law 10/2022 Art 59: the head answers for democracy in the agency). */
  readAgency: ['council_observer', 'front_chairman', 'commune_chairman', 'commune_official', 'inspection_board_member', 'admin', 'agency_head'],
  /** Officials enter training, outreach, commendation, discipline and funding records for their own unit. */
  enterRecords: ['commune_official', 'commune_chairman'],
  /** Loading another council's resolution as a target catalogue. */
  loadCatalogue: ['admin'],
});
export type MonitoringAction = Parameters<typeof monitoringPolicy>[1];
