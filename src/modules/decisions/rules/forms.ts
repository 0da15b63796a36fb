// Which form of deciding a matter may use (Law 10/2022 Arts 17, 19; Decree 59/2023 Arts 4–5;
// R-A6, R-A7). Each refusal names its reason and article so the page can say why.
import type { RuleSet } from '../../../law/rule-sets.js';
import type { MatterItem, Scope } from './matters.js';

export type Form = 'meeting' | 'household_ballot' | 'online';
export type BallotCase = 'commune_choice' | 'failed_meeting' | 'village_decision';
export const FORMS: readonly Form[] = ['meeting', 'household_ballot', 'online'];
export const BALLOT_CASES: readonly BallotCase[] = ['commune_choice', 'failed_meeting', 'village_decision'];

export type FormContext = {
  item: MatterItem;
  scope: Scope;
  /** Art 19(1)(b): an earlier meeting on this matter in this village lacked enough households. */
  failedMeeting: boolean;
  /** Household ballot: which Art 19(1) case the organisers rely on. */
  ballotCase?: BallotCase | null;
  /** Online (Decree 59 Art 5(1)(b)): the village head and the Front work committee recorded that a meeting or paper ballot is not needed. */
  noMeetingAgreed?: boolean;
  /** Decree 59 Art 5(2)(a): the commune People's Committee and Front were notified beforehand. */
  authoritiesNotified?: boolean;
  /** Decree 59 Art 5(2)(b): households agreeing in the poll to vote online, and all households. */
  pollYes?: number | null;
  householdsTotal?: number;
};

export type FormRefusal =
  | 'meeting_only' // items 3–5 at a meeting, a ballot only after a failed meeting (Art 17(2), 19(1)(b))
  | 'ballot_case_missing' // a household ballot must rest on one of the Art 19(1) cases
  | 'ballot_case_commune' // case (a) is for commune-wide matters chosen by the chairman
  | 'ballot_case_village' // case (c) is a village's own choice; commune-wide matters take the chairman's (Art 16(1))
  | 'ballot_case_failed' // case (b) needs a meeting that lacked households
  | 'online_item' // online voting only for item 6 (Art 17(2); Decree 59 Art 5(1)(a))
  | 'online_agreement' // village head + Front work committee record (Art 5(1)(b))
  | 'online_notified' // commune People's Committee and Front notified (Art 5(2)(a))
  | 'online_poll'; // > 50 % of all households agreed in the poll (Art 5(2)(b))

export const REFUSAL_ARTICLE: Record<FormRefusal, string> = {
  meeting_only: 'Điều 17 khoản 2, Điều 19 khoản 1 điểm b Luật 10/2022/QH15',
  ballot_case_missing: 'Điều 19 khoản 1 Luật 10/2022/QH15',
  ballot_case_commune: 'Điều 19 khoản 1 điểm a Luật 10/2022/QH15',
  ballot_case_village: 'Điều 16 khoản 1, Điều 19 khoản 1 điểm c Luật 10/2022/QH15',
  ballot_case_failed: 'Điều 19 khoản 1 điểm b Luật 10/2022/QH15',
  online_item: 'Điều 17 khoản 2 Luật 10/2022/QH15; Điều 5 khoản 1 điểm a Nghị định 59/2023/NĐ-CP',
  online_agreement: 'Điều 5 khoản 1 điểm b Nghị định 59/2023/NĐ-CP',
  online_notified: 'Điều 5 khoản 2 điểm a Nghị định 59/2023/NĐ-CP',
  online_poll: 'Điều 5 khoản 2 điểm b Nghị định 59/2023/NĐ-CP',
};

/** null when the form is allowed; otherwise the first reason it is not. */
export function formRefusal(form: Form, c: FormContext, rs: RuleSet): FormRefusal | null {
  const meetingOnly = rs.decisions.meetingOnlyItems.includes(c.item);
  if (form === 'meeting') return null;
  if (form === 'household_ballot') {
    if (meetingOnly && !c.failedMeeting) return 'meeting_only';
    const ballotCase = meetingOnly ? 'failed_meeting' : c.ballotCase;
    if (!ballotCase) return 'ballot_case_missing';
    if (ballotCase === 'commune_choice' && c.scope !== 'commune') return 'ballot_case_commune';
    if (ballotCase === 'village_decision' && c.scope === 'commune') return 'ballot_case_village';
    if (ballotCase === 'failed_meeting' && !c.failedMeeting) return 'ballot_case_failed';
    return null;
  }
  if (!rs.decisions.onlineItems.includes(c.item)) return 'online_item';
  if (!c.noMeetingAgreed) return 'online_agreement';
  if (!c.authoritiesNotified) return 'online_notified';
  const total = c.householdsTotal ?? 0;
  if (c.pollYes == null || total <= 0 || 2 * c.pollYes <= total) return 'online_poll';
  return null;
}
