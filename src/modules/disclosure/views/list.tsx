import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { type DisclosureView, STATE_VI } from '../present.js';
import type { Category } from '../rules/categories.js';

export type ListModel = {
  unit: { id: number; name: string };
  agency?: { id: number; name: string };
  items: DisclosureView[];
  total: number;
  capped: boolean;
  hasNext: boolean;
  page: number;
  pageSize: number;
  filters: { category: string; village: string; year: string; state: string; q: string };
  categories: readonly Category[];
  villages: { id: number; name: string }[];
  years: number[];
  canPrepare: boolean;
  canSeeDrafts: boolean;
  following: boolean | null;
  base: string;
};

export function DisclosureListPage({ view, m }: { view: ViewCtx; m: ListModel }) {
  const f = m.filters;
  const pages = m.capped ? null : Math.max(1, Math.ceil(m.total / m.pageSize));
  const qs = (page: number) => {
    const p = new URLSearchParams(Object.entries({ ...f, page: String(page) }).filter(([, v]) => v !== ''));
    return `${m.base}?${p}`;
  };
  const title = m.agency ? `Công khai trong ${m.agency.name}` : `Công khai thông tin: ${m.unit.name}`;
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      {!m.agency && (
        <p class="muted">
          Các nội dung xã phải công khai theo Điều 11 Luật Thực hiện dân chủ ở cơ sở. <a href={`${m.base}.atom`}>Theo dõi bằng Atom</a> ·{' '}
          <a href={`/units/${m.unit.id}/disclosures/register`}>Danh sách đã công khai theo quý</a>
          {m.canSeeDrafts && (
            <>
              {' · '}
              <a href={`/units/${m.unit.id}/disclosures/plan`}>Kế hoạch công khai</a>
              {' · '}
              <a href={`/units/${m.unit.id}/disclosures/compliance`}>Tình hình thực hiện kế hoạch công khai</a>
            </>
          )}
          {' · '}
          <a href={`/units/${m.unit.id}/info-requests/new`}>Yêu cầu cung cấp thông tin</a>
        </p>
      )}
      {m.canPrepare && (
        <p>
          <a class="btn" href={`${m.base}/new`}>
            Soạn nội dung công khai mới
          </a>
        </p>
      )}
      {m.following !== null && (
        <form method="post" action={`/units/${m.unit.id}/${m.following ? 'unfollow' : 'follow'}`} class="inline">
          <input type="hidden" name="_csrf" value={view.csrf()} />
          <input type="hidden" name="category" value={f.category} />
          <button class="btn sec" type="submit">
            {m.following ? 'Bỏ theo dõi' : f.category ? 'Theo dõi nhóm thông tin này' : 'Theo dõi công khai của xã'}
          </button>
        </form>
      )}
      <form method="get" action={m.base} class="search" role="search" aria-label="Lọc danh sách">
        <div class="fg grow">
          <label for="f-q">Tìm (có dấu hoặc không dấu)</label>
          <input id="f-q" name="q" type="search" value={f.q} />
        </div>
        <div class="fg tight">
          <label for="f-category">Nhóm</label>
          <select id="f-category" name="category">
            <option value="">Tất cả</option>
            {m.categories.map((c) => (
              <option key={c.id} value={String(c.id)} selected={f.category === String(c.id)}>
                {c.id}. {c.vi.length > 60 ? `${c.vi.slice(0, 57)}…` : c.vi}
              </option>
            ))}
          </select>
        </div>
        {m.villages.length > 0 && (
          <div class="fg tight">
            <label for="f-village">Thôn</label>
            <select id="f-village" name="village">
              <option value="">Toàn xã</option>
              {m.villages.map((v) => (
                <option key={v.id} value={String(v.id)} selected={f.village === String(v.id)}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="fg tight">
          <label for="f-year">Năm</label>
          <select id="f-year" name="year">
            <option value="">Tất cả</option>
            {m.years.map((y) => (
              <option key={y} value={String(y)} selected={f.year === String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div class="fg tight">
          <label for="f-state">Trạng thái</label>
          <select id="f-state" name="state">
            {[['', 'Đã công khai'], ['withdrawn', 'Đã thu hồi'], ...(m.canSeeDrafts ? [['draft', 'Bản nháp']] : [])].map(([v, l]) => (
              <option key={v} value={v} selected={f.state === v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <button class="btn" type="submit">
          Lọc
        </button>
      </form>
      <p class="muted">
        {m.capped ? `Hơn ${formatNumber(m.total)} nội dung` : `${formatNumber(m.total)} nội dung`}
        {m.capped && m.filters.q && ' (tìm trong 1.000 kết quả mới nhất: thêm từ hoặc bộ lọc để thu hẹp)'}
      </p>
      <ul class="list">
        {m.items.map((d) => (
          <li key={d.id}>
            <a href={d.href}>
              <strong>{d.title}</strong>
              <br />
              <span class="muted">
                {d.postingStart ? formatDate(d.postingStart) : 'Chưa công khai'} · Nhóm {d.category} · {STATE_VI[d.state]}
                {d.timeliness?.status === 'late' && m.canSeeDrafts && ` · chậm ${d.timeliness.workingDaysLate} ngày làm việc`}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {(m.page > 1 || m.hasNext) && (
        <nav aria-label="Phân trang" class="crumbs">
          {m.page > 1 && <a href={qs(m.page - 1)}>‹ Trang trước</a>} Trang {m.page}
          {pages ? `/${pages}` : ''} {m.hasNext && <a href={qs(m.page + 1)}>Trang sau ›</a>}
        </nav>
      )}
    </Layout>
  );
}
