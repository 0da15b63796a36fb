// What the oversight module measures for the resolution (issue 9; T-2.5, M-3.6): communes with a
// recognised People's Inspection Board (Law 10/2022 Art 36); boards with a plan and an activity in
// the period (Decree 59/2023 Art 14; R-F4); recommendations answered within 15 days (Art 39(2)).
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type AgencyQuery, existedIn, type IndicatorValue, type ModuleIndicator, rollUp, underAny } from '../module.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { staffCountsOn } from '../workplace/staff-counts.js';
import { rulesOn } from './commands/common.js';
import { agencyBoardRequired } from './rules/boards.js';

/** Per agency id: `value` of `of` from rows grouped by the board's agency (Law 10/2022 Arts 60–63). */
function perAgency(q: AgencyQuery, rows: { agency_id: number | null; value: number | string | null; of: number | string | null }[]) {
  const out = new Map<number, IndicatorValue>(q.agencies.map((a) => [a.id, { value: 0, of: 0 }]));
  for (const r of rows) {
    const v = r.agency_id === null ? undefined : out.get(r.agency_id);
    if (v) [v.value, v.of] = [v.value + Number(r.value ?? 0), (v.of ?? 0) + Number(r.of ?? 0)];
  }
  return out;
}
const agencyIds = (q: AgencyQuery) => (q.agencies.length ? q.agencies.map((a) => a.id) : [0]);
const todayOf = (deps: AppDeps) => todayInVietnam(deps.clock.now());

export const oversightIndicators: Record<string, ModuleIndicator> = {
  boards_formed: {
    kind: 'share',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('units as u')
        .select([
          'u.path',
          sql<number>`case when exists (select 1 from oversight_boards b where b.commune_id = u.id and b.kind = 'commune_inspection'
            and b.recognised_on is not null and b.recognised_on <= ${q.to} and (b.closed_on is null or b.closed_on >= ${q.from})) then 1 else 0 end`.as(
            'formed',
          ),
        ])
        .where('u.level', 'in', COMMUNE_LEVELS)
        .where(existedIn(q, 'u'))
        .where(underAny(q, 'u.path'))
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.formed, of: 1 })),
        true,
      );
    },
    /** Each agency of more than 07 staff: its People's Inspection Board recognised in the period (Arts
     * 60–61). At 07 staff or fewer no board is due (the union performs its tasks, Art 63(2)(e)); with
     * no staff count in the workplace module (the one source; the board's own `staff_count` is the
     * figure the conference was held on) the duty is unknown: "no staff count yet", never failing. */
    agencyCompute: async (deps, q) => {
      const ids = agencyIds(q);
      const [staff, rows] = await Promise.all([
        staffCountsOn(deps.db, ids, q.to),
        deps.db
          .selectFrom('oversight_boards as b')
          .select('b.agency_id')
          .distinct()
          .where('b.kind', '=', 'agency_inspection')
          .where('b.agency_id', 'in', ids)
          .where('b.status', '<>', 'union_performs')
          .where('b.recognised_on', 'is not', null)
          .where('b.recognised_on', '<=', q.to)
          .where((eb) => eb.or([eb('b.closed_on', 'is', null), eb('b.closed_on', '>=', q.from)]))
          .execute(),
      ]);
      const formed = new Set(rows.map((r) => r.agency_id));
      const r = rulesOn(q.to);
      return new Map(
        q.agencies.map((a): [number, IndicatorValue] => {
          const n = staff.get(a.id);
          if (formed.has(a.id)) return [a.id, { value: 1, of: 1 }];
          if (n === undefined) return [a.id, { value: 0, of: null, noStaffCount: true }];
          return [a.id, { value: 0, of: agencyBoardRequired(n, r) ? 1 : 0 }];
        }),
      );
    },
  },
  boards_active: {
    kind: 'share',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('oversight_boards as b')
        .innerJoin('units as u', 'u.id', 'b.commune_id')
        .select([
          'u.path',
          sql<number>`count(*)`.as('n'),
          sql<number>`sum(case when exists (select 1 from oversight_plans p where p.board_id = b.id and p.starts_on <= ${q.to}
              and (p.ends_on is null or p.ends_on >= ${q.from}))
            and exists (select 1 from oversight_activities a where a.board_id = b.id and a.held_on >= ${q.from} and a.held_on <= ${q.to})
            then 1 else 0 end)`.as('active'),
        ])
        .where('b.status', 'in', ['recognised', 'closed'])
        .where('b.recognised_on', '<=', q.to)
        .where((eb) => eb.or([eb('b.closed_on', 'is', null), eb('b.closed_on', '>=', q.from)]))
        .where(underAny(q, 'u.path'))
        .groupBy('u.path')
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.active, of: r.n })),
        true,
      );
    },
    /** Each agency: its board with a plan and an activity in the period (Decree 59/2023 Art 22(1)(b), (3)). */
    agencyCompute: async (deps, q) =>
      perAgency(
        q,
        await deps.db
          .selectFrom('oversight_boards as b')
          .select([
            'b.agency_id',
            sql<number>`count(*)`.as('of'),
            sql<number>`sum(case when exists (select 1 from oversight_plans p where p.board_id = b.id and p.starts_on <= ${q.to}
                and (p.ends_on is null or p.ends_on >= ${q.from}))
              and exists (select 1 from oversight_activities a where a.board_id = b.id and a.held_on >= ${q.from} and a.held_on <= ${q.to})
              then 1 else 0 end)`.as('value'),
          ])
          .where('b.kind', '=', 'agency_inspection')
          .where('b.agency_id', 'in', agencyIds(q))
          .where('b.status', 'in', ['recognised', 'closed'])
          .where('b.recognised_on', '<=', q.to)
          .where((eb) => eb.or([eb('b.closed_on', 'is', null), eb('b.closed_on', '>=', q.from)]))
          .groupBy('b.agency_id')
          .execute(),
      ),
  },
  answered_15_days: {
    kind: 'share',
    compute: async (deps, q) => {
      const today = todayInVietnam(deps.clock.now());
      const rows = await deps.db
        .selectFrom('oversight_recommendations as r')
        .innerJoin('units as u', 'u.id', 'r.commune_id')
        .select([
          'u.path',
          sql<number>`count(*)`.as('n'),
          sql<number>`sum(case when r.status = 'answered' and r.answered_on <= r.due_on then 1 else 0 end)`.as('ok'),
        ])
        .where('r.due_on', '>=', q.from)
        .where('r.due_on', '<=', [q.to, today].sort()[0]!)
        .where(underAny(q, 'u.path'))
        .groupBy('u.path')
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.ok, of: r.n })),
        true,
      );
    },
    /** Each agency: its board's recommendations due in the period answered within 15 days (Art 63(1)(c)). */
    agencyCompute: async (deps, q) =>
      perAgency(
        q,
        await deps.db
          .selectFrom('oversight_recommendations as r')
          .innerJoin('oversight_boards as b', 'b.id', 'r.board_id')
          .select([
            'b.agency_id',
            sql<number>`count(*)`.as('of'),
            sql<number>`sum(case when r.status = 'answered' and r.answered_on <= r.due_on then 1 else 0 end)`.as('value'),
          ])
          .where('b.agency_id', 'in', agencyIds(q))
          .where('r.due_on', '>=', q.from)
          .where('r.due_on', '<=', [q.to, todayOf(deps)].sort()[0]!)
          .groupBy('b.agency_id')
          .execute(),
      ),
  },
};
