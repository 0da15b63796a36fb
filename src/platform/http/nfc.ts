// Every text that enters is stored in Unicode NFC (DESIGN.md: search folds and compares NFC text).
// Phones and some keyboards send Vietnamese decomposed (NFD: "ễ" as e + ̂ + ̃); normalising once
// here, before validation, means no module stores two spellings of one name. Buffers (uploads,
// signed webhook bodies) are left as they are.
import type { FastifyInstance } from 'fastify';

function nfc(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return v.normalize('NFC');
  if (depth > 8 || v === null || typeof v !== 'object' || Buffer.isBuffer(v)) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = nfc(v[i], depth + 1);
    return v;
  }
  // JSON bodies, parsed forms and query strings (their objects may have a null-like prototype) and
  // multipart parts ({ value, filename, … }); never a stream, a date or bytes.
  if (v instanceof Date || ArrayBuffer.isView(v) || typeof (v as { pipe?: unknown }).pipe === 'function') return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'file' && k !== 'fields') o[k] = nfc(o[k], depth + 1);
  return o;
}

export function installNfc(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (req.body !== undefined) req.body = nfc(req.body);
    if (req.query && typeof req.query === 'object') req.query = nfc(req.query) as typeof req.query;
    if (req.params && typeof req.params === 'object') req.params = nfc(req.params) as typeof req.params;
  });
}
