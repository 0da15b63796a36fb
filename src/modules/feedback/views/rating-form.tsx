// The one-minute rating a citizen opens by scanning the QR code on a one-stop desk or an officer's
// badge (R-H8; M-3.5(b)). Made for a phone: three big choices first, everything else optional, no
// script. The thank-you page gives the tracking code of a comment.
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { RatingInput } from '../commands/rating.js';
import { CRITERIA, OVERALL } from '../rules/ratings.js';

export type RatingPoint = { token: string; kind: 'desk' | 'officer'; name: string; unitName: string };

export function RatingPage({ view, p, values, errors }: { view: ViewCtx; p: RatingPoint; values: RatingInput; errors?: FieldErrors }) {
  const t = view.t;
  const e = errors ?? {};
  return (
    <Layout view={view} title={t('feedback.ratings.form.title')}>
      <h1>{t('feedback.ratings.form.title')}</h1>
      <ErrorSummary view={view} errors={e} />
      <p class="lead">{t(p.kind === 'desk' ? 'feedback.ratings.form.leadDesk' : 'feedback.ratings.form.leadOfficer', { name: p.name, unit: p.unitName })}</p>
      <PostForm view={view} action={`/q/${p.token}`}>
        <fieldset id="f-overall" class={e.overall ? 'fg err' : 'fg'} aria-describedby={e.overall ? 'f-overall-err' : undefined}>
          <legend>{t('feedback.ratings.form.overall')}</legend>
          {e.overall && (
            <span class="emsg" id="f-overall-err">
              {e.overall}
            </span>
          )}
          {OVERALL.map((o) => (
            <label key={o} class="card check">
              <input type="radio" name="overall" value={o} checked={values.overall === o} />
              <span class="lead">{t(`feedback.ratings.overall.${o}`)}</span>
            </label>
          ))}
        </fieldset>
        <h2>{t('feedback.ratings.form.more')}</h2>
        <p class="hint">{t('feedback.ratings.form.moreHint')}</p>
        {CRITERIA.map((c) => (
          <fieldset key={c} id={`f-${c}`} class={e[c] ? 'fg err' : 'fg'}>
            <legend>{t(`feedback.ratings.criterion.${c}`)}</legend>
            <div class="row">
              {OVERALL.map((o) => (
                <label key={o} class="check">
                  <input type="radio" name={c} value={o} checked={values[c] === o} />
                  <span>{t(`feedback.ratings.overall.${o}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <TextField
          name="dossierCode"
          label={t('feedback.ratings.form.dossierCode')}
          hint={t('feedback.ratings.form.dossierCodeHint')}
          autocomplete="off"
          value={values.dossierCode}
          error={e.dossierCode}
        />
        <TextArea
          name="comment"
          rows={4}
          label={t('feedback.ratings.form.comment')}
          hint={t('feedback.ratings.form.commentHint')}
          value={values.comment}
          error={e.comment}
        />
        <button class="btn" type="submit">
          {t('feedback.ratings.form.send')}
        </button>
      </PostForm>
      <p class="muted">{t('feedback.ratings.form.law')}</p>
    </Layout>
  );
}

export function ThanksPage({ view, p }: { view: ViewCtx; p: RatingPoint }) {
  const t = view.t;
  return (
    <Layout view={view} title={t('feedback.ratings.thanks.title')}>
      <h1>{t('feedback.ratings.thanks.title')}</h1>
      <p class="lead">{t('feedback.ratings.thanks.lead', { unit: p.unitName })}</p>
      <p>
        <a href="/feedback">{t('feedback.ratings.thanks.follow')}</a>
      </p>
    </Layout>
  );
}
