// The tracking page the citizen follows by code, without an account (issue 5 item 1): status, the
// clock that runs and its deadline, the public history, the answer, and the forms to rate (once per
// answer) and to reopen (a petition, report or question, within the period), or for a complaint or
// denunciation where it may go next. Nothing on it names the sender (R-H4).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime, type MessageKey, type T } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { TrackData } from '../public-data.js';

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

const EVENT_KINDS = [
  'received',
  'recorded',
  'routed',
  'forwarded',
  'accepted',
  'refused',
  'extended',
  'step',
  'answered',
  'published',
  'rated',
  'reopened',
  'reclassified',
  'escalated',
  'closed',
];
export const eventLabel = (t: T, kind: string): string =>
  EVENT_KINDS.includes(kind) ? t(`feedback.intake.event.${kind}` as MessageKey) : t('feedback.intake.event.other');

const TAG: Record<string, string> = { overdue: 'tag ended', due_soon: 'tag', on_time: 'tag ok' };

export function TrackFacts({ t, d }: { t: T; d: TrackData }) {
  return (
    <dl class="kv">
      <dt>{t('feedback.intake.track.code')}</dt>
      <dd>{d.code}</dd>
      <dt>{t('feedback.intake.track.kind')}</dt>
      <dd>
        {t(`feedback.kind.${d.kind}`)}
        {d.category && ` · ${t(`feedback.category.${d.category}` as MessageKey)}`}
      </dd>
      <dt>{t('feedback.intake.track.status')}</dt>
      <dd>
        <strong>{t(`feedback.status.${d.status}`)}</strong>
      </dd>
      <dt>{t('feedback.intake.track.receivedOn')}</dt>
      <dd>
        {formatDate(d.receivedOn)} {d.channel && <span class="muted">({t(`feedback.channel.${d.channel}` as MessageKey)})</span>}
      </dd>
      {d.clock && (
        <>
          <dt>{t(`feedback.clock.${d.clock.name}`)}</dt>
          <dd>
            {formatDate(d.clock.due)} <span class={TAG[d.clock.state]}>{t(`feedback.due.${d.clock.state}`)}</span>
            <span class="hint">{t(`feedback.intake.clockLaw.${d.clock.name}`)}</span>
          </dd>
        </>
      )}
      {d.lateDays > 0 && (
        <>
          <dt>{t('feedback.intake.track.late')}</dt>
          <dd>{t('feedback.intake.track.lateText', { days: d.lateDays })}</dd>
        </>
      )}
      {d.forwardedTo && (
        <>
          <dt>{t('feedback.intake.track.forwardedTo')}</dt>
          <dd>{d.forwardedTo}</dd>
        </>
      )}
    </dl>
  );
}

/** Finding 9: a complaint or denunciation is not reopened; the page says where it goes next, and until
 * when (Complaints Law Art 33; Denunciation Law Art 37). */
function NextStep({ t, next }: { t: T; next: NonNullable<TrackData['nextStep']> }) {
  return (
    <section aria-labelledby="h-next">
      <h2 id="h-next">{t('feedback.intake.track.nextTitle')}</h2>
      {next.kind === 'denunciation' ? (
        <p>{next.lapsed ? t('feedback.intake.track.denunciationNextLapsed') : t('feedback.intake.track.denunciationNext')}</p>
      ) : next.passed ? (
        <p>{t('feedback.intake.track.complaintPassed', { date: formatDate(next.until) })}</p>
      ) : (
        <>
          <p>
            {t(next.lapsed ? 'feedback.intake.track.complaintNextLapsed' : 'feedback.intake.track.complaintNext', {
              from: formatDate(next.from),
              days: next.remote ? 45 : 30,
              date: formatDate(next.until),
            })}
          </p>
          {next.remote && <p class="hint">{t('feedback.intake.track.remote')}</p>}
        </>
      )}
    </section>
  );
}

export type TrackPageModel = { d: TrackData; values?: Record<string, string>; errors?: FieldErrors };

