// Notice periods before a vote: R-A10 (Decree 59/2023 Art 3(3)–(4)), R-A11 (Law 10/2022 Art 19(2); Decree 59
// Art 4(2), (4)), R-B1 (Decree 59 Art 6). "Ít nhất 02 ngày trước" counts plain days (R-I3): holidays do not matter.
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import type { Form } from './forms.js';
import type { MatterItem } from './matters.js';
import { electionTimelineProblems, latestBefore, noticeProblems } from './notice.js';

const rs = ruleSetOn('2026-12-10');
const MEETING_ARTICLE = 'Điều 3 khoản 3 Nghị định 59/2023/NĐ-CP';
const BALLOT_ARTICLE = 'Điều 19 khoản 2 Luật 10/2022/QH15; Điều 4 khoản 4 Nghị định 59/2023/NĐ-CP';
const DOCS = { field: 'documentsOn', latest: '2026-12-08', days: 2, article: 'Điều 3 khoản 4 Nghị định 59/2023/NĐ-CP' };

type V = Parameters<typeof noticeProblems>[0];
const problems = (v: Partial<V> & { form: Form }) => noticeProblems({ item: 6 as MatterItem, voteDate: '2026-12-10', noticeOn: '2026-12-08', ...v }, rs);

describe('noticeProblems: R-A10 meeting notice at least 02 plain days before (Decree 59 Art 3(3))', () => {
  it.each([
    ['2026-12-01', true],
    ['2026-12-08', true],
    ['2026-12-09', false],
    ['2026-12-10', false],
    ['2026-12-11', false],
  ])('R-A10 Decree 59 Art 3(3): meeting 10/12/2026, notice on %s -> ok %s', (noticeOn, ok) => {
    expect(problems({ form: 'meeting', noticeOn })).toEqual(ok ? [] : [{ field: 'noticeOn', latest: '2026-12-08', days: 2, article: MEETING_ARTICLE }]);
  });

  it.each([
    ['2026-11-25', '2026-11-23', 'Tue 24/11/2026 Culture Day lies between'],
    ['2026-02-18', '2026-02-16', 'the first day of Tết 2026 is the notice day'],
    ['2026-09-02', '2026-08-31', 'swap day off 31/8 and National Day 1/9'],
    ['2026-12-07', '2026-12-05', 'Saturday to Monday'],
  ])('R-A10 R-I3: meeting %s, notice %s is enough: plain days, holidays do not matter (%s)', (voteDate, noticeOn) => {
    expect(problems({ form: 'meeting', voteDate, noticeOn })).toEqual([]);
    expect(problems({ form: 'meeting', voteDate, noticeOn: latestBefore(voteDate, 1) })[0]?.latest).toBe(noticeOn);
  });

  it('R-A10: an online vote (Decree 59 Art 5(3)) is held to the meeting notice, counted to its start date', () => {
    expect(problems({ form: 'online', noticeOn: '2026-12-08' })).toEqual([]);
    expect(problems({ form: 'online', noticeOn: '2026-12-09' })).toEqual([{ field: 'noticeOn', latest: '2026-12-08', days: 2, article: MEETING_ARTICLE }]);
  });

  it('R-A10: latestBefore counts back plain days across a month and a year', () => {
    expect(latestBefore('2027-01-01', 2)).toBe('2026-12-30');
    expect(latestBefore('2026-03-01', 2)).toBe('2026-02-27');
    expect(latestBefore('2028-03-01', 2)).toBe('2028-02-28');
  });
});

describe('noticeProblems: R-A10 documents for items 1–3 at least 02 days before (Decree 59 Art 3(4))', () => {
  it.each([1, 2, 3] as const)('R-A10 Decree 59 Art 3(4): item %i, documents on 08/12 ok, 09/12 and missing refused', (item) => {
    expect(problems({ form: 'meeting', item, documentsOn: '2026-12-08' })).toEqual([]);
    expect(problems({ form: 'meeting', item, documentsOn: '2026-12-09' })).toEqual([DOCS]);
    expect(problems({ form: 'meeting', item, documentsOn: null })).toEqual([DOCS]);
    expect(problems({ form: 'meeting', item })).toEqual([DOCS]);
  });

  it.each([4, 5, 6] as const)('R-A10 Decree 59 Art 3(4): item %i needs no documents beforehand', (item) => {
    expect(problems({ form: 'meeting', item })).toEqual([]);
    expect(problems({ form: 'meeting', item, documentsOn: '2026-12-10' })).toEqual([]);
  });

  it('R-A10: a late notice and late documents are both reported, notice first', () => {
    expect(problems({ form: 'meeting', item: 1, noticeOn: '2026-12-09', documentsOn: '2026-12-09' }).map((p) => p.field)).toEqual(['noticeOn', 'documentsOn']);
  });

  it('R-A10: the documents rule is a meeting rule (Art 3): a household ballot on item 1 is not held to it', () => {
    expect(problems({ form: 'household_ballot', item: 1 })).toEqual([]);
  });
});

