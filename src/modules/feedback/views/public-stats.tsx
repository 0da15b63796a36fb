// Monthly statistics of a commune's feedback (issue 5 item 10): received, answered on time or late,
// open past the deadline, and satisfaction, with the formula stated on the page.
import { formatNumber } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { type MonthStats, satisfactionPercent } from '../stats.js';

export type StatsModel = { unit: { id: number; name: string }; year: number; thisYear: number; rows: MonthStats[]; total: Omit<MonthStats, 'month'> };

function Cells({ s }: { s: Omit<MonthStats, 'month'> }) {
  const pct = satisfactionPercent(s);
  return (
    <>
      <td>{formatNumber(s.received)}</td>
      <td>{formatNumber(s.answeredOnTime)}</td>
      <td>{formatNumber(s.answeredLate)}</td>
      <td>{formatNumber(s.overdue)}</td>
      <td>
        {formatNumber(s.satisfied)} / {formatNumber(s.satisfied + s.notSatisfied)}
      </td>
      <td>{pct === null ? '–' : `${pct}%`}</td>
    </>
  );
}

export function StatsPage({ view, m }: { view: ViewCtx; m: StatsModel }) {
  const { t } = view;
  const base = `/units/${m.unit.id}/feedback/stats`;
  const title = t('feedback.intake.stats.title', { unit: m.unit.name, year: m.year });
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      <p>
        <a href={`${base}?year=${m.year - 1}`}>{t('feedback.intake.stats.prev', { year: m.year - 1 })}</a>
        {m.year < m.thisYear && (
          <>
            {' · '}
            <a href={`${base}?year=${m.year + 1}`}>{t('feedback.intake.stats.next', { year: m.year + 1 })}</a>
          </>
        )}
      </p>
      {m.rows.length === 0 ? (
        <p class="muted">{t('feedback.intake.stats.empty')}</p>
      ) : (
        <table>
          <caption class="muted">{t('feedback.intake.stats.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.intake.stats.month')}</th>
              <th scope="col">{t('feedback.intake.stats.received')}</th>
              <th scope="col">{t('feedback.intake.stats.onTime')}</th>
              <th scope="col">{t('feedback.intake.stats.late')}</th>
              <th scope="col">{t('feedback.intake.stats.overdue')}</th>
              <th scope="col">{t('feedback.intake.stats.satisfied')}</th>
              <th scope="col">{t('feedback.intake.stats.index')}</th>
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{`${r.month.slice(5, 7)}/${r.month.slice(0, 4)}`}</th>
                <Cells s={r} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('feedback.intake.stats.total')}</th>
              <Cells s={m.total} />
            </tr>
          </tfoot>
        </table>
      )}
      <h2>{t('feedback.intake.stats.howTitle')}</h2>
      <ul class="prose">
        <li>{t('feedback.intake.stats.howReceived')}</li>
        <li>{t('feedback.intake.stats.howOnTime')}</li>
        <li>{t('feedback.intake.stats.howOverdue')}</li>
        <li>{t('feedback.intake.stats.howIndex')}</li>
      </ul>
      <p>
        <a href={`/units/${m.unit.id}/feedback`}>{t('feedback.intake.section.answers')}</a>
      </p>
    </Layout>
  );
}
