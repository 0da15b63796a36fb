// Overdue recommendations escalate to the commune chairman (issue 7 item 4; R-F5; Law Art 40(1)(c)),
// or to the agency's head for an agency board (Art 63(1)(c)), as feedback's clocks do: once per
// recommendation, under a guard (`where escalated_on is null`) so two runs never escalate twice; run
// hourly from main.ts beside feedback's escalation.
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { enqueue } from '../../platform/notify/outbox.js';

const BATCH = 500;
const vi = translator('vi');

export async function escalateOverdueRecommendations(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  let done = 0;
  for (;;) {
    const rows = await deps.db
      .selectFrom('oversight_recommendations as r')
      .innerJoin('oversight_boards as b', 'b.id', 'r.board_id')
      .select(['r.id', 'r.activity_id', 'r.commune_id', 'r.due_on', 'r.addressee', 'b.agency_id'])
      .where('r.status', '=', 'open')
      .where('r.due_on', '<', today)
      .where('r.escalated_on', 'is', null)
      .orderBy('r.due_on')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      let q = deps.db.selectFrom('role_grants').select('user_id').where('revoked_at', 'is', null);
      q = r.agency_id
        ? q.where('role', '=', 'agency_head').where('agency_id', '=', r.agency_id)
        : q.where('role', '=', 'commune_chairman').where('unit_id', '=', r.commune_id);
      const heads = [...new Set((await q.execute()).map((g) => g.user_id))];
      const ok = await deps.db.transaction().execute(async (trx) => {
        const u = await trx
          .updateTable('oversight_recommendations')
          .set({ escalated_on: today })
          .where('id', '=', r.id)
          .where('escalated_on', 'is', null)
          .executeTakeFirst();
        if (Number(u.numUpdatedRows) !== 1) return false;
        const params = {
          title: vi('oversight.escalate.title'),
          body: vi('oversight.escalate.body', { addressee: r.addressee, due: formatDate(r.due_on) }),
          link: `/oversight/activities/${r.activity_id}`,
        };
        for (const userId of heads) await enqueue(trx, { channel: 'in_app', recipient: String(userId), template: 'notice', params }, now);
        await appendAudit(trx, deps.dialect, now, null, {
          action: 'oversight.recommendation.escalated',
          entityType: 'oversight_activity',
          entityId: r.activity_id,
          unitId: r.commune_id,
          data: { recommendationId: r.id, dueOn: r.due_on, heads: heads.length },
        });
        return true;
      });
      if (ok) done++;
    }
    if (rows.length < BATCH) break;
  }
  return done;
}
