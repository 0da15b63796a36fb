// What officials must act on (R-A13, R-A14): decisions not yet sent to the commune within 05 working
// days of the vote, and decisions awaiting recognition within 05 working days of receipt, with their
// due dates and overdue flags, for a village or a whole commune.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { type Clock, recognitionClock, submissionClock } from './rules/deadlines.js';
import { type MatterItem, recogniserOf } from './rules/matters.js';

export type PendingItem = { voteId: number; title: string; village: string; kind: 'send' | 'recognise'; clock: Clock };

export async function pendingFor(deps: AppDeps, unit: Unit): Promise<PendingItem[]> {
  const rows = await deps.db
    .selectFrom('votes as v')
    .innerJoin('matters as m', 'm.id', 'v.matter_id')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['v.id', 'v.form', 'v.status', 'v.vote_date', 'v.closes_at', 'v.submitted_on', 'm.title', 'm.item', 'u.name'])
    .where('u.path', 'like', `${unit.path}%`)
    // Submitted decisions wait only when the item needs recognition and was adopted (Art 21(2)).
    .where((eb) =>
      eb.or([
        eb('v.status', 'in', ['counted', 'finalised']),
        eb.and([eb('v.status', '=', 'submitted'), eb('m.item', 'in', [3, 4, 5]), eb('v.outcome', '=', 'adopted')]),
      ]),
    )
    .orderBy('v.vote_date')
    .limit(500)
    .execute();
  const cal = await workingCalendar(deps);
  const today = todayInVietnam(deps.clock.now());
  const out: PendingItem[] = [];
  for (const r of rows) {
    const rs = ruleSetOn(r.vote_date < '2023-07-01' ? '2023-07-01' : r.vote_date);
    if (r.status === 'submitted') {
      if (!recogniserOf(r.item as MatterItem) || !r.submitted_on) continue;
      out.push({ voteId: r.id, title: r.title, village: r.name, kind: 'recognise', clock: recognitionClock(r.submitted_on, null, today, rs, cal) });
    } else {
      const closedOn = r.form !== 'meeting' && r.closes_at ? todayInVietnam(new Date(r.closes_at)) : r.vote_date;
      out.push({ voteId: r.id, title: r.title, village: r.name, kind: 'send', clock: submissionClock(closedOn, null, today, rs, cal) });
    }
  }
  return out.sort((a, b) => a.clock.due.localeCompare(b.clock.due));
}
