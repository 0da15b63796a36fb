// A record's number in a path (/units/:id, /votes/:id/count, /consultations/:id/comments/:cid …) or a
// form is a positive integer of 1–9 digits, or the record does not exist (review finding 21): "abc",
// "-1", "1.5", "1e309", "../x" and values past int4 (99999999999) never reach a query, where
// PostgreSQL would answer with an error that used to become a 500.
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../errors.js';

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

/** Path parameters that name a row: id, cid, version and anything ending in Id (fileId, matterId …). */
const isIdParam = (name: string) => name === 'id' || name === 'cid' || name === 'version' || name.endsWith('Id');

/** Checks every route's id parameters once, before any module code runs. */
export function installIdParams(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const params = req.params as Record<string, string> | undefined;
    // A route that declares its parameters (the JSON API) answers 400 with the field named instead.
    if (!params || req.routeOptions.schema?.params) return;
    for (const [k, v] of Object.entries(params)) if (isIdParam(k)) idOr404(v);
  });
}
