// The officials' work list of a commune, village or agency (issue 5 item 4): overdue first, then
// due soon, then the rest, with filters and pages. Titles only: no author, no content (R-H4).
import { formatDate, type MessageKey } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { KINDS } from '../model.js';
import type { Queue, QueueFilter } from '../queue.js';

export type ManageListModel = {
  unit: { id: number; name: string; isCommune: boolean };
  /** Set when the actor reads only an agency's items. */
  agencyNames: string[];
  villages: { id: number; name: string }[];
  handlers: Record<string, string>;
  filter: QueueFilter;
  queue: Queue;
  canConfigure: boolean;
};

export const DUE_TAG: Record<string, string> = { overdue: 'tag ended', due_soon: 'tag', on_time: 'tag ok' };

export function handlerKey(r: { handlerUnitId: number; handlerAgencyId: number | null; board: boolean; projectId?: number | null }): string {
  if (r.board && r.projectId) return `project:${r.projectId}`;
  return r.board ? 'board' : r.handlerAgencyId ? `agency:${r.handlerAgencyId}` : `unit:${r.handlerUnitId}`;
}

function query(f: QueueFilter, page: number, over: Partial<Record<string, string>> = {}): string {
  const q = { due: f.due, kind: f.kind ?? '', status: f.status ?? '', village: f.villageId ? String(f.villageId) : '', page: String(page), ...over };
  const parts = Object.entries(q).filter(([k, v]) => v && !(k === 'due' && v === 'open') && !(k === 'page' && v === '1'));
  return parts.length ? `?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`).join('&')}` : '';
}

export function ManageListPage({ view, m }: { view: ViewCtx; m: ManageListModel }) {
  const t = view.t;
  const { queue, filter: f } = m;
  const base = `/units/${m.unit.id}/feedback/manage`;
  const title = t('feedback.handling.list.title');
  return (
    <Layout view={view} title={`${title} – ${m.unit.name}`} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      <p class="lead">
        {m.unit.name}
        {m.agencyNames.length > 0 && ` · ${m.agencyNames.join(', ')}`}
      </p>
      <ul class="list">
        <li>
          <a href={`${base}${query(f, 1, { due: 'open' })}`}>{t('feedback.handling.list.countOpen', { n: queue.counts.open })}</a>
        </li>
        <li>
          <a href={`${base}${query(f, 1, { due: 'overdue' })}`}>{t('feedback.handling.list.countOverdue', { n: queue.counts.overdue })}</a>
        </li>
        <li>
          <a href={`${base}${query(f, 1, { due: 'due_soon' })}`}>{t('feedback.handling.list.countDueSoon', { n: queue.counts.dueSoon })}</a>
        </li>
      </ul>
      <p>
        {m.canConfigure && (
          <a class="btn sec" href={`/units/${m.unit.id}/feedback/settings`}>
            {t('feedback.handling.settings.title')}
          </a>
        )}{' '}
        {m.unit.isCommune && (
          <a class="btn sec" href={`/units/${m.unit.id}/feedback/register.csv`} download>
            {t('feedback.handling.list.exportCsv')}
          </a>
        )}
      </p>
      <form method="get" action={base} class="row">
        <div class="fg">
          <label for="f-due">{t('feedback.handling.list.due')}</label>
          <select id="f-due" name="due">
            {(['open', 'overdue', 'due_soon'] as const).map((d) => (
              <option key={d} value={d} selected={f.due === d}>
                {t(`feedback.handling.list.due.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="fg">
          <label for="f-kind">{t('feedback.handling.list.kind')}</label>
          <select id="f-kind" name="kind">
            <option value="">{t('feedback.handling.list.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k} selected={f.kind === k}>
                {t(`feedback.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="fg">
          <label for="f-status">{t('feedback.handling.list.status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('feedback.handling.list.any')}</option>
            {(['received', 'accepted', 'answered'] as const).map((s) => (
              <option key={s} value={s} selected={f.status === s}>
                {t(`feedback.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {m.villages.length > 0 && (
          <div class="fg">
            <label for="f-village">{t('feedback.handling.list.village')}</label>
            <select id="f-village" name="village">
              <option value="">{t('feedback.handling.list.any')}</option>
              {m.villages.map((v) => (
                <option key={v.id} value={String(v.id)} selected={f.villageId === v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button class="btn sec" type="submit">
          {t('feedback.handling.list.filter')}
        </button>
      </form>
      {queue.rows.length === 0 ? (
        <p class="muted">{t('feedback.handling.list.empty')}</p>
      ) : (
        <table>
          <caption class="muted">{t('feedback.handling.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.handling.code')}</th>
              <th scope="col">{t('feedback.handling.item')}</th>
              <th scope="col">{t('feedback.handling.list.status')}</th>
              <th scope="col">{t('feedback.handling.list.deadline')}</th>
              <th scope="col">{t('feedback.handling.handler')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/feedback/manage/${r.id}`}>{r.code}</a>
                </td>
                <td>
                  {r.titleHidden ? <span class="muted">{t('feedback.handling.list.titleHidden')}</span> : r.title}
                  <br />
                  <span class="muted">
                    {t(`feedback.kind.${r.kind}`)} · {t(`feedback.category.${r.category}` as MessageKey)} · {t('feedback.handling.receivedOn')}{' '}
                    {formatDate(r.receivedOn)}
                  </span>
                </td>
                <td>{t(`feedback.status.${r.status}`)}</td>
                <td>
                  {r.clock && <span class="muted">{t(`feedback.clock.${r.clock}` as MessageKey)}: </span>}
                  {formatDate(r.dueOn)} <span class={DUE_TAG[r.dueState]}>{t(`feedback.due.${r.dueState}`)}</span>
                </td>
                <td>{m.handlers[handlerKey(r)] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="row" aria-label={t('feedback.handling.list.pages')}>
        {queue.page > 1 && <a href={`${base}${query(f, queue.page - 1)}`}>← {t('feedback.handling.list.prev')}</a>}
        {queue.hasNext && <a href={`${base}${query(f, queue.page + 1)}`}>{t('feedback.handling.list.next')} →</a>}
      </nav>
    </Layout>
  );
}
