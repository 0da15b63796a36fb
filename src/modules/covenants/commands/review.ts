// The yearly review (R-E6; Decree 61/2023 Art 15(4)) and the village settings the cycle reads: the
// ethnic-minority community (R-E7, Art 8(2)) and the review day (default 18 November).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { type Failure, invalid, isFailure } from '../../../platform/results.js';
import { unitById } from '../../units/units.repo.js';
import { covenantsPolicy } from '../covenants.policy.js';
import { loadFor, type Ok } from './common.js';

export const OUTCOMES = ['keep', 'amend', 'replace'] as const;

export async function recordReview(
  deps: AppDeps,
  t: T,
  actor: Actor,
  id: number,
  input: { heldOn: string; outcome: string; note: string },
): Promise<Ok | Failure> {
  const c = await loadFor(deps, actor, id, 'review');
  if (isFailure(c)) return c;
  if (!['in_force', 'suspended'].includes(c.status)) return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  const heldOn = readDate(t, e, 'heldOn', input.heldOn, true);
  if (heldOn && heldOn > c.today) e.heldOn = t('decisions.core.err.notFuture');
  if (heldOn && c.inForceFrom && heldOn < c.inForceFrom) e.heldOn = t('covenants.err.beforeStart');
  const outcome = (OUTCOMES as readonly string[]).includes(input.outcome) ? (input.outcome as (typeof OUTCOMES)[number]) : null;
  if (!outcome) e.outcome = t('covenants.err.outcome');
  const note = input.note.trim().slice(0, 5000);
  if (!note) e.note = t('covenants.err.reviewNote');
  if (Object.keys(e).length || !heldOn || !outcome) return invalid(e);
  const year = Number(heldOn.slice(0, 4));
  const dup = await deps.db.selectFrom('covenant_reviews').select('id').where('covenant_id', '=', id).where('year', '=', year).executeTakeFirst();
  if (dup) return invalid({ heldOn: t('covenants.err.reviewedThisYear', { year }) });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('covenant_reviews')
      .values({ covenant_id: id, year, held_on: heldOn, outcome, note, created_by: actor.userId, created_at: now.toISOString() })
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.reviewed',
      entityType: 'covenant',
      entityId: id,
      unitId: c.village.id,
      data: { year, heldOn, outcome },
    });
    return { ok: true as const, id };
  });
}

export async function saveSettings(
  deps: AppDeps,
  t: T,
  actor: Actor,
  villageId: number,
  input: { ethnicMinority: string; ethnicLanguage: string; reviewDay: string },
): Promise<Ok | Failure> {
  const village = await unitById(deps.db, villageId);
  if (!village) return { ok: false, reason: 'not_found' };
  if (!covenantsPolicy(actor, 'settings', { unitPath: village.path })) return { ok: false, reason: 'forbidden' };
  const e: FieldErrors = {};
  const minority = input.ethnicMinority === '1';
  const language = input.ethnicLanguage.trim().slice(0, 60) || null;
  if (minority && !language) e.ethnicLanguage = t('covenants.err.language');
  // 'dd/mm' typed; stored 'MM-DD'. 29/02 is refused: the review must happen every year.
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(input.reviewDay.trim() || '18/11');
  const day = m ? `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : '';
  if (!m || Number.isNaN(Date.parse(`2027-${day}T00:00:00Z`)) || new Date(`2027-${day}T00:00:00Z`).getUTCDate() !== Number(m[1]))
    e.reviewDay = t('covenants.err.reviewDay');
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('covenant_settings').where('unit_id', '=', village.id).execute();
    await trx
      .insertInto('covenant_settings')
      .values({ unit_id: village.id, ethnic_minority: minority ? 1 : 0, ethnic_language: language, review_day: day, updated_at: now.toISOString() })
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'covenants.settings_saved',
      entityType: 'unit',
      entityId: village.id,
      unitId: village.id,
      data: { ethnicMinority: minority, language, reviewDay: day, on: todayInVietnam(now) },
    });
    return { ok: true as const, id: village.id };
  });
}
