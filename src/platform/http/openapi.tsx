// The OpenAPI document is built from the schemas the API routes already validate with, so the
// document cannot drift from the code. /api/docs renders it as a plain page (no script needed).
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { Layout } from '../ui/layout.js';
import { sendPage, viewOf } from './context.js';

type ApiRoute = { method: string; url: string; schema: Record<string, unknown> };
const routes: WeakMap<FastifyInstance, ApiRoute[]> = new WeakMap();

export function collectApiRoutes(app: FastifyInstance): void {
  const list: ApiRoute[] = [];
  routes.set(app, list);
  app.addHook('onRoute', (r: RouteOptions) => {
    if (!r.url.startsWith('/api/v1/')) return;
    for (const m of [r.method].flat())
      if (m !== 'HEAD') list.push({ method: m.toLowerCase(), url: r.url, schema: (r.schema ?? {}) as Record<string, unknown> });
  });
}

function toParams(schema: unknown, where: 'query' | 'path') {
  const s = schema as { properties?: Record<string, { description?: string }>; required?: string[] } | undefined;
  return Object.entries(s?.properties ?? {}).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || (s?.required ?? []).includes(name),
    description: p.description,
    schema: p,
  }));
}

const PROBLEM = {
  description: 'Problem details (RFC 9457)',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: { type: 'object' },
        },
      },
    },
  },
};

export function openApiDocument(app: FastifyInstance) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes.get(app) ?? []) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const s = r.schema as { summary?: string; tags?: string[]; querystring?: unknown; params?: unknown; body?: unknown; response?: Record<string, unknown> };
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: s.summary,
      tags: s.tags,
      parameters: [...toParams(s.params, 'path'), ...toParams(s.querystring, 'query')],
      ...(s.body ? { requestBody: { content: { 'application/json': { schema: s.body } } } } : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(s.response ?? {}).map(([code, schema]) => [code, { description: 'OK', content: { 'application/json': { schema } } }]),
        ),
        '4XX': PROBLEM,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dân chủ cơ sở API',
      version: '1',
      description: 'Law 10/2022/QH15 grassroots democracy platform. Errors: RFC 9457. Auth: Authorization: Bearer <API token>.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

export function apiDocsRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/openapi.json', () => openApiDocument(app));
  app.get('/api/docs', (req, reply) => {
    const view = viewOf(req, deps);
    const { t } = view;
    const doc = openApiDocument(app);
    return sendPage(
      req,
      reply,
      <Layout view={view} title={t('api.title')}>
        <h1>{t('api.title')}</h1>
        <p>{t('api.intro')}</p>
        <p>
          <a href="/api/openapi.json">openapi.json</a>
        </p>
        {Object.entries(doc.paths).map(([path, ops]) =>
          Object.entries(ops).map(([method, op]) => {
            const o = op as { summary?: string; parameters: { name: string; in: string; required: boolean; description?: string }[] };
            return (
              <section class="card" key={`${method}${path}`}>
                <h2>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h2>
                {o.summary && <p>{o.summary}</p>}
                {o.parameters.length > 0 && (
                  <ul>
                    {o.parameters.map((p) => (
                      <li key={p.name}>
                        <code>{p.name}</code> ({p.in}
                        {p.required ? ', bắt buộc' : ''}){p.description ? `: ${p.description}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          }),
        )}
      </Layout>,
    );
  });
}
