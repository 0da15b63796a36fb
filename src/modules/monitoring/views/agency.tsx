// An agency's page, the drill-down's last level (issue 9 item 4): its indicators against the targets
// (those with no meaning inside an agency said "không áp dụng", never 0 %) and its trend by quarter.
// Anyone sees the public indicators; the readers of its unit and its head also the internal ones.
import { formatDateTime } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { AgencyDashboard } from '../model.js';
import { Filters, Targets, Trend } from './dashboard.js';

export function AgencyPage({ view, d, years }: { view: ViewCtx; d: AgencyDashboard; years: number[] }) {
  const { t } = view;
  const q = `period=${d.period.key}&catalogue=${d.catalogue.key}`;
  const title = t('monitoring.title', { unit: d.agency.name });
  const periodLabel = d.period.quarter ? t('monitoring.quarter', { q: d.period.quarter, year: d.period.year }) : t('monitoring.year', { year: d.period.year });
  const unitHref = `/monitoring/units/${d.unit.id}?${q}`;
  return (
    <Layout view={view} title={title} crumbs={[{ href: unitHref, label: t('monitoring.title', { unit: d.unit.name }) }]}>
      <h1>{title}</h1>
      <p class="lead">
        <a href={unitHref}>{t('monitoring.agency.lead', { unit: d.unit.name })}</a> · {d.catalogue.title} · {periodLabel}
      </p>
      <Filters view={view} action={`/monitoring/agencies/${d.agency.id}`} d={d} years={years} />
      <h2>{t('monitoring.targets')}</h2>
      <Targets view={view} d={d} id={d.agency.id} />
      <Trend view={view} trend={d.trend} />
      <p class="muted">{t('monitoring.agency.note')}</p>
      <p class="muted">{t('monitoring.attainment.note')}</p>
      <p class="muted">{t('monitoring.computedAt', { at: formatDateTime(d.computedAt) })}</p>
    </Layout>
  );
}
