// What the feedback module measures for the resolution (issue 9; M-3.4(b), M-3.5; Law 10/2022 Arts
// 34–35): items received in the period; of those answered, how many by their deadline (the same rule
// as stats.ts); items still open past their deadline; residents' satisfaction with the answers; and the
// one-stop desk's QR rating index (R-H8: share of ratings "satisfied"). Grouped by commune.
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type AgencyQuery, type IndicatorQuery, type IndicatorValue, type ModuleIndicator, rollUp, shared, underAny } from '../module.js';

function items(deps: AppDeps, q: IndicatorQuery) {
  return shared('feedback.items', q, () => itemsQuery(deps, q));
}
/** The same figures per handling agency (handler_agency_id): what an agency itself answers (Art 59(1)(c)). */
function agencyItems(deps: AppDeps, q: AgencyQuery) {
  return shared('feedback.agencyItems', q, () =>
    deps.db
      .selectFrom('feedback_items as f')
      .select(['f.handler_agency_id', ...figures(deps)])
      .where('f.handler_agency_id', 'in', q.agencies.length ? q.agencies.map((a) => a.id) : [0])
      .where('f.received_on', '>=', q.from)
      .where('f.received_on', '<=', q.to)
      .groupBy('f.handler_agency_id')
      .execute(),
  );
}
function figures(deps: AppDeps) {
  const today = todayInVietnam(deps.clock.now());
  const deadline = sql`coalesce(f.resolve_due, f.accept_due)`;
  return [
    sql<number>`count(*)`.as('received'),
    sql<number>`sum(case when f.answered_on is not null then 1 else 0 end)`.as('answered'),
    sql<number>`sum(case when f.answered_on is not null and f.answered_on <= ${deadline} then 1 else 0 end)`.as('onTime'),
    sql<number>`sum(case when f.status in ('received', 'accepted') and f.due_on < ${today} then 1 else 0 end)`.as('overdue'),
    sql<number>`sum(case when f.rating = 'satisfied' then 1 else 0 end)`.as('satisfied'),
    sql<number>`sum(case when f.rating is not null then 1 else 0 end)`.as('rated'),
  ] as const;
}
async function itemsQuery(deps: AppDeps, q: IndicatorQuery) {
  return deps.db
    .selectFrom('feedback_items as f')
    .innerJoin('units as u', 'u.id', 'f.commune_id')
    .select(['u.path', ...figures(deps)])
    .where('f.received_on', '>=', q.from)
    .where('f.received_on', '<=', q.to)
    .where(underAny(q, 'u.path'))
    .groupBy('u.path')
    .execute();
}

type Figures = Omit<Awaited<ReturnType<typeof items>>[number], 'path'>;
const from = (pick: (r: Figures) => { value: number; of?: number }, share: boolean): Pick<ModuleIndicator, 'compute' | 'agencyCompute'> => ({
  compute: async (deps, q) =>
    rollUp(
      q,
      (await items(deps, q)).map((r) => ({ path: r.path, ...pick(r) })),
      share,
    ),
  agencyCompute: async (deps, q) => {
    const out = new Map<number, IndicatorValue>(q.agencies.map((a) => [a.id, { value: 0, of: share ? 0 : null }]));
    for (const r of await agencyItems(deps, q)) {
      const v = out.get(r.handler_agency_id!);
      const p = pick(r);
      if (v) [v.value, v.of] = [v.value + Number(p.value ?? 0), share ? (v.of ?? 0) + Number(p.of ?? 0) : null];
    }
    return out;
  },
});

export const feedbackIndicators: Record<string, ModuleIndicator> = {
  received: { kind: 'count', ...from((r) => ({ value: r.received }), false) },
  on_time: { kind: 'share', ...from((r) => ({ value: r.onTime, of: r.answered }), true) },
  overdue: { kind: 'count', ...from((r) => ({ value: r.overdue }), false) },
  satisfaction: { kind: 'share', ...from((r) => ({ value: r.satisfied, of: r.rated }), true) },
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
