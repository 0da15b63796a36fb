// Rule tables for the staff conference (R-G3; Law 10/2022 Arts 50–52), at every threshold and deadline edge.
import { describe, expect, it } from 'vitest';
import { conferenceDeadline, conferenceYearState, formProblem, isLate, nextReviewDue, passNeeded, quorumNeeded, reviewOverdue } from './conference.js';

describe('R-G3 quorum: at least two thirds of staff or delegates (Law 10/2022 Art 51(2))', () => {
  it.each([
    [30, 19, false],
    [30, 20, true],
    [30, 21, true],
    [8, 5, false],
    [8, 6, true],
    [100, 66, false],
    [100, 67, true],
    [7, 4, false],
    [7, 5, true],
  ])('R-G3 Art 51(2): %i staff, %i present -> valid %s', (base, present, valid) => {
    expect(present >= quorumNeeded(base)).toBe(valid);
  });
});

describe('R-G3 resolution: more than half of those attending (Law 10/2022 Art 51(2))', () => {
  it.each([
    [20, 10, false],
    [20, 11, true],
    [21, 10, false],
    [21, 11, true],
    [21, 12, true],
  ])('R-G3 Art 51(2): %i attending, %i for -> adopted %s', (attending, votes, adopted) => {
    expect(votes >= passNeeded(attending)).toBe(adopted);
  });
});

describe('R-G3 deadline: no later than 03 months after the work year (Law 10/2022 Art 51(1))', () => {
  it('R-G3 Art 51(1): the last day for work year 2026 is 31/03/2027', () => {
    expect(conferenceDeadline(2026)).toBe('2027-03-31');
  });
  it.each([
    ['2027-03-30', false],
    ['2027-03-31', false],
    ['2027-04-01', true],
  ])('R-G3 Art 51(1): held on %s -> late %s', (on, late) => {
    expect(isLate(2026, on)).toBe(late);
  });
  it('R-G3 Art 51(1): missing only once the deadline has passed; due before', () => {
    expect(conferenceYearState({ workYear: 2026, staff: 30, held: [], today: '2027-03-31' })).toBe('due');
    expect(conferenceYearState({ workYear: 2026, staff: 30, held: [], today: '2027-04-01' })).toBe('missing');
    expect(conferenceYearState({ workYear: 2026, staff: 30, held: [{ heldOn: '2027-04-02', valid: true }], today: '2027-05-01' })).toBe('held_late');
    expect(conferenceYearState({ workYear: 2026, staff: 30, held: [{ heldOn: '2027-01-15', valid: true }], today: '2027-05-01' })).toBe('held');
  });
  it('R-G3 Art 50: a convocation without quorum is not a held conference', () => {
    expect(conferenceYearState({ workYear: 2026, staff: 30, held: [{ heldOn: '2027-01-15', valid: false }], today: '2027-05-01' })).toBe('missing');
  });
});

describe('R-G3 small agencies: ≤ 07 staff may hold one if they wish (Law 10/2022 Art 51(2))', () => {
  it.each([
    [7, 'optional'],
    [8, 'missing'],
  ])('R-G3 Art 51(2): %i staff without a conference -> %s', (staff, state) => {
    expect(conferenceYearState({ workYear: 2026, staff, held: [], today: '2027-06-01' })).toBe(state);
  });
  it('R-G3 Art 51(2): an agency with no recorded staff count is flagged (it must record one)', () => {
    expect(conferenceYearState({ workYear: 2026, staff: null, held: [], today: '2027-06-01' })).toBe('missing');
  });
});

describe('R-G3 form: plenary under 100, delegates from 100 or dispersed; ballot only after two failed convocations (Arts 50, 51(2))', () => {
  const base = { dispersed: false, forceMajeure: false, failedSecondConvocation: false };
  it.each([
    [99, 'delegates', 'delegates_too_small'],
    [100, 'delegates', null],
    [101, 'delegates', null],
    [99, 'plenary', null],
    [150, 'plenary', null],
  ] as const)('R-G3 Art 51(2): %i staff, %s -> %s', (staff, form, problem) => {
    expect(formProblem({ ...base, staff, form })).toBe(problem);
  });
  it('R-G3 Art 51(2): a dispersed agency under 100 may use delegates', () => {
    expect(formProblem({ ...base, staff: 40, form: 'delegates', dispersed: true })).toBeNull();
  });
  it('R-G3 Art 50: the staff-wide ballot needs quorum failed at the second convocation, or force majeure', () => {
    expect(formProblem({ ...base, staff: 40, form: 'ballot' })).toBe('ballot_not_allowed');
    expect(formProblem({ ...base, staff: 40, form: 'ballot', failedSecondConvocation: true })).toBeNull();
    expect(formProblem({ ...base, staff: 40, form: 'ballot', forceMajeure: true })).toBeNull();
  });
});

describe('R-G3 review every 06 months (Law 10/2022 Art 52(3))', () => {
  it('R-G3 Art 52(3): due 6 months after the conference, then after the last review', () => {
    expect(nextReviewDue('2027-01-15', [])).toBe('2027-07-15');
    expect(nextReviewDue('2027-01-15', ['2027-07-10'])).toBe('2028-01-10');
  });
  it.each([
    ['2027-07-15', false],
    ['2027-07-16', true],
  ])('R-G3 Art 52(3): on %s without a review -> overdue %s', (today, overdue) => {
    expect(reviewOverdue('2027-01-15', [], today)).toBe(overdue);
  });
});
