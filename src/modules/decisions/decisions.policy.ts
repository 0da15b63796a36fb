// Who may do what with community decisions (issue 4, "Permissions"; Law 10/2022 Arts 16, 18, 21, 23):
// the village head and the village's Front work committee head run its meetings and ballots; the
// commune chairman proposes commune-wide matters; a household representative votes for that household
// only; commune officials and the chairman recognise covenants and village heads; the commune Front
// recognises board members; residents read published results. Undecided actions are denied.
import { definePolicy } from '../../platform/auth/policy.js';

export const decisionsPolicy = definePolicy({
  readPublished: 'anyone',
  /** Scheduled votes, unpublished results, minutes in progress. */
  readManaged: ['village_head', 'front_committee_head', 'commune_official', 'commune_chairman', 'front_chairman', 'council_observer', 'admin'],
  /** Art 16(2): village matters, after agreeing with the Front work committee head (recorded). */
  proposeVillage: ['village_head'],
  /** Art 16(1): commune-wide matters, after agreeing with the commune Front chairman (recorded). */
  proposeCommune: ['commune_chairman'],
  /** Art 16(3): the village's organisers enter consents collected on paper; the Front work committee approves an initiative below 10 %. */
  recordConsents: ['village_head', 'front_committee_head'],
  approveInitiative: ['front_committee_head'],
  giveConsent: ['household_representative'],
  /** Art 18(1), 19(2), Decree 59 Arts 3–5: schedule, attendance, counts, minutes, publication. */
  runVote: ['village_head', 'front_committee_head'],
  /**
   * Decree 59/2023 Art 3(1), 6(1)(b), 9: a meeting that elects a village head is run by the election
   * team the commune chairman sets up, led by the Front work committee representative; one that
   * dismisses him by the head of the village Front work committee, or by the commune chairman when the
   * village head is that head himself. The village head runs neither (commands/organiser.ts; the
   * subject and the candidates are refused whatever role they hold).
   */
  runHeadVote: ['front_committee_head', 'commune_chairman', 'commune_official'],
  /** Art 20(2)(g) on those meetings: the village-head line, by a village head who is not a candidate, or by the commune that convened. */
  confirmHeadVoteAsVillageHead: ['village_head', 'commune_chairman', 'commune_official'],
  /** On a dismissal the village head of the village is the head being dismissed: only the commune signs that line. */
  confirmDismissalForCommune: ['commune_chairman', 'commune_official'],
  /** Art 23(2); R-A17: the village head publishes the result to residents. */
  publishResult: ['village_head'],
  confirmAsVillageHead: ['village_head'],
  confirmAsFrontHead: ['front_committee_head'],
  castOnline: ['household_representative'],
  /** Art 21(2): the commune People's Committee recognises items 3–4 and sets the date for commune-wide items 1–2. */
  recogniseCommittee: ['commune_chairman', 'commune_official'],
  /** Art 21(2): the commune Front recognises board members (item 5). */
  recogniseFront: ['front_chairman'],
  /** Art 22: the commune People's Committee annuls or asks for amendment. */
  annul: ['commune_chairman'],
  /** Decree 59 Arts 6, 9: election plans and dismissals are the commune chairman's, with the Front. */
  manageElection: ['commune_chairman', 'commune_official'],
  /** Art 18(2): the household register and representatives. */
  manageRegister: ['village_head', 'commune_official'],
});
export type DecisionsAction = Parameters<typeof decisionsPolicy>[1];
