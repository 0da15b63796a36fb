// Annulment (Law 10/2022 Art 22): the commune People's Committee annuls a decision that is unlawful or
// against good customs, or whose procedure was not followed, or records that the community wants to
// change it; the community then decides again under Arts 18–21 (a new matter).
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { unitById } from '../../units/units.repo.js';
import { decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';
import type { Failure } from './common.js';
import { invalid } from './common.js';

export const ANNUL_GROUNDS = ['unlawful', 'procedure', 'community_change'] as const;

export async function annulMatter(
  deps: AppDeps,
  t: T,
  actor: Actor,
  matterId: number,
  input: { ground: string; reason: string },
): Promise<{ ok: true } | Failure> {
  const matter = await repo.findMatter(deps.db, matterId);
  if (!matter) return { ok: false, reason: 'not_found' };
  const unit = await unitById(deps.db, matter.unit_id);
  // The chairman of the commune the matter belongs to (a village's commune covers the village).
  if (!unit || !decisionsPolicy(actor, 'annul', { unitPath: unit.path })) return { ok: false, reason: 'forbidden' };
  if (matter.status === 'annulled') return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  if (!(ANNUL_GROUNDS as readonly string[]).includes(input.ground)) e.ground = t('decisions.core.err.groundRequired');
  const reason = input.reason.trim();
  if (!reason) e.reason = t('decisions.core.err.annulReason');
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('matters')
      .set({ status: 'annulled', annul_ground: input.ground, annul_reason: reason, updated_at: now.toISOString() })
      .where('id', '=', matter.id)
      .execute();
    await trx
      .updateTable('votes')
      .set({ status: 'annulled', updated_at: now.toISOString() })
      .where('matter_id', '=', matter.id)
      .where('status', 'in', ['scheduled', 'counted'])
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'decisions.matter_annulled',
      entityType: 'matter',
      entityId: matter.id,
      unitId: matter.unit_id,
      data: { ground: input.ground, reason },
    });
    return { ok: true as const };
  });
}
