// Anyone checks with a receipt code that a ballot is in the store and what it records; the store has
// no household, so the answer never says whose ballot it is (issue 4 item 9).
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { BallotCheck } from '../tally.js';
import { type BallotVoteView, crumbsOf } from './ballot-common.js';

export type ReceiptModel = { vote: BallotVoteView; code: string; result?: BallotCheck; errors?: FieldErrors };

export function ReceiptCheckPage({ view, m }: { view: ViewCtx; m: ReceiptModel }) {
  const t = view.t;
  const v = m.vote;
  const label = (key: string) => v.options.find((o) => o.key === key)?.label ?? key;
  return (
    <Layout view={view} title={t('decisions.ballot.receipt.title')} crumbs={crumbsOf(v)}>
      <h1>{t('decisions.ballot.receipt.title')}</h1>
      <p class="lead">{v.title}</p>
      <ErrorSummary view={view} errors={m.errors} />
      {m.result && (
        <div class="card" role="status">
          {m.result.found ? (
            <>
              <p>
                <strong>{t('decisions.ballot.receipt.found')}</strong>
              </p>
              <p>
                {t('decisions.ballot.receipt.records')}: {m.result.options.map(label).join(', ')}
                {m.result.otherText && ` — “${m.result.otherText}”`}
              </p>
            </>
          ) : (
            <p>
              <strong>{t('decisions.ballot.receipt.notFound')}</strong>
            </p>
          )}
        </div>
      )}
      <p>{t('decisions.ballot.receipt.intro')}</p>
      <PostForm view={view} action={`/votes/${v.id}/receipt`}>
        <TextField
          name="code"
          label={t('decisions.ballot.receipt.code')}
          hint={t('decisions.ballot.receipt.codeHint')}
          value={m.code}
          error={m.errors?.code}
          autocomplete="off"
        />
        <button class="btn" type="submit">
          {t('decisions.ballot.receipt.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
