// The citizen's page of a one-stop dossier: its procedure, status and history as the province's
// one-stop system pushed them. No personal data: the contact stays sealed.
import type { DossierStatus } from '../../../db/types.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { ErrorSummary, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';

export type DossierView = {
  code: string;
  procedure: string;
  status: DossierStatus;
  unit: { id: number; name: string };
  events: { status: string; at: string }[];
};

const TAG: Record<DossierStatus, string> = { received: 'tag', in_progress: 'tag', more_documents: 'tag ended', done: 'tag ok', returned: 'tag ended' };
const isStatus = (s: string): s is DossierStatus => s in TAG;

export function DossierPage({ view, d }: { view: ViewCtx; d: DossierView }) {
  const t = view.t;
  return (
    <Layout view={view} title={t('feedback.ratings.dossier.title', { code: d.code })} crumbs={[{ href: `/units/${d.unit.id}`, label: d.unit.name }]}>
      <h1>{t('feedback.ratings.dossier.title', { code: d.code })}</h1>
      <dl class="kv">
        <dt>{t('feedback.ratings.dossier.procedure')}</dt>
        <dd>{d.procedure}</dd>
        <dt>{t('feedback.ratings.dossier.unit')}</dt>
        <dd>{d.unit.name}</dd>
        <dt>{t('feedback.ratings.dossier.status')}</dt>
        <dd>
          <span class={TAG[d.status]}>{t(`feedback.ratings.dossier.status.${d.status}`)}</span>
        </dd>
      </dl>
      <h2>{t('feedback.ratings.dossier.history')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('feedback.ratings.dossier.when')}</th>
            <th scope="col">{t('feedback.ratings.dossier.status')}</th>
          </tr>
        </thead>
        <tbody>
          {d.events.map((e, i) => (
            <tr key={i}>
              <td>{formatDateTime(e.at)}</td>
              <td>{isStatus(e.status) ? t(`feedback.ratings.dossier.status.${e.status}`) : e.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('feedback.ratings.dossier.source')}</p>
    </Layout>
  );
}

export function DossierLookupPage({ view, code, errors }: { view: ViewCtx; code: string; errors?: FieldErrors }) {
  const t = view.t;
  return (
    <Layout view={view} title={t('feedback.ratings.dossier.lookupTitle')}>
      <h1>{t('feedback.ratings.dossier.lookupTitle')}</h1>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action="/dossiers" class="search">
        <TextField name="code" label={t('feedback.ratings.dossier.code')} hint={t('feedback.ratings.dossier.codeHint')} value={code} error={errors?.code} />
        <button class="btn" type="submit">
          {t('feedback.ratings.dossier.lookupButton')}
        </button>
      </form>
    </Layout>
  );
}
