// Who may do what with democracy regulations and staff conferences. Undecided actions are denied.
// - Art 35(2)(c): the commune People's Committee (its chairman) issues the commune regulation with the Front.
// - Art 59(1)(a): the agency head issues the agency regulation with the union; Art 51(1): the head chairs
//   the staff conference with the union, so both record it; only the agency's own roles reach it
//   (covers() in platform/auth/policy.ts), plus read-only oversight by the commune and the council.
// - T-2.4: the register of who has a regulation in force is public.
import { definePolicy } from '../../platform/auth/policy.js';

export const workplacePolicy = definePolicy({
  readRegister: 'anyone',
  issueCommune: ['commune_chairman'],
  issueAgency: ['agency_head'],
  readAgency: ['agency_head', 'agency_staff', 'union_head', 'commune_chairman', 'commune_official', 'council_observer', 'admin'],
  /** Art 51(1): chaired by the head with the union. */
  recordConference: ['agency_head', 'union_head'],
});
export type WorkplaceAction = Parameters<typeof workplacePolicy>[1];
