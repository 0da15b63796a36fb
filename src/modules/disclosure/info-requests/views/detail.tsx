// One request for the officials: the requester (name; contact only for roles that may see personal
// data), the content, the dates and, while it is open, the three things an official can do with it:
// answer, extend (with a notice to the requester) or refuse in writing with reasons.
import type { FieldErrors } from '../../../../platform/errors.js';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../../../platform/ui/form.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import { Paragraphs, type PublicRequest, RequestFacts } from './status.js';

export type DetailModel = {
  unit: { id: number; name: string };
  r: Omit<PublicRequest, 'unit' | 'answered'> & { id: number; content: string; publishAnswer: boolean };
  requester: { name: string; contact: string | null };
  canManage: boolean;
  /** How far an extension may go; null once the deadline has passed (no extension then). */
  extensionHint: string | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
};

export function RequestDetailPage({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { r } = m;
  const t = view.t;
  const e = m.errors ?? {};
  const v = m.values ?? {};
  const base = `/units/${m.unit.id}/info-requests/${r.id}`;
  const open = r.state === 'open' || r.state === 'overdue';
  return (
    <Layout
      view={view}
      title={t('inforeq.requestN', { code: r.code })}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/info-requests`, label: t('inforeq.title') },
      ]}
    >
      <h1>{t('inforeq.requestN', { code: r.code })}</h1>
      <ErrorSummary view={view} errors={e} />
      <h2>{t('inforeq.requester')}</h2>
      <dl class="kv">
        <dt>{t('inforeq.name')}</dt>
        <dd>{m.requester.name}</dd>
        <dt>{t('inforeq.contact')}</dt>
        <dd>{m.requester.contact ?? <span class="muted">{t('inforeq.detail.contactHidden')}</span>}</dd>
      </dl>
      <h2>{t('inforeq.detail.content')}</h2>
      <Paragraphs text={r.content} />
      <h2>{t('inforeq.detail.facts')}</h2>
      <RequestFacts t={t} r={r} />
      <p>
        <a href={`/info-requests/${r.code}`}>{t('inforeq.detail.publicPage')}</a>
      </p>
      {r.answer && (
        <section aria-labelledby="h-answer">
          <h2 id="h-answer">{t('inforeq.answer')}</h2>
          <p class="muted">{r.publishAnswer ? t('inforeq.detail.published') : t('inforeq.detail.notPublished')}</p>
          <Paragraphs text={r.answer} />
        </section>
      )}
      {r.refusalReason && (
        <section aria-labelledby="h-refusal">
          <h2 id="h-refusal">{t('inforeq.refusalReason')}</h2>
          <Paragraphs text={r.refusalReason} />
        </section>
      )}
      {m.canManage && !open && <p class="muted">{t('inforeq.detail.closed')}</p>}
      {m.canManage && open && (
        <>
          <section aria-labelledby="h-do-answer" class="card">
            <h2 id="h-do-answer">{t('inforeq.detail.doAnswer')}</h2>
            <PostForm view={view} action={`${base}/answer`}>
              <TextArea name="answer" label={t('inforeq.answer')} hint={t('inforeq.detail.answerHint')} value={v.answer} error={e.answer} />
              <label class="check">
                <input type="checkbox" name="publish" value="1" checked={v.publish === '1'} /> {t('inforeq.detail.publish')}
              </label>
              <button class="btn" type="submit">
                {t('inforeq.detail.sendAnswer')}
              </button>
            </PostForm>
          </section>
          {m.extensionHint ? (
            <section aria-labelledby="h-do-extend" class="card">
              <h2 id="h-do-extend">{t('inforeq.detail.extend')}</h2>
              <p class="muted">{t('inforeq.detail.extendNote')}</p>
              <PostForm view={view} action={`${base}/extend`}>
                <TextField
                  name="newDue"
                  label={t('inforeq.detail.newDue')}
                  hint={`dd/mm/yyyy; ${m.extensionHint}`}
                  inputMode="numeric"
                  value={v.newDue}
                  error={e.newDue}
                />
                <TextField name="extensionReason" label={t('inforeq.detail.extensionReason')} value={v.extensionReason} error={e.extensionReason} />
                <button class="btn sec" type="submit">
                  {t('inforeq.detail.extendButton')}
                </button>
              </PostForm>
            </section>
          ) : (
            <p class="muted">{t('inforeq.detail.noExtension')}</p>
          )}
          <section aria-labelledby="h-do-refuse" class="card">
            <h2 id="h-do-refuse">{t('inforeq.detail.refuse')}</h2>
            <PostForm view={view} action={`${base}/refuse`}>
              <TextArea
                name="refusalReason"
                label={t('inforeq.refusalReason')}
                hint={t('inforeq.detail.refuseHint')}
                rows={4}
                value={v.refusalReason}
                error={e.refusalReason}
              />
              <button class="btn warn" type="submit">
                {t('inforeq.detail.refuseButton')}
              </button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}
