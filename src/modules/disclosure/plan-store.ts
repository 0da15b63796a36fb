// The commune's yearly disclosure plan in the database (Law 10/2022 Art 14(1)), built from the
// category rules (rules/plan.ts); officials edit due dates and link each item to what they published.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/policy.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { yearlyPlan } from './rules/plan.js';

/** Creates the year's plan items that do not exist yet; returns how many were added. */
export async function savePlan(deps: AppDeps, actor: Actor, commune: Unit, year: number): Promise<number> {
  const cal = await workingCalendar(deps);
  const items = yearlyPlan(year, ruleSetOn(`${year}-01-01`), cal);
  return deps.db.transaction().execute(async (trx) => {
    const have = new Set(
      (await trx.selectFrom('disclosure_plan_items').select('key').where('unit_id', '=', commune.id).where('year', '=', year).execute()).map((r) => r.key),
    );
    const missing = items.filter((i) => !have.has(i.key));
    if (missing.length === 0) return 0;
    await trx
      .insertInto('disclosure_plan_items')
      .values(
        missing.map((i) => ({
          unit_id: commune.id,
          year,
          key: i.key,
          category: i.category ?? 0,
          title: i.vi,
          period: i.period,
          due_date: i.dueDate,
          disclosure_id: null,
        })),
      )
      .execute();
    await appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
      action: 'disclosure.plan_created',
      entityType: 'unit',
      entityId: commune.id,
      unitId: commune.id,
      data: { year, items: missing.length },
    });
    return missing.length;
  });
}
