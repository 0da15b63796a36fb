// The one error handler (DESIGN.md "Errors"): a Vietnamese (or English) page for browsers, RFC 9457
// problem JSON under /api. A 5xx is logged with its request id; the user sees the id, never a stack.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { AppError, type FieldErrors } from '../errors.js';
import { type MessageKey, translator } from '../i18n/index.js';
import { Layout } from '../ui/layout.js';
import { sendPage, viewOf } from './context.js';

const TITLES: Record<number, MessageKey> = {
  400: 'err.badRequest',
  401: 'err.signInRequired',
  403: 'err.forbidden',
  404: 'err.notFound',
  409: 'err.conflict',
  413: 'err.tooLarge',
  415: 'err.unsupportedType',
  422: 'err.validation',
};

export function installErrorHandling(app: FastifyInstance, deps: AppDeps): void {
  app.setNotFoundHandler((req, reply) => respond(req, reply, deps, 404, 'not_found'));
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) return respond(req, reply, deps, error.status, error.code, error.fields);
    if (error.validation) {
      const fields: FieldErrors = {};
      for (const v of error.validation) {
        const name = (v.instancePath || `/${(v.params as { missingProperty?: string }).missingProperty ?? ''}`).replace(/^\//, '') || '_';
        fields[name] = ajvMessage(v.keyword, req.lang ?? 'vi', v.message);
      }
      return respond(req, reply, deps, 400, 'validation_failed', fields);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return respond(req, reply, deps, status, error.code ?? 'bad_request');
    req.log.error({ err: error }, 'unhandled error');
    return respond(req, reply, deps, 500, 'internal');
  });
}

function respond(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, status: number, code: string, fields?: FieldErrors) {
  const t = req.t ?? translator('vi');
  const key: MessageKey = code === 'csrf' ? 'err.csrf' : status === 500 ? 'err.internal' : (TITLES[status] ?? 'err.badRequest');
  const detail = t(key, { id: req.id });
  const wantsJson = req.url.startsWith('/api/') || !(req.headers.accept ?? '').includes('text/html');
  if (wantsJson) {
    return reply
      .code(status)
      .type('application/problem+json')
      .send({
        type: `about:blank#${code}`,
        title: code,
        status,
        detail,
        instance: req.url.split('?')[0],
        requestId: req.id,
        ...(fields ? { errors: fields } : {}),
      });
  }
  if (status === 401 && req.method === 'GET') {
    return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}${req.sessionExpired ? '&expired=1' : ''}`, 303);
  }
  if (!req.t) {
    req.t = t;
    req.lang = 'vi';
  }
  const view = viewOf(req, deps);
  return sendPage(
    req,
    reply,
    <Layout view={view} title={t('err.title')}>
      <h1>{t('err.title')}</h1>
      <p class="lead">{detail}</p>
      {fields && (
        <ul>
          {Object.entries(fields).map(([k, v]) => (
            <li key={k}>
              {k}: {v}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">{t('err.back')}</a>
      </p>
    </Layout>,
    status,
  );
}

// Schema errors in the user's language: the API speaks Vietnamese by default too.
const AJV_VI: Record<string, string> = {
  required: 'Bắt buộc phải có.',
  pattern: 'Không đúng định dạng.',
  format: 'Không đúng định dạng.',
  type: 'Sai kiểu dữ liệu.',
  minLength: 'Quá ngắn.',
  maxLength: 'Quá dài.',
  minimum: 'Nhỏ hơn giá trị cho phép.',
  maximum: 'Lớn hơn giá trị cho phép.',
  enum: 'Không thuộc các giá trị cho phép.',
  additionalProperties: 'Có trường không được phép.',
};
function ajvMessage(keyword: string, lang: string, fallback?: string): string {
  return lang === 'vi' ? (AJV_VI[keyword] ?? 'Không hợp lệ.') : (fallback ?? 'invalid');
}
