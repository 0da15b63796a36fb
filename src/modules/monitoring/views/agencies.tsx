// The drill-down's last level on a unit's dashboard (issue 9 item 4 "village / agency"): the agencies
// inside the unit with the indicators that mean something for an agency (T-2.4 regulation and staff
// conference, T-2.5 inspection board, the feedback it handles, its head's dialogue), one row group per
// agency, furthest behind first; and, for internal readers, the unit's records with their evidence.
import { formatDate } from '../../../platform/i18n/index.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { labelOf } from '../catalogue.js';
import { cellText, type Dashboard } from '../model.js';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export function AgenciesSection({ view, d, q }: { view: ViewCtx; d: Dashboard; q: string }) {
  const { t, lang } = view;
  if (d.agencies.length === 0) return null;
  const rows = d.agencyRows.filter((r) => r.kind && !r.notApplicable);
  // Two columns whatever the number of agencies (readable on a 360 px phone): each agency is a row
  // group headed by its name and attainment, its indicators one row each.
  return (
    <section aria-labelledby="h-agencies">
      <h2 id="h-agencies">{t('monitoring.agencies')}</h2>
      <p>{t('monitoring.agencies.lead')}</p>
      <table>
        <caption>{t('monitoring.agencies.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.col.indicator')}</th>
            <th scope="col">{t('monitoring.col.value')}</th>
          </tr>
        </thead>
        {d.agencies.map((a) => (
          <tbody key={a.agency.id}>
            <tr class="group">
              <th scope="rowgroup">
                <a href={`/monitoring/agencies/${a.agency.id}?${q}`}>{a.agency.name}</a>
              </th>
              <td>
                {t('monitoring.col.attainment')}: {a.score === null ? t('monitoring.status.unmeasured') : pct(a.score)}
              </td>
            </tr>
            {rows.map((r) => (
              <tr key={r.measure.indicator}>
                <th scope="row" class="sub">
                  {labelOf(r.measure, true)} <span class="muted">({r.measure.target})</span>
                </th>
                <td>{cellText(r.cells.get(a.agency.id) ?? null, r.kind, lang)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}

export function EvidenceSection({ view, d }: { view: ViewCtx; d: Dashboard }) {
  const { t } = view;
  if (!d.internal) return null;
  return (
    <section aria-labelledby="h-evidence">
      <h2 id="h-evidence">{t('monitoring.evidence.title')}</h2>
      <p>{t('monitoring.evidence.lead', { unit: d.unit.name })}</p>
      {d.evidence.length === 0 ? (
        <p>{t('monitoring.evidence.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.field.heldOn')}</th>
              <th scope="col">{t('monitoring.field.kind')}</th>
              <th scope="col">{t('monitoring.field.title')}</th>
              <th scope="col">{t('monitoring.field.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {d.evidence.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.held_on)}</td>
                <td>{t(`monitoring.kind.${r.kind}` as 'monitoring.kind.training')}</td>
                <td>{r.title}</td>
                <td>
                  {r.filename ? (
                    <a href={`/monitoring/records/${r.id}/evidence`}>{r.filename}</a>
                  ) : (
                    r.evidence_note && t('monitoring.evidence.paper', { note: r.evidence_note })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
