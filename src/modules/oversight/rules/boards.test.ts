// Rule tables for the boards (R-F1…R-F8), each case citing its rule and article.
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import {
  agencyBoardRequired,
  agencyIneligible,
  agencyRecognitionDue,
  agencyTermEnds,
  answerDue,
  byElectionDue,
  checkAgencySize,
  checkCommuneSize,
  communeBoardSize,
  ineligibility,
  latestInvestorNotice,
  latestPlanNotice,
  planNoticeOk,
  supervisionProblems,
} from './boards.js';

const r = ruleSetOn('2026-12-01').oversight;
const cal = new WorkingCalendar(loadOfficialDays());

describe('R-F1 commune board size (Law 10/2022 Art 36(1); Decree 59/2023 Art 13(2)–(3))', () => {
  it.each([
    [3, 5, 5],
    [4, 5, 5],
    [5, 5, 5],
    [12, 12, 12],
    [31, 31, 31],
  ])('R-F1 Art 36(1): a commune of %i villages has a board of %i to %i members', (villages, min, max) => {
    expect(communeBoardSize(villages, r)).toEqual({ min, max });
  });
  it.each([
    [12, 11, 1, 'too_few'],
    [12, 13, 1, 'too_many'],
    [3, 4, 1, 'too_few'],
    [3, 6, 1, 'too_many'],
    [12, 12, 3, 'too_many_deputies'],
    [12, 12, 2, null],
    [3, 5, 2, null],
  ] as const)('R-F1 Art 36(1), Decree 59 Art 13: %i villages, %i members, %i deputies -> %s', (villages, members, deputies, problem) => {
    expect(checkCommuneSize(villages, members, deputies, r)).toBe(problem);
  });
});

describe('R-F2 eligibility (Law 10/2022 Art 37(2); Law 97/2025 Art 4(5) from 01/07/2025)', () => {
  const before = ruleSetOn('2025-06-30').oversight;
  it.each([
    ['2026-12-01', true, 'none', []],
    ['2026-12-01', false, 'none', ['not_resident']],
    ['2026-12-01', true, 'commune_official', ['commune_official']],
    ['2026-12-01', true, 'village_part_time', ['village_part_time']],
    ['2026-12-01', true, 'commune_part_time', []],
    ['2025-06-30', true, 'commune_part_time', ['commune_part_time']],
    ['2025-06-30', true, 'village_part_time', ['village_part_time']],
  ] as const)('R-F2 Art 37(2): on %s, resident=%s, %s -> %j', (date, permanentResident, occupation, reasons) => {
    expect(ineligibility({ permanentResident, occupation }, ruleSetOn(date).oversight)).toEqual(reasons);
  });
  it('R-F2: the rule set of 30/06/2025 still lists commune part-time workers; 01/07/2025 does not', () => {
    expect(before.ineligiblePartTime).toEqual(['commune', 'village']);
    expect(ruleSetOn('2025-07-01').oversight.ineligiblePartTime).toEqual(['village']);
  });
  it('R-F6 Art 42(2): a supervision board candidate with a conflicting relative is refused', () => {
    expect(ineligibility({ permanentResident: true, occupation: 'none', noConflict: false }, r)).toEqual(['conflict']);
  });
});

describe('R-F3 by-election (Law 10/2022 Art 36(2))', () => {
  it.each([
    ['2027-01-10', '2027-07-10', 6],
    ['2027-01-11', '2027-07-10', null],
    ['2026-12-01', '2031-06-01', 54],
    ['2026-12-01', null, null],
  ] as const)('R-F3 Art 36(2): vacant on %s, term ends %s -> by-election %s', (vacant, ends, months) => {
    expect(byElectionDue(vacant, ends, r)).toBe(months);
  });
});

