// Officials read the history of a record: every audited change with who and when.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { AuditSubject, ModuleManifest } from '../../modules/module.js';
import { platformPolicy } from '../auth/policy.js';
import { Forbidden, NotFound, Unauthenticated } from '../errors.js';
import { sendPage, viewOf } from '../http/context.js';
import { formatDateTime, type T } from '../i18n/index.js';
import { Layout } from '../ui/layout.js';
import { historyOf } from './audit.js';
import { agencyAuditPolicy } from './audit.policy.js';
import { confidentialSeqs } from './confidential.js';
import { actionLabel, actorLabel, dataPairs } from './labels.js';

export function auditRoutes(app: FastifyInstance, deps: AppDeps, modules: ModuleManifest[]): void {
  const subjects: Record<string, (deps: AppDeps, id: number) => Promise<AuditSubject | undefined>> = {
    unit: async (d, id) => {
      const u = await d.db.selectFrom('units').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
      return u ? { name: u.name, unitPath: u.path, href: `/units/${u.id}` } : undefined;
    },
    ...Object.assign({}, ...modules.map((m) => m.auditSubjects ?? {})),
  };
  app.get('/audit/:type/:id', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const { type } = req.params as { type: string };
    const id = Number((req.params as { id: string }).id);
    const subject = Object.hasOwn(subjects, type) ? await subjects[type]!(deps, id) : undefined;
    if (!subject) throw new NotFound();
    const resource = { unitPath: subject.unitPath, agencyId: subject.agencyId ?? null };
    const allowed = subject.agencyId ? agencyAuditPolicy(req.actor, 'read', resource) : platformPolicy(req.actor, 'readAudit', resource);
    if (!allowed) throw new Forbidden();
    // A unit's history also holds every change recorded against it (unit_id).
    const [own, scoped] = await Promise.all([
      historyOf(deps.db, type, id),
      // The latest 500: a commune's log grows past that within a year, and the newest matter most.
      type === 'unit' ? deps.db.selectFrom('audit_log').selectAll().where('unit_id', '=', id).orderBy('seq', 'desc').limit(500).execute() : Promise.resolve([]),
    ]);
    const entries = [...new Map([...own, ...scoped].map((e) => [e.seq, e])).values()].sort((a, b) => a.seq - b.seq);
    // R-H4 (Denunciation Law Arts 4, 47–48): entries about a denunciation this actor may not handle, and
    // the record itself (seq 0, never a real entry) when it is one, read as a neutral line.
    const self = { seq: 0, entity_type: type, entity_id: String(id), data: '{}' };
    const hidden = await confidentialSeqs(deps, modules, req.actor, [self, ...entries]);
    const view = viewOf(req, deps);
    const { t } = view;
    const unit = { name: hidden.has(0) ? t('audit.confidentialSubject') : subject.name };
    return sendPage(
      req,
      reply,
      <Layout view={view} title={t('audit.title')} crumbs={[{ href: subject.href, label: unit.name }]}>
        <h1>
          {t('audit.title')}: {unit.name}
        </h1>
        {entries.length === 0 ? (
          <p>{t('audit.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.data')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{actorLabel(t, e.actor_label)}</td>
                  {hidden.has(e.seq) ? (
                    <>
                      <td>{t('audit.confidential')}</td>
                      <td />
                    </>
                  ) : (
                    <>
                      <td>{actionLabel(t, e.action)}</td>
                      <td>
                        <DataCell t={t} json={e.data} action={e.action} />
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Layout>,
    );
  });
}

/** The data as "key: value" lines, with the stored JSON kept one click away. */
function DataCell({ t, json, action }: { t: T; json: string; action: string }) {
  const pairs = dataPairs(t, json, action);
  if (pairs.length === 0) return null;
  return (
    <>
      <ul class="audit-data">
        {pairs.map((p, i) => (
          <li key={i}>
            {p.key}: {p.value}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('audit.rawJson')}</summary>
        <code>{json}</code>
      </details>
    </>
  );
}
