// Label lookups for the covenant pages (keys live in i18n/index.ts).
import { formatDate, type MessageKey, type T } from '../../../platform/i18n/index.js';
import type { Clock } from '../../decisions/rules/deadlines.js';
import type { Step } from '../present.js';

export const C = (t: T, key: string, params?: Record<string, string | number>): string => t(`covenants.${key}` as MessageKey, params);

const DATE_PARAMS = new Set(['date', 'due', 'due2', 'from', 'to', 'deadline', 'adopted', 'recognised']);
/** A step's sentence with its dates in dd/mm/yyyy. */
export function stepText(t: T, s: Step): string {
  const p: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.params)) p[k] = DATE_PARAMS.has(k) && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  if (s.key === 'published')
    p.channels = s.params
      .channels!.split(', ')
      .filter(Boolean)
      .map((x) => C(t, `channel.${x}`))
      .join(', ');
  return C(t, `step.${s.key}`, p);
}
export const clockText = (t: T, c: Clock): string => (c.overdue ? (c.daysLate > 0 ? C(t, 'lateDays', { n: c.daysLate }) : C(t, 'late')) : C(t, 'onTime'));