describe('R-F4 plan notice of 05 working days (Decree 59/2023 Arts 14, 22(1)(b))', () => {
  it('R-F4 Decree 59 Art 14: an inspection on Mon 14/12/2026 must be notified by Mon 07/12/2026', () => {
    expect(latestPlanNotice('2026-12-14', r, cal)).toBe('2026-12-07');
    expect(planNoticeOk('2026-12-07', '2026-12-14', r, cal)).toBe(true);
    expect(planNoticeOk('2026-12-08', '2026-12-14', r, cal)).toBe(false);
  });
  it('R-F4 Decree 59 Art 14: Culture Day 24/11/2026 is no working day, so an inspection on Mon 30/11/2026 needs notice by Fri 20/11/2026', () => {
    expect(latestPlanNotice('2026-11-30', r, cal)).toBe('2026-11-20');
  });
});

describe('R-F5 the 15-day answer (Law 10/2022 Arts 40(1)(c), 45(2)(c); Civil Code Arts 147–148)', () => {
  it.each([
    ['2026-12-01', '2026-12-16'],
    ['2026-12-05', '2026-12-21'], // 20/12 is a Sunday: the next working day
  ])('R-F5 Art 40(1)(c): received %s, answer due %s', (sent, due) => {
    expect(answerDue(sent, r, cal)).toBe(due);
  });
});

describe('R-F6 supervision board composition (Law 10/2022 Art 41(1); Decree 59/2023 Art 17)', () => {
  const m = (seat: string, position = 'member') => ({ seat, position });
  it('R-F6 Art 41(1): Front, inspection board and three residents, one head and two deputies pass', () => {
    expect(supervisionProblems([m('front', 'head'), m('inspection_board', 'deputy'), m('resident', 'deputy'), m('resident'), m('resident')], r)).toEqual([]);
  });
  it('R-F6 Decree 59 Art 17: four members, no Front, six residents, three deputies are each refused', () => {
    expect(supervisionProblems([m('resident', 'head'), m('resident'), m('resident'), m('inspection_board')], r)).toEqual(['too_few', 'no_front']);
    const six = [m('front', 'head'), m('inspection_board'), ...Array.from({ length: 6 }, () => m('resident'))];
    expect(supervisionProblems(six, r)).toEqual(['too_many_residents']);
    expect(
      supervisionProblems([m('front', 'head'), m('inspection_board', 'deputy'), m('resident', 'deputy'), m('resident', 'deputy'), m('resident')], r),
    ).toEqual(['too_many_deputies']);
  });
});

describe('R-F7 investor notice of 45 days (Law 10/2022 Art 45(1)(b))', () => {
  it('R-F7 Art 45(1)(b): supervision from 01/03/2027 needs the investor notified by 15/01/2027', () => {
    expect(latestInvestorNotice('2027-03-01', r)).toBe('2027-01-15');
  });
});

describe('R-F8 agency board (Law 10/2022 Art 60; Decree 59/2023 Art 21)', () => {
  it.each([
    [7, false],
    [8, true],
  ])('R-F8 Art 60: an agency of %i staff forms a board: %s', (staff, yes) => expect(agencyBoardRequired(staff, r)).toBe(yes));
  it.each([
    [2, 0, false, 'too_few'],
    [10, 1, false, 'too_many'],
    [10, 1, true, null],
    [5, 2, false, 'too_many_deputies'],
    [9, 2, false, null],
  ] as const)('R-F8 Art 60, Decree 59 Art 21(3): %i members, %i deputies, conference allows more=%s -> %s', (n, d, more, p) => {
    expect(checkAgencySize(n, d, more, r)).toBe(p);
  });
  it('R-F8 Art 60(2): the head, deputy heads and the chief accountant are ineligible', () => {
    expect(['staff', 'head', 'deputy_head', 'chief_accountant'].map((o) => agencyIneligible(o as 'staff'))).toEqual([false, true, true, true]);
  });
  it('R-F8 Decree 59 Art 21(1): a conference on Fri 20/11/2026 is recognised by Mon 30/11/2026 (24/11 off); the term is 02 years', () => {
    expect(agencyRecognitionDue('2026-11-20', r, cal)).toBe('2026-11-30');
    expect(agencyTermEnds('2026-11-27', r)).toBe('2028-11-27');
  });
});
