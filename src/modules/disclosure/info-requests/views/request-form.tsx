// The request form: the public one (sent electronically, received today) and the officials' one
// for a request received on paper, by post or fax or at the office, with the day it arrived.
import type { FieldErrors } from '../../../../platform/errors.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../../platform/ui/form.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import type { RequestInput } from '../input.js';
import { channelLabel } from '../model.js';

export type RequestFormModel = {
  mode: 'public' | 'record';
  unit: { id: number; name: string };
  values: RequestInput;
  errors?: FieldErrors;
};

export function RequestFormPage({ view, m }: { view: ViewCtx; m: RequestFormModel }) {
  const v = m.values;
  const e = m.errors ?? {};
  const record = m.mode === 'record';
  const t = view.t;
  const title = record ? t('inforeq.form.recordTitle') : t('inforeq.title');
  const crumbs = [{ href: `/units/${m.unit.id}`, label: m.unit.name }];
  if (record) crumbs.push({ href: `/units/${m.unit.id}/info-requests`, label: t('inforeq.title') });
  return (
    <Layout view={view} title={title} crumbs={crumbs}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      {record ? (
        <p class="lead">{t('inforeq.form.recordLead', { unit: m.unit.name })}</p>
      ) : (
        <div class="prose">
          <p class="lead">{t('inforeq.form.lead', { unit: m.unit.name })}</p>
          <p>{t('inforeq.form.intro')}</p>
          <p>{t('inforeq.form.afterSend')}</p>
        </div>
      )}
      <PostForm view={view} action={record ? `/units/${m.unit.id}/info-requests/record` : `/units/${m.unit.id}/info-requests/new`}>
        <TextField name="name" label={t('inforeq.form.name')} autocomplete={record ? 'off' : 'name'} value={v.name} error={e.name} />
        <TextField
          name="contact"
          label={t('inforeq.form.contact')}
          hint={t('inforeq.form.contactHint')}
          autocomplete={record ? 'off' : 'tel'}
          value={v.contact}
          error={e.contact}
        />
        {record && (
          <div class="row">
            <SelectField
              name="channel"
              label={t('inforeq.form.channel')}
              value={v.channel}
              error={e.channel}
              options={[
                { value: '', label: t('inforeq.form.choose') },
                { value: 'post', label: `${channelLabel(t, 'post')} ${t('inforeq.form.within', { days: '05' })}` },
                { value: 'onsite', label: `${channelLabel(t, 'onsite')} ${t('inforeq.form.within', { days: '10' })}` },
              ]}
            />
            <TextField
              name="receivedOn"
              label={t('inforeq.receivedOn')}
              hint={t('inforeq.form.receivedOnHint')}
              inputMode="numeric"
              value={v.receivedOn}
              error={e.receivedOn}
            />
          </div>
        )}
        <TextArea name="content" label={t('inforeq.form.content')} hint={t('inforeq.form.contentHint')} value={v.content} error={e.content} />
        <button class="btn" type="submit">
          {record ? t('inforeq.form.recordButton') : t('inforeq.form.send')}
        </button>
      </PostForm>
      {!record && (
        <p>
          {t('inforeq.form.haveCode')} <a href="/info-requests">{t('inforeq.form.lookup')}</a>
        </p>
      )}
    </Layout>
  );
}
