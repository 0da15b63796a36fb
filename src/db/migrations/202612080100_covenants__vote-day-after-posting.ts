// R-E1 (Decree 61/2023 Art 9(1)): covenants posted before this fix stored as their first vote day the
// posting's last day (the consultation's closes_on), so a vote could be scheduled while comments were
// still open. The first lawful vote day is the day after: move those holds on by one day. Votes
// already scheduled are left as they are (the record of what was done).
import type { Migration } from './helpers.js';

const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const migration: Migration = {
  async up(db) {
    const rows = await db
      .selectFrom('covenants as c')
      .innerJoin('consultations as k', 'k.id', 'c.consultation_id')
      .innerJoin('matters as m', 'm.id', 'c.matter_id')
      .select(['m.id as matterId', 'm.vote_not_before as hold', 'k.closes_on as closesOn'])
      .execute();
    for (const r of rows as Array<{ matterId: number; hold: string | null; closesOn: string | null }>) {
      if (!r.hold || !r.closesOn || r.hold !== r.closesOn) continue;
      await db
        .updateTable('matters')
        .set({ vote_not_before: dayAfter(r.closesOn) })
        .where('id', '=', r.matterId)
        .execute();
    }
  },
};
