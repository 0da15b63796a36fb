// Who may do what with disclosures (issue 3, "Permissions"): commune officials and the chairman of
// the unit prepare and publish; village heads record that they relayed a disclosure (Art 13(4));
// council observers and the commune Front read everything, drafts included; anyone reads published
// commune disclosures; agency disclosures only that agency's staff (Art 46).
import { type Actor, definePolicy, type Resource } from '../../platform/auth/policy.js';

export const disclosurePolicy = definePolicy({
  readPublished: 'anyone',
  follow: 'signed_in',
  readDrafts: ['commune_official', 'commune_chairman', 'council_observer', 'front_chairman', 'admin'],
  prepare: ['commune_official', 'commune_chairman'],
  publish: ['commune_official', 'commune_chairman'],
  recordRelay: ['village_head'],
  readCompliance: ['commune_official', 'commune_chairman', 'council_observer', 'front_chairman', 'inspection_board_member', 'admin'],
  managePlan: ['commune_official', 'commune_chairman'],
  manageRequests: ['commune_official', 'commune_chairman'],
  readRequests: ['commune_official', 'commune_chairman', 'council_observer', 'front_chairman', 'admin'],
  readAgency: ['agency_head', 'agency_staff', 'union_head'],
  prepareAgency: ['agency_head'],
});
export type DisclosureAction = Parameters<typeof disclosurePolicy>[1];

/** Who opens the commune's information requests (R-C4; Art 12): those who answer them and those who read them. */
export const mayReadRequests = (actor: Actor | null, res: Resource) =>
  disclosurePolicy(actor, 'manageRequests', res) || disclosurePolicy(actor, 'readRequests', res);
