// Ids from the URL or a form (review finding 21): only 1–9 digits pass, so "abc", "-1", "1.5" and
// values past int4 (99999999999) never reach the database, where PostgreSQL would fail with a 500.
import { NotFound } from '../../platform/errors.js';

const ID = /^\d{1,9}$/;

/** A positive row id, or null when the text is not one (empty, non-digits, too long, zero). */
export function parseId(text: unknown): number | null {
  const s = typeof text === 'number' ? String(text) : text;
  if (typeof s !== 'string' || !ID.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

/** The id of a route parameter; a 404 for anything that cannot be a row id. */
export function idOr404(text: unknown): number {
  const n = parseId(text);
  if (n === null) throw new NotFound();
  return n;
}
