// What the ballot, paper-entry and receipt pages share: the vote's summary (Decree 59/2023 Art 4(5):
// title, question, choices and the return deadline; Art 5(4): start and end times) and the choices.
import type { VoteForm } from '../../../db/types.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.js';
import { TextArea } from '../../../platform/ui/form.js';
import type { ViewCtx } from '../../../platform/ui/view.js';

export type BallotVoteView = {
  id: number;
  form: VoteForm;
  title: string;
  description: string;
  village: { id: number; name: string };
  voteDate: string;
  opensAt: string | null;
  closesAt: string | null;
  seats: number;
  election: boolean;
  options: { key: string; label: string }[];
};

export type ChoiceValues = { choices: string[]; otherText: string };
export const noChoice = (): ChoiceValues => ({ choices: [], otherText: '' });

export const crumbsOf = (v: BallotVoteView) => [
  { href: `/units/${v.village.id}`, label: v.village.name },
  { href: `/votes/${v.id}`, label: v.title },
];

export function VoteSummary({ view, vote }: { view: ViewCtx; vote: BallotVoteView }) {
  const t = view.t;
  return (
    <dl class="kv">
      <dt>{t('decisions.ballot.question')}</dt>
      <dd>
        <strong>{vote.title}</strong>
        {vote.description && <p class="prose">{vote.description}</p>}
      </dd>
      <dt>{t('decisions.ballot.village')}</dt>
      <dd>{vote.village.name}</dd>
      <dt>{t('decisions.ballot.form')}</dt>
      <dd>{vote.form === 'online' ? t('decisions.ballot.formOnline') : t('decisions.ballot.formHousehold')}</dd>
      <dt>{t('decisions.ballot.opens')}</dt>
      <dd>{vote.opensAt ? formatDateTime(vote.opensAt) : formatDate(vote.voteDate)}</dd>
      <dt>{vote.form === 'online' ? t('decisions.ballot.closes') : t('decisions.ballot.deadline')}</dt>
      <dd>{vote.closesAt ? formatDateTime(vote.closesAt) : '—'}</dd>
    </dl>
  );
}

/** Radio buttons for agree / disagree / other (one choice, R-A8) or checkboxes for candidates (up to
 * the seats), each a large target; the other opinion's text box sits right under its choice. */
export function ChoiceFields({ view, vote, values, errors }: { view: ViewCtx; vote: BallotVoteView; values: ChoiceValues; errors: FieldErrors }) {
  const t = view.t;
  const err = errors.choice;
  const type = vote.election ? 'checkbox' : 'radio';
  return (
    <>
      <fieldset class={err ? 'fg err' : 'fg'} id="f-choice" aria-describedby={err ? 'f-choice-err' : undefined}>
        <legend>{vote.election ? t('decisions.ballot.choiceElection', { seats: vote.seats }) : t('decisions.ballot.choice')}</legend>
        {err && (
          <span class="emsg" id="f-choice-err">
            {err}
          </span>
        )}
        {vote.options.map((o) => (
          <label class="check" key={o.key}>
            <input type={type} name="choice" value={o.key} checked={values.choices.includes(o.key)} /> {o.label}
          </label>
        ))}
      </fieldset>
      {!vote.election && (
        <TextArea
          name="otherText"
          label={t('decisions.ballot.otherText')}
          hint={t('decisions.ballot.otherTextHint')}
          value={values.otherText}
          error={errors.otherText}
          rows={3}
        />
      )}
    </>
  );
}
