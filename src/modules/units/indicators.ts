// What the units module measures for the resolution (issue 9; T-2.3 "uses IT in democracy work",
// M-3.5): of the communes and villages that existed in the period, those where something was done on
// the platform (anything recorded in the audit log for the unit: a publication, an answer, a vote, a
// meeting…). One EXISTS probe per unit on the audit log's (unit_id, at) index.
import { sql } from 'kysely';

import { existedIn, type ModuleIndicator, rollUp, underAny } from '../module.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from './levels.js';

export const unitsIndicators: Record<string, ModuleIndicator> = {
  active: {
    kind: 'share',
    compute: async (deps, q) => {
      // The audit log keeps UTC instants; the period is in Vietnam dates (UTC+7).
      const from = new Date(`${q.from}T00:00:00+07:00`).toISOString();
      const to = new Date(`${q.to}T24:00:00+07:00`).toISOString();
      const rows = await deps.db
        .selectFrom('units as u')
        .select([
          'u.path',
          sql<number>`case when exists (select 1 from audit_log a where a.unit_id = u.id and a.at >= ${from} and a.at < ${to}) then 1 else 0 end`.as('active'),
        ])
        .where('u.level', 'in', [...COMMUNE_LEVELS, ...VILLAGE_LEVELS])
        .where(existedIn(q, 'u'))
        .where(underAny(q, 'u.path'))
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.active, of: 1 })),
        true,
      );
    },
  },
};
