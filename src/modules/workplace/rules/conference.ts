// The staff conference's legal rules (Law 10/2022 Arts 49–52; R-G3), pure: (input, rules) -> plain data.
// The counting reuses the decisions module's integer threshold (neededApprovals): ≥ 2/3 is ⌈2n/3⌉
// and "more than half" is ⌊n/2⌋ + 1, so 20 of 30 is exactly two thirds. The base differs from a
// village vote (staff or attendees, not households), so only that pure function is shared.
import { addMonths } from '../../../platform/calendar/periods.js';
import { neededApprovals } from '../../decisions/rules/threshold.js';

/** Legal parameters, each with its article. [U] marks what the law leaves open (a setting with its default). */
export const WORKPLACE_RULES = {
  /** Art 51(1): held after the work year ends and no later than 03 months into the next. */
  monthsAfterWorkYear: 3,
  /** [U] The work year ends on 31 December (the State's fiscal and planning year). */
  workYearEndsMonthDay: '12-31',
  /** Art 51(2): agencies with < 100 staff hold a plenary; ≥ 100 (or dispersed) may use delegates. */
  delegatesFrom: 100,
  /** Art 51(2): agencies with ≤ 07 staff may hold one if they wish (not flagged when they do not). */
  optionalMaxStaff: 7,
  /** Art 52(3): the head and union review implementation every 06 months and tell all staff. */
  reviewEveryMonths: 6,
} as const;
export type WorkplaceRules = typeof WORKPLACE_RULES;

/** R-G3 (Art 51(2)): the conference is valid with at least two thirds of all staff (or of the delegates convened). */
export const quorumNeeded = (base: number): number => neededApprovals('two_thirds', base);
/** R-G3 (Art 51(2)): a resolution passes with more than half of those attending. A staff-wide ballot
 * (Art 50) [U: the law gives no base] is counted against all staff it was sent to, the stricter reading. */
export const passNeeded = (base: number): number => neededApprovals('majority', base);

export type Form = 'plenary' | 'delegates' | 'ballot';
export type FormProblem = 'delegates_too_small' | 'ballot_not_allowed';

/** Art 51(2) and Art 50: delegates only at ≥ 100 staff or a dispersed agency; a ballot only when the
 * conference cannot be held (force majeure) or failed its quorum at the second convocation. */
export function formProblem(
  input: { form: Form; staff: number; dispersed: boolean; forceMajeure: boolean; failedSecondConvocation: boolean },
  r: WorkplaceRules = WORKPLACE_RULES,
): FormProblem | null {
  if (input.form === 'delegates' && input.staff < r.delegatesFrom && !input.dispersed) return 'delegates_too_small';
  if (input.form === 'ballot' && !input.forceMajeure && !input.failedSecondConvocation) return 'ballot_not_allowed';
  return null;
}

/** Art 51(1): the last day a conference on `workYear` may be held in time (31/03 of the next year). */
export function conferenceDeadline(workYear: number, r: WorkplaceRules = WORKPLACE_RULES): string {
  return addMonths(`${workYear}-${r.workYearEndsMonthDay}`, r.monthsAfterWorkYear);
}
/** Art 51(1): held after the work year ends. */
export const workYearEnd = (workYear: number, r: WorkplaceRules = WORKPLACE_RULES): string => `${workYear}-${r.workYearEndsMonthDay}`;
export const isLate = (workYear: number, heldOn: string, r: WorkplaceRules = WORKPLACE_RULES): boolean => heldOn > conferenceDeadline(workYear, r);

export type YearState = 'held' | 'held_late' | 'due' | 'missing' | 'optional';

/** R-G3 (Art 51(1)–(2)): the flag of one agency for one work year, judged on `today`. Agencies with
 * ≤ 07 staff are never flagged (the conference is optional for them). A ballot that replaced the
 * conference (Art 50) counts as held. */
export function conferenceYearState(
  input: { workYear: number; staff: number | null; held: { heldOn: string; valid: boolean }[]; today: string },
  r: WorkplaceRules = WORKPLACE_RULES,
): YearState {
  const valid = input.held.filter((h) => h.valid).sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const first = valid[0];
  if (first) return isLate(input.workYear, first.heldOn, r) ? 'held_late' : 'held';
  if (input.staff !== null && input.staff <= r.optionalMaxStaff) return 'optional';
  return input.today > conferenceDeadline(input.workYear, r) ? 'missing' : 'due';
}

/** Art 52(3): the next review is due 06 months after the conference or the last review. */
export function nextReviewDue(heldOn: string, reviews: string[], r: WorkplaceRules = WORKPLACE_RULES): string {
  const last = [heldOn, ...reviews].sort().at(-1) as string;
  return addMonths(last, r.reviewEveryMonths);
}
export const reviewOverdue = (heldOn: string, reviews: string[], today: string, r: WorkplaceRules = WORKPLACE_RULES): boolean =>
  today > nextReviewDue(heldOn, reviews, r);
