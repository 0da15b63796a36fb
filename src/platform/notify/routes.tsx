import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { NotFound, Unauthenticated } from '../errors.js';
import { sendPage, viewOf } from '../http/context.js';
import { formatDateTime } from '../i18n/index.js';
import { Layout } from '../ui/layout.js';
import { renderTemplate, type TemplateName } from './templates.js';

/** A sealed recipient (a citizen's phone or e-mail, R-H4) is never opened for display, even here:
 * the page shows that it is sealed. Kept beside the page rather than in the shared catalogue. */
const SEALED = { vi: '(đã mã hoá)', en: '(encrypted)' } as const;

export function outboxRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The development outbox shows what would have been sent (one-time codes included), so a
  // newcomer can sign in as a resident. It does not exist in production (config.devOutbox).
  app.get('/dev/outbox', async (req, reply) => {
    if (!deps.config.devOutbox) throw new NotFound();
    const view = viewOf(req, deps);
    const { t } = view;
    const rows = await deps.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(50).execute();
    return sendPage(
      req,
      reply,
      <Layout view={view} title={t('outbox.title')}>
        <h1>{t('outbox.title')}</h1>
        <p class="muted">{t('outbox.hint')}</p>
        {rows.length === 0 ? (
          <p>{t('outbox.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('outbox.channel')}</th>
                <th scope="col">{t('outbox.recipient')}</th>
                <th scope="col">{t('outbox.body')}</th>
                <th scope="col">{t('outbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.created_at)}</td>
                  <td>{r.channel}</td>
                  <td>{r.recipient.startsWith('v1.') ? SEALED[view.lang] : r.recipient}</td>
                  <td class="msg">{renderTemplate(r.template as TemplateName, JSON.parse(r.params)).body}</td>
                  <td>
                    {r.status}
                    {r.last_error ? <span class="muted"> — {r.last_error}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Layout>,
    );
  });

  app.get('/notifications', async (req, reply) => {
    if (!req.actor?.userId) throw new Unauthenticated();
    const view = viewOf(req, deps);
    const { t } = view;
    const rows = await deps.db.selectFrom('notifications').selectAll().where('user_id', '=', req.actor.userId).orderBy('id', 'desc').limit(100).execute();
    return sendPage(
      req,
      reply,
      <Layout view={view} title={t('notifications.title')}>
        <h1>{t('notifications.title')}</h1>
        {rows.length === 0 ? (
          <p>{t('notifications.empty')}</p>
        ) : (
          <ul class="list">
            {rows.map((n) => (
              <li key={n.id}>
                <strong>{n.title}</strong> <span class="muted">{formatDateTime(n.created_at)}</span>
                <br />
                {n.link ? <a href={n.link}>{n.body}</a> : n.body}
              </li>
            ))}
          </ul>
        )}
      </Layout>,
    );
  });
}
