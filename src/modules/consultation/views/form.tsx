// The official's form for a consultation: matter, draft text (split into articles on save), the
// Word/PDF, the plan sent to the People's Council and the Front, the period and the audience.
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ConsultationInput } from '../commands/save.js';
import { formsFor, mattersFor } from '../matters.js';
import { label } from './labels.js';

export type FormModel = {
  heading: string;
  action: string;
  scope: 'commune' | 'agency';
  place: { href: string; name: string };
  villages: { id: number; name: string }[];
  values: ConsultationInput;
  errors?: FieldErrors;
};

export const emptyInput = (): ConsultationInput => ({
  title: '',
  matter: '',
  summary: '',
  draftText: '',
  audience: 'all',
  villageIds: [],
  periodDays: '20',
  shortPeriodLaw: '',
  planContent: '',
  planForms: [],
  planTimeline: '',
  planResponsible: '',
  planSentOn: '',
});

export function ConsultationFormPage({ view, m }: { view: ViewCtx; m: FormModel }) {
  const { t } = view;
  const v = m.values;
  const e = m.errors ?? {};
  const commune = m.scope === 'commune';
  return (
    <Layout view={view} title={m.heading} crumbs={[{ href: m.place.href, label: m.place.name }]}>
      <h1>{m.heading}</h1>
      <ErrorSummary view={view} errors={e} />
      <form method="post" action={m.action} enctype="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={view.csrf()} />
        <SelectField
          name="matter"
          label={commune ? t('consultation.form.matterCommune') : t('consultation.form.matterAgency')}
          value={v.matter}
          error={e.matter}
          options={[{ value: '', label: t('consultation.form.pickMatter') }, ...mattersFor(m.scope).map((k) => ({ value: k, label: label(t, 'matter', k) }))]}
        />
        <TextField name="title" label={t('consultation.form.title')} value={v.title} error={e.title} />
        <TextArea
          name="summary"
          label={t('consultation.form.summary')}
          hint={t('consultation.form.summaryHint')}
          value={v.summary}
          error={e.summary}
          rows={3}
        />
        <TextArea
          name="draftText"
          label={t('consultation.form.draftText')}
          hint={t('consultation.form.draftTextHint')}
          value={v.draftText}
          error={e.draftText}
          rows={16}
        />
        <FileField
          name="files"
          label={t('consultation.form.files')}
          hint={t('consultation.form.filesHint')}
          error={e.files}
          again={Object.keys(e).length ? t('form.filesAgain') : undefined}
          multiple
        />
        <fieldset>
          <legend>{t('consultation.form.period')}</legend>
          <TextField
            name="periodDays"
            label={t('consultation.form.periodDays')}
            hint={commune ? t('consultation.form.periodDaysHint') : undefined}
            value={v.periodDays}
            error={e.periodDays}
            inputMode="numeric"
          />
          {commune && (
            <TextField
              name="shortPeriodLaw"
              label={t('consultation.form.shortPeriodLaw')}
              hint={t('consultation.form.shortPeriodLawHint')}
              value={v.shortPeriodLaw}
              error={e.shortPeriodLaw}
            />
          )}
        </fieldset>
        {commune && m.villages.length > 0 && (
          <fieldset class={e.villageIds || e.audience ? 'fg err' : 'fg'} id="f-villageIds">
            <legend>{t('consultation.form.audience')}</legend>
            {(e.villageIds || e.audience) && <span class="emsg">{e.villageIds ?? e.audience}</span>}
            <label class="check">
              <input type="radio" name="audience" value="all" checked={v.audience !== 'villages'} /> {t('consultation.audience.all')}
            </label>
            <label class="check">
              <input type="radio" name="audience" value="villages" checked={v.audience === 'villages'} /> {t('consultation.audience.villages')}
            </label>
            <div class="cols">
              {m.villages.map((vl) => (
                <label class="check" key={vl.id}>
                  <input type="checkbox" name="villageIds" value={String(vl.id)} checked={v.villageIds.includes(String(vl.id))} /> {vl.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset>
          <legend>{t('consultation.form.plan')}</legend>
          <TextArea name="planContent" label={t('consultation.form.planContent')} value={v.planContent} error={e.planContent} rows={3} />
          <fieldset class="fg">
            <legend>{t('consultation.form.planForms')}</legend>
            <div class="cols">
              {formsFor(m.scope).map((k) => (
                <label class="check" key={k}>
                  <input type="checkbox" name="planForms" value={k} checked={v.planForms.includes(k)} /> {label(t, 'form', k)}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField name="planTimeline" label={t('consultation.form.planTimeline')} value={v.planTimeline} error={e.planTimeline} />
          <TextField name="planResponsible" label={t('consultation.form.planResponsible')} value={v.planResponsible} error={e.planResponsible} />
          {commune && (
            <TextField
              name="planSentOn"
              label={t('consultation.form.planSentOn')}
              hint={t('consultation.form.planSentOnHint')}
              value={v.planSentOn}
              error={e.planSentOn}
            />
          )}
        </fieldset>
        <button class="btn" type="submit">
          {t('consultation.form.save')}
        </button>
      </form>
    </Layout>
  );
}
