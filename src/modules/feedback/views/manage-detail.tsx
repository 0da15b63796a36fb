// One item for the officials: facts and clocks, the author (the identity only after a POST, for
// the roles allowed, each view audit-logged; never to the unit or person denounced: R-H4), the
// whole history, and the handling forms (manage-actions.tsx).
import { Fragment } from 'preact';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime, type MessageKey } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { Attachments } from '../attachments.js';
import type { DetailData } from '../manage-data.js';
import type { Identity } from '../model.js';
import { AttachmentList } from './attachments.js';
import { ManageActions } from './manage-actions.js';
import { DUE_TAG } from './manage-list.js';
import { Paragraphs } from './track.js';

export type DetailModel = {
  d: DetailData;
  attachments: Attachments;
  identity?: Identity | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
};

const dd = (v: string | number | null | undefined, t: (k: MessageKey) => string) =>
  v === null || v === undefined || v === '' ? t('feedback.handling.none') : v;

export function ManageDetailPage({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const t = view.t;
  const { d } = m;
  const it = d.item;
  // Art 56 (finding 6): a denunciation's title, content and private answer only where the
  // denouncer may be seen; others read its kind and category.
  const label = `${t(`feedback.kind.${it.kind}`)} · ${t(`feedback.category.${it.category}` as MessageKey)}`;
  const title = `${it.tracking_code}: ${d.showContent ? it.title : label}`;
  const date = (v: string | null) => (v ? formatDate(v) : t('feedback.handling.none'));
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[{ href: `/units/${it.handler_unit_id}/feedback/manage`, label: `${t('feedback.handling.list.title')} – ${d.handler}` }]}
    >
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      {d.withSubject && (
        <p class="esum" role="note">
          {t('feedback.handling.detail.withSubject')}
        </p>
      )}
      <dl class="kv">
        <dt>{t('feedback.handling.detail.kind')}</dt>
        <dd>
          {t(`feedback.kind.${it.kind}`)} · {t(`feedback.category.${it.category}` as MessageKey)}
        </dd>
        <dt>{t('feedback.handling.detail.channel')}</dt>
        <dd>{t(`feedback.channel.${it.channel}` as MessageKey)}</dd>
        <dt>{t('feedback.handling.receivedOn')}</dt>
        <dd>{formatDate(it.received_on)}</dd>
        <dt>{t('feedback.handling.list.status')}</dt>
        <dd>{t(`feedback.status.${it.status}`)}</dd>
        <dt>{t('feedback.handling.handler')}</dt>
        <dd>{d.handler}</dd>
        {it.clock && it.due_on && d.dueState && (
          <>
            <dt>{t(`feedback.clock.${it.clock}`)}</dt>
            <dd>
              {formatDate(it.due_on)} <span class={DUE_TAG[d.dueState]}>{t(`feedback.due.${d.dueState}`)}</span>
            </dd>
          </>
        )}
        <dt>{t('feedback.clock.forward')}</dt>
        <dd>
          {date(it.forward_due)}
          {d.forwardLateDays > 0 && <span class="tag ended"> {t('feedback.handling.detail.forwardLate', { n: d.forwardLateDays })}</span>}
        </dd>
        {it.kind === 'complaint' && (
          <>
            <dt>{t('feedback.handling.detail.knownOn')}</dt>
            <dd>
              {date(it.known_on)}
              {it.late_days > 0 && <span class="tag ended"> {t('feedback.handling.detail.lateDays', { n: it.late_days })}</span>}
            </dd>
            <dt>{t('feedback.handling.detail.excluded')}</dt>
            <dd>
              {it.excluded_days} {it.excluded_reason && `(${it.excluded_reason})`}
            </dd>
            <dt>{t('feedback.handling.detail.remote')}</dt>
            <dd>{t(it.remote_area ? 'feedback.handling.yes' : 'feedback.handling.no')}</dd>
          </>
        )}
        <dt>{t('feedback.handling.detail.complexity')}</dt>
        <dd>
          {t(`feedback.handling.complexity.${it.complexity}`)}
          {it.multi_site === 1 && ` · ${t('feedback.handling.detail.multiSite')}`}
        </dd>
        <dt>{t('feedback.handling.detail.acceptedOn')}</dt>
        <dd>{date(it.accepted_on)}</dd>
        {it.resolve_due && (
          <>
            <dt>{t('feedback.clock.resolve')}</dt>
            <dd>{date(it.resolve_due)}</dd>
          </>
        )}
        {it.kind === 'denunciation' && (
          <>
            <dt>{t('feedback.handling.detail.extensions')}</dt>
            <dd>{t('feedback.handling.detail.extensionsOf', { n: it.extensions, max: d.maxExtensions })}</dd>
            <dt>{t('feedback.handling.detail.subject')}</dt>
            <dd>{[d.subject.unit, d.subject.user, it.subject_text].filter(Boolean).join(' · ') || t('feedback.handling.none')}</dd>
          </>
        )}
        {it.village_id && (
          <>
            <dt>{t('feedback.handling.list.village')}</dt>
            <dd>{d.village}</dd>
          </>
        )}
        <dt>{t('feedback.handling.detail.place')}</dt>
        <dd>{dd(it.place_text, t)}</dd>
      </dl>
      <h2>{t('feedback.handling.detail.content')}</h2>
      {d.showContent ? <Paragraphs text={it.content} /> : <p class="muted">{t('feedback.handling.detail.contentHidden')}</p>}
      <AttachmentList view={view} m={m.attachments} />

      <section aria-labelledby="h-author" class="card">
        <h2 id="h-author">{t('feedback.handling.detail.author')}</h2>
        {it.anonymous ? (
          <p>{t('feedback.handling.detail.anonymous')}</p>
        ) : m.identity ? (
          <dl class="kv">
            {(['name', 'address', 'phone', 'email', 'idNumber'] as const).map((k) => (
              <Fragment key={k}>
                <dt>{t(`feedback.handling.identity.${k}`)}</dt>
                <dd>{dd(m.identity?.[k], t)}</dd>
              </Fragment>
            ))}
          </dl>
        ) : d.canReveal ? (
          <PostForm view={view} action={`/feedback/manage/${it.id}/identity`}>
            <p class="muted">{t('feedback.handling.detail.revealNote')}</p>
            <button class="btn sec" type="submit">
              {t('feedback.handling.detail.reveal')}
            </button>
          </PostForm>
        ) : (
          <p class="muted">{t('feedback.handling.detail.identityHidden')}</p>
        )}
      </section>

      {it.forwarded_to && (
        <>
          <h2>{t('feedback.handling.detail.forwardedTo')}</h2>
          <p>{it.forwarded_to}</p>
        </>
      )}
      {it.refusal_reason && (
        <>
          <h2>{t('feedback.handling.detail.refusalReason')}</h2>
          <Paragraphs text={it.refusal_reason} />
        </>
      )}
      {it.answer && (
        <section aria-labelledby="h-answer">
          <h2 id="h-answer">
            {t('feedback.handling.detail.answer')} ({date(it.answered_on)})
          </h2>
          {d.showContent ? <Paragraphs text={it.answer} /> : <p class="muted">{t('feedback.handling.detail.contentHidden')}</p>}
          <h3>{t('feedback.handling.detail.publicAnswer')}</h3>
          {it.public_answer ? <Paragraphs text={it.public_answer} /> : <p class="muted">{t('feedback.handling.none')}</p>}
          <p class="muted">
            {it.published_on
              ? t('feedback.handling.detail.publishedOn', { date: formatDate(it.published_on) })
              : it.publish_due
                ? t('feedback.handling.event.publishBy', { date: formatDate(it.publish_due) })
                : t('feedback.handling.detail.notPublished')}
          </p>
          {it.rating && (
            <p>
              {t('feedback.handling.detail.rating')}: {t(`feedback.handling.rating.${it.rating}`)}
              {it.rating_comment && ` – ${it.rating_comment}`}
            </p>
          )}
        </section>
      )}

      {d.canRecordOversight && (
        <p>
          {/* Issue 7 item 6: the board turns a report routed to it into an inspection or, for a project's
              supervision board, a supervision activity (oversight module); shown only to who may record it. */}
          <a
            class="btn sec"
            href={`/units/${it.commune_id}/oversight/inspect?feedback=${it.tracking_code}${it.handler_project_id ? `&project=${it.handler_project_id}` : ''}`}
          >
            {t(it.handler_project_id ? 'oversight.fromFeedbackProject' : 'oversight.fromFeedback')}
          </a>
        </p>
      )}
      <ManageActions view={view} d={d} values={m.values ?? {}} errors={m.errors ?? {}} />

      <h2>{t('feedback.handling.detail.history')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('feedback.handling.detail.when')}</th>
            <th scope="col">{t('feedback.handling.detail.what')}</th>
            <th scope="col">{t('feedback.handling.detail.who')}</th>
          </tr>
        </thead>
        <tbody>
          {d.events.map((e, i) => (
            <tr key={i}>
              <td>{formatDateTime(e.at)}</td>
              <td>
                {eventText(t, e.kind)}
                {(e.from || e.to) && ` (${[e.from, e.to].filter(Boolean).join(' → ')})`}
                {e.note && <div>{e.note}</div>}
                {!e.public && <span class="tag"> {t('feedback.handling.detail.internal')}</span>}
              </td>
              <td>{e.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

const KNOWN = new Set(['received', 'recorded', 'routed', 'forwarded', 'accepted', 'refused', 'complexity_set', 'extended', 'step', 'answered', 'published']);
const MORE = new Set(['rated', 'reopened', 'escalated', 'closed', 'subject_linked', 'reclassified']);
function eventText(t: ViewCtx['t'], kind: string): string {
  if (KNOWN.has(kind) || MORE.has(kind)) return t(`feedback.handling.event.${kind}` as MessageKey);
  return kind;
}
