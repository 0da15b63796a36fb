// A record's number in a path (/units/:id, /votes/:id/count, /consultations/:id/comments/:cid …) is
// a positive integer or the page does not exist. Checked once for every route, before any module
// code runs, so "abc", "-1", "1e309" or "../x" are a 404 and never reach a query (PostgreSQL answers
// a NaN bound to an integer column with an error, which used to become a 500).
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../errors.js';

/** Path parameters that name a row: id, cid, version and anything ending in Id (fileId, matterId …). */
const isIdParam = (name: string) => name === 'id' || name === 'cid' || name === 'version' || name.endsWith('Id');
const ID = /^\d{1,15}$/;

export function installIdParams(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const params = req.params as Record<string, string> | undefined;
    // A route that declares its parameters (the JSON API) answers 400 with the field named instead.
    if (!params || req.routeOptions.schema?.params) return;
    for (const [k, v] of Object.entries(params)) if (isIdParam(k) && !ID.test(v)) throw new NotFound();
  });
}
