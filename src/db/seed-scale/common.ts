// What the per-module parts of `seed --scale` share (src/db/seed-scale.ts): the commune being written,
// its villages and households, the seeded random source, and multi-row inserts in chunks.
import type { AppDeps } from '../../app-deps.js';
import { personName } from '../../modules/units/demo.js';
import type { WorkingCalendar } from '../../platform/calendar/calendar.js';
import type { Conn } from '../index.js';

export type Rng = { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T };
export type Commune = { id: number; code: string; name: string; path: string };
export type Village = { id: number; name: string };
export type Household = { id: number; unitId: number; representative: number };
export type Input = {
  commune: Commune;
  villages: Village[];
  households: Household[];
  /** Today in Vietnam (YYYY-MM-DD): every date is counted back from it. */
  today: string;
  /** The official calendar, for the deadlines counted in working days or moved off days off. */
  calendar: WorkingCalendar;
};
/** What one module part wrote, by name: the report and the commune's audit entry add these up. */
export type Counts = Record<string, number>;
export type Part = (trx: Conn, deps: Pick<AppDeps, 'clock' | 'config'>, r: Rng, x: Input) => Promise<Counts>;

/** Rows per insert statement: SQLite binds at most 32,766 parameters per statement. */
export const CHUNK = 1_000;
export async function chunks<T>(rows: T[], put: (c: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await put(rows.slice(i, i + CHUNK));
}
export const TRACKING = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const code = (r: Rng, alphabet: string) => Array.from({ length: 10 }, () => alphabet[Math.floor(r.next() * alphabet.length)]).join('');
export const person = (r: Rng) => personName(r, r.next() < 0.5 ? 'nam' : 'nữ');
/** A time on a day, as the commands stamp it (10:00 in Vietnam). */
export const at = (day: string) => `${day}T03:00:00.000Z`;
