// What the feedback module measures for the resolution (issue 9; M-3.4(b), M-3.5; Law 10/2022 Arts
// 34–35): items received in the period; of those answered, how many by their deadline (the same rule
// as stats.ts); items still open past their deadline; residents' satisfaction with the answers; and the
// one-stop desk's QR rating index (R-H8: share of ratings "satisfied"). Grouped by commune.
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type IndicatorQuery, type ModuleIndicator, rollUp, shared, underAny } from '../module.js';

function items(deps: AppDeps, q: IndicatorQuery) {
  return shared('feedback.items', q, () => itemsQuery(deps, q));
}
async function itemsQuery(deps: AppDeps, q: IndicatorQuery) {
  const today = todayInVietnam(deps.clock.now());
  const deadline = sql`coalesce(f.resolve_due, f.accept_due)`;
  return deps.db
    .selectFrom('feedback_items as f')
    .innerJoin('units as u', 'u.id', 'f.commune_id')
    .select([
      'u.path',
      sql<number>`count(*)`.as('received'),
      sql<number>`sum(case when f.answered_on is not null then 1 else 0 end)`.as('answered'),
      sql<number>`sum(case when f.answered_on is not null and f.answered_on <= ${deadline} then 1 else 0 end)`.as('onTime'),
      sql<number>`sum(case when f.status in ('received', 'accepted') and f.due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when f.rating = 'satisfied' then 1 else 0 end)`.as('satisfied'),
      sql<number>`sum(case when f.rating is not null then 1 else 0 end)`.as('rated'),
    ])
    .where('f.received_on', '>=', q.from)
    .where('f.received_on', '<=', q.to)
    .where(underAny(q, 'u.path'))
    .groupBy('u.path')
    .execute();
}

const from =
  (pick: (r: Awaited<ReturnType<typeof items>>[number]) => { value: number; of?: number }, share: boolean): ModuleIndicator['compute'] =>
  async (deps, q) =>
    rollUp(
      q,
      (await items(deps, q)).map((r) => ({ path: r.path, ...pick(r) })),
      share,
    );

export const feedbackIndicators: Record<string, ModuleIndicator> = {
  received: { kind: 'count', compute: from((r) => ({ value: r.received }), false) },
  on_time: { kind: 'share', compute: from((r) => ({ value: r.onTime, of: r.answered }), true) },
  overdue: { kind: 'count', compute: from((r) => ({ value: r.overdue }), false) },
  satisfaction: { kind: 'share', compute: from((r) => ({ value: r.satisfied, of: r.rated }), true) },
  desk_rating: {
    kind: 'share',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('service_ratings as s')
        .innerJoin('units as u', 'u.id', 's.commune_id')
        .select(['u.path', sql<number>`count(*)`.as('n'), sql<number>`sum(case when s.overall = 3 then 1 else 0 end)`.as('satisfied')])
        .where('s.month', '>=', q.from.slice(0, 7))
        .where('s.month', '<=', q.to.slice(0, 7))
        .where(underAny(q, 'u.path'))
        .groupBy('u.path')
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.satisfied, of: r.n })),
        true,
      );
    },
  },
};
