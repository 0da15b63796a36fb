// Who may do what with village covenants (Decree 61/2023 Arts 7–16): the village head with the Front
// work committee head drafts, posts and runs the vote (through decisions); the commune People's
// Committee (chairman, officials) recognises, suspends, enters pre-2023 covenants and reports; only
// the chairman annuls (as decisions' annul). Residents read covenants once posted. Denied by default.
import { definePolicy } from '../../platform/auth/policy.js';

export const covenantsPolicy = definePolicy({
  readPublic: 'anyone',
  /** Drafts not yet posted, the drafting team, the clocks. */
  readManaged: ['village_head', 'front_committee_head', 'commune_official', 'commune_chairman', 'front_chairman', 'council_observer', 'admin'],
  /** Art 8: the drafting team and the text (versions, translations). */
  draft: ['village_head', 'front_committee_head'],
  /** Art 9: posting the draft for comments. */
  post: ['village_head'],
  /** Art 15(4): the yearly review by the village. */
  review: ['village_head', 'commune_official'],
  /** Village settings (ethnic-minority community, review day). */
  settings: ['commune_official', 'commune_chairman'],
  /** Arts 11, 12, 15, 16, 24: sending, suspension, transitional entries, the yearly report. */
  commune: ['commune_official', 'commune_chairman'],
  /** Art 14: annulment, as decisions' annul (Law Art 22). */
  annul: ['commune_chairman'],
});
export type CovenantsAction = Parameters<typeof covenantsPolicy>[1];
