// The household register as it stood on a chosen day (issue 4 item 2): for a village, its households
// with their representatives and the total, which is the denominator of a vote held that day (Law
// 10/2022 Art 21(1)); for a commune, each village's total. Phone numbers only for viewPersonalData.
import { formatDate, formatNumber } from '../../platform/i18n/index.js';
import { ErrorSummary } from '../../platform/ui/form.js';
import { Layout } from '../../platform/ui/layout.js';
import type { ViewCtx } from '../../platform/ui/view.js';

export type RegisterRow = {
  id: number;
  code: string;
  address: string;
  representative: string;
  authorised: boolean;
  members: number;
  phone: string | null;
  since: string | null;
  until: string | null;
};

export type RegisterPageModel = {
  unit: { id: number; name: string };
  /** The day shown (YYYY-MM-DD), or null when the typed date was not a date. */
  on: string | null;
  onText: string;
  onError?: string;
  isToday: boolean;
  /** A village: its households. A commune: its villages with their totals. */
  village: { total: number; rows: RegisterRow[]; showPhone: boolean; canManage: boolean } | null;
  villages: { id: number; name: string; total: number }[];
};

function DatePicker({ view, m }: { view: ViewCtx; m: RegisterPageModel }) {
  const { t } = view;
  return (
    <form method="get" action={`/units/${m.unit.id}/households`} class="search">
      <div class={m.onError ? 'fg err' : 'fg'}>
        <label for="f-on">{t('households.onDate')}</label>
        <span class="hint" id="f-on-hint">
          {t('households.onDateHint')}
        </span>
        {m.onError && (
          <span class="emsg" id="f-on-err">
            {m.onError}
          </span>
        )}
        <input
          id="f-on"
          name="on"
          type="text"
          inputMode="numeric"
          value={m.onText}
          aria-describedby={m.onError ? 'f-on-hint f-on-err' : 'f-on-hint'}
          aria-invalid={m.onError ? 'true' : undefined}
        />
      </div>
      <button class="btn sec" type="submit">
        {t('households.show')}
      </button>
    </form>
  );
}

function period(view: ViewCtx, r: RegisterRow): string {
  const { t } = view;
  const from = r.since ? t('households.since', { date: formatDate(r.since) }) : t('households.sinceStart');
  return r.until ? `${from} ${t('households.until', { date: formatDate(r.until) })}` : from;
}

function VillageTable({ view, v }: { view: ViewCtx; v: NonNullable<RegisterPageModel['village']> }) {
  const { t } = view;
  if (v.rows.length === 0) return <p>{t('households.none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('households.code')}</th>
          <th scope="col">{t('households.representative')}</th>
          <th scope="col">{t('households.address')}</th>
          <th scope="col">{t('households.members')}</th>
          {v.showPhone && <th scope="col">{t('auth.phone')}</th>}
          <th scope="col">{t('households.onRegister')}</th>
          {v.canManage && <th scope="col">{t('households.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {v.rows.map((h) => (
          <tr key={h.id}>
            <th scope="row">{h.code}</th>
            <td>
              {h.representative || <span class="muted">{t('households.noRep')}</span>}
              {h.authorised && <span class="muted"> {t('households.authorised')}</span>}
            </td>
            <td>{h.address}</td>
            <td>{formatNumber(h.members)}</td>
            {v.showPhone && <td>{h.phone ?? '—'}</td>}
            <td>{period(view, h)}</td>
            {v.canManage && (
              <td>
                {/* Only a household still on the register today can change (register-commands.ts). */}
                {!h.until && (
                  <ul>
                    <li>
                      <a href={`/households/${h.id}/representative`}>{t('households.changeRep')}</a>
                    </li>
                    <li>
                      <a href={`/households/${h.id}/move`}>{t('households.move')}</a>
                    </li>
                    <li>
                      <a href={`/households/${h.id}/leave`}>{t('households.leave')}</a>
                    </li>
                  </ul>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RegisterPage({ view, m }: { view: ViewCtx; m: RegisterPageModel }) {
  const { t } = view;
  const title = `${t('households.title')}: ${m.unit.name}`;
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={m.onError ? { on: m.onError } : undefined} />
      <DatePicker view={view} m={m} />
      {m.village?.canManage && (
        <p>
          <a class="btn" href={`/units/${m.unit.id}/households/new`}>
            {t('households.add')}
          </a>
        </p>
      )}
      {m.on && m.village && (
        <>
          <p class="lead">{t('households.totalOn', { date: formatDate(m.on), n: formatNumber(m.village.total) })}</p>
          <p class="muted">{t('households.denominatorNote')}</p>
          {!m.isToday && <p class="muted">{t('households.pastNote')}</p>}
          <VillageTable view={view} v={m.village} />
        </>
      )}
      {m.on && !m.village && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('unit.villages')}</th>
              <th scope="col">{t('unit.households')}</th>
            </tr>
          </thead>
          <tbody>
            {m.villages.map((v) => (
              <tr key={v.id}>
                <td>
                  <a href={`/units/${v.id}/households${m.isToday ? '' : `?on=${formatDate(m.on)}`}`}>{v.name}</a>
                </td>
                <td>{formatNumber(v.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
