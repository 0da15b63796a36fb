// One dialogue: when and where, the question form while it is open, the questions with their answers
// (a page at a time), the published minutes; for those who run it, entering questions received
// another way, answering, recording the conference and publishing the minutes.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { RECORD_CHANNELS } from '../commands/questions.js';
import type { Dialogue, DialogueQuestion } from '../tables.js';

export type DetailModel = {
  d: Dialogue;
  place: { name: string; href: string; listHref: string; agency: boolean };
  questions: DialogueQuestion[];
  counts: { total: number; answered: number };
  page: number;
  more: boolean;
  open: boolean;
  can: { ask: boolean; manage: boolean; seeHidden: boolean };
  signedIn: boolean;
  values: Record<string, string>;
  errors?: FieldErrors;
};

function Question(p: { view: ViewCtx; q: DialogueQuestion; m: DetailModel }) {
  const { t } = p.view;
  const { q, m } = p;
  const who = q.asker_name ?? t(m.place.agency ? 'dialogue.q.anonymousStaff' : 'dialogue.q.anonymous');
  return (
    <li id={`q-${q.id}`} class="card">
      <p class="muted">
        {t('dialogue.q.asked', { who, date: formatDateTime(q.created_at) })} · {t(`dialogue.channel.${q.channel}` as Parameters<typeof t>[0])}
        {q.entered_by && m.can.manage ? ` · ${t('dialogue.q.enteredBy', { who: q.entered_by })}` : ''}
      </p>
      {q.hidden_reason ? (
        <>
          <p>
            <strong>{t('dialogue.q.hidden')}</strong> {q.hidden_reason}
          </p>
          {m.can.seeHidden && (
            <p class="muted pre-line">
              {t('dialogue.q.hiddenText')} {q.text}
            </p>
          )}
        </>
      ) : (
        <p class="prose pre-line">{q.text}</p>
      )}
      {q.answer !== null && (
        <div>
          <h3>{t('dialogue.q.answer')}</h3>
          <p class="prose pre-line">{q.answer}</p>
          <p class="muted">
            {t('dialogue.q.answeredBy', { who: q.answered_by ?? '', date: formatDateTime(q.answered_at!) })}
            {q.answered_at! < m.d.starts_at ? '' : m.d.held_on && q.answered_at!.slice(0, 10) > m.d.held_on ? ` · ${t('dialogue.q.afterConference')}` : ''}
          </p>
        </div>
      )}
      {m.can.manage && q.answer === null && !q.hidden_reason && (
        <p>
          <a href={`/dialogue-questions/${q.id}`}>{t('dialogue.q.answerLink')}</a>
        </p>
      )}
    </li>
  );
}

export function DialogueDetailPage(p: { view: ViewCtx; m: DetailModel }) {
  const { view, m } = p;
  const { t } = view;
  const { d } = m;
  const v = m.values;
  const e = m.errors ?? {};
  const base = `/dialogues/${d.id}`;
  return (
    <Layout
      view={view}
      title={d.topic}
      crumbs={[
        { href: m.place.href, label: m.place.name },
        { href: m.place.listHref, label: t('dialogue.list.short') },
      ]}
    >
      <h1>{d.topic}</h1>
      <dl class="kv">
        <dt>{t('dialogue.detail.when')}</dt>
        <dd>{formatDateTime(d.starts_at)}</dd>
        <dt>{t('dialogue.field.place')}</dt>
        <dd>{d.place}</dd>
        <dt>{t(m.place.agency ? 'dialogue.field.coOrganiserAgency' : 'dialogue.field.coOrganiser')}</dt>
        <dd>{d.co_organiser}</dd>
        <dt>{t('dialogue.detail.status')}</dt>
        <dd>
          {d.status === 'held' ? t('dialogue.detail.heldOn', { date: formatDate(d.held_on) }) : t('dialogue.detail.scheduled')}
          {d.minutes_published_at ? ` · ${t('dialogue.detail.minutesOn', { date: formatDate(d.minutes_published_at) })}` : ''}
        </dd>
        {d.attendance && (
          <>
            <dt>{t('dialogue.field.attendance')}</dt>
            <dd>{d.attendance}</dd>
          </>
        )}
      </dl>
      <ErrorSummary view={view} errors={m.errors} />

      {m.open && m.can.ask && !m.can.manage && (
        <section aria-labelledby="h-ask" class="card">
          <h2 id="h-ask">{t('dialogue.ask.title')}</h2>
          <p>{t(m.place.agency ? 'dialogue.ask.leadAgency' : 'dialogue.ask.lead', { date: formatDateTime(d.starts_at) })}</p>
          <PostForm view={view} action={`${base}/questions`}>
            <TextArea name="text" label={t('dialogue.ask.text')} hint={t('dialogue.ask.textHint')} value={v.text} error={e.text} rows={5} />
            <TextField
              name="name"
              label={t('dialogue.ask.name')}
              hint={t(m.signedIn ? 'dialogue.ask.nameHintSignedIn' : 'dialogue.ask.nameHint')}
              value={v.name}
              error={e.name}
              autocomplete="name"
            />
            {!m.place.agency && (
              // Honeypot as in feedback's intake form: off screen and out of the tab order; people leave it empty.
              <div class="skip" aria-hidden="true">
                <label for="f-website">{t('feedback.intake.form.honeypot')}</label>
                <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" value="" />
              </div>
            )}
            <button class="btn" type="submit">
              {t('dialogue.ask.submit')}
            </button>
          </PostForm>
        </section>
      )}
      {!m.open && !m.can.manage && d.status === 'scheduled' && <p class="muted">{t('dialogue.ask.closedStarted')}</p>}

      <h2 id="questions">{t('dialogue.q.title', { total: formatNumber(m.counts.total), answered: formatNumber(m.counts.answered) })}</h2>
      {m.questions.length === 0 ? (
        <p class="muted">{t('dialogue.q.none')}</p>
      ) : (
        <ol class="list" start={(m.page - 1) * 50 + 1}>
          {m.questions.map((q) => (
            <Question key={q.id} view={view} q={q} m={m} />
          ))}
        </ol>
      )}
      {(m.page > 1 || m.more) && (
        <nav aria-label={t('dialogue.q.pages')}>
          {m.page > 1 && <a href={`${base}?page=${m.page - 1}#questions`}>{t('dialogue.q.prev')}</a>}
          {m.page > 1 && m.more && ' · '}
          {m.more && <a href={`${base}?page=${m.page + 1}#questions`}>{t('dialogue.q.next')}</a>}
        </nav>
      )}

      {d.minutes_published_at && d.minutes && (
        <section aria-labelledby="h-minutes">
          <h2 id="h-minutes">{t('dialogue.minutes.title')}</h2>
          <p class="prose pre-line">{d.minutes}</p>
          <p class="muted">{t('dialogue.minutes.by', { who: d.minutes_published_by ?? '', date: formatDateTime(d.minutes_published_at) })}</p>
        </section>
      )}

      {m.can.manage && <ManagePanels view={view} m={m} />}
    </Layout>
  );
}

