// The units module's queries. Codes are reused across time (02155 was Thị trấn Yến Lạc and is now
// Xã Na Rì; R-I1), so the key is internal and every lookup by code takes a date.
import type { Conn } from '../../db/index.js';
import type { Unit } from '../../db/types.js';

const existsOn = (date: string) => (eb: any) =>
  eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)])]);

export async function unitByCode(db: Conn, code: string, date: string): Promise<Unit | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).where(existsOn(date)).executeTakeFirst();
}

/** The unit that last bore a code and ended before `date` (an abolished commune, to name its successor). */
export async function endedUnitByCode(db: Conn, code: string, date: string): Promise<Unit | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('code', '=', code)
    .where('valid_to', 'is not', null)
    .where('valid_to', '<', date)
    .orderBy('valid_to', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function unitById(db: Conn, id: number): Promise<Unit | undefined> {
  // A number read from a query string may be NaN or out of range: no such unit (PostgreSQL would throw).
  if (!Number.isSafeInteger(id)) return undefined;
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unitsByIds(db: Conn, ids: number[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
}

/** Children that exist on `date` (a commune's villages today; a district's communes in 2024). */
export async function childrenOn(db: Conn, parentId: number, date: string | null): Promise<Unit[]> {
  let q = db.selectFrom('units').selectAll().where('parent_id', '=', parentId);
  if (date) q = q.where(existsOn(date));
  return q.orderBy('name').execute();
}

export async function topUnits(db: Conn, date: string): Promise<Unit[]> {
  return db.selectFrom('units').selectAll().where('parent_id', 'is', null).where(existsOn(date)).orderBy('name').execute();
}

/** Units that became this one (their successor is this unit). */
export async function predecessorsOf(db: Conn, id: number): Promise<Unit[]> {
  return db.selectFrom('units').selectAll().where('successor_id', '=', id).orderBy('name').execute();
}

/** Ancestors from the top down, from the materialised path ('/1/3/17/'). */
export async function ancestorsOf(db: Conn, unit: Unit): Promise<Unit[]> {
  const ids = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id);
  const rows = await unitsByIds(db, ids);
  return ids.map((id) => rows.find((r) => r.id === id)).filter((u): u is Unit => !!u);
}

export async function agenciesOf(db: Conn, unitId: number) {
  return db.selectFrom('agencies').selectAll().where('unit_id', '=', unitId).orderBy('name').execute();
}

/** Households on the register on `date` (a household that moved counts only where it lives then). */
export async function householdCount(db: Conn, unitIds: number[], date: string): Promise<number> {
  if (unitIds.length === 0) return 0;
  const r = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', 'in', unitIds)
    .where((eb) =>
      eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)])]),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
