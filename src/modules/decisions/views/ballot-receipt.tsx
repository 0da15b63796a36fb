// Anyone checks with a receipt code that a ballot is in the store, when it could have been recorded and
// whether it has been counted; the store has no household, so the answer never says whose ballot it is
// (issue 4 item 9), and it never says what the ballot chose, so that a code handed to a vote buyer
// proves nothing about the vote (Law 10/2022 Art 9(5); secret ballot, Decree 59/2023 Art 3(5)(c)).
// The ballot store keeps no time either; the time shown is the vote's window.
import type { VoteStatus } from '../../../db/types.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { BallotCheck } from '../tally.js';
import { type BallotVoteView, crumbsOf } from './ballot-common.js';

export type ReceiptModel = { vote: BallotVoteView; code: string; result?: BallotCheck; status?: VoteStatus; errors?: FieldErrors };

export function ReceiptCheckPage({ view, m }: { view: ViewCtx; m: ReceiptModel }) {
  const t = view.t;
  const v = m.vote;
  const when = (iso: string | null, day: string) => (iso ? formatDateTime(iso) : formatDate(day));
  const closes = when(v.closesAt, v.voteDate);
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
              <p>{t('decisions.ballot.receipt.window', { opens: when(v.opensAt, v.voteDate), closes })}</p>
              <p>
                {m.status === 'annulled'
                  ? t('decisions.ballot.receipt.annulled')
                  : m.status && m.status !== 'scheduled'
                    ? t('decisions.ballot.receipt.counted')
                    : t('decisions.ballot.receipt.pending', { closes })}
              </p>
              <p class="muted">{t('decisions.ballot.receipt.secret')}</p>
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
