// Downloads of a feedback item's files for officials (issue 5 item 6; R-H4): never public, always a
// download (content-disposition: attachment) with the type checked at upload, never cached. A
// denunciation's files and any signature image open only where the author's identity may be seen
// (identityAllowed), and each opening is audit-logged without personal data.
//   GET /feedback/manage/:id/files/:fileId    GET /feedback/manage/:id/signature
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files/store.js';
import { idOr404 } from '../../platform/http/ids.js';
import { mayOpenFiles, openAttachment, openSignature } from './attachments.js';
import { loadHandled, secretsShown } from './commands/handle.js';

type P = Record<string, string>;

function download(reply: FastifyReply, f: { bytes: Buffer; filename: string; mime: string }) {
  return reply
    .type(f.mime)
    .header('content-disposition', contentDisposition(f.filename, false))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox; default-src none')
    .header('cache-control', 'private, no-store')
    .send(f.bytes);
}

export function attachmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  async function item(req: FastifyRequest) {
    if (!req.actor) throw new Unauthenticated();
    const it = await loadHandled(deps.db, idOr404((req.params as P).id));
    if (!it) throw new NotFound();
    return { actor: req.actor, it };
  }

  app.get('/feedback/manage/:id/files/:fileId', async (req, reply) => {
    const { actor, it } = await item(req);
    if (!(await mayOpenFiles(deps.db, actor, it))) throw new Forbidden();
    const f = await openAttachment(deps, actor, it, idOr404((req.params as P).fileId));
    if (!f) throw new NotFound();
    return download(reply, f);
  });

  app.get('/feedback/manage/:id/signature', async (req, reply) => {
    const { actor, it } = await item(req);
    if (!(await secretsShown(deps.db, actor, it)).identity) throw new Forbidden();
    const sig = await openSignature(deps, actor, it);
    if (!sig) throw new NotFound();
    return download(reply, { ...sig, filename: `chu-ky-${it.tracking_code}.${sig.mime === 'image/png' ? 'png' : 'jpg'}` });
  });
}
