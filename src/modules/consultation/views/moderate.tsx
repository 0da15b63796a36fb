// Moderation of one comment (issue 6 item 2): a public text with personal data removed, or the
// comment hidden with a public reason; the original is shown to the official and never deleted.
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, TextArea } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';

type Props = {
  view: ViewCtx;
  c: { id: number; title: string };
  cm: { id: number; body: string; public_body: string | null; hidden_reason: string | null };
  values: Record<string, string>;
  errors?: FieldErrors;
};

export function ModerationPage({ view, c, cm, values, errors }: Props) {
  const { t } = view;
  const action = `/consultations/${c.id}/comments/${cm.id}/moderate`;
  return (
    <Layout view={view} title={t('consultation.moderation.title')} crumbs={[{ href: `/consultations/${c.id}`, label: c.title }]}>
      <h1>{t('consultation.moderation.title')}</h1>
      <ErrorSummary view={view} errors={errors} />
      <p>
        <strong>{t('consultation.moderation.original')}</strong> {cm.body}
      </p>
      {cm.hidden_reason && <p class="muted">{t('consultation.hidden', { reason: cm.hidden_reason })}</p>}
      <PostForm view={view} action={action}>
        <input type="hidden" name="action" value="redact" />
        <TextArea
          name="publicBody"
          label={t('consultation.moderation.publicBody')}
          hint={t('consultation.moderation.publicBodyHint')}
          value={values.publicBody ?? cm.public_body ?? cm.body}
          error={errors?.publicBody}
          rows={4}
        />
        <button class="btn" type="submit">
          {t('consultation.moderation.redact')}
        </button>
      </PostForm>
      <PostForm view={view} action={action}>
        <input type="hidden" name="action" value={cm.hidden_reason ? 'show' : 'hide'} />
        {!cm.hidden_reason && (
          <TextArea name="reason" label={t('consultation.moderation.reason')} value={values.reason ?? ''} error={errors?.reason} rows={2} />
        )}
        <button class="btn sec" type="submit">
          {cm.hidden_reason ? t('consultation.moderation.show') : t('consultation.moderation.hide')}
        </button>
      </PostForm>
    </Layout>
  );
}
