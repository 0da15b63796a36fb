// A commune that no longer exists receives nothing (review finding: Xã Kim Hỷ, abolished on
// 30/06/2025, still took petitions nobody could handle, since the roles are on the new units).
// Units carry their validity and successor (units module; R-I1; Resolution 1683/NQ-UBTVQH15): a
// unit whose valid_to is before today in Vietnam is closed, and the citizen is sent to the commune
// that succeeded it, followed along the chain to the one that exists today.
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { dayAfter } from '../../units/present.js';

export type ClosedCommune = { message: string; successor: Pick<Unit, 'id' | 'name'> | null };

/** Null while the unit exists on `today` (yyyy-mm-dd, Vietnam); else the message naming its successor. */
export async function closedCommune(db: Conn, t: T, unit: Unit, today: string): Promise<ClosedCommune | null> {
  const exists = (u: Unit) => !u.valid_to || u.valid_to >= today;
  if (exists(unit)) return null;
  // A successor may itself have been merged later: follow a few steps to the unit of today.
  let current: Unit | null = null;
  let next = unit.successor_id;
  for (let i = 0; next !== null && i < 5 && !current; i++) {
    const u = await db.selectFrom('units').selectAll().where('id', '=', next).executeTakeFirst();
    if (!u) break;
    if (exists(u)) current = u;
    next = u.successor_id;
  }
  const params = { unit: unit.name, date: formatDate(dayAfter(unit.valid_to!)), successor: current?.name ?? '' };
  return {
    message: current ? t('feedback.intake.err.communeClosed', params) : t('feedback.intake.err.communeClosedNone', params),
    successor: current ? { id: current.id, name: current.name } : null,
  };
}
