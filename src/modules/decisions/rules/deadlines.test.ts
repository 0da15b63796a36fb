// Clocks after a vote, on the real civil-service calendar built from the official days (holidays.csv):
// R-A13 (Law 10/2022 Art 20(3); Decree 59/2023 Arts 3(5)(d), 4(7), 5(4)(b)), R-A14 (Law Art 21(2); Decree 59
// Art 8), R-B3 (Decree 59 Art 9).
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { newElectionDue, recognitionClock, submissionClock } from './deadlines.js';

const cal = new WorkingCalendar(loadOfficialDays());
const rs = ruleSetOn('2026-01-01');

describe('submissionClock: R-A13 within 05 working days after the meeting or the ballot/online deadline', () => {
  it.each([
    ['2026-08-28', '2026-09-09', 'Fri 28/8/2026: 31/8 swap day off and 1–2/9 National Day, then 3, 4, 7, 8, 9/9'],
    ['2026-08-30', '2026-09-09', 'Sun 30/8/2026, a weekend meeting: counting starts the next day'],
    ['2026-08-21', '2026-08-27', 'Fri 21/8/2026: Sat 22/8 is a civil-service make-up working day (9441/TB-BNV)'],
    ['2026-02-13', '2026-02-27', 'Fri 13/2/2026: Tết 16–20/2'],
    ['2026-02-12', '2026-02-26', 'Thu 12/2/2026: 13/2, then 23–26/2 after Tết'],
    ['2026-04-29', '2026-05-08', 'Wed 29/4/2026: 30/4 and 1/5'],
    ['2026-04-24', '2026-05-06', 'Fri 24/4/2026: Mon 27/4 Hùng Kings make-up day, 30/4 and 1/5; 28, 29/4, 4, 5, 6/5'],
    ['2026-11-20', '2026-11-30', 'Fri 20/11/2026: Tue 24/11 Culture Day'],
    ['2025-12-31', '2026-01-09', 'Wed 31/12/2025: 1/1 holiday, 2/1 swap day off'],
    ['2026-12-07', '2026-12-14', 'Mon 7/12/2026: an ordinary week'],
  ])('R-A13 Art 20(3): closed %s -> due %s (%s)', (closedOn, due) => {
    expect(submissionClock(closedOn, null, closedOn, rs, cal)).toEqual({ due, doneOn: null, overdue: false, daysLate: 0 });
    expect(cal.workingDaysBetween(closedOn, due)).toBe(5);
  });

  it.each([
    ['2026-09-01', false, 0, 'early, during the holiday'],
    ['2026-09-08', false, 0, 'the day before the deadline'],
    ['2026-09-09', false, 0, 'on the deadline'],
    ['2026-09-10', true, 1, 'one working day late'],
    ['2026-09-12', true, 2, 'on Saturday after Fri 11/9: 2 working days late'],
    ['2026-09-14', true, 3, 'Mon 14/9'],
  ] as const)('R-A13 Art 20(3): meeting 28/8/2026, submitted %s -> overdue %s, %i WD late (%s)', (submittedOn, overdue, daysLate, _why) => {
    expect(submissionClock('2026-08-28', submittedOn, '2026-10-01', rs, cal)).toEqual({ due: '2026-09-09', doneOn: submittedOn, overdue, daysLate });
  });

  it.each([
    ['2026-08-28', false, 0],
    ['2026-09-02', false, 0],
    ['2026-09-09', false, 0],
    ['2026-09-10', true, 1],
    ['2026-09-14', true, 3],
  ] as const)('R-A13 Art 20(3): meeting 28/8/2026, not yet submitted on %s -> overdue %s, %i WD late', (today, overdue, daysLate) => {
    expect(submissionClock('2026-08-28', null, today, rs, cal)).toEqual({ due: '2026-09-09', doneOn: null, overdue, daysLate });
  });

  it('R-A13 Art 20(3): submitted on the Saturday after a Friday deadline is overdue (0 working days late), as when still pending that day', () => {
    // Ballot deadline Fri 13/2/2026 -> due Fri 27/2; Sat 28/2 is after the deadline whether or not it was done.
    expect(submissionClock('2026-02-13', null, '2026-02-28', rs, cal)).toEqual({ due: '2026-02-27', doneOn: null, overdue: true, daysLate: 0 });
    expect(submissionClock('2026-02-13', '2026-02-28', '2026-03-10', rs, cal)).toEqual({ due: '2026-02-27', doneOn: '2026-02-28', overdue: true, daysLate: 0 });
    expect(submissionClock('2026-02-13', '2026-03-02', '2026-03-10', rs, cal)).toEqual({ due: '2026-02-27', doneOn: '2026-03-02', overdue: true, daysLate: 1 });
  });

  it('R-A13: once submitted, the clock no longer runs with today', () => {
    expect(submissionClock('2026-08-28', '2026-09-09', '2027-01-01', rs, cal)).toMatchObject({ overdue: false, daysLate: 0 });
  });
});

describe('recognitionClock: R-A14 recognition or a reasoned refusal within 05 working days of receipt (Art 21(2))', () => {
  it.each([
    ['2026-04-29', '2026-05-08', null, '2026-05-08', false, 0],
    ['2026-04-29', '2026-05-08', '2026-05-08', '2026-06-01', false, 0],
    ['2026-04-29', '2026-05-08', '2026-05-11', '2026-06-01', true, 1],
    ['2026-04-29', '2026-05-08', null, '2026-05-11', true, 1],
    ['2026-08-28', '2026-09-09', '2026-09-04', '2026-09-04', false, 0],
    ['2026-02-13', '2026-02-27', null, '2026-02-20', false, 0],
    ['2026-02-13', '2026-02-27', null, '2026-03-06', true, 5],
  ] as const)('R-A14 Art 21(2): received %s, due %s; decided %s, today %s -> overdue %s, %i WD late', (received, due, decided, today, overdue, daysLate) => {
    expect(recognitionClock(received, decided, today, rs, cal)).toEqual({ due, doneOn: decided, overdue, daysLate });
  });
});

describe('newElectionDue: R-B3 a new election within 60 days of the dismissal’s recognition (Decree 59 Art 9)', () => {
  it.each([
    ['2026-03-01', '2026-04-30'],
    ['2026-11-02', '2027-01-01'],
    ['2026-01-10', '2026-03-11'],
    ['2027-12-31', '2028-02-29'],
  ])('R-B3 Decree 59 Art 9: recognised %s -> decide the new election by %s (plain days, Tết not skipped)', (recognised, due) => {
    expect(newElectionDue(recognised, rs)).toBe(due);
  });
});