describe('noticeProblems: R-A11 household ballot (Law Art 19(2); Decree 59 Art 4(2), (4))', () => {
  it.each([
    ['2026-12-08', true],
    ['2026-12-09', false],
    ['2026-12-10', false],
  ])('R-A11 Art 19(2): ballots handed out 10/12/2026, notice on %s -> ok %s', (noticeOn, ok) => {
    expect(problems({ form: 'household_ballot', noticeOn })).toEqual(ok ? [] : [{ field: 'noticeOn', latest: '2026-12-08', days: 2, article: BALLOT_ARTICLE }]);
  });

  it.each([
    ['2026-12-01', true, 'the day of issue'],
    ['2026-12-02', true, '1 day after issue'],
    ['2026-12-03', true, '2 days after issue'],
    ['2026-12-04', false, '3 days after issue'],
    ['2026-11-30', false, 'before the plan was issued'],
  ])('R-A11 Decree 59 Art 4(2): plan issued 01/12/2026, sent on %s -> ok %s (%s)', (planSentOn, ok) => {
    const got = problems({ form: 'household_ballot', noticeOn: '2026-12-05', planIssuedOn: '2026-12-01', planSentOn });
    expect(got).toEqual(ok ? [] : [{ field: 'planSentOn', latest: '2026-12-03', days: 2, article: 'Điều 4 khoản 2 Nghị định 59/2023/NĐ-CP' }]);
  });

  it('R-A11 Decree 59 Art 4(2): the plan window is in plain days (issued Fri 28/8/2026, sent Sun 30/8 ok, Mon 31/8 refused)', () => {
    const sent = (planSentOn: string) =>
      problems({ form: 'household_ballot', voteDate: '2026-09-10', noticeOn: '2026-09-05', planIssuedOn: '2026-08-28', planSentOn });
    expect(sent('2026-08-30')).toEqual([]);
    expect(sent('2026-08-31').map((p) => p.field)).toEqual(['planSentOn']);
  });

  it('R-A11: the plan is checked only for a household ballot and only once both dates are known', () => {
    expect(problems({ form: 'household_ballot', planIssuedOn: '2026-12-01', planSentOn: null })).toEqual([]);
    expect(problems({ form: 'household_ballot', planIssuedOn: null, planSentOn: '2026-12-09' })).toEqual([]);
    expect(problems({ form: 'meeting', planIssuedOn: '2026-11-01', planSentOn: '2026-12-01' })).toEqual([]);
  });
});

describe('electionTimelineProblems: R-B1 (Decree 59 Art 6), election meeting on 20/12/2026', () => {
  const ok = { meetingDate: '2026-12-20', planIssuedOn: '2026-11-30', teamSetOn: '2026-12-10', noticeOn: '2026-12-13', candidatesSentOn: '2026-12-05' };
  const A = {
    planIssuedOn: 'Điều 6 khoản 1 điểm a Nghị định 59/2023/NĐ-CP',
    teamSetOn: 'Điều 6 khoản 1 điểm b Nghị định 59/2023/NĐ-CP',
    electionNoticeOn: 'Điều 6 khoản 1 Nghị định 59/2023/NĐ-CP',
    candidatesSentOn: 'Điều 6 khoản 2 Nghị định 59/2023/NĐ-CP',
  };

  it('R-B1: every step exactly at its edge (20, 10, 7 and 15 days before) is on time', () => {
    expect(electionTimelineProblems(ok, rs)).toEqual([]);
  });

  it.each([
    ['planIssuedOn', 'planIssuedOn', '2026-12-01', '2026-11-30', 20],
    ['teamSetOn', 'teamSetOn', '2026-12-11', '2026-12-10', 10],
    ['noticeOn', 'electionNoticeOn', '2026-12-14', '2026-12-13', 7],
    ['candidatesSentOn', 'candidatesSentOn', '2026-12-06', '2026-12-05', 15],
  ] as const)('R-B1 Decree 59 Art 6: %s one day late (N − 1 days before) is refused, latest %s', (key, field, late, latest, days) => {
    expect(electionTimelineProblems({ ...ok, [key]: late }, rs)).toEqual([{ field, latest, days, article: A[field] }]);
  });

  it.each([
    ['planIssuedOn', 'planIssuedOn', '2026-11-30', 20],
    ['teamSetOn', 'teamSetOn', '2026-12-10', 10],
    ['noticeOn', 'electionNoticeOn', '2026-12-13', 7],
    ['candidatesSentOn', 'candidatesSentOn', '2026-12-05', 15],
  ] as const)('R-B1 Decree 59 Art 6: %s missing is refused, latest %s', (key, field, latest, days) => {
    expect(electionTimelineProblems({ ...ok, [key]: null }, rs)).toEqual([{ field, latest, days, article: A[field] }]);
  });

  it('R-B1: nothing done yet -> four problems in the order of the decree', () => {
    const none = { meetingDate: '2026-12-20', planIssuedOn: null, teamSetOn: null, noticeOn: null, candidatesSentOn: null };
    expect(electionTimelineProblems(none, rs).map((p) => [p.field, p.latest])).toEqual([
      ['planIssuedOn', '2026-11-30'],
      ['teamSetOn', '2026-12-10'],
      ['electionNoticeOn', '2026-12-13'],
      ['candidatesSentOn', '2026-12-05'],
    ]);
  });

  it('R-B1 R-I3: the days are plain days: a meeting on Sat 5/9/2026 needs the notice by Sat 29/8 despite the 1–2/9 holidays', () => {
    const sep = { meetingDate: '2026-09-05', planIssuedOn: '2026-08-16', teamSetOn: '2026-08-26', noticeOn: '2026-08-29', candidatesSentOn: '2026-08-21' };
    expect(electionTimelineProblems(sep, rs)).toEqual([]);
    expect(electionTimelineProblems({ ...sep, noticeOn: '2026-08-30' }, rs).map((p) => p.latest)).toEqual(['2026-08-29']);
  });

  it('R-B1: a step dated after the meeting is refused', () => {
    expect(electionTimelineProblems({ ...ok, teamSetOn: '2026-12-21' }, rs).map((p) => p.field)).toEqual(['teamSetOn']);
  });
});
