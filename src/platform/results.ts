// What a command returns for an expected failure (DESIGN.md "Errors": commands return results, throw
// only for bugs): field errors to show next to the fields, or a reason the route turns into 404/403 or
// a message. And the guarded update: only the first of two officials acting at once changes anything.
import type { FieldErrors } from './errors.js';

export type Failure = { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' };
export const invalid = (errors: FieldErrors): Failure => ({ ok: false, errors });
export const isFailure = (x: object): x is Failure => 'ok' in x && (x as { ok: boolean }).ok === false;

/** Thrown inside a transaction when a guarded update finds the record no longer in the expected
 * state (another official acted first): the transaction rolls back and the caller answers wrong_state. */
export class StaleState extends Error {}
/** An update guarded by the expected state must change exactly the row it meant to. */
export function expectUpdated(r: { numUpdatedRows: bigint }): void {
  if (r.numUpdatedRows !== 1n) throw new StaleState();
}
/** Runs a use case whose transaction may find stale state. */
export async function orStale<T>(run: () => Promise<T>): Promise<T | { ok: false; reason: 'wrong_state' }> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof StaleState) return { ok: false, reason: 'wrong_state' };
    throw e;
  }
}
