// A village head records that a disclosure was relayed in the village (Law 10/2022 Art 13(4)):
// by a community meeting, a notice or letter to each household, a text message to household
// representatives, or a social network the community chose.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { parseDate, type T } from '../../../platform/i18n/index.js';

export const RELAY_FORMS = ['village_head', 'posting_village', 'letter', 'sms', 'social_network', 'other'] as const;

export async function recordRelay(deps: AppDeps, t: T, actor: Actor, id: number, villageId: number, input: { form: string; date: string; detail: string }) {
  const now = deps.clock.now();
  const errors: FieldErrors = {};
  const date = parseDate(input.date || todayInVietnam(now));
  if (!(RELAY_FORMS as readonly string[]).includes(input.form)) errors.form = t('disclosure.err.relayFormRequired');
  if (!date) errors.date = t('disclosure.err.dateInvalid');
  else if (date > todayInVietnam(now)) errors.date = t('disclosure.err.dateFuture');
  if (Object.keys(errors).length) return { ok: false as const, errors };
  return deps.db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('disclosures').select(['id', 'unit_id', 'status', 'posting_start']).where('id', '=', id).executeTakeFirst();
    if (d?.status !== 'published') return { ok: false as const, errors: { form: t('disclosure.err.relayNotPublished') } };
    if (d.posting_start && date! < d.posting_start) return { ok: false as const, errors: { date: t('disclosure.err.relayBeforeStart') } };
    await trx
      .insertInto('disclosure_forms')
      .values({
        disclosure_id: id,
        form: input.form,
        start_date: date!,
        end_date: null,
        detail: input.detail.trim() || null,
        village_id: villageId,
        recorded_by: actor.userId,
        created_at: now.toISOString(),
      })
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'disclosure.relayed',
      entityType: 'disclosure',
      entityId: id,
      unitId: villageId,
      data: { form: input.form, date },
    });
    return { ok: true as const };
  });
}
