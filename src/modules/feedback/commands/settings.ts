// A commune's feedback settings: whether it is a remote, difficult area (Complaints Law Arts 28, 33:
// longer complaint deadlines; R-H2 requires a per-commune setting), how long a citizen may reopen an
// answer, and where each category goes (R-H7; issue 5 item 3) when not to the code's default.
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { type FieldErrors, Forbidden } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { feedbackPolicy } from '../feedback.policy.js';
import { CATEGORIES, type Category } from '../model.js';

export type RoutingChoice = '' | 'commune' | 'village' | 'inspection_board' | `agency:${number}`;
export type SettingsInput = { remoteArea: boolean; reopenDays: string; routing: Partial<Record<Category, string>> };
export type Settings = { remoteArea: boolean; reopenDays: number; routing: Partial<Record<Category, RoutingChoice>> };

export async function loadSettings(deps: Pick<AppDeps, 'db'>, communeId: number): Promise<Settings> {
  const s = await deps.db.selectFrom('feedback_settings').selectAll().where('commune_id', '=', communeId).executeTakeFirst();
  const rules = await deps.db.selectFrom('feedback_routing').selectAll().where('commune_id', '=', communeId).execute();
  const routing: Settings['routing'] = {};
  for (const r of rules) routing[r.category as Category] = r.handler === 'agency' ? (`agency:${r.agency_id ?? 0}` as RoutingChoice) : r.handler;
  return { remoteArea: s?.remote_area === 1, reopenDays: s?.reopen_days ?? 30, routing };
}

export async function saveSettings(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Unit,
  input: SettingsInput,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  if (!actor || !feedbackPolicy(actor, 'configure', { unitPath: commune.path })) throw new Forbidden();
  const e: FieldErrors = {};
  const days = input.reopenDays.trim();
  if (!/^\d{1,3}$/.test(days) || Number(days) < 1 || Number(days) > 365) e.reopenDays = t('feedback.handling.err.reopenDays');
  const agencies = new Set((await deps.db.selectFrom('agencies').select('id').where('unit_id', '=', commune.id).execute()).map((a) => a.id));
  const rows: { category: Category; handler: 'commune' | 'village' | 'agency' | 'inspection_board'; agency_id: number | null }[] = [];
  for (const category of CATEGORIES) {
    const v = (input.routing[category] ?? '').trim();
    if (v === '') continue;
    const agency = /^agency:(\d{1,9})$/.exec(v);
    if (agency && agencies.has(Number(agency[1]))) rows.push({ category, handler: 'agency', agency_id: Number(agency[1]) });
    else if (v === 'commune' || v === 'village' || v === 'inspection_board') rows.push({ category, handler: v, agency_id: null });
    else e[`route_${category}`] = t('feedback.handling.err.targetInvalid');
  }
  if (Object.keys(e).length) return { ok: false, errors: e };
  const now = deps.clock.now();
  const values = { commune_id: commune.id, remote_area: input.remoteArea ? 1 : 0, reopen_days: Number(days), updated_at: now.toISOString() };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feedback_settings')
      .values(values)
      .onConflict((oc) =>
        oc.column('commune_id').doUpdateSet({ remote_area: values.remote_area, reopen_days: values.reopen_days, updated_at: values.updated_at }),
      )
      .execute();
    await trx.deleteFrom('feedback_routing').where('commune_id', '=', commune.id).execute();
    if (rows.length)
      await trx
        .insertInto('feedback_routing')
        .values(rows.map((r) => ({ ...r, commune_id: commune.id })))
        .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'feedback.settings_saved',
      entityType: 'unit',
      entityId: commune.id,
      unitId: commune.id,
      data: {
        remoteArea: input.remoteArea,
        reopenDays: values.reopen_days,
        routing: Object.fromEntries(rows.map((r) => [r.category, r.agency_id ? `agency:${r.agency_id}` : r.handler])),
      },
    });
  });
  return { ok: true };
}
