// What the covenant commands share: loading a covenant with its village and commune, the permission
// check, and the failure shapes of decisions (the same pages turn them into 404/403/messages).
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { Failure } from '../../decisions/commands/common.js';
import { unitById } from '../../units/units.repo.js';
import { type CovenantsAction, covenantsPolicy } from '../covenants.policy.js';
import { type CovenantState, findCovenant, stateOf } from '../repo.js';

export type { Failure } from '../../decisions/commands/common.js';
export { invalid, readDate } from '../../decisions/commands/common.js';
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
export const failed = (x: object): x is Failure => 'ok' in x && (x as { ok: boolean }).ok === false;

/** Guarded updates: only the first of two officials acting at once changes anything (as decisions). */
export { expectUpdated, orStale } from '../../decisions/commands/common.js';
