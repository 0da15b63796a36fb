// The household representative's ballot (Decree 59/2023 Art 5; Law 10/2022 Art 19(3)) and the page
// that shows the receipt code once after voting (issue 4 item 9). Works without JavaScript.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { type BallotVoteView, ChoiceFields, type ChoiceValues, crumbsOf, VoteSummary } from './ballot-common.js';

export type BallotState =
  | 'sign_in'
  | 'not_representative'
  | 'not_on_register'
  | 'already_voted'
  | 'not_open'
  | 'not_scheduled'
  | 'closed'
  | 'wrong_form'
  | 'open';

export type VoteBallotModel = { vote: BallotVoteView; state: BallotState; values: ChoiceValues; errors?: FieldErrors };

function StateNote({ view, m }: { view: ViewCtx; m: VoteBallotModel }) {
  const t = view.t;
  const v = m.vote;
  switch (m.state) {
    case 'sign_in':
      return (
        <div class="card">
          <p>{t('decisions.ballot.signInWhy')}</p>
          <p>
            <a class="btn" href={`/sign-in?next=${encodeURIComponent(`/votes/${v.id}/ballot`)}`}>
              {t('decisions.ballot.signIn')}
            </a>
          </p>
        </div>
      );
    case 'not_representative':
      return <p class="card">{t('decisions.ballot.notRepresentative', { village: v.village.name })}</p>;
    case 'not_on_register':
      return <p class="card">{t('decisions.ballot.notOnRegister', { village: v.village.name, date: formatDate(v.voteDate) })}</p>;
    case 'already_voted':
      return <p class="card">{t('decisions.ballot.alreadyVoted')}</p>;
    case 'not_open':
      return <p class="card">{t('decisions.ballot.notOpen', { time: v.opensAt ? formatDateTime(v.opensAt) : formatDate(v.voteDate) })}</p>;
    case 'not_scheduled':
      return <p class="card">{t('decisions.ballot.notScheduled')}</p>;
    case 'closed':
      return <p class="card">{t('decisions.ballot.closed')}</p>;
    case 'wrong_form':
      return <p class="card">{t('decisions.ballot.wrongForm')}</p>;
    default:
      return null;
  }
}

export function VoteBallotPage({ view, m }: { view: ViewCtx; m: VoteBallotModel }) {
  const t = view.t;
  const v = m.vote;
  const errors = m.errors ?? {};
  return (
    <Layout view={view} title={t('decisions.ballot.title')} crumbs={crumbsOf(v)}>
      <h1>{t('decisions.ballot.heading', { title: v.title })}</h1>
      <ErrorSummary view={view} errors={errors} />
      <VoteSummary view={view} vote={v} />
      <p>{t('decisions.ballot.secret')}</p>
      <StateNote view={view} m={m} />
      {m.state === 'open' && (
        <PostForm view={view} action={`/votes/${v.id}/ballot`}>
          <ChoiceFields view={view} vote={v} values={m.values} errors={errors} />
          <button class="btn" type="submit">
            {t('decisions.ballot.submit')}
          </button>
        </PostForm>
      )}
      <p class="muted">{t('decisions.ballot.resultsHidden')}</p>
      <p>
        <a href={`/votes/${v.id}/receipt`}>{t('decisions.ballot.checkReceipt')}</a>
      </p>
    </Layout>
  );
}

/** Shown once, in the answer to the vote itself: the code is in no URL, cookie or table. */
export function BallotCastPage({
  view,
  vote,
  code,
}: {
  view: ViewCtx;
  vote: { id: number; title: string; village: { id: number; name: string } };
  code: string;
}) {
  const t = view.t;
  return (
    <Layout view={view} title={t('decisions.ballot.cast.heading')} crumbs={[{ href: `/units/${vote.village.id}`, label: vote.village.name }]}>
      <h1>{t('decisions.ballot.cast.heading')}</h1>
      <p class="lead">{vote.title}</p>
      <div class="card" role="status">
        <p>{t('decisions.ballot.cast.code')}</p>
        <p class="lead">
          <strong class="code">{code}</strong>
        </p>
        <p>{t('decisions.ballot.cast.once')}</p>
      </div>
      <p>{t('decisions.ballot.cast.how')}</p>
      <p>
        <a href={`/votes/${vote.id}/receipt`}>{t('decisions.ballot.checkReceipt')}</a>
      </p>
      <p>
        <a href={`/votes/${vote.id}`}>{t('decisions.ballot.backToVote')}</a>
      </p>
    </Layout>
  );
}
