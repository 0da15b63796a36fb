// The officials' register of requests for a commune: overdue first, then by deadline; closed ones
// after. No requester's name or contact here: those are on the detail page, for the roles allowed.
import { formatDate } from '../../../../platform/i18n/index.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import type { RequestChannel, RequestStatus } from '../../rules/info-request.js';
import { CHANNEL_VI, STATUS_TAG, STATUS_VI } from '../model.js';

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
  return (
    <Layout view={view} title={`Yêu cầu cung cấp thông tin – ${m.unit.name}`} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>Yêu cầu cung cấp thông tin</h1>
      <p class="lead">
        {m.unit.name}: {waiting} yêu cầu đang chờ trả lời{overdue > 0 && <>, trong đó {overdue} yêu cầu quá hạn</>}.
      </p>
      {m.canManage ? (
        <p>
          <a class="btn sec" href={`/units/${m.unit.id}/info-requests/record`}>
            Ghi nhận yêu cầu nhận trực tiếp hoặc qua bưu chính
          </a>
        </p>
      ) : (
        <p class="muted">Bạn chỉ có quyền xem (giám sát).</p>
      )}
      {m.items.length === 0 ? (
        <p class="muted">Chưa có yêu cầu nào.</p>
      ) : (
        <table>
          <caption class="muted">Các yêu cầu đang chờ trả lời (quá hạn trước), sau đó tối đa {m.closedLimit} yêu cầu đã kết thúc gần nhất.</caption>
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Nội dung</th>
              <th scope="col">Ngày nhận</th>
              <th scope="col">Hạn trả lời</th>
              <th scope="col">Trạng thái</th>
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
                  <span class="muted">{CHANNEL_VI[i.channel]}</span>
                </td>
                <td>{formatDate(i.receivedOn)}</td>
                <td>
                  {formatDate(i.deadline)}
                  {i.extended && <span class="muted"> (đã gia hạn)</span>}
                </td>
                <td>
                  <span class={STATUS_TAG[i.state]}>{STATUS_VI[i.state]}</span>
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
