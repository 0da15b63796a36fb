// The one source of an agency's staff count (Law 10/2022 Art 51(2), R-G3; Art 60 and 63(2)(e), R-F8):
// the counts the agency's head records in this module (`workplace_staff_counts`). Other modules (the
// oversight module's agency indicators) read it through this function, never the table.
import type { Conn } from '../../db/index.js';

/** Per agency id, its latest staff count on `date` (inclusive); an agency with none is absent (unknown). */
export async function staffCountsOn(db: Conn, agencyIds: number[], date: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (agencyIds.length === 0) return out;
  const rows = await db
    .selectFrom('workplace_staff_counts')
    .select(['agency_id', 'staff', 'counted_on', 'id'])
    .where('agency_id', 'in', agencyIds)
    .where('counted_on', '<=', date)
    .execute();
  const latest = new Map<number, string>();
  for (const s of rows) {
    // The latest day wins; on the same day, the later record (a correction).
    const key = `${s.counted_on}#${String(s.id).padStart(10, '0')}`;
    if (key <= (latest.get(s.agency_id) ?? '')) continue;
    latest.set(s.agency_id, key);
    out.set(s.agency_id, s.staff);
  }
  return out;
}
