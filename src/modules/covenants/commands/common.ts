// What the covenant commands share: loading a covenant with its village and commune, the permission
// check. Failures are platform/results.ts's (the same pages turn them into 404/403/messages).
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { Failure } from '../../../platform/results.js';
import { unitById } from '../../units/units.repo.js';
import { type CovenantsAction, covenantsPolicy } from '../covenants.policy.js';
import { type CovenantState, findCovenant, stateOf } from '../repo.js';

export type Ok = { ok: true; id: number };

export type Loaded = CovenantState & { village: Unit; commune: Unit; today: string };

export async function loadFor(deps: AppDeps, actor: Actor, id: number, action: CovenantsAction): Promise<Loaded | Failure> {
  const c = await findCovenant(deps.db, id);
  if (!c) return { ok: false, reason: 'not_found' };
  const village = await unitById(deps.db, c.unit_id);
  const commune = village?.parent_id ? await unitById(deps.db, village.parent_id) : undefined;
  if (!village || !commune) return { ok: false, reason: 'not_found' };
  if (!covenantsPolicy(actor, action, { unitPath: village.path })) return { ok: false, reason: 'forbidden' };
  const today = todayInVietnam(deps.clock.now());
  return { ...(await stateOf(deps.db, c, today)), village, commune, today };
}
