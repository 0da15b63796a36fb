// Rule tables of the covenant cycle at every threshold and deadline edge (Decree 61/2023; LAW.md §7E),
// on the real civil-service calendar (holidays.csv).
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { addDays, loadOfficialDays, WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { lastDay } from '../../consultation/rules/period.js';
import { formRefusal } from '../../decisions/rules/forms.js';
import { attendanceTooLow, villageResult } from '../../decisions/rules/threshold.js';
import {
  annulClock,
  annulmentEligible,
  provinceReportDue,
  publicationComplete,
  reviewDate,
  sendClock,
  statusOf,
  suspendClock,
  teamProblems,
  voteNotBefore,
} from './cycle.js';

const cal = new WorkingCalendar(loadOfficialDays());
const rs = ruleSetOn('2026-01-01');

describe('R-E1 Decree 61 Art 9(1): the draft is posted at least 30 days before the vote', () => {
  it.each([
    ['2026-12-01', 30, '2027-01-01'],
    ['2026-12-10', 30, '2027-01-10'],
    ['2026-12-10', 45, '2027-01-25'],
    ['2027-02-01', 30, '2027-03-04'],
  ] as const)('R-E1: posted %s for %i days -> vote from %s, not a day before', (posted, days, first) => {
    expect(voteNotBefore(posted, days)).toBe(first);
  });
  it("R-E1: the first vote day is the day after the consultation's last day (posted 1/12/2026 for 30 days: comments through 31/12)", () => {
    expect(lastDay('2026-12-01', 30)).toBe('2026-12-31');
    expect(voteNotBefore('2026-12-01', 30)).toBe(addDays(lastDay('2026-12-01', 30), 1));
  });
});

describe('R-E2 Decree 61 Art 10 (decisions’ threshold for Art 15 item 3): > 50 % of ALL households', () => {
  it.each([
    [100, 50, false],
    [100, 51, true],
    [101, 50, false],
    [101, 51, true],
    [1, 1, true],
  ] as const)('R-E2: %i households, %i approving -> adopted %s', (total, approving, adopted) => {
    expect(villageResult({ item: 3, householdsTotal: total, present: total, approving }, rs).adopted).toBe(adopted);
  });
  it.each([
    [100, 50, true],
    [100, 51, false],
    [101, 51, false],
  ] as const)('R-E2: a meeting of %i households with %i represented lacked attendance: %s', (total, present, failed) => {
    expect(attendanceTooLow(3, total, present, rs)).toBe(failed);
  });
  it('R-E2 Art 10: a household ballot only after a meeting failed for attendance', () => {
    expect(formRefusal('household_ballot', { item: 3, scope: 'village', failedMeeting: false }, rs)).toBe('meeting_only');
    expect(formRefusal('household_ballot', { item: 3, scope: 'village', failedMeeting: true }, rs)).toBeNull();
    expect(formRefusal('online', { item: 3, scope: 'village', failedMeeting: true }, rs)).toBe('online_item');
  });
});

describe('R-E3 Decree 61 Art 11(3): sent to the village head and the Front within 02 working days of recognition', () => {
  it.each([
    ['2026-12-10', null, '2026-12-14', '2026-12-14', false, 0],
    ['2026-12-10', '2026-12-14', '2026-12-30', '2026-12-14', false, 0],
    ['2026-12-10', '2026-12-15', '2026-12-30', '2026-12-14', true, 1],
    ['2026-12-11', null, '2026-12-16', '2026-12-15', true, 1],
    ['2026-04-28', null, '2026-04-28', '2026-05-04', false, 0],
  ] as const)('R-E3: recognised %s, sent %s, today %s -> due %s, overdue %s, %i WD late', (rec, sent, today, due, overdue, late) => {
    expect(sendClock(rec, sent, today, cal)).toEqual({ due, doneOn: sent, overdue, daysLate: late });
  });
});

describe('R-E5 Decree 61 Arts 12, 14: answer or suspend within 03 WD, answer or annul within 05 WD', () => {
  it.each([
    ['2026-12-10', '2026-12-15', '2026-12-17'],
    ['2026-12-11', '2026-12-16', '2026-12-18'],
    ['2026-04-27', '2026-05-04', '2026-05-06'], // Mon 27/4 is the Hùng Kings day off; 30/4 and 1/5
  ] as const)('R-E5: report received %s -> suspend by %s, annul by %s', (rep, sus, ann) => {
    expect(suspendClock(rep, null, rep, cal).due).toBe(sus);
    expect(annulClock(rep, null, rep, cal).due).toBe(ann);
    expect(suspendClock(rep, sus, sus, cal).overdue).toBe(false);
    expect(annulClock(rep, null, `${ann.slice(0, 8)}${String(Number(ann.slice(8)) + 1).padStart(2, '0')}`, cal).overdue).toBe(true);
  });
  const sus = { suspended_on: '2026-12-10', suspension_deadline: '2026-12-31', corrected_on: null };
  it.each([
    [sus, '2026-12-31', false],
    [sus, '2027-01-01', true],
    [{ ...sus, corrected_on: '2026-12-20' }, '2027-01-01', false],
    [{ ...sus, suspended_on: null }, '2027-01-01', false],
  ] as const)('R-E5 Art 14: suspension %o on %s -> eligible for annulment %s', (c, today, eligible) => {
    expect(annulmentEligible(c, today)).toBe(eligible);
  });
});

describe('Decree 61 Art 15: published at the cultural house and through at least one more channel', () => {
  it.each([
    [[], false],
    [['cultural_house'], false],
    [['loudspeaker', 'commune_portal'], false],
    [['cultural_house', 'loudspeaker'], true],
  ] as const)('Art 15: channels %o -> complete %s', (ch, ok) => {
    expect(publicationComplete(ch)).toBe(ok);
  });
});

describe('R-E6 Decree 61 Arts 15(4), 16: the review day and the province report', () => {
  it('R-E6: the review is on 18 November unless the village set another day; the report before 30 November', () => {
    expect(reviewDate(2026, '11-18')).toBe('2026-11-18');
    expect(reviewDate(2027, '12-01')).toBe('2027-12-01');
    expect(reviewDate(2027, 'nonsense')).toBe('2027-11-18');
    expect(provinceReportDue(2026)).toBe('2026-11-29');
  });
});

describe('R-E7 Decree 61 Art 8(2): the drafting team of an ethnic-minority community', () => {
  const m = (elder: boolean, speaker: boolean) => ({ name: 'A', role: '', elder, speaker });
  it.each([
    [[], false, ['empty']],
    [[m(false, false)], false, []],
    [[m(false, false)], true, ['no_elder', 'no_speaker']],
    [[m(true, false)], true, ['no_speaker']],
    [[m(false, true)], true, ['no_elder']],
    [[m(true, false), m(false, true)], true, []],
    [[m(true, true)], true, []],
  ] as const)('R-E7: team %o, ethnic-minority %s -> problems %o', (team, minority, problems) => {
    expect(teamProblems([...team], minority)).toEqual(problems);
  });
});

describe('where a covenant stands (Arts 9–14, 24), read from decisions’ matter and vote', () => {
  const base = {
    origin: 'proposed' as const,
    annulled_on: null,
    suspended_on: null,
    corrected_on: null,
    consultationClosesOn: '2026-12-31',
    matterStatus: 'open',
    vote: null,
    replacedInForce: false,
  };
  it.each([
    [{ consultationClosesOn: null }, 'drafting'],
    [{ matterStatus: 'collecting', consultationClosesOn: null }, 'initiative'],
    [{}, 'consultation'],
    [{ consultationClosesOn: '2026-12-09' }, 'ready_to_vote'],
    [{ vote: { status: 'scheduled', outcome: null } }, 'voting'],
    [{ vote: { status: 'counted', outcome: 'not_adopted' } }, 'not_adopted'],
    [{ vote: { status: 'finalised', outcome: 'adopted' } }, 'adopted'],
    [{ vote: { status: 'submitted', outcome: 'adopted' } }, 'awaiting_recognition'],
    [{ vote: { status: 'refused', outcome: 'adopted' } }, 'refused'],
    [{ vote: { status: 'recognised', outcome: 'adopted' } }, 'in_force'],
    [{ vote: { status: 'recognised', outcome: 'adopted' }, suspended_on: '2026-12-01' }, 'suspended'],
    [{ vote: { status: 'recognised', outcome: 'adopted' }, suspended_on: '2026-12-01', corrected_on: '2026-12-05' }, 'in_force'],
    [{ vote: { status: 'recognised', outcome: 'adopted' }, replacedInForce: true }, 'replaced'],
    [{ vote: { status: 'recognised', outcome: 'adopted' }, matterStatus: 'annulled' }, 'annulled'],
    [{ origin: 'transitional', consultationClosesOn: null, matterStatus: null }, 'in_force'],
  ] as const)('on 10/12/2026, %o -> %s', (over, status) => {
    expect(statusOf({ ...base, ...over } as Parameters<typeof statusOf>[0], '2026-12-10')).toBe(status);
  });
});
