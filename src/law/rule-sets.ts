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
  decisions: {
    /** Decree 59/2023 Art 3(3): the meeting notice reaches attendees at least 02 days before (plain days, R-A10). */
    meetingNoticeDays: number;
    /** Art 3(4): for Art 15 items 1–3 the documents reach each household at least 02 days before. */
    documentsDays: number;
    documentItems: readonly number[];
    /** Law Art 19(2); Decree 59 Art 4(4): ballot content, timing, deadline and team published ≥ 02 days before distribution. */
    ballotNoticeDays: number;
    /** Decree 59 Art 4(2): the ballot plan goes to the commune chairman and Front chairman within 02 days of its issue. */
    ballotPlanSendDays: number;
    /** Law Art 19(2); Decree 59 Arts 4(3), 5(2)(b): ballot and online-vote teams of 03–05. */
    teamMin: number;
    teamMax: number;
    /** Decree 59 Art 3(5)(c): a counting committee of 03–05 and 02 household witnesses. */
    committeeMin: number;
    committeeMax: number;
    witnesses: number;
    /** Law Art 18(3): villages of ≥ 200 households may meet in clusters (R-A16). */
    clusterMinHouseholds: number;
    /** Law Art 20(3): the decision is sent to the commune People's Committee and Front within 05 working days (R-A13). */
    submitWorkingDays: number;
    /** Law Art 21(2); Decree 59 Art 8: recognition or a reasoned refusal within 05 working days of receipt (R-A14). */
    recogniseWorkingDays: number;
    /** Law Art 21(1): items decided by ≥ 2/3; the rest by > 1/2 of all households. */
    twoThirdsItems: readonly number[];
    /** Law Art 17(2): items that must be decided at a meeting (a household ballot only after a failed meeting). */
    meetingOnlyItems: readonly number[];
    /** Law Art 17(2); Decree 59 Art 5(1): online voting only for these items. */
    onlineItems: readonly number[];
    /** Law Art 16(3): an initiative goes forward with consents of ≥ 10 % of households; each consent lasts 03 months. */
    initiativePercent: number;
    consentValidMonths: number;
    election: {
      /** Decree 59 Art 6(1)(a): election decision and plan ≥ 20 days before the meeting. */
      planDays: number;
      /** Art 6(1)(b): election team ≥ 10 days before. */
      teamDays: number;
      /** Art 6(1): these decisions announced ≥ 07 days before. */
      noticeDays: number;
      /** Art 6(2): the candidate-list minutes (Mẫu 05) reach the commune People's Committee ≥ 15 days before. */
      candidateListDays: number;
      /** Art 9: a dismissal may be opened by petitions of ≥ 50 % of households. */
      dismissalPetitionPercent: number;
      /** Art 9: a new election is decided within 60 days of the dismissal's recognition. */
      newElectionDays: number;
    };
  };
  /** Feedback, complaints, denunciations and reception (R-H1…R-H8). Laws 02/2011/QH13, 25/2018/QH14,
   * 42/2013/QH13 and Decree 20/2008 are all in force on this rule set's date. */
  feedback: {
    /** Complaints Law Art 9 (R-H1): 90 days from learning of the decision, obstacles excluded. */
    complaintLimitDays: number;
    /** Art 27 (R-H2): accept within 10 days of receipt. The law says "ngày"; Circular 07/2013 counted
     * working days [U], so this is a setting. */
    complaintAcceptDays: number;
    complaintAcceptInWorkingDays: boolean;
    /** Art 28 (R-H2): first instance 30 days (45 complex); remote areas 45 (60 complex). */
    complaintResolveDays: { normal: number; complex: number; remoteNormal: number; remoteComplex: number };
    /** Denunciation Law Art 24(1) (R-H3): initial handling 07 working days, 10 with checks at several places. */
    denunciationInitialWorkingDays: number;
    denunciationInitialMultiSiteWorkingDays: number;
    /** Art 30 (R-H3): 30 days from acceptance; one 30-day extension if complex, two if especially complex. */
    denunciationResolveDays: number;
    denunciationExtensionDays: number;
    denunciationMaxExtensions: { normal: number; complex: number; very_complex: number };
    /** Art 40 (R-H3): the conclusion is published within 07 working days. */
    publishConclusionWorkingDays: number;
    /** Denunciation Law Art 24(2); Decree 20/2008 Art 9 (R-H3, R-H7): forward outside competence within 05 working days. */
    forwardWorkingDays: number;
    /** Citizen Reception Law Art 28(1) (R-H6): answer or notify within 10 working days. Petitions, reports
     * and questions are held to the same clock (Decree 20/2008's amended times were not verified [U]). */
    answerWorkingDays: number;
    /** Reception Law Art 15(2)(d): the commune chairman receives citizens ≥ 1 day a week; Art 18(2): agency heads ≥ 1 a month. */
    chairmanReceptionPerWeek: number;
    agencyHeadReceptionPerMonth: number;
    /** Lists flag an item "due soon" this many working days ahead (a working habit, not law). */
    dueSoonWorkingDays: number;
  };
  dialogue: {
    /** Law 10/2022 Art 32 (R-G2): the commune People's Committee holds at least this many dialogue conferences a calendar year. */
    dialoguesPerYear: number;
    /** Decree 59/2023 Art 11(1)(c) (R-G1): the notice reaches households at least 05 days before (plain days, R-I3). */
    conferenceNoticeDays: number;
    /** Law Art 33(1): "once a year at year-end". The law names no month; conferences before this month are
     * accepted but shown as not at year-end [U: a setting, best-known practice is the last two months]. */
    yearEndFromMonth: number;
  };
  /** People's Inspection Boards and Community Investment Supervision Boards (R-F1…R-F8). */
  oversight: {
    /** Law Art 36(1); Decree 59 Art 13(2) (R-F1): one member per village, at least 05; a commune with
     * fewer than 05 villages elects at most 05. Art 13(3): at most 02 deputies. */
    communeBoardMin: number;
    communeBoardSmallMax: number;
    maxDeputies: number;
    /** Law Art 37(2) (R-F2): part-time workers of these levels are ineligible. Law 97/2025 Art 4(5)
     * deleted "ở cấp xã" from 01/07/2025 (UPDATES.md §1.2): only village-level part-time workers remain. */
    ineligiblePartTime: readonly ('commune' | 'village')[];
    /** Law Art 36(2) (R-F3): a vacancy with at least 06 months of term left is filled by a by-election. */
    byElectionMinMonthsLeft: number;
    /** Decree 59 Arts 14, 22(1)(b) (R-F4): the specific inspection plan is sent ≥ 05 working days before. */
    planNoticeWorkingDays: number;
    /** Law Arts 40(1)(c), 45(2)(c), 63(1)(c) (R-F5): recommendations answered within 15 days. */
    answerDays: number;
    /** Law Art 41(1); Decree 59 Art 17 (R-F6): ≥ 05 members, ≤ 05 residents, ≤ 02 deputies. */
    supervisionMin: number;
    supervisionMaxResidents: number;
    /** Law Art 45(1)(b) (R-F7): the investor is notified ≥ 45 days before supervision starts. */
    investorNoticeDays: number;
    /** Law Art 60; Decree 59 Art 21 (R-F8): 03–09 members, none where the agency has ≤ 07 staff, a
     * 02-year term, ≤ 02 deputies only where the board has ≥ 09 members (else 01), recognised by the
     * union within 05 working days of the conference. */
    agencyMin: number;
    agencyMax: number;
    agencyNoBoardMaxStaff: number;
    agencyTermMonths: number;
    agencyTwoDeputiesFrom: number;
    agencyRecogniseWorkingDays: number;
    /** Circular 04/2025/TT-BTC ([S], in force 11/03/2025): at least 5,000,000 đồng per commune board per year.
     * Carried from the 01/07/2025 set on; 0 (not shown) in the older set, so 11/03–30/06/2025 shows no figure. */
    minFundingPerYear: number;
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
  decisions: {
    meetingNoticeDays: 2,
    documentsDays: 2,
    documentItems: [1, 2, 3],
    ballotNoticeDays: 2,
    ballotPlanSendDays: 2,
    teamMin: 3,
    teamMax: 5,
    committeeMin: 3,
    committeeMax: 5,
    witnesses: 2,
    clusterMinHouseholds: 200,
    submitWorkingDays: 5,
    recogniseWorkingDays: 5,
    twoThirdsItems: [1, 2],
    meetingOnlyItems: [3, 4, 5],
    onlineItems: [6],
    initiativePercent: 10,
    consentValidMonths: 3,
    election: { planDays: 20, teamDays: 10, noticeDays: 7, candidateListDays: 15, dismissalPetitionPercent: 50, newElectionDays: 60 },
  },
  feedback: {
    complaintLimitDays: 90,
    complaintAcceptDays: 10,
    complaintAcceptInWorkingDays: false,
    complaintResolveDays: { normal: 30, complex: 45, remoteNormal: 45, remoteComplex: 60 },
    denunciationInitialWorkingDays: 7,
    denunciationInitialMultiSiteWorkingDays: 10,
    denunciationResolveDays: 30,
    denunciationExtensionDays: 30,
    denunciationMaxExtensions: { normal: 0, complex: 1, very_complex: 2 },
    publishConclusionWorkingDays: 7,
    forwardWorkingDays: 5,
    answerWorkingDays: 10,
    chairmanReceptionPerWeek: 1,
    agencyHeadReceptionPerMonth: 1,
    dueSoonWorkingDays: 2,
  },
  dialogue: { dialoguesPerYear: 1, conferenceNoticeDays: 5, yearEndFromMonth: 11 },
  oversight: {
    communeBoardMin: 5,
    communeBoardSmallMax: 5,
    maxDeputies: 2,
    ineligiblePartTime: ['commune', 'village'],
    byElectionMinMonthsLeft: 6,
    planNoticeWorkingDays: 5,
    answerDays: 15,
    supervisionMin: 5,
    supervisionMaxResidents: 5,
    investorNoticeDays: 45,
    agencyMin: 3,
    agencyMax: 9,
    agencyNoBoardMaxStaff: 7,
    agencyTermMonths: 24,
    agencyTwoDeputiesFrom: 9,
    agencyRecogniseWorkingDays: 5,
    minFundingPerYear: 0,
  },
};

/** Law 97/2025/QH15 Art 4(5), in force 01/07/2025 (UPDATES.md §1.2): "người hoạt động không chuyên
 * trách ở cấp xã" is gone, so only village-level part-time workers are ineligible for the boards
 * (Arts 37(2), 42(2) presumably amended the same way [U]); Circular 04/2025/TT-BTC funding applies. */
export const LAW_97_2025: RuleSet = {
  ...LAW_10_2022,
  id: 'law-97-2025',
  validFrom: '2025-07-01',
  oversight: { ...LAW_10_2022.oversight, ineligiblePartTime: ['village'], minFundingPerYear: 5_000_000 },
};

/** Newest first. Law 97/2025/QH15 amended the law from 01/07/2025; of the parameters above only the
 * boards' eligibility is known to have changed (UPDATES.md §1.2: the full text of its Art 4 was not obtained). */
export const RULE_SETS: readonly RuleSet[] = [LAW_97_2025, LAW_10_2022];

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
