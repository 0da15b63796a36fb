// What the consultation module measures for the resolution (issue 9; M-3.4(a) "consultation before
// decisions", Law 10/2022 Arts 25–29): drafts opened for residents' comments in the period, and of the
// periods that ended in it, how many have their synthesis and explanation published (Art 28(5)).
import { sql } from 'kysely';
import { type ModuleIndicator, rollUp, underAny } from '../module.js';

export const consultationIndicators: Record<string, ModuleIndicator> = {
  held: {
    kind: 'count',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('consultations as c')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .select(['u.path', sql<number>`count(*)`.as('n')])
        .where('c.opens_on', '>=', q.from)
        .where('c.opens_on', '<=', q.to)
        .where(underAny(q, 'u.path'))
        .groupBy('u.path')
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.n })),
        false,
      );
    },
  },
  answered: {
    kind: 'share',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('consultations as c')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .select(['u.path', sql<number>`count(*)`.as('n'), sql<number>`sum(case when c.synthesis_published_at is not null then 1 else 0 end)`.as('done')])
        .where('c.closes_on', '>=', q.from)
        .where('c.closes_on', '<=', q.to)
        .where('c.status', '<>', 'draft')
        .where(underAny(q, 'u.path'))
        .groupBy('u.path')
        .execute();
      return rollUp(
        q,
        rows.map((r) => ({ path: r.path, value: r.done, of: r.n })),
        true,
      );
    },
  },
};
