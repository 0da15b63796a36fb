// R-D1 (Law 10/2022 Art 28(2)): a consultation on an Art 25 matter lasts at least 20 days from the
// publication of its content, unless a specific law sets another period. Days are calendar days,
// counted as the Civil Code counts a period in days (Bộ luật Dân sự 2015 Art 147(1)): from the day
// after publication, so content published on 01/12 with 20 days stays open through 21/12.
import { addDays } from '../../../platform/calendar/calendar.js';

export const MIN_COMMUNE_DAYS = 20;

/** The last day on which comments are received, 'YYYY-MM-DD' (Vietnam dates). */
export const lastDay = (publishedOn: string, days: number): string => addDays(publishedOn, days);

export type PeriodCheck = { ok: true } | { ok: false; reason: 'too_short_without_law' | 'not_positive' };

/** Agencies (Arts 53–55) have no statutory minimum; communes need 20 days or a cited law. */
export function checkPeriod(scope: 'commune' | 'agency', days: number, citedLaw: string): PeriodCheck {
  if (!Number.isInteger(days) || days < 1) return { ok: false, reason: 'not_positive' };
  if (scope === 'commune' && days < MIN_COMMUNE_DAYS && citedLaw.trim() === '') return { ok: false, reason: 'too_short_without_law' };
  return { ok: true };
}

export type Phase = 'draft' | 'not_yet' | 'open' | 'ended';
/** Whether comments are received on `today`: from the publication day through the last day. */
export function phaseOn(c: { opens_on: string | null; closes_on: string | null; status: string }, today: string): Phase {
  if (c.status === 'draft' || !c.opens_on || !c.closes_on) return 'draft';
  if (c.status !== 'open' || today > c.closes_on) return 'ended';
  return today < c.opens_on ? 'not_yet' : 'open';
}

/** Days left including today (0 once the last day has passed). */
export function daysLeft(closesOn: string, today: string): number {
  const ms = Date.parse(`${closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000) + 1);
}
