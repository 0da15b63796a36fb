// The officials' register of requests for a commune: overdue first, then by deadline; closed ones
// after. No requester's name or contact here: those are on the detail page, for the roles allowed.
import { formatDate } from '../../../../platform/i18n/index.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import type { RequestChannel, RequestStatus } from '../../rules/info-request.js';
import { channelLabel, STATUS_TAG, statusLabel } from '../model.js';

export type ListModel = {
  unit: { id: number; name: string };
  canManage: boolean;
  closedLimit: number;
  items: {
    id: number;
    code: string;
    channel: RequestChannel;
    excerpt: string;
    receivedOn: string;
    deadline: string;
    extended: boolean;
    state: RequestStatus;
    closedOn: string | null;
  }[];
};

export function RequestListPage({ view, m }: { view: ViewCtx; m: ListModel }) {
  const waiting = m.items.filter((i) => i.state === 'open' || i.state === 'overdue').length;
  const overdue = m.items.filter((i) => i.state === 'overdue').length;
  const t = view.t;
  return (
    <Layout view={view} title={`${t('inforeq.title')} – ${m.unit.name}`} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{t('inforeq.title')}</h1>
      <p class="lead">
        {m.unit.name}: {t('inforeq.list.waiting', { n: waiting })}
        {overdue > 0 && <>{t('inforeq.list.overdue', { n: overdue })}</>}.
      </p>
      {m.canManage ? (
        <p>
          <a class="btn sec" href={`/units/${m.unit.id}/info-requests/record`}>
            {t('inforeq.list.record')}
          </a>
        </p>
      ) : (
        <p class="muted">{t('inforeq.list.readOnly')}</p>
      )}
      {m.items.length === 0 ? (
        <p class="muted">{t('inforeq.list.empty')}</p>
      ) : (
        <table>
          <caption class="muted">{t('inforeq.list.caption', { n: m.closedLimit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inforeq.code')}</th>
              <th scope="col">{t('inforeq.content')}</th>
              <th scope="col">{t('inforeq.receivedOn')}</th>
              <th scope="col">{t('inforeq.dueDate')}</th>
              <th scope="col">{t('inforeq.status')}</th>
            </tr>
          </thead>
          <tbody>
            {m.items.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={`/units/${m.unit.id}/info-requests/${i.id}`}>{i.code}</a>
                </td>
                <td>
                  {i.excerpt}
                  <br />
                  <span class="muted">{channelLabel(t, i.channel)}</span>
                </td>
                <td>{formatDate(i.receivedOn)}</td>
                <td>
                  {formatDate(i.deadline)}
                  {i.extended && <span class="muted"> ({t('inforeq.list.extended')})</span>}
                </td>
                <td>
                  <span class={STATUS_TAG[i.state]}>{statusLabel(t, i.state)}</span>
                  {i.closedOn && <span class="muted"> {formatDate(i.closedOn)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
