// Counts for dashboards (no page yet): requests still awaiting an answer in a commune, split the way
// requestStatus splits them, so `open` and `overdue` never overlap (open + overdue = unanswered).
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { statusOf } from './model.js';

export async function infoRequestSummary(deps: Pick<AppDeps, 'db' | 'clock'>, commune: Pick<Unit, 'id'>): Promise<{ open: number; overdue: number }> {
  const today = todayInVietnam(deps.clock.now());
  const rows = await deps.db
    .selectFrom('info_requests')
    .select(['due_date', 'extended_until', 'status', 'closed_on'])
    .where('unit_id', '=', commune.id)
    .where('status', '=', 'open')
    .execute();
  let overdue = 0;
  for (const r of rows) if (statusOf(r, today) === 'overdue') overdue++;
  return { open: rows.length - overdue, overdue };
}
