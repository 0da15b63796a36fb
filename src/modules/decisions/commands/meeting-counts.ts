// Reading the counts of a meeting, per cluster and option (Decree 59/2023 Art 3(5); R-A16): no count
// above the households present in its cluster, and no more choices than households (an election may
// approve up to `seats` candidates per household).
import type { FieldErrors } from '../../../platform/errors.js';
import { readCount } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';

export type CountRow = { cluster: number; option_key: string; count: number };

export function readMeetingCounts(
  t: T,
  e: FieldErrors,
  p: { options: { key: string }[]; clusters: number; attendance: { cluster: number }[]; choicesPerHousehold: number; typed: Record<string, string> },
): { counts: CountRow[]; totals: Record<string, number> } {
  const counts: CountRow[] = [];
  const totals: Record<string, number> = {};
  for (let cluster = 1; cluster <= p.clusters; cluster++) {
    const here = p.attendance.filter((a) => a.cluster === cluster).length;
    let sum = 0;
    for (const o of p.options) {
      const name = `count_${cluster}_${o.key}`;
      const n = readCount(t, e, name, p.typed[`${cluster}:${o.key}`]);
      if (n == null) continue;
      if (n > here) e[name] = t('decisions.core.err.aboveAttendance', { n: here });
      sum += n;
      totals[o.key] = (totals[o.key] ?? 0) + n;
      counts.push({ cluster, option_key: o.key, count: n });
    }
    if (sum > here * p.choicesPerHousehold) e[`count_${cluster}_${p.options[0]?.key}`] ??= t('decisions.core.err.sumAboveAttendance', { n: here });
  }
  return { counts, totals };
}
