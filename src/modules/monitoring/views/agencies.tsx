// The drill-down's last level on a unit's dashboard (issue 9 item 4 "village / agency"): the agencies
// inside the unit with the indicators that mean something for an agency (T-2.4 regulation and staff
// conference, T-2.5 inspection board, the feedback it handles, its head's dialogue), one column per
// agency, furthest behind first; and, for internal readers, the unit's records with their evidence.
import { formatDate } from '../../../platform/i18n/index.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { cellText, type Dashboard } from '../model.js';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export function AgenciesSection({ view, d, q }: { view: ViewCtx; d: Dashboard; q: string }) {
  const { t, lang } = view;
  if (d.agencies.length === 0) return null;
  const rows = d.agencyRows.filter((r) => r.kind && !r.notApplicable);
  return (
    <section aria-labelledby="h-agencies">
      <h2 id="h-agencies">{t('monitoring.agencies')}</h2>
      <p>{t('monitoring.agencies.lead')}</p>
      <table>
        <caption>{t('monitoring.agencies.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.col.indicator')}</th>
            {d.agencies.map((a) => (
              <th scope="col" key={a.agency.id}>
                <a href={`/monitoring/agencies/${a.agency.id}?${q}`}>{a.agency.name}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('monitoring.col.attainment')}</th>
            {d.agencies.map((a) => (
              <td key={a.agency.id}>{a.score === null ? t('monitoring.status.unmeasured') : pct(a.score)}</td>
            ))}
          </tr>
          {rows.map((r) => (
            <tr key={r.measure.indicator}>
              <th scope="row">
                {r.measure.label} <span class="muted">({r.measure.target})</span>
              </th>
              {d.agencies.map((a) => (
                <td key={a.agency.id}>{cellText(r.cells.get(a.agency.id) ?? null, r.kind, lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
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
