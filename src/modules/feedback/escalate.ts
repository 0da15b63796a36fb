// Escalation to the unit head when a clock has run out (issue 5 item 4): the chairman of the
// handling commune (Complaints Law Art 18; Denunciation Law Art 13; Reception Law Art 15), or the
// head of the handling agency, gets an in-app notice, and the history an internal event. Once per
// overdue clock: escalated_on is set under a guard (`where escalated_on is null`), so two workers
// or two runs never escalate the same item twice; a new clock (acceptance, extension, answer,
// reopening) clears it. The lead runs this hourly from main.ts. A head who is the person denounced,
// or holds a role in the unit denounced, is never told of the denunciation (finding 1; R-H4): the
// commune's officials are told instead, since the unit may then only forward it (Art 13).
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { enqueue } from '../../platform/notify/outbox.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { appendEvent, SYSTEM } from './common.js';

const BATCH = 500;
const vi = translator('vi');

type Overdue = {
  id: number;
  tracking_code: string;
  kind: string;
  commune_id: number;
  subject_user_id: number | null;
  subject_unit_id: number | null;
  handler_agency_id: number | null;
  clock: string | null;
  due_on: string | null;
};

/** Escalates every overdue item not yet escalated; returns how many were escalated now. */
export async function escalateOverdue(deps: AppDeps): Promise<number> {
  const { db } = deps;
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const communes = await db.selectFrom('units').select('id').where('level', 'in', COMMUNE_LEVELS).execute();
  let done = 0;
  for (const c of communes) {
    for (;;) {
      // One range of the partial index (commune_id, due_on) where clock is not null: running clocks only.
      const rows = await db
        .selectFrom('feedback_items')
        .select(['id', 'tracking_code', 'kind', 'commune_id', 'subject_user_id', 'subject_unit_id', 'handler_agency_id', 'clock', 'due_on'])
        .where('commune_id', '=', c.id)
        .where('clock', 'is not', null)
        .where('due_on', '<', today)
        .where('escalated_on', 'is', null)
        .orderBy('due_on')
        .limit(BATCH)
        .execute();
      for (const it of rows) if (await escalateOne(deps, it, now, today)) done++;
      if (rows.length < BATCH) break;
    }
  }
  return done;
}

/** The heads to tell: the agency's head for an agency's item, else the commune's chairman; for a
 * denunciation, none who is its subject, and the commune's officials when no head is left. */
async function headsOf(deps: AppDeps, it: Overdue): Promise<number[]> {
  let q = deps.db.selectFrom('role_grants').select('user_id').where('revoked_at', 'is', null);
  q = it.handler_agency_id
    ? q.where('role', '=', 'agency_head').where('agency_id', '=', it.handler_agency_id)
    : q.where('role', '=', 'commune_chairman').where('unit_id', '=', it.commune_id);
  const heads = [...new Set((await q.execute()).map((r) => r.user_id))];
  if (it.kind !== 'denunciation' || (it.subject_user_id === null && it.subject_unit_id === null)) return heads;
  const subjects = await subjectsAmong(deps, it, heads);
  const left = heads.filter((u) => !subjects.has(u));
  if (left.length || !subjects.size) return left;
  const officials = await deps.db
    .selectFrom('role_grants')
    .select('user_id')
    .where('revoked_at', 'is', null)
    .where('role', '=', 'commune_official')
    .where('unit_id', '=', it.commune_id)
    .execute();
  const ids = [...new Set(officials.map((r) => r.user_id))];
  const also = await subjectsAmong(deps, it, ids);
  return ids.filter((u) => !also.has(u));
}

/** Which of these users the denunciation is about: the person denounced, or anyone with a role at or
 * below the unit denounced (isSubject in commands/handle.ts). */
async function subjectsAmong(deps: AppDeps, it: Overdue, users: number[]): Promise<Set<number>> {
  const out = new Set(users.filter((u) => u === it.subject_user_id));
  if (it.subject_unit_id === null || !users.length) return out;
  const unit = await deps.db.selectFrom('units').select('path').where('id', '=', it.subject_unit_id).executeTakeFirst();
  if (!unit) return out;
  const inside = await deps.db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select('g.user_id')
    .where('g.revoked_at', 'is', null)
    .where('g.user_id', 'in', users)
    .where('u.path', 'like', `${unit.path}%`)
    .execute();
  for (const r of inside) out.add(r.user_id);
  return out;
}

async function escalateOne(deps: AppDeps, it: Overdue, now: Date, today: string): Promise<boolean> {
  const heads = await headsOf(deps, it);
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('feedback_items').set({ escalated_on: today }).where('id', '=', it.id).where('escalated_on', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    const clock = it.clock ? vi(`feedback.clock.${it.clock}` as 'feedback.clock.accept') : '';
    // No title or content in the notice: only the code, the kind and the clock (R-H4).
    const params = {
      title: vi('feedback.handling.escalate.title', { code: it.tracking_code }),
      body: vi('feedback.handling.escalate.body', {
        code: it.tracking_code,
        kind: vi(`feedback.kind.${it.kind}` as 'feedback.kind.report'),
        clock,
        due: formatDate(it.due_on),
      }),
      link: `/feedback/manage/${it.id}`,
      code: it.tracking_code,
    };
    for (const userId of heads) await enqueue(trx, { channel: 'in_app', recipient: String(userId), template: 'notice', params }, now);
    await appendEvent(trx, it.id, now, SYSTEM, { kind: 'escalated', note: params.body, public: false });
    await appendAudit(trx, deps.dialect, now, null, {
      action: 'feedback.escalated',
      entityType: 'feedback_item',
      entityId: it.id,
      unitId: it.commune_id,
      data: { code: it.tracking_code, clock: it.clock, dueOn: it.due_on, heads: heads.length },
    });
    return true;
  });
}