function ManagePanels(p: { view: ViewCtx; m: DetailModel }) {
  const { view, m } = p;
  const { t } = view;
  const { d } = m;
  const v = m.values;
  const e = m.errors ?? {};
  const base = `/dialogues/${d.id}`;
  return (
    <>
      {!d.minutes_published_at && (
        <section aria-labelledby="h-record" class="card">
          <h2 id="h-record">{t('dialogue.record.title')}</h2>
          <p>{t('dialogue.record.lead')}</p>
          <PostForm view={view} action={`${base}/questions/record`}>
            <SelectField
              name="channel"
              label={t('dialogue.record.channel')}
              value={v.channel}
              error={e.channel}
              options={[
                { value: '', label: t('dialogue.record.channelPick') },
                ...RECORD_CHANNELS.map((c) => ({ value: c, label: t(`dialogue.channel.${c}`) })),
              ]}
            />
            <TextArea name="text" label={t('dialogue.ask.text')} value={v.text} error={e.text} rows={4} />
            <TextField name="name" label={t('dialogue.record.name')} hint={t('dialogue.record.nameHint')} value={v.name} error={e.name} />
            <button class="btn" type="submit">
              {t('dialogue.record.submit')}
            </button>
          </PostForm>
        </section>
      )}
      {d.status === 'scheduled' && (
        <section aria-labelledby="h-held" class="card">
          <h2 id="h-held">{t('dialogue.held.title')}</h2>
          <PostForm view={view} action={`${base}/held`}>
            <TextField
              name="heldOn"
              label={t('dialogue.held.heldOn')}
              hint={t('dialogue.field.dateHint')}
              value={v.heldOn}
              error={e.heldOn}
              inputMode="numeric"
            />
            <TextArea
              name="attendance"
              label={t('dialogue.field.attendance')}
              hint={t('dialogue.held.attendanceHint')}
              value={v.attendance}
              error={e.attendance}
              rows={3}
            />
            <button class="btn" type="submit">
              {t('dialogue.held.submit')}
            </button>
          </PostForm>
        </section>
      )}
      {!d.minutes_published_at && d.status === 'held' && (
        <section aria-labelledby="h-pub" class="card">
          <h2 id="h-pub">{t('dialogue.minutes.publishTitle')}</h2>
          <p>{t('dialogue.minutes.lead')}</p>
          <PostForm view={view} action={`${base}/minutes`}>
            <TextArea name="minutes" label={t('dialogue.minutes.field')} value={v.minutes} error={e.minutes} rows={10} />
            <button class="btn" type="submit">
              {t('dialogue.minutes.submit')}
            </button>
          </PostForm>
        </section>
      )}
    </>
  );
}

export function AnswerPage(p: { view: ViewCtx; m: { d: Dialogue; q: DialogueQuestion; values: Record<string, string>; errors?: FieldErrors } }) {
  const { view, m } = p;
  const { t } = view;
  const e = m.errors ?? {};
  const title = t('dialogue.answer.title');
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/dialogues/${m.d.id}`, label: m.d.topic }]}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      <blockquote class="card prose pre-line">{m.q.text}</blockquote>
      <PostForm view={view} action={`/dialogue-questions/${m.q.id}/answer`}>
        <TextArea name="answer" label={t('dialogue.answer.field')} hint={t('dialogue.answer.hint')} value={m.values.answer} error={e.answer} rows={8} />
        <button class="btn" type="submit">
          {t('dialogue.answer.submit')}
        </button>
      </PostForm>
      <h2>{t('dialogue.hide.title')}</h2>
      <p>{t('dialogue.hide.lead')}</p>
      <PostForm view={view} action={`/dialogue-questions/${m.q.id}/hide`}>
        <TextField name="reason" label={t('dialogue.hide.reason')} value={m.values.reason} error={e.reason} />
        <button class="btn warn" type="submit">
          {t('dialogue.hide.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
