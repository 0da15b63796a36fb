// One vote's page: what was announced, the record and its working (views/record.tsx), the clocks
// after the vote (R-A13, R-A14) and the next step for whoever may take it.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { Participant } from '../docs/data.js';
import type { VoteRecord } from '../present.js';
import type { Clock } from '../rules/deadlines.js';
import { formLabel, L } from './labels.js';
import { VoteRecordView } from './record.js';

export type VotePageModel = {
  r: NonNullable<VoteRecord>;
  submitClock: Clock | null;
  recogniseClock: Clock | null;
  missing: string[];
  tooLow: boolean;
  /** Whether an online vote or ballot has passed its deadline, and today, by the app's clock. */
  closed: boolean;
  today: string;
  /** Decree 59 Art 3(1): why this viewer, the subject or a candidate, takes no step here. */
  conflict?: string | null;
  participants: Participant[];
  can: {
    run: boolean;
    publish: boolean;
    committeeCount: boolean;
    confirmVillageHead: boolean;
    confirmFrontHead: boolean;
    recognise: boolean;
    cast: boolean;
    managed: boolean;
  };
  errors?: FieldErrors;
  values?: Record<string, string>;
};

function ClockLine({ view, c, label }: { view: ViewCtx; c: Clock; label: string }) {
  const t = view.t;
  return (
    <p>
      {L(t, label, { due: formatDate(c.due) })}:{' '}
      {c.overdue ? (
        <strong class="tag ended">{c.daysLate ? L(t, 'v.overdue', { n: c.daysLate }) : L(t, 'v.overdueOpen')}</strong>
      ) : c.doneOn ? (
        <span class="tag ok">{L(t, 'v.onTime')}</span>
      ) : null}
    </p>
  );
}

export function VotePage({ view, m }: { view: ViewCtx; m: VotePageModel }) {
  const t = view.t;
  const { r } = m;
  const v = r.vote;
  const e = m.errors ?? {};
  const base = `/votes/${v.id}`;
  const closed = m.closed;
  // The next step for this viewer while the vote is announced. A visitor who is not signed in is
  // offered the ballot too: its page asks them to sign in.
  const actions = [];
  if (v.status === 'scheduled') {
    if (v.form !== 'meeting' && !closed && (m.can.cast || !view.actor))
      actions.push(
        <a class="btn" href={`${base}/ballot`} key="ballot">
          {L(t, 'v.ballot')}
        </a>,
      );
    if (m.can.run && v.form === 'household_ballot')
      actions.push(
        <a class="btn sec" href={`${base}/paper`} key="paper">
          {L(t, 'v.paper')}
        </a>,
      );
    if (m.can.committeeCount)
      actions.push(
        <a class="btn" href={`${base}/committee-count`} key="committee">
          {L(t, 'c.heading')}
        </a>,
      );
    if (m.can.run && v.form === 'meeting')
      actions.push(
        <a class="btn" href={`${base}/meeting`} key="meeting">
          {L(t, 'v.recordMeeting')}
        </a>,
      );
  }
  return (
    <Layout
      view={view}
      title={L(t, 'v.title', { form: formLabel(t, v.form), matter: r.matter.title })}
      crumbs={[
        { href: `/units/${r.village.id}/decisions`, label: L(t, 'titleOf', { unit: r.village.name }) },
        { href: `/matters/${r.matter.id}`, label: r.matter.title },
      ]}
    >
      <h1>{L(t, 'v.title', { form: formLabel(t, v.form), matter: r.matter.title })}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      <dl class="kv">
        <dt>{L(t, 's.village')}</dt>
        <dd>
          {r.village.name}, {r.commune.name}
        </dd>
        {v.form === 'online' ? (
          <>
            <dt>{L(t, 'v.opens')}</dt>
            <dd>{v.opens_at ? formatDateTime(v.opens_at) : '—'}</dd>
          </>
        ) : (
          <>
            <dt>{L(t, 'v.when')}</dt>
            <dd>{formatDate(v.vote_date)}</dd>
          </>
        )}
        {v.closes_at && (
          <>
            <dt>{L(t, 'v.closes')}</dt>
            <dd>{formatDateTime(v.closes_at)}</dd>
          </>
        )}
        {v.place && (
          <>
            <dt>{L(t, 'v.place')}</dt>
            <dd>{v.place}</dd>
          </>
        )}
        <dt>{L(t, 'v.notice')}</dt>
        <dd>{formatDate(v.notice_on)}</dd>
        {v.documents_on && (
          <>
            <dt>{L(t, 'v.documents')}</dt>
            <dd>{formatDate(v.documents_on)}</dd>
          </>
        )}
        {v.ballot_case && (
          <>
            <dt>{L(t, 'v.case')}</dt>
            <dd>{L(t, `case.${v.ballot_case}`)}</dd>
          </>
        )}
      </dl>
      {actions.length > 0 && <p class="row">{actions}</p>}
      {m.conflict && ['scheduled', 'counted', 'finalised'].includes(v.status) && <p class="card">{m.conflict}</p>}
      {v.form !== 'meeting' && (
        <p>
          <a href={`${base}/receipt`}>{L(t, 'v.receipt')}</a>
        </p>
      )}
      {m.tooLow && <p class="card">{L(t, 'v.tooLow')}</p>}
      {m.can.managed || v.published_on || (v.status === 'scheduled' && !m.closed) ? (
        <VoteRecordView view={view} r={r} showParticipants={m.can.managed} participants={m.participants} />
      ) : (
        <p class="card">{L(t, 'v.notPublished')}</p>
      )}
      {m.submitClock && <ClockLine view={view} c={m.submitClock} label="v.submitClock" />}
      {m.recogniseClock && <ClockLine view={view} c={m.recogniseClock} label="v.recogniseClock" />}
      <Steps view={view} m={m} e={e} closed={closed} />
    </Layout>
  );
}

