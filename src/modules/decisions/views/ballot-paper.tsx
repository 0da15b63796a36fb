// The ballot team enters each household ballot returned on paper (Decree 59/2023 Art 4(6)(a)); only
// households of the register without a ballot yet are offered (R-A9).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { type BallotVoteView, ChoiceFields, type ChoiceValues, crumbsOf, VoteSummary } from './ballot-common.js';

export type PaperModel = {
  vote: BallotVoteView;
  /** null when ballots can be entered; otherwise why not. */
  blocked: 'wrong_form' | 'not_open' | 'closed' | null;
  households: { id: number; label: string }[];
  received: number;
  total: number;
  values: ChoiceValues & { household: string };
  errors?: FieldErrors;
};

export function PaperBallotPage({ view, m }: { view: ViewCtx; m: PaperModel }) {
  const t = view.t;
  const v = m.vote;
  const errors = m.errors ?? {};
  const blockedText =
    m.blocked === 'wrong_form'
      ? t('decisions.ballot.paper.wrongForm')
      : m.blocked === 'not_open'
        ? t('decisions.ballot.paper.notOpen', { date: formatDate(v.voteDate) })
        : m.blocked === 'closed'
          ? t('decisions.ballot.paper.closed')
          : null;
  return (
    <Layout view={view} title={t('decisions.ballot.paper.title')} crumbs={crumbsOf(v)}>
      <h1>{t('decisions.ballot.paper.title')}</h1>
      <ErrorSummary view={view} errors={errors} />
      <VoteSummary view={view} vote={v} />
      <p>{t('decisions.ballot.paper.intro')}</p>
      <p>
        <strong>{t('decisions.ballot.paper.received', { n: m.received, total: m.total })}</strong>
      </p>
      {blockedText && <p class="card">{blockedText}</p>}
      {!blockedText && m.households.length === 0 && <p class="card">{t('decisions.ballot.paper.none')}</p>}
      {!blockedText && m.households.length > 0 && (
        <PostForm view={view} action={`/votes/${v.id}/paper`}>
          <SelectField
            name="household"
            label={t('decisions.ballot.paper.household')}
            value={m.values.household}
            error={errors.household}
            options={[{ value: '', label: t('decisions.ballot.paper.pickHousehold') }, ...m.households.map((h) => ({ value: String(h.id), label: h.label }))]}
          />
          <ChoiceFields view={view} vote={v} values={m.values} errors={errors} />
          <button class="btn" type="submit">
            {t('decisions.ballot.paper.submit')}
          </button>
        </PostForm>
      )}
    </Layout>
  );
}
