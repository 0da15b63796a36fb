// Clocks after a vote (R-A13, R-A14, R-B3), counted in working days on the civil-service calendar
// (Law 10/2022 Arts 20(3), 21(2); Decree 59/2023 Arts 3(5)(d), 4(7), 5(4)(b), 8, 9).

import type { RuleSet } from '../../../law/rule-sets.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.js';
import { addDays } from '../../../platform/calendar/calendar.js';

export type Clock = { due: string; doneOn: string | null; overdue: boolean; daysLate: number };

function clock(due: string, doneOn: string | null, today: string, cal: WorkingCalendar): Clock {
  const end = doneOn ?? today;
  const late = end > due ? cal.workingDaysBetween(due, end) : 0;
  // Done (or still pending) on any day after the due working day is overdue (Law Art 20(3), 21(2):
  // "trong 05 ngày làm việc"), even on a weekend when 0 working days have passed since.
  return { due, doneOn, overdue: end > due, daysLate: late };
}

/** R-A13: the decision reaches the commune People's Committee and Front within 05 working days after
 * the meeting, or after the ballot or online-vote deadline (`closedOn`). */
export function submissionClock(closedOn: string, submittedOn: string | null, today: string, rs: RuleSet, cal: WorkingCalendar): Clock {
  return clock(cal.addWorkingDays(closedOn, rs.decisions.submitWorkingDays), submittedOn, today, cal);
}

/** R-A14: recognition, or a reasoned refusal, within 05 working days of receipt. */
export function recognitionClock(receivedOn: string, decidedOn: string | null, today: string, rs: RuleSet, cal: WorkingCalendar): Clock {
  return clock(cal.addWorkingDays(receivedOn, rs.decisions.recogniseWorkingDays), decidedOn, today, cal);
}

/** R-B3 (Decree 59 Art 9): a new election is decided within 60 days of the dismissal's recognition. */
export const newElectionDue = (recognisedOn: string, rs: RuleSet): string => addDays(recognisedOn, rs.decisions.election.newElectionDays);
