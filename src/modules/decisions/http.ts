// Turning a command's expected failure into the right answer (DESIGN.md "Errors"): 404, 403 (or the
// sign-in page when nobody is signed in), or back to the page with a message.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash } from '../../platform/http/context.js';
import { idOr404 } from '../../platform/http/ids.js';
import type { Failure } from '../../platform/results.js';
import { L } from './views/labels.js';

export function requireActor(req: FastifyRequest) {
  if (!req.actor) throw new Unauthenticated();
  return req.actor;
}

/** For failures without field errors; field errors are re-rendered by the caller. */
export function failTo(req: FastifyRequest, reply: FastifyReply, back: string, r: Failure): FastifyReply {
  if ('reason' in r) {
    if (r.reason === 'not_found') throw new NotFound();
    if (r.reason === 'forbidden') throw req.actor ? new Forbidden() : new Unauthenticated();
    return redirectWithFlash(reply, back, L(req.t, 'flash.wrongState'));
  }
  const first = Object.values(r.errors)[0] ?? L(req.t, 'flash.wrongState');
  return redirectWithFlash(reply, back, first);
}

export const idParam = (req: FastifyRequest): number => idOr404((req.params as { id: string }).id);
