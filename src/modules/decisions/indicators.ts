// What the decisions module measures for the resolution (issue 9; M-3.4(a) "residents decide"; Law
// 10/2022 Arts 15–24): votes held in the period (meetings, household ballots, online votes; Art 17),
// online votes among them (M-3.5), and of the results sent in the period, how many were sent within
// 05 working days (R-A13, Art 20(3)) and, where recognition is needed, recognised or refused within
// 05 working days (R-A14, Art 21(2)), counted as rules/deadlines.ts counts them.
import { sql } from 'kysely';
import type { MatterItem } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { type ModuleIndicator, rollUp, underAny } from '../module.js';
import { recogniserOf } from './rules/matters.js';

const HELD = ['counted', 'finalised', 'submitted', 'recognised', 'refused'] as const;

const heldCount =
  (online: boolean): ModuleIndicator['compute'] =>
  async (deps, q) => {
    let query = deps.db
      .selectFrom('votes as v')
      .innerJoin('units as u', 'u.id', 'v.unit_id')
      .select(['u.path', sql<number>`count(*)`.as('n')])
      .where('v.status', 'in', HELD)
      .where('v.vote_date', '>=', q.from)
      .where('v.vote_date', '<=', q.to)
      .where(underAny(q, 'u.path'));
    if (online) query = query.where('v.form', '=', 'online');
    const rows = await query.groupBy('u.path').execute();
    return rollUp(
      q,
      rows.map((r) => ({ path: r.path, value: r.n })),
      false,
    );
  };

export const decisionsIndicators: Record<string, ModuleIndicator> = {
  held: { kind: 'count', compute: heldCount(false) },
  online: { kind: 'count', compute: heldCount(true) },
  recognised_on_time: {
    kind: 'share',
    compute: async (deps, q) => {
      const rows = await deps.db
        .selectFrom('votes as v')
        .innerJoin('matters as m', 'm.id', 'v.matter_id')
        .innerJoin('units as u', 'u.id', 'v.unit_id')
        .select(['u.path', 'v.form', 'v.vote_date', 'v.closes_at', 'v.submitted_on', 'v.recognised_on', 'v.status', 'v.outcome', 'm.item'])
        .where('v.submitted_on', '>=', q.from)
        .where('v.submitted_on', '<=', q.to)
        .where(underAny(q, 'u.path'))
        .execute();
      const cal = await workingCalendar(deps);
      const today = todayInVietnam(deps.clock.now());
      // Thousands of votes share a few hundred dates: each due day is counted once.
      const dues = new Map<string, string>();
      const due = (from: string, days: number) => {
        const k = `${from}|${days}`;
        if (!dues.has(k)) dues.set(k, cal.addWorkingDays(from, days));
        return dues.get(k)!;
      };
      return rollUp(
        q,
        rows.map((r) => {
          const rs = ruleSetOn(r.vote_date < '2023-07-01' ? '2023-07-01' : r.vote_date);
          const closedOn = r.form !== 'meeting' && r.closes_at ? todayInVietnam(new Date(r.closes_at)) : r.vote_date;
          // The clocks of rules/deadlines.ts (R-A13, R-A14): late when done (or still not done) after the due working day.
          const sent = r.submitted_on! <= due(closedOn, rs.decisions.submitWorkingDays);
          const needs = recogniserOf(r.item as MatterItem) && r.outcome === 'adopted';
          // A refusal with reasons also ends the clock (Art 21(2)); recognised_on holds its date too.
          const recogniseDue = due(r.submitted_on!, rs.decisions.recogniseWorkingDays);
          // Still waiting, and not late yet: not judged until it is decided or its clock runs out.
          if (needs && r.recognised_on === null && today <= recogniseDue) return { path: r.path, value: 0, of: 0 };
          const recognised = !needs || (r.recognised_on !== null && r.recognised_on <= recogniseDue);
          return { path: r.path, value: sent && recognised ? 1 : 0, of: 1 };
        }),
        true,
      );
    },
  },
};
