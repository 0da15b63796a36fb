// What the workplace commands share: the holder of a regulation (a commune or one of its agencies),
// loaded with its place and the permission check, and typed-field readers.
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { COMMUNE_LEVELS } from '../../units/levels.js';
import { type WorkplaceAction, workplacePolicy } from '../workplace.policy.js';

/** A commune (agency null) or an agency with the commune it belongs to. */
export type Holder = { unit: Unit; agency: { id: number; name: string } | null };

export async function communeHolder(db: Conn, id: number): Promise<Holder | undefined> {
  const unit = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return unit && COMMUNE_LEVELS.includes(unit.level) ? { unit, agency: null } : undefined;
}
export async function agencyHolder(db: Conn, id: number): Promise<Holder | undefined> {
  const agency = await db.selectFrom('agencies').select(['id', 'name', 'unit_id']).where('id', '=', id).executeTakeFirst();
  if (!agency) return undefined;
  const unit = await db.selectFrom('units').selectAll().where('id', '=', agency.unit_id).executeTakeFirstOrThrow();
  return { unit, agency: { id: agency.id, name: agency.name } };
}
export const holderName = (h: Holder) => h.agency?.name ?? h.unit.name;
export const may = (actor: Actor | null, h: Holder, action: WorkplaceAction) =>
  workplacePolicy(actor, action, { unitPath: h.unit.path, agencyId: h.agency?.id ?? null });

export function readText(t: T, e: FieldErrors, name: string, value: string, max: number, required = true): string {
  const s = value.trim();
  if (!s && required) e[name] = t('workplace.err.required');
  else if (s.length > max) e[name] = t('workplace.err.tooLong', { max });
  return s;
}
