// The dashboard (issue 9 item 4): each indicator against its target, the units one level down ranked
// furthest behind first with a link to drill into each, the trend by quarter; each chart an SVG drawn
// on the server with its data table beside it; period and catalogue filters as a plain GET form.
import { formatDateTime } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { labelOf } from '../catalogue.js';
import { cellText, type Dashboard, status } from '../model.js';
import { BarChart, TrendChart } from '../svg.js';
import { AgenciesSection, EvidenceSection } from './agencies.js';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export function DashboardPage({ view, d, years, canRecord }: { view: ViewCtx; d: Dashboard; years: number[]; canRecord: boolean }) {
  const { t } = view;
  const q = `period=${d.period.key}&catalogue=${d.catalogue.key}`;
  const base = `/monitoring/units/${d.unit.id}`;
  const title = t('monitoring.title', { unit: d.unit.name });
  const periodLabel = d.period.quarter ? t('monitoring.quarter', { q: d.period.quarter, year: d.period.year }) : t('monitoring.year', { year: d.period.year });
  const crumbs = [{ href: `/units/${d.unit.id}`, label: d.unit.name }];
  return (
    <Layout view={view} title={title} crumbs={crumbs}>
      <h1>{title}</h1>
      <p class="lead">
        {d.catalogue.title} · {periodLabel}
      </p>
      {d.parent && (
        <p>
          <a href={`/monitoring/units/${d.parent.id}?${q}`}>{t('monitoring.up', { unit: d.parent.name })}</a>
        </p>
      )}
      <Filters view={view} action={base} d={d} years={years} />
      <ul class="list">
        {d.internal && (
          <li>
            <a href={`${base}/report.docx?${q}`}>{t('monitoring.download.docx')}</a>
          </li>
        )}
        {d.internal && (
          <li>
            <a href={`${base}/indicators.xlsx?${q}`}>{t('monitoring.download.xlsx')}</a>
          </li>
        )}
        <li>
          <a href={`/api/v1/indicators.csv?unit=${d.unit.id}&${q}`}>{t('monitoring.download.csv')}</a>
        </li>
        <li>
          <a href={`/api/v1/indicators?unit=${d.unit.id}&${q}`}>{t('monitoring.download.json')}</a>
        </li>
        {canRecord && (
          <li>
            <a href={`${base}/records`}>{t('monitoring.records.link')}</a>
          </li>
        )}
      </ul>

      <h2>{t('monitoring.targets')}</h2>
      <Targets view={view} d={d} id={d.unit.id} />

      {d.children.length > 0 && (
        <section aria-labelledby="h-children">
          <h2 id="h-children">{t('monitoring.children')}</h2>
          <p>{t('monitoring.children.lead')}</p>
          <div>
            <BarChart
              id="ch-children"
              title={t('monitoring.children')}
              goal={1}
              bars={d.children.slice(0, 30).map((c) => ({ label: c.unit.name, value: c.score }))}
            />
            <table>
              <caption>{t('monitoring.children.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.col.rank')}</th>
                  <th scope="col">{t('monitoring.col.unit')}</th>
                  <th scope="col">{t('monitoring.col.attainment')}</th>
                </tr>
              </thead>
              <tbody>
                {d.children.map((c, i) => (
                  <tr key={c.unit.id}>
                    <td>{i + 1}</td>
                    <td>
                      <a href={`/monitoring/units/${c.unit.id}?${q}`}>{c.unit.name}</a>
                    </td>
                    <td>{c.score === null ? t('monitoring.status.unmeasured') : pct(c.score)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <AgenciesSection view={view} d={d} q={q} />

      <Trend view={view} trend={d.trend} />
      <EvidenceSection view={view} d={d} />
      <p class="muted">{t('monitoring.attainment.note')}</p>
      <p class="muted">{t('monitoring.computedAt', { at: formatDateTime(d.computedAt) })}</p>
    </Layout>
  );
}

/** The period and catalogue filters, a plain GET form (the unit's and the agency's page). */
export function Filters({
  view,
  action,
  d,
  years,
}: {
  view: ViewCtx;
  action: string;
  d: Pick<Dashboard, 'period' | 'catalogue' | 'catalogues'>;
  years: number[];
}) {
  const { t } = view;
  return (
    <form method="get" action={action} class="row">
      <div class="fg">
        <label for="f-period">{t('monitoring.filter.period')}</label>
        <select id="f-period" name="period">
          {years
            .flatMap((y) => [String(y), `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`])
            .map((k) => (
              <option key={k} value={k} selected={k === d.period.key}>
                {k.includes('Q') ? t('monitoring.quarter', { q: k.slice(-1), year: k.slice(0, 4) }) : t('monitoring.year', { year: k })}
              </option>
            ))}
        </select>
      </div>
      <div class="fg">
        <label for="f-catalogue">{t('monitoring.filter.catalogue')}</label>
        <select id="f-catalogue" name="catalogue">
          {d.catalogues.map((c) => (
            <option key={c.key} value={c.key} selected={c.key === d.catalogue.key}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn secondary">
        {t('monitoring.filter.apply')}
      </button>
    </form>
  );
}

/** Each target of the catalogue with its measures for one unit or agency (`id`, `agency`: worded for it) against the goal. */
export function Targets({ view, d, id, agency = false }: { view: ViewCtx; d: Pick<Dashboard, 'catalogue' | 'rows'>; id: number; agency?: boolean }) {
  const { t, lang } = view;
  return (
    <>
      {d.catalogue.targets.map((target) => {
        const rows = d.rows.filter((r) => r.measure.target === target.id);
        if (!rows.length) return null;
        return (
          <section key={target.id} aria-labelledby={`h-${target.id}`}>
            <h3 id={`h-${target.id}`}>
              {target.id}: {target.definition}
            </h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.col.indicator')}</th>
                  <th scope="col">{t('monitoring.col.value')}</th>
                  <th scope="col">{t('monitoring.col.goal')}</th>
                  <th scope="col">{t('monitoring.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const c = r.cells.get(id) ?? null;
                  const s = status(c, r.kind, r.goal, r.notApplicable);
                  return (
                    <tr key={r.measure.indicator}>
                      {/* The target's id heads the table; the indicator's code (as in the CSV, JSON and Excel)
                          only as a tooltip: residents read the label, not our internal names. */}
                      <td title={r.measure.indicator}>{labelOf(r.measure, agency)}</td>
                      <td>{cellText(c, r.kind, lang, r.notApplicable)}</td>
                      <td>{r.kind === 'share' && !r.notApplicable ? `${r.goal}%` : '—'}</td>
                      <td>
                        <span class={s === 'met' ? 'tag ok' : s === 'behind' ? 'tag ended' : 'tag'}>{t(`monitoring.status.${s}`)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

/** The trend by quarter: the SVG chart and its data table. */
export function Trend({ view, trend }: { view: ViewCtx; trend: Dashboard['trend'] }) {
  const { t } = view;
  return (
    <>
      {trend.length > 0 && (
        <section aria-labelledby="h-trend">
          <h2 id="h-trend">{t('monitoring.trend')}</h2>
          <div>
            <TrendChart
              id="ch-trend"
              title={t('monitoring.trend')}
              points={trend.map((p) => ({ label: `Q${p.period.quarter}/${String(p.period.year).slice(2)}`, value: p.score }))}
            />
            <table>
              <caption>{t('monitoring.trend.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.col.quarter')}</th>
                  <th scope="col">{t('monitoring.col.attainment')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.period.key}>
                    <td>{t('monitoring.quarter', { q: p.period.quarter!, year: p.period.year })}</td>
                    <td>{p.score === null ? t('monitoring.status.unmeasured') : pct(p.score)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