function Steps({ view, m, e, closed }: { view: ViewCtx; m: VotePageModel; e: FieldErrors; closed: boolean }) {
  const t = view.t;
  const v = m.r.vote;
  const base = `/votes/${v.id}`;
  const parts = [];
  if (m.can.run && v.status === 'scheduled' && v.form !== 'meeting' && closed)
    parts.push(
      <PostForm view={view} action={`${base}/count`} key="count">
        {v.form === 'household_ballot' && <TextArea name="witnesses" label={L(t, 'v.witnesses')} value={m.values?.witnesses} error={e.witnesses} rows={2} />}
        <button class="btn" type="submit">
          {L(t, 'v.count')}
        </button>
      </PostForm>,
    );
  if (v.status === 'counted') {
    if (m.can.run)
      parts.push(
        <p key="minutes">
          <a class="btn" href={`${base}/minutes`}>
            {L(t, 'v.minutes')}
          </a>{' '}
          {v.form === 'meeting' && <a href={`${base}/meeting`}>{L(t, 'v.recordMeeting')}</a>}
        </p>,
      );
    if (m.can.confirmVillageHead && !v.confirm_village_head && v.decision_text)
      parts.push(
        <PostForm view={view} action={`${base}/confirm`} key="cvh">
          <input type="hidden" name="as" value="village_head" />
          <button class="btn sec" type="submit">
            {L(t, m.r.matter.kind === 'dismissal' && m.r.matter.position === 'village_head' ? 'v.confirmForCommune' : 'v.confirmVillageHead')}
          </button>
        </PostForm>,
      );
    if (m.can.confirmFrontHead && !v.confirm_front_head && v.decision_text)
      parts.push(
        <PostForm view={view} action={`${base}/confirm`} key="cfh">
          <input type="hidden" name="as" value="front_head" />
          <button class="btn sec" type="submit">
            {L(t, 'v.confirmFrontHead')}
          </button>
        </PostForm>,
      );
    if (m.can.run)
      parts.push(
        <PostForm view={view} action={`${base}/finalise`} key="fin">
          {m.missing.length > 0 && (
            <p class="muted">
              {L(t, 'v.missing')}: {m.missing.map((k) => t(`decisions.core.missing.${k}` as 'decisions.core.missing.content')).join(' ')}
            </p>
          )}
          <button class="btn" type="submit">
            {L(t, 'v.finalise')}
          </button>
        </PostForm>,
      );
  }
  if (m.can.run && v.status === 'finalised')
    parts.push(
      <PostForm view={view} action={`${base}/submit`} key="sub">
        <TextField
          name="submittedOn"
          label={L(t, 'v.submittedOn')}
          hint={L(t, 'f.dateHint')}
          value={m.values?.submittedOn ?? formatDate(m.today)}
          error={e.submittedOn}
        />
        <button class="btn" type="submit">
          {L(t, 'v.submit')}
        </button>
      </PostForm>,
    );
  if (m.can.recognise && v.status === 'submitted')
    parts.push(
      <PostForm view={view} action={`${base}/recognise`} key="rec">
        <SelectField
          name="decision"
          label={L(t, 'v.recognise')}
          options={[
            { value: '', label: L(t, 'n.choose') },
            { value: 'recognise', label: L(t, 'v.recognise.recognise') },
            { value: 'refuse', label: L(t, 'v.recognise.refuse') },
          ]}
          value={m.values?.decision}
          error={e.decision}
        />
        <TextField
          name="decidedOn"
          label={L(t, 'v.decidedOn')}
          hint={L(t, 'f.dateHint')}
          value={m.values?.decidedOn ?? formatDate(m.today)}
          error={e.decidedOn}
        />
        <TextArea name="reason" label={L(t, 'v.reason')} value={m.values?.reason} error={e.reason} rows={3} />
        <button class="btn" type="submit">
          {L(t, 'v.recognise.submit')}
        </button>
      </PostForm>,
    );
  if (m.can.publish && !v.published_on && ['finalised', 'submitted', 'recognised', 'refused'].includes(v.status))
    parts.push(
      <PostForm view={view} action={`${base}/publish`} key="pub">
        <button class="btn" type="submit">
          {L(t, 'v.publish')}
        </button>
      </PostForm>,
    );
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="h-steps">
      <h2 id="h-steps">{L(t, 'v.steps')}</h2>
      {parts}
    </section>
  );
}
