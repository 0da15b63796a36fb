import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { type DisclosureView, stateLabel } from '../present.js';
import { type Category, categoryText } from '../rules/categories.js';

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
  /** Officials and observers: the requests for information to answer (R-C4). */
  canReadRequests: boolean;
  following: boolean | null;
  base: string;
};

export function DisclosureListPage({ view, m }: { view: ViewCtx; m: ListModel }) {
  const f = m.filters;
  const t = view.t;
  const pages = m.capped ? null : Math.max(1, Math.ceil(m.total / m.pageSize));
  const qs = (page: number) => {
    const p = new URLSearchParams(Object.entries({ ...f, page: String(page) }).filter(([, v]) => v !== ''));
    return `${m.base}?${p}`;
  };
  const title = m.agency ? t('disclosure.list.titleAgency', { agency: m.agency.name }) : t('disclosure.list.title', { unit: m.unit.name });
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      {!m.agency && (
        <p class="muted">
          {t('disclosure.list.intro')} <a href={`${m.base}.atom`}>{t('disclosure.list.atom')}</a> ·{' '}
          <a href={`/units/${m.unit.id}/disclosures/register`}>{t('disclosure.list.register')}</a>
          {m.canSeeDrafts && (
            <>
              {' · '}
              <a href={`/units/${m.unit.id}/disclosures/plan`}>{t('disclosure.list.plan')}</a>
              {' · '}
              <a href={`/units/${m.unit.id}/disclosures/compliance`}>{t('disclosure.list.compliance')}</a>
            </>
          )}
          {' · '}
          <a href={`/units/${m.unit.id}/info-requests/new`}>{t('disclosure.list.infoRequest')}</a>
          {m.canReadRequests && (
            <>
              {' · '}
              <a href={`/units/${m.unit.id}/info-requests`}>{t('inforeq.title')}</a>
            </>
          )}
        </p>
      )}
      {m.canPrepare && (
        <p>
          <a class="btn" href={`${m.base}/new`}>
            {t('disclosure.list.new')}
          </a>
        </p>
      )}
      {m.following !== null && (
        <form method="post" action={`/units/${m.unit.id}/${m.following ? 'unfollow' : 'follow'}`} class="inline">
          <input type="hidden" name="_csrf" value={view.csrf()} />
          <input type="hidden" name="category" value={f.category} />
          <button class="btn sec" type="submit">
            {m.following ? t('disclosure.list.unfollow') : f.category ? t('disclosure.list.followCategory') : t('disclosure.list.follow')}
          </button>
        </form>
      )}
      <form method="get" action={m.base} class="search" role="search" aria-label={t('disclosure.list.filter')}>
        <div class="fg grow">
          <label for="f-q">{t('disclosure.list.search')}</label>
          <input id="f-q" name="q" type="search" value={f.q} />
        </div>
        <div class="fg tight">
          <label for="f-category">{t('disclosure.category')}</label>
          <select id="f-category" name="category">
            <option value="">{t('disclosure.list.all')}</option>
            {m.categories.map((c) => (
              <option key={c.id} value={String(c.id)} selected={f.category === String(c.id)}>
                {c.id}. {short(categoryText(c, view.lang))}
              </option>
            ))}
          </select>
        </div>
        {m.villages.length > 0 && (
          <div class="fg tight">
            <label for="f-village">{t('disclosure.village')}</label>
            <select id="f-village" name="village">
              <option value="">{t('disclosure.wholeCommune')}</option>
              {m.villages.map((v) => (
                <option key={v.id} value={String(v.id)} selected={f.village === String(v.id)}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="fg tight">
          <label for="f-year">{t('disclosure.year')}</label>
          <select id="f-year" name="year">
            <option value="">{t('disclosure.list.all')}</option>
            {m.years.map((y) => (
              <option key={y} value={String(y)} selected={f.year === String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div class="fg tight">
          <label for="f-state">{t('disclosure.list.state')}</label>
          <select id="f-state" name="state">
            {[
              ['', t('disclosure.list.published')],
              ['withdrawn', t('disclosure.state.withdrawn')],
              ...(m.canSeeDrafts ? [['draft', t('disclosure.state.draft')]] : []),
            ].map(([v, l]) => (
              <option key={v} value={v} selected={f.state === v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <button class="btn" type="submit">
          {t('disclosure.list.filterButton')}
        </button>
      </form>
      <p class="muted">
        {t(m.capped ? 'disclosure.list.countMore' : 'disclosure.list.count', { n: formatNumber(m.total) })}
        {m.capped && m.filters.q && t('disclosure.list.cappedSearch')}
      </p>
      <ul class="list">
        {m.items.map((d) => (
          <li key={d.id}>
            <a href={d.href}>
              <strong>{d.title}</strong>
              <br />
              <span class="muted">
                {d.postingStart ? formatDate(d.postingStart) : t('disclosure.notYetPublished')} · {t('disclosure.categoryN', { n: d.category })} ·{' '}
                {stateLabel(t, d.state)}
                {d.timeliness?.status === 'late' && m.canSeeDrafts && ` · ${t('disclosure.list.late', { days: d.timeliness.workingDaysLate })}`}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {(m.page > 1 || m.hasNext) && (
        <nav aria-label={t('disclosure.pagination')} class="crumbs">
          {m.page > 1 && <a href={qs(m.page - 1)}>‹ {t('disclosure.prevPage')}</a>} {t('disclosure.page')} {m.page}
          {pages ? `/${pages}` : ''} {m.hasNext && <a href={qs(m.page + 1)}>{t('disclosure.nextPage')} ›</a>}
        </nav>
      )}
    </Layout>
  );
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
