// What the feedback module measures for the resolution (issue 9; M-3.4(b), M-3.5; Law 10/2022 Arts
// 34–35): items received in the period; answers on time among the items that fell due (see `due`);
// items still open past their deadline; residents' satisfaction with the answers; and the one-stop
// desk's QR rating index (R-H8: share of ratings "satisfied"). Grouped by commune.
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
  return [
    sql<number>`count(*)`.as('received'),
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

// On time (R-H2, R-H3, R-H6; Complaints Law Arts 27–28, Denunciation Law Art 30, Reception Law Art 28):
// an item not answered by its deadline is late whether or not it was answered since. So the share is
// taken over every item that fell due in the period (its deadline, the same as stats.ts's, inside the
// period and already passed, answered or still open) or that was answered in it; the numerator is
// those answered no later than their deadline. Items forwarded, refused or closed without an answer
// have no answer owed here and stay out. Neither date can precede receipt, so received_on <= q.to
// keeps the scan on the (commune_id, received_on, ...) covering index.
const DEADLINE = sql`coalesce(f.resolve_due, f.accept_due)`;
const dueFigures = [sql<number>`count(*)`.as('due'), sql<number>`sum(case when f.answered_on <= ${DEADLINE} then 1 else 0 end)`.as('onTime')] as const;
function fellDue(deps: AppDeps, q: { from: string; to: string }) {
  const today = todayInVietnam(deps.clock.now());
  return sql<boolean>`f.received_on <= ${q.to} and (
    (f.answered_on >= ${q.from} and f.answered_on <= ${q.to})
    or (${DEADLINE} >= ${q.from} and ${DEADLINE} <= ${q.to}
      and (f.answered_on is not null or (f.status in ('received', 'accepted') and ${DEADLINE} < ${today}))))`;
}
function dueItems(deps: AppDeps, q: IndicatorQuery) {
  return shared('feedback.dueItems', q, () =>
    deps.db
      .selectFrom('feedback_items as f')
      .innerJoin('units as u', 'u.id', 'f.commune_id')
      .select(['u.path', ...dueFigures])
      .where(fellDue(deps, q))
      .where(underAny(q, 'u.path'))
      .groupBy('u.path')
      .execute(),
  );
}
function agencyDueItems(deps: AppDeps, q: AgencyQuery) {
  return deps.db
    .selectFrom('feedback_items as f')
    .select(['f.handler_agency_id', ...dueFigures])
    .where('f.handler_agency_id', 'in', q.agencies.length ? q.agencies.map((a) => a.id) : [0])
    .where(fellDue(deps, q))
    .groupBy('f.handler_agency_id')
    .execute();
}

type Row = { value: number | string | null; of?: number | string | null };
/** One indicator from a query per unit path and its twin per handling agency. */
function measure<T>(
  byPath: (deps: AppDeps, q: IndicatorQuery) => Promise<(T & { path: string })[]>,
  byAgency: (deps: AppDeps, q: AgencyQuery) => Promise<(T & { handler_agency_id: number | null })[]>,
  pick: (r: T) => Row,
  share: boolean,
): Pick<ModuleIndicator, 'compute' | 'agencyCompute'> {
  return {
    compute: async (deps, q) =>
      rollUp(
        q,
        (await byPath(deps, q)).map((r) => ({ path: r.path, ...pick(r) })),
        share,
      ),
    agencyCompute: async (deps, q) => {
      const out = new Map<number, IndicatorValue>(q.agencies.map((a) => [a.id, { value: 0, of: share ? 0 : null }]));
      for (const r of await byAgency(deps, q)) {
        const v = out.get(r.handler_agency_id!);
        const p = pick(r);
        if (v) [v.value, v.of] = [v.value + Number(p.value ?? 0), share ? (v.of ?? 0) + Number(p.of ?? 0) : null];
      }
      return out;
    },
  };
}
type Figures = Omit<Awaited<ReturnType<typeof itemsQuery>>[number], 'path'>;
const from = (pick: (r: Figures) => Row, share: boolean) => measure<Figures>(items, agencyItems, pick, share);

export const feedbackIndicators: Record<string, ModuleIndicator> = {
  received: { kind: 'count', ...from((r) => ({ value: r.received }), false) },
  on_time: {
    kind: 'share',
    ...measure<{ due: number; onTime: number }>(dueItems, agencyDueItems, (r) => ({ value: r.onTime, of: r.due }), true),
  },
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
