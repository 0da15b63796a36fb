// Resolving where a disclosure lives (a commune, or an agency of a commune) and what the actor may do.
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { NotFound } from '../../platform/errors.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { childrenOn, unitById } from '../units/units.repo.js';
import type { Target } from './commands/save-draft.js';
import { disclosurePolicy } from './disclosure.policy.js';

export async function communeOf(deps: AppDeps, id: number): Promise<Unit> {
  const unit = await unitById(deps.db, id);
  if (!unit || !COMMUNE_LEVELS.includes(unit.level)) throw new NotFound();
  return unit;
}

export async function villagesOf(deps: AppDeps, unit: Unit) {
  return (await childrenOn(deps.db, unit.id, todayInVietnam(deps.clock.now()))).map((v) => ({ id: v.id, name: v.name, path: v.path }));
}

export async function targetFor(deps: AppDeps, unit: Unit, agencyId: number | null): Promise<Target> {
  const villages = agencyId ? [] : await villagesOf(deps, unit);
  return { unitId: unit.id, unitPath: unit.path, scope: agencyId ? 'agency' : 'commune', agencyId, villageIds: new Set(villages.map((v) => v.id)) };
}

/** What the signed-in actor may do with disclosures of this unit (and agency). */
export function abilities(req: FastifyRequest, unit: Unit, agencyId: number | null) {
  const res = { unitPath: unit.path, agencyId };
  if (agencyId) {
    const read = disclosurePolicy(req.actor, 'readAgency', res);
    const prepare = disclosurePolicy(req.actor, 'prepareAgency', res);
    return { read, readDrafts: prepare, prepare, compliance: prepare };
  }
  return {
    read: true,
    readDrafts: disclosurePolicy(req.actor, 'readDrafts', res) || disclosurePolicy(req.actor, 'prepare', res),
    prepare: disclosurePolicy(req.actor, 'prepare', res),
    compliance: disclosurePolicy(req.actor, 'readCompliance', res),
  };
}
