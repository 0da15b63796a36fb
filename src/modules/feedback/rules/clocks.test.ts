// Table tests of every feedback clock (R-H1, R-H2, R-H3, R-H6, R-H7) on the official civil-service
// calendar, built from the bundled days as src/platform/calendar/calendar.test.ts does (no database).
// The expected dates are counted by hand. Days off used below:
// - Tết Bính Ngọ 2026 (9441/TB-BNV): Mon 16 – Fri 20/02/2026, with the weekends around it a
//   nine-day break Sat 14 – Sun 22/02; Fri 13/02 and Mon 23/02 are worked.
// - Ngày Văn hóa Việt Nam, Tue 24/11/2026 (Resolution 28/2026/QH16 Art 2).
// - Hùng Kings Sun 26/04/2026, made up Mon 27/04; New Year Thu 01/01 and Fri 02/01/2026 (swap),
//   Sat 10/01/2026 worked instead.
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { addDays, loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { type Complexity, complaintLateDays, dueSoonHorizon, dueState, firstClock, forwardDue, maxExtensions, publishDue, resolveDue } from './clocks.js';

const cal = new WorkingCalendar(loadOfficialDays());
const r = ruleSetOn('2026-01-01').feedback;

describe('the calendar the tables rely on', () => {
  it.each([
    ['2026-02-13', true],
    ['2026-02-14', false],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-22', false],
    ['2026-02-23', true],
    ['2026-11-23', true],
    ['2026-11-24', false],
    ['2026-11-25', true],
  ])('%s working: %s', (d, working) => expect(cal.isWorkingDay(d)).toBe(working));
});

describe('firstClock: the first deadline of a new item', () => {
  const accept10WorkingDays = { ...r, complaintAcceptInWorkingDays: true };
  it.each([
    // R-H2, Complaints Law Art 27: accept within 10 days (plain days, Art 148(5) roll-over).
    ['complaint', '2026-02-06', false, r, 'accept', '2026-02-23', 'R-H2: 10 days end on 16/02 in Tết'],
    ['complaint', '2026-02-13', false, r, 'accept', '2026-02-23', 'R-H2: 10 days end on Mon 23/02'],
    ['complaint', '2026-11-14', false, r, 'accept', '2026-11-25', 'R-H2: received on a Saturday, 10 days end on Culture Day'],
    ['complaint', '2026-02-06', false, accept10WorkingDays, 'accept', '2026-02-27', 'R-H2 (Circular 07/2013 reading): 10 working days'],
    // R-H3, Denunciation Law Art 24(1): initial handling 07 working days, 10 with checks at several places.
    ['denunciation', '2026-02-10', false, r, 'initial', '2026-02-26', 'R-H3: 11, 12, 13/02 then 23–26/02'],
    ['denunciation', '2026-02-10', true, r, 'initial', '2026-03-03', 'R-H3: 10 working days over Tết'],
    ['denunciation', '2026-11-20', false, r, 'initial', '2026-12-02', 'R-H3: 24/11 not counted'],
    // R-H6, Reception Law Art 28(1) (also R-H7 petitions): answer within 10 working days.
    ['petition', '2026-02-12', false, r, 'answer', '2026-03-05', 'R-H6: 13/02, 23–27/02, 02–05/03'],
    ['question', '2026-02-14', false, r, 'answer', '2026-03-06', 'R-H6: received during the break'],
    ['report', '2026-11-23', false, r, 'answer', '2026-12-08', 'R-H6: 24/11 not counted'],
  ] as const)('%s received %s (multi-site %s) → %s due %s', (kind, received, multiSite, rules, clock, due, _why) => {
    expect(firstClock(kind, received, { multiSite }, rules, cal)).toEqual({ clock, due });
  });
});

describe('forwardDue: outside competence, forward within 05 working days (R-H3 Art 24(2); R-H7 Decree 20/2008 Art 9)', () => {
  it.each([
    ['2026-02-12', '2026-02-26', '13/02 then 23–26/02'],
    ['2026-02-16', '2026-02-27', 'received on a Tết day: 23–27/02'],
    ['2026-11-20', '2026-11-30', '23, 25, 26, 27, 30/11'],
    ['2026-11-24', '2026-12-01', 'received on Culture Day'],
  ])('received %s → forward by %s (%s)', (received, due) => expect(forwardDue(received, r, cal)).toBe(due));
});

describe('maxExtensions: R-H3, Denunciation Law Art 30', () => {
  it.each([
    ['normal', 0],
    ['complex', 1],
    ['very_complex', 2],
  ] as const)('%s → %i extensions', (c, n) => expect(maxExtensions(c, r)).toBe(n));
});

describe('resolveDue', () => {
  type Row = [string, Complexity, boolean, number, string, string];
  it.each<Row>([
    // R-H2, Complaints Law Art 28: 30 days, 45 complex; remote areas 45, 60 complex.
    ['2026-01-15', 'normal', false, 0, '2026-02-23', '30 days end Sat 14/02 in the Tết break'],
    ['2026-01-15', 'complex', false, 0, '2026-03-02', '45 days end Sun 01/03'],
    ['2026-01-15', 'very_complex', false, 0, '2026-03-02', 'especially complex counts as complex'],
    ['2026-01-15', 'normal', true, 0, '2026-03-02', 'remote: 45 days'],
    ['2026-01-15', 'complex', true, 0, '2026-03-16', 'remote complex: 60 days end Mon 16/03'],
    ['2026-10-25', 'normal', false, 0, '2026-11-25', '30 days end on Culture Day'],
    ['2026-10-10', 'normal', true, 0, '2026-11-25', 'remote: 45 days end on Culture Day'],
    ['2026-10-25', 'very_complex', false, 0, '2026-12-09', '45 days end Wed 09/12'],
  ])('R-H2: complaint accepted %s (%s, remote %s) → %s', (accepted, complexity, remote, extensions, due) => {
    expect(resolveDue('complaint', accepted, { complexity, remote, extensions }, r, cal)).toBe(due);
  });
  it.each<Row>([
    // R-H3, Denunciation Law Art 30: 30 days plus 30 for each recorded extension; no remote variant.
    ['2026-01-15', 'normal', false, 0, '2026-02-23', '30 days end in the Tết break'],
    ['2026-01-15', 'complex', false, 1, '2026-03-16', 'one extension: 60 days'],
    ['2026-01-15', 'very_complex', false, 2, '2026-04-15', 'two extensions: 90 days'],
    ['2026-01-15', 'normal', true, 0, '2026-02-23', 'the remote flag does not change a denunciation'],
    ['2026-10-25', 'normal', false, 0, '2026-11-25', '30 days end on Culture Day'],
    ['2026-10-25', 'complex', false, 1, '2026-12-24', 'one extension: Thu 24/12'],
    ['2026-10-25', 'very_complex', false, 2, '2027-01-25', 'two extensions end Sat 23/01/2027'],
  ])('R-H3: denunciation accepted %s (%s, remote %s, %i extensions) → %s', (accepted, complexity, remote, extensions, due) => {
    expect(resolveDue('denunciation', accepted, { complexity, remote, extensions }, r, cal)).toBe(due);
  });
});

describe('publishDue: the conclusion is published within 07 working days (R-H3, Denunciation Law Art 40)', () => {
  it.each([
    ['2026-02-11', '2026-02-27', '12, 13/02 then 23–27/02'],
    ['2026-11-23', '2026-12-03', '24/11 not counted'],
  ])('concluded %s → publish by %s (%s)', (concluded, due) => expect(publishDue(concluded, r, cal)).toBe(due));
});

describe('complaintLateDays: the 90-day limit (R-H1, Complaints Law Art 9)', () => {
  it.each([
    ['2025-11-16', '2026-02-20', 0, 0, 'the 90th day is Sat 14/02: the period runs to Mon 23/02 (Art 148(5))'],
    ['2025-11-16', '2026-02-23', 0, 0, 'filed on the last day after the Tết roll-over'],
    ['2025-11-16', '2026-02-24', 0, 1, 'one day late'],
    ['2025-11-16', '2026-02-24', 10, 0, '10 excluded days (illness): the limit ends Tue 24/02'],
    ['2025-11-16', '2026-03-02', 10, 6, '6 days past the limit even with the excluded days'],
    ['2025-11-16', '2026-02-24', -5, 1, 'negative excluded days are ignored'],
    ['2026-08-26', '2026-11-25', 0, 0, 'the 90th day is Culture Day: runs to 25/11'],
    ['2026-08-26', '2026-11-26', 0, 1, 'one day late after Culture Day'],
    ['2026-03-01', '2026-02-01', 0, 0, 'received before it was known: not late'],
  ])('known %s, received %s, excluded %i → %i days late (%s)', (known, received, excluded, late) => {
    expect(complaintLateDays(known, received, excluded, r, cal)).toBe(late);
  });
});

describe('dueState and dueSoonHorizon: due soon within 02 working days', () => {
  it.each([
    ['2026-02-23', '2026-02-13', 'due_soon', 'ten calendar days away but one working day after Tết'],
    ['2026-02-24', '2026-02-13', 'due_soon', 'two working days'],
    ['2026-02-25', '2026-02-13', 'on_time', 'three working days'],
    ['2026-02-23', '2026-02-24', 'overdue', 'the day after the deadline'],
    ['2026-02-23', '2026-02-23', 'due_soon', 'the deadline day itself'],
    ['2026-11-25', '2026-11-23', 'due_soon', 'Culture Day is not counted'],
    ['2026-11-26', '2026-11-23', 'due_soon', '25 and 26/11'],
    ['2026-11-27', '2026-11-23', 'on_time', 'three working days'],
  ] as const)('due %s on %s → %s (%s)', (due, today, state, _why) => expect(dueState(due, today, r, cal)).toBe(state));

  it.each([
    ['2026-02-12', '2026-02-23'],
    ['2026-02-14', '2026-02-24'],
    ['2026-11-23', '2026-11-26'],
  ])('horizon on %s is %s', (today, horizon) => expect(dueSoonHorizon(today, r, cal)).toBe(horizon));

  it('the lists (due_on ≤ horizon) and the detail page (dueState) agree on every working-day deadline of 2026', () => {
    for (let today = '2026-01-01'; today <= '2026-12-31'; today = addDays(today, 1)) {
      const horizon = dueSoonHorizon(today, r, cal);
      for (let k = -3; k <= 20; k++) {
        const due = addDays(today, k);
        if (!cal.isWorkingDay(due)) continue;
        expect(dueState(due, today, r, cal) !== 'on_time', `${today} → ${due}`).toBe(due <= horizon);
      }
    }
  });
});
