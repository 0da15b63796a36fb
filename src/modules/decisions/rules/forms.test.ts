// The allowed-form matrix (R-A6, R-A7): Law 10/2022 Arts 17(2), 19(1); Decree 59/2023 Art 5(1)–(2).
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { BALLOT_CASES, type BallotCase, FORMS, type FormContext, type FormRefusal, formRefusal, REFUSAL_ARTICLE } from './forms.js';
import { MATTER_ITEMS, type MatterItem, type Scope, scopesOf } from './matters.js';

const rs = ruleSetOn('2026-12-10');
/** Every precondition of online voting met (Decree 59 Art 5(1)(b), 5(2)(a)–(b)). */
const onlineReady = { noMeetingAgreed: true, authoritiesNotified: true, pollYes: 61, householdsTotal: 120 };

/** The expected answer, written out from the law rather than from the code. */
function expected(form: string, item: MatterItem, scope: Scope, ballotCase: BallotCase | null, failed: boolean): FormRefusal | null {
  if (form === 'meeting') return null; // Art 17(1)(a): a meeting is always lawful
  if (form === 'online') return item === 6 ? null : 'online_item'; // Art 17(2)
  if (item >= 3 && item <= 5) return failed ? null : 'meeting_only'; // Art 17(2), 19(1)(b)
  if (!ballotCase) return 'ballot_case_missing'; // Art 19(1)
  if (ballotCase === 'commune_choice' && scope !== 'commune') return 'ballot_case_commune'; // Art 19(1)(a)
  if (ballotCase === 'village_decision' && scope === 'commune') return 'ballot_case_village'; // Art 16(1): the chairman chooses
  if (ballotCase === 'failed_meeting' && !failed) return 'ballot_case_failed'; // Art 19(1)(b)
  return null;
}

const rows: [MatterItem, Scope, string, BallotCase | null, boolean][] = [];
for (const item of MATTER_ITEMS)
  for (const scope of scopesOf(item))
    for (const form of FORMS)
      for (const ballotCase of [null, ...BALLOT_CASES])
        for (const failed of [false, true]) {
          if (form !== 'household_ballot' && ballotCase !== null) continue;
          rows.push([item, scope, form, ballotCase, failed]);
        }

describe('formRefusal: the full matrix (R-A6 Art 17(2), 19(1); R-A7 Decree 59 Art 5)', () => {
  it.each(rows)('R-A6/R-A7: item %i, %s scope, %s, ballot case %s, failed meeting %s', (item, scope, form, ballotCase, failedMeeting) => {
    const c: FormContext = { item, scope, failedMeeting, ballotCase, ...onlineReady };
    expect(formRefusal(form as (typeof FORMS)[number], c, rs)).toBe(expected(form, item, scope, ballotCase, failedMeeting));
  });
});

