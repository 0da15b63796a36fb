// The public status page of one request, found by its tracking code. It shows dates, status and the
// unit's written answer or refusal, never who asked or how to reach them.
import type { FieldErrors } from '../../../../platform/errors.js';
import { formatDate, type T } from '../../../../platform/i18n/index.js';
import { ErrorSummary, TextField } from '../../../../platform/ui/form.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import type { RequestChannel, RequestStatus } from '../../rules/info-request.js';
import { channelLabel, periodLabel, STATUS_TAG, statusLabel } from '../model.js';

/** Plain text as paragraphs (no markup is interpreted). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <div class="prose">
      {text
        .replace(/\r\n?/g, '\n')
        .split(/\n{2,}/)
        .map((p, i) => (
          <p key={i}>{p.split('\n').flatMap((line, j) => (j > 0 ? [<br key={j} />, line] : [line]))}</p>
        ))}
    </div>
  );
}

export type PublicRequest = {
  code: string;
  unit: { id: number; name: string };
  channel: RequestChannel;
  receivedOn: string;
  dueDate: string;
  extendedUntil: string | null;
  extensionReason: string | null;
  state: RequestStatus;
  closedOn: string | null;
  /** Only when the official chose to publish it. */
  answer: string | null;
  answered: boolean;
  refusalReason: string | null;
};

/** Dates and status, shared by the public page and the officials' detail page. */
export function RequestFacts({ t, r }: { t: T; r: Omit<PublicRequest, 'answer' | 'answered' | 'refusalReason' | 'unit'> }) {
  return (
    <dl class="kv">
      <dt>{t('inforeq.trackingCode')}</dt>
      <dd>{r.code}</dd>
      <dt>{t('inforeq.status')}</dt>
      <dd>
        <span class={STATUS_TAG[r.state]}>{statusLabel(t, r.state)}</span>
      </dd>
      <dt>{t('inforeq.channel')}</dt>
      <dd>{channelLabel(t, r.channel)}</dd>
      <dt>{t('inforeq.receivedOn')}</dt>
      <dd>{formatDate(r.receivedOn)}</dd>
      <dt>{t('inforeq.dueDate')}</dt>
      <dd>
        {formatDate(r.dueDate)} <span class="muted">({periodLabel(t, r.channel)})</span>
      </dd>
      {r.extendedUntil && (
        <>
          <dt>{t('inforeq.extendedUntil')}</dt>
          <dd>
            {formatDate(r.extendedUntil)}
            {r.extensionReason && <>. {t('disclosure.detail.reason', { reason: r.extensionReason })}</>}
          </dd>
        </>
      )}
      {r.closedOn && (
        <>
          <dt>{r.state === 'refused' ? t('inforeq.refusedOn') : t('inforeq.answeredOn')}</dt>
          <dd>{formatDate(r.closedOn)}</dd>
        </>
      )}
    </dl>
  );
}

export function StatusPage({ view, r }: { view: ViewCtx; r: PublicRequest }) {
  const t = view.t;
  return (
    <Layout view={view} title={t('inforeq.requestN', { code: r.code })} crumbs={[{ href: `/units/${r.unit.id}`, label: r.unit.name }]}>
      <h1>{t('inforeq.status.heading', { code: r.code })}</h1>
      <p class="lead">{t('inforeq.sentTo', { unit: r.unit.name })}</p>
      <RequestFacts t={t} r={r} />
      {r.state === 'refused' && r.refusalReason && (
        <section aria-labelledby="h-refusal">
          <h2 id="h-refusal">{t('inforeq.status.refusal')}</h2>
          <p class="muted">{t('inforeq.status.refusalNote')}</p>
          <Paragraphs text={r.refusalReason} />
        </section>
      )}
      {r.answered &&
        (r.answer ? (
          <section aria-labelledby="h-answer">
            <h2 id="h-answer">{t('inforeq.answer')}</h2>
            <Paragraphs text={r.answer} />
          </section>
        ) : (
          <p>{t('inforeq.status.answerSent')}</p>
        ))}
      <p>
        <a href="/info-requests">{t('inforeq.status.lookupOther')}</a>
      </p>
    </Layout>
  );
}

export function LookupPage({ view, code, errors }: { view: ViewCtx; code: string; errors?: FieldErrors }) {
  const t = view.t;
  return (
    <Layout view={view} title={t('inforeq.lookup.title')}>
      <h1>{t('inforeq.lookup.title')}</h1>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action="/info-requests" class="search">
        <TextField name="code" label={t('inforeq.trackingCode')} hint={t('inforeq.lookup.hint')} value={code} error={errors?.code} />
        <button class="btn" type="submit">
          {t('inforeq.lookup.button')}
        </button>
      </form>
    </Layout>
  );
}
