// Notice periods before a vote (R-A10, R-A11, R-B1). "Ít nhất 02 ngày trước" counts plain days (not
// working days, R-I3): a notice given on day N allows a meeting on day N + 2 at the earliest.

import type { RuleSet } from '../../../law/rule-sets.js';
import { addDays, daysBetween } from '../../../platform/calendar/calendar.js';
import type { Form } from './forms.js';
import type { MatterItem } from './matters.js';

export type NoticeProblem = {
  field: 'noticeOn' | 'documentsOn' | 'planSentOn' | 'planIssuedOn' | 'teamSetOn' | 'electionNoticeOn' | 'candidatesSentOn';
  /** The latest date that would have satisfied the rule. */
  latest: string;
  days: number;
  article: string;
};

/** At least `days` days before `event`: the latest allowed date. */
export const latestBefore = (event: string, days: number): string => addDays(event, -days);

export function noticeProblems(
  v: {
    form: Form;
    item: MatterItem;
    voteDate: string;
    noticeOn: string;
    documentsOn?: string | null;
    planIssuedOn?: string | null;
    planSentOn?: string | null;
  },
  rs: RuleSet,
): NoticeProblem[] {
  const d = rs.decisions;
  const out: NoticeProblem[] = [];
  const days = v.form === 'household_ballot' ? d.ballotNoticeDays : d.meetingNoticeDays;
  // A household ballot's notice is counted to the day ballots are handed out (vote_date); an online
  // vote's to its start, as for a meeting.
  if (daysBetween(v.noticeOn, v.voteDate) < days)
    out.push({
      field: 'noticeOn',
      latest: latestBefore(v.voteDate, days),
      days,
      article:
        v.form === 'household_ballot' ? 'Điều 19 khoản 2 Luật 10/2022/QH15; Điều 4 khoản 4 Nghị định 59/2023/NĐ-CP' : 'Điều 3 khoản 3 Nghị định 59/2023/NĐ-CP',
    });
  if (v.form === 'meeting' && d.documentItems.includes(v.item)) {
    if (!v.documentsOn || daysBetween(v.documentsOn, v.voteDate) < d.documentsDays)
      out.push({
        field: 'documentsOn',
        latest: latestBefore(v.voteDate, d.documentsDays),
        days: d.documentsDays,
        article: 'Điều 3 khoản 4 Nghị định 59/2023/NĐ-CP',
      });
  }
  if (v.form === 'household_ballot' && v.planIssuedOn && v.planSentOn) {
    // Decree 59 Art 4(2): sent within 02 days of the plan's issue.
    if (daysBetween(v.planIssuedOn, v.planSentOn) > d.ballotPlanSendDays || v.planSentOn < v.planIssuedOn)
      out.push({
        field: 'planSentOn',
        latest: addDays(v.planIssuedOn, d.ballotPlanSendDays),
        days: d.ballotPlanSendDays,
        article: 'Điều 4 khoản 2 Nghị định 59/2023/NĐ-CP',
      });
  }
  return out;
}

/** R-B1 (Decree 59/2023 Art 6): the election timeline before the election meeting. */
export function electionTimelineProblems(
  e: { meetingDate: string; planIssuedOn: string | null; teamSetOn: string | null; noticeOn: string | null; candidatesSentOn: string | null },
  rs: RuleSet,
): NoticeProblem[] {
  const x = rs.decisions.election;
  const checks: [NoticeProblem['field'], string | null, number, string][] = [
    ['planIssuedOn', e.planIssuedOn, x.planDays, 'Điều 6 khoản 1 điểm a Nghị định 59/2023/NĐ-CP'],
    ['teamSetOn', e.teamSetOn, x.teamDays, 'Điều 6 khoản 1 điểm b Nghị định 59/2023/NĐ-CP'],
    ['electionNoticeOn', e.noticeOn, x.noticeDays, 'Điều 6 khoản 1 Nghị định 59/2023/NĐ-CP'],
    ['candidatesSentOn', e.candidatesSentOn, x.candidateListDays, 'Điều 6 khoản 2 Nghị định 59/2023/NĐ-CP'],
  ];
  return checks
    .filter(([, date, days]) => !date || daysBetween(date, e.meetingDate) < days)
    .map(([field, , days, article]) => ({ field, latest: latestBefore(e.meetingDate, days), days, article }));
}