describe('formRefusal: the rules one by one', () => {
  const ctx = (o: Partial<FormContext>): FormContext => ({ item: 6, scope: 'village', failedMeeting: false, ...o });

  it.each([3, 4, 5] as const)('R-A6 Art 17(2): item %i is never decided online, even with every precondition met', (item) => {
    expect(formRefusal('online', ctx({ item, failedMeeting: true, ...onlineReady }), rs)).toBe('online_item');
  });

  it.each([1, 2] as const)('R-A7 Art 17(2): item %i is not decided online either (only item 6)', (item) => {
    expect(formRefusal('online', ctx({ item, ...onlineReady }), rs)).toBe('online_item');
    expect(formRefusal('online', ctx({ item, scope: 'commune', ...onlineReady }), rs)).toBe('online_item');
  });

  it.each([3, 4, 5] as const)('R-A6 Art 19(1)(b): item %i by household ballot only after a failed meeting, whatever case is claimed', (item) => {
    for (const ballotCase of [null, ...BALLOT_CASES]) {
      expect(formRefusal('household_ballot', ctx({ item, ballotCase }), rs)).toBe('meeting_only');
      expect(formRefusal('household_ballot', ctx({ item, ballotCase, failedMeeting: true }), rs)).toBeNull();
    }
  });

  it.each([1, 2, 6] as const)("R-A6 Art 19(1)(a): item %i, 'commune_choice' only for a commune-wide matter", (item) => {
    expect(formRefusal('household_ballot', ctx({ item, ballotCase: 'commune_choice' }), rs)).toBe('ballot_case_commune');
    if (scopesOf(item).includes('commune'))
      expect(formRefusal('household_ballot', ctx({ item, scope: 'commune', ballotCase: 'commune_choice' }), rs)).toBeNull();
  });

  it.each([1, 2, 6] as const)('R-A6 Art 19(1): item %i, a household ballot must name its case', (item) => {
    expect(formRefusal('household_ballot', ctx({ item }), rs)).toBe('ballot_case_missing');
    expect(formRefusal('household_ballot', ctx({ item, ballotCase: null, failedMeeting: true }), rs)).toBe('ballot_case_missing');
  });

  it.each([1, 2, 6] as const)("R-A6 Art 19(1)(b), (c): item %i, 'failed_meeting' needs a failed meeting; 'village_decision' does not", (item) => {
    expect(formRefusal('household_ballot', ctx({ item, ballotCase: 'failed_meeting' }), rs)).toBe('ballot_case_failed');
    expect(formRefusal('household_ballot', ctx({ item, ballotCase: 'failed_meeting', failedMeeting: true }), rs)).toBeNull();
    expect(formRefusal('household_ballot', ctx({ item, ballotCase: 'village_decision' }), rs)).toBeNull();
  });

  it.each([
    [{}, 'online_agreement'],
    [{ noMeetingAgreed: true }, 'online_notified'],
    [{ noMeetingAgreed: true, authoritiesNotified: true }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, householdsTotal: 120 }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: null, householdsTotal: 120 }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 0, householdsTotal: 120 }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 60, householdsTotal: 120 }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 61, householdsTotal: 120 }, null],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 99, householdsTotal: 199 }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 100, householdsTotal: 199 }, null],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 100, householdsTotal: 200 }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 101, householdsTotal: 200 }, null],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 61 }, 'online_poll'],
    [{ noMeetingAgreed: true, authoritiesNotified: true, pollYes: 1, householdsTotal: 0 }, 'online_poll'],
    [{ noMeetingAgreed: false, authoritiesNotified: true, pollYes: 120, householdsTotal: 120 }, 'online_agreement'],
    [{ noMeetingAgreed: true, authoritiesNotified: false, pollYes: 120, householdsTotal: 120 }, 'online_notified'],
  ] as const)('R-A7 Decree 59 Art 5(1)(b), 5(2)(a)–(b): item 6 online with %j -> %s', (o, refusal) => {
    expect(formRefusal('online', ctx(o), rs)).toBe(refusal);
  });

  it('R-A7 Decree 59 Art 5(2)(b): the poll counts against ALL households: 61 yes of 70 answering but 130 households is refused', () => {
    expect(formRefusal('online', ctx({ ...onlineReady, pollYes: 61, householdsTotal: 130 }), rs)).toBe('online_poll');
    expect(formRefusal('online', ctx({ ...onlineReady, pollYes: 66, householdsTotal: 130 }), rs)).toBeNull();
  });

  it.each([1, 2, 3, 4, 5, 6] as const)('R-A6 Art 17(1)(a): item %i may always be decided at a meeting', (item) => {
    for (const scope of scopesOf(item)) expect(formRefusal('meeting', ctx({ item, scope }), rs)).toBeNull();
  });

  it('R-A6/R-A7: every refusal names its article (Art 17(2), 19(1); Decree 59 Art 5)', () => {
    const all: FormRefusal[] = [
      'meeting_only',
      'ballot_case_missing',
      'ballot_case_commune',
      'ballot_case_village',
      'ballot_case_failed',
      'online_item',
      'online_agreement',
      'online_notified',
      'online_poll',
    ];
    expect(Object.keys(REFUSAL_ARTICLE).sort()).toEqual([...all].sort());
    for (const r of all) expect(REFUSAL_ARTICLE[r]).toMatch(/^Điều \d+/);
    expect(REFUSAL_ARTICLE.online_poll).toBe('Điều 5 khoản 2 điểm b Nghị định 59/2023/NĐ-CP');
    expect(REFUSAL_ARTICLE.meeting_only).toContain('Điều 17 khoản 2');
  });
});
