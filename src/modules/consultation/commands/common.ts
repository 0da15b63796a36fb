// What every consultation command shares: load the record with its unit path in the transaction,
// and the result type. Commands authorise themselves (deny by default) before they change anything.
import type { Conn } from '../../../db/index.js';
import type { FieldErrors } from '../../../platform/errors.js';

export type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' };

export async function loadForUpdate(trx: Conn, id: number) {
  return trx
    .selectFrom('consultations as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select('u.path as unit_path')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function villagePaths(trx: Conn, id: number, audience: string): Promise<string[] | null> {
  if (audience !== 'villages') return null;
  const rows = await trx
    .selectFrom('consultation_villages as v')
    .innerJoin('units as u', 'u.id', 'v.village_id')
    .select('u.path')
    .where('v.consultation_id', '=', id)
    .execute();
  return rows.map((r) => r.path);
}

/** A phone number or a 9/12-digit identity number in a text that will be public (Law 10/2022 Art 9(2)); an
 * amount such as 100.000.000.000 đồng is not a phone number. */
export const looksPersonal = (text: string): boolean => /(?<![\d.,])(?:\+?84|0)(?:[\s.-]?\d){9}\b/.test(text) || /\b\d{12}\b|\b\d{9}\b/.test(text);
