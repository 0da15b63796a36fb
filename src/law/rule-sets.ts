// Legal parameters as dated rule sets (DESIGN.md "Legal parameters"): a record is judged by the rule
// set in force on its date. Each value cites its article. Values the brief marks [U] are settings a
// province profile may override, with the best-known default.

export type RuleSet = {
  id: string;
  /** First day in force (inclusive). */
  validFrom: string;
  disclosure: {
    /** Law 10/2022 Art 12(3): no later than 05 working days after the decision, unless a sector law says otherwise. */
    deadlineWorkingDays: number;
    /** Art 13(2): categories posted at least 30 consecutive days. */
    minPostingDays: number;
    postedCategories: readonly number[];
    /** Art 13(2): categories posted permanently and updated on change. */
    permanentCategories: readonly number[];
    /** Art 13(3): categories also broadcast on the loudspeaker system for at least 3 consecutive days. */
    loudspeakerCategories: readonly number[];
    minLoudspeakerDays: number;
    /** Art 47(2), 48: agencies disclose within 05 working days, for at least 20 consecutive days. */
    agencyDeadlineWorkingDays: number;
    agencyMinPostingDays: number;
  };
  infoRequest: {
    /** Law 104/2016 Art 30(3): electronic requests for simple available information, 03 working days. */
    electronicWorkingDays: number;
    /** Art 31(1): by post or fax, 05 working days. */
    postWorkingDays: number;
    /** Art 29(2): on-site requests for complex information, notify within 10 working days. */
    onsiteWorkingDays: number;
    /** Arts 30(3), 31(1): an extension of at most 15 days, notified to the requester. */
    maxExtensionDays: number;
  };
};

export const LAW_10_2022: RuleSet = {
  id: 'law-10-2022',
  validFrom: '2023-07-01',
  disclosure: {
    deadlineWorkingDays: 5,
    minPostingDays: 30,
    postedCategories: [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12],
    permanentCategories: [4, 13],
    loudspeakerCategories: [7, 8, 9, 10, 11, 12],
    minLoudspeakerDays: 3,
    agencyDeadlineWorkingDays: 5,
    agencyMinPostingDays: 20,
  },
  infoRequest: { electronicWorkingDays: 3, postWorkingDays: 5, onsiteWorkingDays: 10, maxExtensionDays: 15 },
};

/** Newest first. Law 97/2025/QH15 amended the law from 01/07/2025, but none of the parameters above
 * is known to have changed (UPDATES.md §1.2: the full text of its Art 4 was not obtained). */
export const RULE_SETS: readonly RuleSet[] = [LAW_10_2022];

export function ruleSetOn(date: string): RuleSet {
  const set = RULE_SETS.find((r) => r.validFrom <= date);
  if (!set) throw new RangeError(`no rule set in force on ${date} (Law 10/2022/QH15 is in force from 01/07/2023)`);
  return set;
}

/** The rule set for a record, or null for records dated before Law 10/2022/QH15 took effect
 * (01/07/2023): those were made under Ordinance 34/2007/PL-UBTVQH11, whose parameters are not
 * modelled, so the platform shows them but does not judge them. */
export function ruleSetOrNull(date: string): RuleSet | null {
  return RULE_SETS.find((r) => r.validFrom <= date) ?? null;
}
