// Table tests of the yearly duties (R-G1, R-G2) straight from the law, with the year boundary in
// Asia/Ho_Chi_Minh time (UTC+7).
import { describe, expect, it } from 'vitest';
import { LAW_10_2022 } from '../../../law/rule-sets.js';
import { beforeYearEnd, conferenceNoticeProblem, conferenceYearState, dialogueYearState, yearInVietnam } from './yearly.js';

const rs = LAW_10_2022;

describe('R-G1 notice at least 05 days before the village conference (Decree 59/2023 Art 11(1)(c))', () => {
  it.each([
    ['2026-12-20', '2026-12-15', true],
    ['2026-12-20', '2026-12-14', true],
    ['2026-12-20', '2026-12-16', false],
    ['2026-12-20', '2026-12-20', false],
    // Across the new year: 5 plain days, holidays not skipped (R-I3).
    ['2027-01-03', '2026-12-29', true],
    ['2027-01-03', '2026-12-30', false],
  ])('a conference on %s with the notice on %s is allowed: %s', (on, notice, ok) => {
    const p = conferenceNoticeProblem(on, notice, rs);
    expect(p === null).toBe(ok);
    if (p) {
      expect(p.days).toBe(5);
      expect(p.article).toBe('Điều 11 khoản 1 điểm c Nghị định 59/2023/NĐ-CP');
    }
  });
  it('names the latest notice date that would have been in time', () => {
    expect(conferenceNoticeProblem('2026-12-20', '2026-12-18', rs)?.latest).toBe('2026-12-15');
    expect(conferenceNoticeProblem('2027-01-02', '2026-12-31', rs)?.latest).toBe('2026-12-28');
  });
});

describe('the year of a dialogue is its year in Vietnam (UTC+7)', () => {
  it.each([
    ['2026-12-31T16:59:59Z', 2026],
    ['2026-12-31T17:00:00Z', 2027],
    ['2026-01-01T00:00:00Z', 2026],
    ['2025-12-31T18:00:00Z', 2026],
  ])('%s is in %i', (instant, year) => expect(yearInVietnam(instant)).toBe(year));
});

describe('R-G2 at least one dialogue conference a calendar year (Law 10/2022 Art 32)', () => {
  const held = (startsAt: string) => ({ startsAt, status: 'held' as const });
  const scheduled = (startsAt: string) => ({ startsAt, status: 'scheduled' as const });
  it('a year with a held dialogue is met, whatever the date now', () => {
    expect(dialogueYearState([held('2026-06-10T02:00:00Z')], 2026, new Date('2026-07-01T00:00:00Z'), rs)).toBe('held');
    expect(dialogueYearState([held('2026-06-10T02:00:00Z')], 2026, new Date('2028-01-01T00:00:00Z'), rs)).toBe('held');
  });
  it('a year without one is due while it lasts in Vietnam and missing from 00:00 on 1 January Vietnam time', () => {
    expect(dialogueYearState([], 2026, new Date('2026-12-31T16:59:00Z'), rs)).toBe('due');
    expect(dialogueYearState([], 2026, new Date('2026-12-31T17:00:00Z'), rs)).toBe('missing');
  });
  it('a scheduled dialogue shows as scheduled, but is missing if the year ends before it is held', () => {
    const d = [scheduled('2026-12-20T01:00:00Z')];
    expect(dialogueYearState(d, 2026, new Date('2026-12-01T00:00:00Z'), rs)).toBe('scheduled');
    expect(dialogueYearState(d, 2026, new Date('2027-01-05T00:00:00Z'), rs)).toBe('missing');
  });
  it('a dialogue held at 01:00 on 1 January in Vietnam (18:00 UTC on 31 December) counts for the new year, not the old', () => {
    const d = [held('2026-12-31T18:00:00Z')];
    expect(dialogueYearState(d, 2026, new Date('2027-01-02T00:00:00Z'), rs)).toBe('missing');
    expect(dialogueYearState(d, 2027, new Date('2027-01-02T00:00:00Z'), rs)).toBe('held');
  });
});

describe('R-G1 one annual village conference at year-end (Law 10/2022 Art 33)', () => {
  it('a village with nothing is due during the year and missing after it ends in Vietnam', () => {
    expect(conferenceYearState(undefined, 2026, new Date('2026-12-31T16:00:00Z'))).toBe('due');
    expect(conferenceYearState(undefined, 2026, new Date('2026-12-31T17:00:00Z'))).toBe('missing');
  });
  it('a plan never recorded as held is missing after the year ends; a held or reported one is met', () => {
    expect(conferenceYearState({ status: 'planned' }, 2026, new Date('2026-12-10T00:00:00Z'))).toBe('planned');
    expect(conferenceYearState({ status: 'planned' }, 2026, new Date('2027-01-01T00:00:00Z'))).toBe('missing');
    expect(conferenceYearState({ status: 'held' }, 2026, new Date('2027-03-01T00:00:00Z'))).toBe('held');
    expect(conferenceYearState({ status: 'reported' }, 2026, new Date('2027-03-01T00:00:00Z'))).toBe('reported');
  });
  it('a conference held earlier in the year is accepted but shown as before the year-end period', () => {
    expect(beforeYearEnd('2026-06-15', rs)).toBe(true);
    expect(beforeYearEnd('2026-11-01', rs)).toBe(false);
    expect(beforeYearEnd('2026-12-28', rs)).toBe(false);
  });
});
