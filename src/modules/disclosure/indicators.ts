// What the disclosure module measures for the resolution (issue 9; T-2.2 "discloses everything it must",
// M-3.4(a)): of the mandatory items of the yearly plan due in the period (Law 10/2022 Arts 11–13), how
// many were published by their due day, and how many are past due and still not published.
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type IndicatorQuery, type ModuleIndicator, rollUp, shared, underAny } from '../module.js';

function dueItems(deps: AppDeps, q: IndicatorQuery) {
  return shared('disclosure.due', q, () => dueQuery(deps, q));
}
async function dueQuery(deps: AppDeps, q: IndicatorQuery) {
  const today = todayInVietnam(deps.clock.now());
  const [to] = [q.to, today].sort();
  return deps.db
    .selectFrom('disclosure_plan_items as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('disclosures as d', 'd.id', 'p.disclosure_id')
    .select([
      'u.path',
      sql<number>`count(*)`.as('due'),
      // Published by the end of the due day in Vietnam (UTC+7: 17:00 UTC).
      sql<number>`sum(case when d.published_at is not null and d.published_at < p.due_date || 'T17:00:00.000Z' then 1 else 0 end)`.as('onTime'),
      sql<number>`sum(case when d.published_at is null then 1 else 0 end)`.as('missing'),
    ])
    .where('p.due_date', '>=', q.from)
    .where('p.due_date', '<=', to)
    .where(underAny(q, 'u.path'))
    .groupBy('u.path')
    .execute();
}

export const disclosureIndicators: Record<string, ModuleIndicator> = {
  on_time: {
    kind: 'share',
    compute: async (deps, q) =>
      rollUp(
        q,
        (await dueItems(deps, q)).map((r) => ({ path: r.path, value: r.onTime, of: r.due })),
        true,
      ),
  },
  missing: {
    kind: 'count',
    compute: async (deps, q) =>
      rollUp(
        q,
        (await dueItems(deps, q)).map((r) => ({ path: r.path, value: r.missing })),
        false,
      ),
  },
};
