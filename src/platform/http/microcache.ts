// A few seconds' cache of anonymous GET responses (docs/performance.md, fix 3). Public pages and the
// public API are the same bytes for every anonymous visitor; serving them again for a moment takes a
// commune page from ~1 ms of CPU to almost none, which is what a shared 2-core machine needs when a
// whole district opens the same notice. Never for a signed-in user, a page with a form token, a
// response that sets a cookie, or after any write in this process (every non-GET bumps a version).
// Writes made elsewhere (another process, the CLI) show after at most `ttlMs`.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

type Entry = { at: number; version: number; headers: Record<string, string | number>; body: Buffer };
const MAX_ENTRIES = 1000;

declare module 'fastify' {
  interface FastifyRequest {
    cacheKey: string | null;
    /** Set by the page's CSRF token: such a page is bound to one visitor and never cached. */
    csrfUsed: boolean;
  }
}

export function installMicrocache(app: FastifyInstance, ttlMs: number): void {
  app.decorateRequest('cacheKey', null);
  app.decorateRequest('csrfUsed', false);
  if (ttlMs <= 0) return;
  const entries = new Map<string, Entry>();
  let version = 0;

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || req.actor || req.sessionToken || req.pendingUserId || req.flash || req.headers.authorization) return;
    if (req.url.startsWith('/dev/') || req.url === '/readyz' || req.url === '/healthz') return;
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const html = String(req.headers.accept ?? '').includes('text/html');
    req.cacheKey = `${req.lang}|${gz ? 'gz' : 'id'}|${html ? 'h' : 'j'}|${req.url}`;
    const e = entries.get(req.cacheKey);
    if (e && e.version === version && Date.now() - e.at < ttlMs) {
      reply.hijack();
      reply.raw.writeHead(200, e.headers);
      reply.raw.end(e.body);
    }
  });

  // After @fastify/compress (its onSend is per route), so the stored bytes are what was sent.
  async function store(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (!req.cacheKey || req.csrfUsed || reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('text/html') && !type.startsWith('application/json')) return payload;
    const body = await toBuffer(payload);
    if (!body) return payload;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const headers: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined && k !== 'content-length') headers[k] = v as string | number;
    headers['content-length'] = body.length;
    entries.set(req.cacheKey, { at: Date.now(), version, headers, body });
    return body;
  }
  app.addHook('onRoute', (o: RouteOptions) => {
    const methods = [o.method].flat();
    if (methods.includes('GET')) o.onSend = [...[o.onSend ?? []].flat(), store] as RouteOptions['onSend'];
  });
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') version++;
  });
}

async function toBuffer(payload: unknown): Promise<Buffer | null> {
  if (typeof payload === 'string') return Buffer.from(payload);
  if (Buffer.isBuffer(payload)) return payload;
  if (payload && typeof (payload as AsyncIterable<Buffer>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const c of payload as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    return Buffer.concat(chunks);
  }
  return null;
}
