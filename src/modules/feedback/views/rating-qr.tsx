// The commune's QR points (desks, officers, places) with their printable A4 posters (M-3.5(b)).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { QrInput, QrKind } from '../commands/rating.js';

export type QrRow = { id: number; kind: QrKind; name: string; token: string; place: string; officer: string | null; active: boolean; createdAt: string };

export type QrManageModel = {
  unit: { id: number; name: string };
  points: QrRow[];
  villages: { id: number; name: string }[];
  officers: { id: number; name: string }[];
  values: QrInput;
  errors?: FieldErrors;
};

export function QrManagePage({ view, m }: { view: ViewCtx; m: QrManageModel }) {
  const t = view.t;
  const e = m.errors ?? {};
  const title = t('feedback.ratings.qr.title');
  return (
    <Layout view={view} title={`${title} – ${m.unit.name}`} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>
        {title} – {m.unit.name}
      </h1>
      <ErrorSummary view={view} errors={e} />
      <p class="lead">{t('feedback.ratings.qr.lead')}</p>
      <p>
        <a href={`/units/${m.unit.id}/ratings`}>{t('feedback.ratings.index.title')}</a>
      </p>
      {m.points.length === 0 ? (
        <p>{t('feedback.ratings.qr.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('feedback.ratings.qr.kind')}</th>
              <th scope="col">{t('feedback.ratings.qr.name')}</th>
              <th scope="col">{t('feedback.ratings.qr.where')}</th>
              <th scope="col">{t('feedback.ratings.qr.state')}</th>
              <th scope="col">{t('feedback.ratings.qr.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {m.points.map((p) => (
              <tr key={p.id}>
                <td>{t(`feedback.ratings.kind.${p.kind}`)}</td>
                <td>
                  {p.name}
                  {p.officer && <span class="muted"> ({p.officer})</span>}
                </td>
                <td>{p.place}</td>
                <td>
                  <span class={p.active ? 'tag ok' : 'tag ended'}>{p.active ? t('feedback.ratings.qr.active') : t('feedback.ratings.qr.withdrawn')}</span>
                  <br />
                  <span class="muted">{formatDate(p.createdAt)}</span>
                </td>
                <td>
                  <a href={`/qr/${p.id}/poster`}>{t('feedback.ratings.qr.poster')}</a>
                  <br />
                  <PostForm view={view} action={`/qr/${p.id}/active`} class="inline">
                    <input type="hidden" name="active" value={p.active ? '0' : '1'} />
                    <button
                      class="linkbtn"
                      type="submit"
                      aria-label={`${p.active ? t('feedback.ratings.qr.withdraw') : t('feedback.ratings.qr.reactivate')}: ${p.name}`}
                    >
                      {p.active ? t('feedback.ratings.qr.withdraw') : t('feedback.ratings.qr.reactivate')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="h-addqr">
        <h2 id="h-addqr">{t('feedback.ratings.qr.add')}</h2>
        <PostForm view={view} action={`/units/${m.unit.id}/qr`}>
          <SelectField
            name="kind"
            label={t('feedback.ratings.qr.kind')}
            value={m.values.kind}
            error={e.kind}
            options={(['desk', 'officer', 'place'] as const).map((k) => ({ value: k, label: t(`feedback.ratings.kind.${k}`) }))}
          />
          <TextField name="name" label={t('feedback.ratings.qr.name')} hint={t('feedback.ratings.qr.nameHint')} value={m.values.name} error={e.name} />
          <SelectField
            name="villageId"
            label={t('feedback.ratings.qr.village')}
            hint={t('feedback.ratings.qr.villageHint')}
            value={m.values.villageId}
            error={e.villageId}
            options={[{ value: '', label: t('feedback.ratings.qr.wholeCommune') }, ...m.villages.map((v) => ({ value: String(v.id), label: v.name }))]}
          />
          <SelectField
            name="officerUserId"
            label={t('feedback.ratings.qr.officer')}
            hint={t('feedback.ratings.qr.officerHint')}
            value={m.values.officerUserId}
            error={e.officerUserId}
            options={[{ value: '', label: t('feedback.ratings.qr.noOfficer') }, ...m.officers.map((o) => ({ value: String(o.id), label: o.name }))]}
          />
          <button class="btn" type="submit">
            {t('feedback.ratings.qr.addButton')}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}

export function QrPosterPage(p: { view: ViewCtx; kind: QrKind; name: string; unitName: string; qrSvg: string; url: string; back: string }) {
  const t = p.view.t;
  const place = p.kind === 'place';
  return (
    <Layout view={p.view} title={t('feedback.ratings.poster.title', { name: p.name })}>
      <article class="poster">
        <p class="poster-unit">ỦY BAN NHÂN DÂN {p.unitName.toUpperCase()}</p>
        <h1>{place ? t('feedback.ratings.poster.placeHeading') : t('feedback.ratings.poster.rateHeading')}</h1>
        <p class="lead">
          <strong>{p.name}</strong>
        </p>
        <div class="poster-qr" role="img" aria-label={t('feedback.ratings.poster.qrAlt')} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
        <p>{place ? t('feedback.ratings.poster.placeHow') : t('feedback.ratings.poster.rateHow')}</p>
        <p>
          <code>{p.url}</code>
        </p>
        <p class="muted">{place ? t('feedback.ratings.poster.placeLaw') : t('feedback.ratings.poster.rateLaw')}</p>
      </article>
      <p class="noprint">
        <a href={p.back}>{t('feedback.ratings.poster.back')}</a> · {t('feedback.ratings.poster.print')}
      </p>
    </Layout>
  );
}