export function TrackPage({ view, m }: { view: ViewCtx; m: TrackPageModel }) {
  const { t } = view;
  const { d } = m;
  const v = m.values ?? {};
  const e = m.errors ?? {};
  return (
    <Layout view={view} title={t('feedback.intake.track.title', { code: d.code })} crumbs={[{ href: `/units/${d.commune.id}`, label: d.commune.name }]}>
      {/* R-H4: a denunciation's page names it by its code only (public-data.ts denunciationView). */}
      <h1>{d.title ?? t('feedback.intake.track.title', { code: d.code })}</h1>
      <p class="lead">{t('feedback.intake.track.lead', { unit: d.commune.name })}</p>
      <ErrorSummary view={view} errors={e} />
      <TrackFacts t={t} d={d} />
      {d.refusalReason && (
        <section aria-labelledby="h-refusal">
          <h2 id="h-refusal">{t('feedback.intake.track.refusal')}</h2>
          <Paragraphs text={d.refusalReason} />
        </section>
      )}
      {d.answer && (
        <section aria-labelledby="h-answer">
          <h2 id="h-answer">{t('feedback.intake.track.answer', { date: formatDate(d.answeredOn) })}</h2>
          <Paragraphs text={d.answer} />
        </section>
      )}
      {d.rating && (
        <p>
          {t('feedback.intake.track.rated')} <strong>{t(`feedback.intake.rating.${d.rating}`)}</strong>
        </p>
      )}
      {d.canRate && (
        <section aria-labelledby="h-rate">
          <h2 id="h-rate">{t('feedback.intake.track.rateTitle')}</h2>
          <PostForm view={view} action={`/feedback/${d.code}/rating`}>
            <fieldset class={e.rating ? 'fg err' : 'fg'} id="f-rating">
              <legend>{t('feedback.intake.track.rateQuestion')}</legend>
              {e.rating && <span class="emsg">{e.rating}</span>}
              {(['satisfied', 'not_satisfied'] as const).map((r) => (
                <label class="check" key={r}>
                  <input type="radio" name="rating" value={r} checked={v.rating === r} /> {t(`feedback.intake.rating.${r}`)}
                </label>
              ))}
            </fieldset>
            <TextArea name="comment" rows={3} label={t('feedback.intake.track.comment')} value={v.comment} error={e.comment} />
            <button class="btn" type="submit">
              {t('feedback.intake.track.rateButton')}
            </button>
          </PostForm>
        </section>
      )}
      {d.reopenUntil && (
        <section aria-labelledby="h-reopen">
          <h2 id="h-reopen">{t('feedback.intake.track.reopenTitle')}</h2>
          <p>{t('feedback.intake.track.reopenLead', { date: formatDate(d.reopenUntil) })}</p>
          <PostForm view={view} action={`/feedback/${d.code}/reopen`}>
            <TextArea name="reason" rows={4} label={t('feedback.intake.track.reopenReason')} value={v.reason} error={e.reason} />
            <button class="btn sec" type="submit">
              {t('feedback.intake.track.reopenButton')}
            </button>
          </PostForm>
        </section>
      )}
      {d.nextStep && <NextStep t={t} next={d.nextStep} />}
      <section aria-labelledby="h-history">
        <h2 id="h-history">{t('feedback.intake.track.history')}</h2>
        <ol class="list">
          {d.events.map((ev, i) => (
            <li key={i}>
              <strong>{eventLabel(t, ev.kind)}</strong> <span class="muted">{formatDateTime(ev.at)}</span>
              {ev.note && <p>{ev.note}</p>}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <a href="/feedback">{t('feedback.intake.track.lookupOther')}</a> ·{' '}
        <a href={`/units/${d.commune.id}/feedback`}>{t('feedback.intake.section.answers')}</a>
      </p>
    </Layout>
  );
}

export function LookupPage({ view, code, errors, status }: { view: ViewCtx; code: string; errors?: FieldErrors; status?: number }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('feedback.intake.lookup.title')}>
      <h1>{t('feedback.intake.lookup.title')}</h1>
      <ErrorSummary view={view} errors={errors} />
      {status !== 429 && <p class="lead">{t('feedback.intake.lookup.lead')}</p>}
      <form method="get" action="/feedback" class="search">
        <TextField name="code" label={t('feedback.intake.track.code')} hint={t('feedback.intake.lookup.hint')} value={code} error={errors?.code} class="code" />
        <button class="btn" type="submit">
          {t('feedback.intake.lookup.button')}
        </button>
      </form>
    </Layout>
  );
}
