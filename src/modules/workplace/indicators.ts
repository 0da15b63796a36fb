// What the workplace module measures for the resolution (issue 9; src/modules/module.ts `indicators`):
// T-2.4 "every agency, unit and locality has its democracy regulation", and R-G3's yearly conference.
import type { AppDeps } from '../../app-deps.js';
import type { AgencyQuery, IndicatorQuery, IndicatorValue, ModuleIndicator } from '../module.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { conferenceDeadline, WORKPLACE_RULES } from './rules/conference.js';
import { agencyRegisterOf, communesIn, type RegisterRow, registerOf } from './workplace.repo.js';

/** Each queried unit with the register rows of its communes (and their agencies) on `date`: one
 * register read for all of them — a province and its 92 communes were 93 reads of the same rows. */
async function registers(deps: AppDeps, q: IndicatorQuery, date: string, workYear: number) {
  const per = await Promise.all(
    q.units.map(async (u) => ({ unit: u, communes: COMMUNE_LEVELS.includes(u.level) ? [u] : await communesIn(deps.db, u.path, q.to) })),
  );
  const all = new Map(per.flatMap((x) => x.communes.map((c) => [c.id, c] as const)));
  const byCommune = new Map<number, RegisterRow[]>([...all.keys()].map((id) => [id, []]));
  const byPath = new Map([...all.values()].map((c) => [c.path, c.id]));
  for (const r of await registerOf(deps.db, [...all.values()], date, workYear)) {
    // The row's commune: the ancestor of its path (or itself) that is one of the communes.
    for (let at = r.path.indexOf('/', 1); at >= 0; at = r.path.indexOf('/', at + 1)) {
      const id = byPath.get(r.path.slice(0, at + 1));
      if (id !== undefined) {
        byCommune.get(id)!.push(r);
        break;
      }
    }
  }
  return per.map(({ unit, communes }) => ({ unit, rows: communes.flatMap((c) => byCommune.get(c.id)!) }));
}

/** T-2.4: the share of communes and agencies with a democracy regulation in force on the last day of the period. */
export const regulationInForce: ModuleIndicator = {
  kind: 'share',
  compute: async (deps, q) => {
    const out = new Map<number, IndicatorValue>();
    for (const { unit, rows } of await registers(deps, q, q.to, Number(q.to.slice(0, 4)) - 1)) {
      out.set(unit.id, { value: rows.filter((r) => r.regulation).length, of: rows.length });
    }
    return out;
  },
  /** Each agency: 1 of 1 when its own regulation (Art 59(1)(a)) is in force on the last day of the period. */
  agencyCompute: async (deps, q) => {
    const rows = await agencyRegisterOf(deps.db, q.agencies, q.to, Number(q.to.slice(0, 4)) - 1);
    return new Map(rows.map((r) => [r.agencyId!, { value: r.regulation ? 1 : 0, of: 1 }]));
  },
};

/** The work years whose conference deadline (31/03 of the next year) falls in the period. */
function dueYears(q: { from: string; to: string }): number[] {
  const years: number[] = [];
  for (let y = Number(q.from.slice(0, 4)) - 1; y <= Number(q.to.slice(0, 4)); y++) {
    const d = conferenceDeadline(y);
    if (d >= q.from && d <= q.to) years.push(y);
  }
  return years;
}
/** A register row counted for R-G3 (Art 51(2)): an agency that held its conference (any size), or one
 * known to have more than 07 staff. An agency with no staff count is not counted as owing one: its
 * duty is unknown until its head records the count (not measured, not failing). */
const owes = (r: { agencyId: number | null; conference: string | null; staff: number | null }) =>
  r.agencyId !== null && (r.conference === 'held' || r.conference === 'held_late' || (r.staff !== null && r.staff > WORKPLACE_RULES.optionalMaxStaff));

/** R-G3 (Art 51(1)–(2)): of the agencies with more than 07 staff, the share that held a valid conference
 * in time, for each work year whose deadline (31/03) falls in the period. */
export const conferenceHeld: ModuleIndicator = {
  kind: 'share',
  compute: async (deps, q) => {
    const out = new Map<number, IndicatorValue>();
    for (const u of q.units) out.set(u.id, { value: 0, of: 0 });
    for (const y of dueYears(q))
      for (const { unit, rows } of await registers(deps, q, conferenceDeadline(y), y)) {
        const v = out.get(unit.id)!;
        for (const r of rows) {
          if (!owes(r)) continue;
          v.of = (v.of ?? 0) + 1;
          if (r.conference === 'held') v.value++;
        }
      }
    return out;
  },
  /** Each agency: its conferences held in time of those it owed (an agency of 07 staff or fewer owes
   * none); an agency with no staff count and no conference held is "no staff count yet". */
  agencyCompute: async (deps, q: AgencyQuery) => {
    const out = new Map<number, IndicatorValue>(q.agencies.map((a) => [a.id, { value: 0, of: 0 }]));
    const years = dueYears(q);
    for (const y of years)
      for (const r of await agencyRegisterOf(deps.db, q.agencies, conferenceDeadline(y), y)) {
        const v = out.get(r.agencyId!)!;
        if (r.staff === null && !owes(r)) v.noStaffCount = true;
        if (!owes(r)) continue;
        v.of = (v.of ?? 0) + 1;
        if (r.conference === 'held') v.value += 1;
      }
    // A conference held in one year and a count missing in another: the known figure stands.
    for (const v of out.values()) if (v.noStaffCount && v.of) delete v.noStaffCount;
    return out;
  },
};
