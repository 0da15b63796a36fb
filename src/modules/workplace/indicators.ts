// What the workplace module measures for the resolution (issue 9; src/modules/module.ts `indicators`):
// T-2.4 "every agency, unit and locality has its democracy regulation", and R-G3's yearly conference.
import type { AppDeps } from '../../app-deps.js';

import type { IndicatorQuery, IndicatorValue, ModuleIndicator } from '../module.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { conferenceDeadline, WORKPLACE_RULES } from './rules/conference.js';
import { communesIn, registerOf } from './workplace.repo.js';

async function communesOf(deps: AppDeps, q: IndicatorQuery) {
  return Promise.all(q.units.map(async (u) => ({ unit: u, communes: COMMUNE_LEVELS.includes(u.level) ? [u] : await communesIn(deps.db, u.path, q.to) })));
}

/** T-2.4: the share of communes and agencies with a democracy regulation in force on the last day of the period. */
export const regulationInForce: ModuleIndicator = {
  kind: 'share',
  compute: async (deps, q) => {
    const out = new Map<number, IndicatorValue>();
    for (const { unit, communes } of await communesOf(deps, q)) {
      const rows = await registerOf(deps.db, communes, q.to, Number(q.to.slice(0, 4)) - 1);
      out.set(unit.id, { value: rows.filter((r) => r.regulation).length, of: rows.length });
    }
    return out;
  },
};

/** R-G3 (Art 51(1)–(2)): of the agencies with more than 07 staff, the share that held a valid conference
 * in time, for each work year whose deadline (31/03) falls in the period. */
export const conferenceHeld: ModuleIndicator = {
  kind: 'share',
  compute: async (deps, q) => {
    const out = new Map<number, IndicatorValue>();
    const years: number[] = [];
    for (let y = Number(q.from.slice(0, 4)) - 1; y <= Number(q.to.slice(0, 4)); y++) {
      const d = conferenceDeadline(y);
      if (d >= q.from && d <= q.to) years.push(y);
    }
    for (const { unit, communes } of await communesOf(deps, q)) {
      let value = 0;
      let of = 0;
      for (const y of years) {
        const rows = await registerOf(deps.db, communes, conferenceDeadline(y), y);
        for (const r of rows) {
          if (r.agencyId === null || r.conference === 'optional' || (r.staff !== null && r.staff <= WORKPLACE_RULES.optionalMaxStaff)) continue;
          of++;
          if (r.conference === 'held') value++;
        }
      }
      out.set(unit.id, { value, of });
    }
    return out;
  },
};
