// What the dialogue module measures for the resolution (issue 9; M-3.4(b)): communes whose People's
// Committee held its dialogue conference with residents in the period (R-G2, Law 10/2022 Art 32: at
// least once a year), of the communes in the queried units; and each agency whose head held a
// dialogue with the staff (Art 59(1)(b)).
import { sql } from 'kysely';

import { existedIn, type ModuleIndicator, rollUp, underAny } from '../module.js';
import { COMMUNE_LEVELS } from '../units/levels.js';

export const dialogueIndicators: Record<string, ModuleIndicator> = {
  held: {
    kind: 'share',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('units as u')
        .select([
          'u.path',
          sql<number>`case when exists (select 1 from dialogues d where d.unit_id = u.id and d.agency_id is null and d.status = 'held'
            and d.held_on >= ${q.from} and d.held_on <= ${q.to}) then 1 else 0 end`.as('held'),
        ])
        .where('u.level', 'in', COMMUNE_LEVELS)
        .where(existedIn(q, 'u'))
        .where(underAny(q, 'u.path'))
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.held, of: 1 })),
        true,
      );
    },
    /** Each agency: its head held a dialogue with the staff in the period (Art 59(1)(b)). */
    agencyCompute: async (deps, q) => {
      const held = await deps.db
        .selectFrom('dialogues')
        .select('agency_id')
        .distinct()
        .where('agency_id', 'in', q.agencies.length ? q.agencies.map((a) => a.id) : [0])
        .where('status', '=', 'held')
        .where('held_on', '>=', q.from)
        .where('held_on', '<=', q.to)
        .execute();
      const ids = new Set(held.map((r) => r.agency_id));
      return new Map(q.agencies.map((a) => [a.id, { value: ids.has(a.id) ? 1 : 0, of: 1 }]));
    },
  },
};
