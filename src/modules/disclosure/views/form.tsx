import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { DraftInput } from '../commands/validate.js';
import { type FormKind, formLabel } from '../forms.js';
import { type Category, categoryText } from '../rules/categories.js';

export type FormModel = {
  mode: 'new' | 'edit' | 'correct';
  action: string;
  unit: { id: number; name: string };
  heading: string;
  categories: readonly Category[];
  villages: { id: number; name: string }[];
  formKinds: readonly FormKind[];
  values: DraftInput & { changeNote?: string };
  errors?: FieldErrors;
  scope: 'commune' | 'agency';
};

export const emptyDraft = (): DraftInput => ({
  category: '',
  title: '',
  body: '',
  decisionNumber: '',
  decisionDate: '',
  decisionSigner: '',
  audience: 'all',
  villageIds: [],
  postingStart: '',
  postingEnd: '',
  lateReason: '',
  forms: [],
});

export function DisclosureFormPage({ view, m }: { view: ViewCtx; m: FormModel }) {
  const v = m.values;
  const t = view.t;
  const e = m.errors ?? {};
  const formOf = (k: string) => v.forms.find((f) => f.form === k);
  const durationHint = m.scope === 'commune' ? t('disclosure.form.durationHintCommune') : t('disclosure.form.durationHintAgency');
  return (
    <Layout view={view} title={m.heading} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{m.heading}</h1>
      <ErrorSummary view={view} errors={e} />
      <form method="post" action={m.action} enctype="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={view.csrf()} />
        {m.mode === 'correct' && (
          <TextField
            name="changeNote"
            label={t('disclosure.form.changeNote')}
            hint={t('disclosure.form.changeNoteHint')}
            value={v.changeNote}
            error={e.changeNote}
          />
        )}
        <SelectField
          name="category"
          label={m.scope === 'commune' ? t('disclosure.form.categoryCommune') : t('disclosure.form.categoryAgency')}
          value={v.category}
          error={e.category}
          options={[
            { value: '', label: t('disclosure.form.pickCategory') },
            ...m.categories.map((c) => ({ value: String(c.id), label: `${c.id}. ${categoryText(c, view.lang)}` })),
          ]}
        />
        <TextField name="title" label={t('disclosure.form.title')} value={v.title} error={e.title} />
        <TextArea name="body" label={t('disclosure.form.body')} hint={t('disclosure.form.bodyHint')} value={v.body} error={e.body} />
        <fieldset>
          <legend>{t('disclosure.form.decision')}</legend>
          <div class="row">
            <TextField
              name="decisionNumber"
              label={t('disclosure.form.decisionNumber')}
              hint={t('disclosure.form.decisionNumberHint')}
              value={v.decisionNumber}
              error={e.decisionNumber}
            />
            <TextField name="decisionDate" label={t('disclosure.form.decisionDate')} hint="dd/mm/yyyy" value={v.decisionDate} error={e.decisionDate} />
            <TextField name="decisionSigner" label={t('disclosure.form.signer')} value={v.decisionSigner} error={e.decisionSigner} />
          </div>
        </fieldset>
        {m.villages.length > 0 && (
          <fieldset class={e.villageIds ? 'fg err' : 'fg'} id="f-villageIds">
            <legend>{t('disclosure.audience')}</legend>
            {e.villageIds && <span class="emsg">{e.villageIds}</span>}
            <label class="check">
              <input type="radio" name="audience" value="all" checked={v.audience !== 'villages'} /> {t('disclosure.wholeCommune')}
            </label>
            <label class="check">
              <input type="radio" name="audience" value="villages" checked={v.audience === 'villages'} /> {t('disclosure.form.someVillages')}
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
        <div class="row">
          <TextField
            name="postingStart"
            label={t('disclosure.form.postingStart')}
            hint={t('disclosure.form.postingStartHint')}
            value={v.postingStart}
            error={e.postingStart}
          />
          <TextField name="postingEnd" label={t('disclosure.form.postingEnd')} hint={durationHint} value={v.postingEnd} error={e.postingEnd} />
        </div>
        <fieldset>
          <legend>{t('disclosure.forms')}</legend>
          {e.forms && <span class="emsg">{e.forms}</span>}
          {m.formKinds.map((k) => {
            const f = formOf(k);
            const err = e[`form_${k}`];
            return (
              <div key={k} class={err ? 'fg err' : 'fg'} id={`f-form_${k}`}>
                <label class="check">
                  <input type="checkbox" name="forms" value={k} checked={!!f} /> {formLabel(k, view.lang)}
                </label>
                {err && <span class="emsg">{err}</span>}
                <div class="row">
                  <TextField name={`${k}_start`} label={t('disclosure.fromDate')} value={f?.start} />
                  <TextField name={`${k}_end`} label={k === 'loudspeaker' ? t('disclosure.form.toDateLoudspeaker') : t('disclosure.toDate')} value={f?.end} />
                  <TextField name={`${k}_detail`} label={t('disclosure.note')} value={f?.detail} />
                </div>
              </div>
            );
          })}
        </fieldset>
        <TextField name="lateReason" label={t('disclosure.form.lateReason')} value={v.lateReason} error={e.lateReason} />
        <FileField
          name="files"
          label={t('disclosure.attachments')}
          hint={t('disclosure.form.filesHint')}
          error={e.files}
          again={Object.keys(e).length ? t('form.filesAgain') : undefined}
          multiple
          accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx"
        />
        <button class="btn" type="submit">
          {m.mode === 'correct' ? t('disclosure.form.saveCorrection') : t('disclosure.form.saveDraft')}
        </button>
      </form>
    </Layout>
  );
}
