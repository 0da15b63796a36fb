// Serving a stored attachment (store.ts): the type checked at upload, the original (Vietnamese) name
// in Content-Disposition, `nosniff` and a sandbox CSP so that it can never run as a page of ours; PDFs
// and images open in the browser, anything else downloads. The caller has checked who may read it.
import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { contentDisposition, filePath } from './store.js';

export function sendStoredFile(reply: FastifyReply, filesDir: string, f: { sha256: string; filename: string; mime: string }): FastifyReply {
  const inline = f.mime === 'application/pdf' || f.mime.startsWith('image/');
  return (
    reply
      .type(f.mime)
      .header('content-disposition', contentDisposition(f.filename, inline))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox; default-src none')
      // Not public: never kept by a shared computer's browser or a proxy.
      .header('cache-control', 'private, no-store')
      .send(createReadStream(filePath(filesDir, f.sha256)))
  );
}
