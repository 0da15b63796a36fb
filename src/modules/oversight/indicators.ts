// What the oversight module measures for the resolution (issue 9; T-2.5, M-3.6): communes with a
// recognised People's Inspection Board (Law 10/2022 Art 36); boards with a plan and an activity in
// the period (Decree 59/2023 Art 14; R-F4); recommendations answered within 15 days (Art 39(2)).
import { sql } from 'kysely';
import { todayInVietnam } from '../../platform/calendar/calendar.js';

import { existedIn, type ModuleIndicator, rollUp, underAny } from '../module.js';
import { COMMUNE_LEVELS } from '../units/levels.js';

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
  },
};
