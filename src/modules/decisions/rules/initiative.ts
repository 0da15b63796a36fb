// A residents' initiative (Law 10/2022 Art 16(3); R-A15): it goes to the community when households
// consenting are ≥ 10 % of all households of the village, or when the Front work committee approves;
// each consent is valid for 03 months from the day it was given.
import type { RuleSet } from '../../../law/rule-sets.js';
import { addMonths } from '../../../platform/calendar/periods.js';

/** A consent given on `givenOn` still counts on `today`. Civil Code 2015 Arts 147(1), 148(1)(c): the
 * period starts the next day and ends at the end of the same-numbered day of the third month (or that
 * month's last day), so a consent of 15/01 counts through 15/04. */
export const consentValid = (givenOn: string, today: string, rs: RuleSet): boolean => today <= addMonths(givenOn, rs.decisions.consentValidMonths);

export type InitiativeStatus = { valid: number; householdsTotal: number; needed: number; reached: boolean; frontApproved: boolean; mayForward: boolean };

export function initiativeStatus(consents: readonly string[], householdsTotal: number, frontApproved: boolean, today: string, rs: RuleSet): InitiativeStatus {
  const valid = consents.filter((g) => consentValid(g, today, rs)).length;
  // ≥ 10 %: 100·valid ≥ 10·total, the least such count is ⌈total·p/100⌉.
  const needed = Math.ceil((householdsTotal * rs.decisions.initiativePercent) / 100);
  const reached = householdsTotal > 0 && valid >= needed;
  return { valid, householdsTotal, needed, reached, frontApproved, mayForward: reached || frontApproved };
}
