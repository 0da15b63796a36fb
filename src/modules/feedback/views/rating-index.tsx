// The monthly satisfaction index per desk, officer and commune (R-H8; Law 10/2022 Arts 34(1),
// 35(2)(a)), with the formula stated on the page so that anyone can recompute it.
import type { T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { RatingsIndex } from '../ratings-read.js';
import { CRITERIA, type Index } from '../rules/ratings.js';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 1000) / 10}`.replace('.', ',') + ' %');
const mean = (x: number | null) => (x === null ? '–' : x.toFixed(2).replace('.', ','));
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

function Cells({ i }: { i: Index }) {
  return (
    <>
      <td>{i.n}</td>
      <td>{pct(i.share)}</td>
      <td>{mean(i.mean)}</td>
      {CRITERIA.map((c) => (
        <td key={c}>{mean(i.criteria[c])}</td>
      ))}
    </>
  );
}
function Head({ t, first }: { t: T; first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('feedback.ratings.index.n')}</th>
        <th scope="col">{t('feedback.ratings.index.share')}</th>
        <th scope="col">{t('feedback.ratings.index.mean')}</th>
        {CRITERIA.map((c) => (
          <th key={c} scope="col">
            {t(`feedback.ratings.criterion.${c}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function RatingIndexPage(p: { view: ViewCtx; unit: { id: number; name: string }; month: string; choices: string[]; r: RatingsIndex }) {
  const { view, unit, month, r } = p;
  const t = view.t;
  const title = t('feedback.ratings.index.title');
  const groups = (['desk', 'officer'] as const).map((k) => ({ kind: k, points: r.points.filter((p) => p.kind === k) }));
  return (
    <Layout view={view} title={`${title} – ${unit.name}`} crumbs={[{ href: `/units/${unit.id}`, label: unit.name }]}>
      <h1>
        {title} – {unit.name}
      </h1>
      <div class="prose">
        <p class="lead">{t('feedback.ratings.index.lead')}</p>
        <h2>{t('feedback.ratings.index.formulaTitle')}</h2>
        <ul>
          <li>{t('feedback.ratings.index.formulaShare')}</li>
          <li>{t('feedback.ratings.index.formulaMean')}</li>
          <li>{t('feedback.ratings.index.formulaCommune')}</li>
        </ul>
      </div>
      <form method="get" action={`/units/${unit.id}/ratings`} class="search">
        <div class="fg tight">
          <label for="f-month">{t('feedback.ratings.index.month')}</label>
          <select id="f-month" name="month">
            {p.choices.map((m) => (
              <option key={m} value={m} selected={m === month}>
                {monthLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <button class="btn sec" type="submit">
          {t('feedback.ratings.index.show')}
        </button>
      </form>

      <h2>{t('feedback.ratings.index.communeTitle')}</h2>
      <table>
        <Head t={t} first={t('feedback.ratings.index.monthCol')} />
        <tbody>
          {r.months.map((m) => (
            <tr key={m}>
              <th scope="row">{monthLabel(m)}</th>
              <Cells i={r.commune[m]!} />
            </tr>
          ))}
        </tbody>
      </table>

      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`h-${g.kind}`}>
          <h2 id={`h-${g.kind}`}>
            {t(g.kind === 'desk' ? 'feedback.ratings.index.desksTitle' : 'feedback.ratings.index.officersTitle', { month: monthLabel(month) })}
          </h2>
          {g.points.length === 0 ? (
            <p class="muted">{t('feedback.ratings.index.noPoints')}</p>
          ) : (
            <table>
              <Head t={t} first={t(`feedback.ratings.kind.${g.kind}`)} />
              <tbody>
                {g.points.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">
                      {x.name}
                      {!x.active && <span class="muted"> ({t('feedback.ratings.qr.withdrawn')})</span>}
                    </th>
                    <Cells i={x.byMonth[month]!} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}

      <h2>{t('feedback.ratings.index.trendTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('feedback.ratings.index.pointCol')}</th>
            {r.months.map((m) => (
              <th key={m} scope="col">
                {monthLabel(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.points.map((x) => (
            <tr key={x.id}>
              <th scope="row">{x.name}</th>
              {r.months.map((m) => (
                <td key={m}>
                  {pct(x.byMonth[m]!.share)} <span class="muted">({x.byMonth[m]!.n})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
