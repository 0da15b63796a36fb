// The draft page (issue 6 items 1–2, 8): the draft article by article with its comment and
// agree/disagree counts, the plan and the period with days left, the comment form for those in
// the audience, and one page of comments (of one article, or one's own, Art 29) at a time.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { CommentInput } from '../commands/comment.js';
import type { ArticleRow, CommentRow, ConsultationRow } from '../consultation.repo.js';
import type { Phase } from '../rules/period.js';
import { label } from './labels.js';
import { type ManageModel, ManagePanel } from './manage.js';

export type ArticleView = ArticleRow & { comments: number; agree: number; disagree: number; mine: 'agree' | 'disagree' | null };
export type DetailModel = {
  c: ConsultationRow;
  phase: Phase;
  daysLeft: number;
  place: { href: string; name: string };
  villages: { name: string }[];
  articles: ArticleView[];
  general: number;
  attachments: { id: number; filename: string }[];
  comments: CommentRow[];
  next: number | null;
  filter: { article: string; mine: boolean };
  answers: Map<number | null, string>;
  canComment: boolean;
  signedIn: boolean;
  readNames: boolean;
  manage: ManageModel | null;
  form: CommentInput;
  errors?: FieldErrors;
};

export function ConsultationPage({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { t } = view;
  const c = m.c;
  const base = `/consultations/${c.id}`;
  const artLabel = new Map(m.articles.map((a) => [a.id, a.label]));
  const e = m.errors ?? {};
  return (
    <Layout view={view} title={c.title} crumbs={[{ href: m.place.href, label: m.place.name }]}>
      <h1>{c.title}</h1>
      <ErrorSummary view={view} errors={e} />
      <p>
        <span class="tag">{label(t, 'matter', c.matter)}</span>{' '}
        <span class={m.phase === 'open' ? 'tag ok' : 'tag'}>{label(t, 'status', m.phase === 'open' ? 'open' : c.status)}</span>
      </p>
      {c.summary && <p class="lead">{c.summary}</p>}
      <dl class="kv">
        {c.opens_on && c.closes_on && (
          <>
            <dt>{t('consultation.period')}</dt>
            <dd>
              {t('consultation.periodText', { from: formatDate(c.opens_on), to: formatDate(c.closes_on), days: c.period_days })}
              {m.phase === 'open' && <strong> {t('consultation.daysLeft', { n: m.daysLeft })}</strong>}
              {c.short_period_law && <> ({t('consultation.shortPeriodBy', { law: c.short_period_law })})</>}
            </dd>
          </>
        )}
        <dt>{t('consultation.form.audience')}</dt>
        <dd>{m.villages.length ? m.villages.map((v) => v.name).join(', ') : c.scope === 'agency' ? c.agency_name : t('consultation.audience.all')}</dd>
        {c.scope === 'commune' && (
          <>
            <dt>{t('consultation.form.plan')}</dt>
            <dd>
              {c.plan_content} {c.plan_timeline && <>· {c.plan_timeline}</>} {c.plan_responsible && <>· {c.plan_responsible}</>}
              {(JSON.parse(c.plan_forms) as string[]).length > 0 && <> · {(JSON.parse(c.plan_forms) as string[]).map((f) => label(t, 'form', f)).join(', ')}</>}
              <br />
              {c.plan_sent_on ? t('consultation.planSent', { date: formatDate(c.plan_sent_on) }) : t('consultation.planNotSent')}
            </dd>
          </>
        )}
        {m.attachments.length > 0 && (
          <>
            <dt>{t('consultation.files')}</dt>
            <dd>
              {m.attachments.map((a) => (
                <div key={a.id}>
                  <a href={`${base}/files/${a.id}`}>{a.filename}</a>
                </div>
              ))}
            </dd>
          </>
        )}
        {c.issued_on && (
          <>
            <dt>{t('consultation.issued')}</dt>
            <dd>{t('consultation.issuedText', { number: c.issued_number ?? '', date: formatDate(c.issued_on) })}</dd>
          </>
        )}
      </dl>
      {c.synthesis_published_at && (
        <p class="flash">
          <a href={`${base}/synthesis`}>{t('consultation.seeSynthesis')}</a>
        </p>
      )}
      {m.manage && <ManagePanel view={view} m={m.manage} />}
      <h2>{t('consultation.draft')}</h2>
      {m.articles.map((a) => (
        <section class="card" key={a.id} id={`a-${a.id}`} aria-labelledby={`h-a-${a.id}`}>
          <h3 id={`h-a-${a.id}`}>
            {a.label}
            {a.heading && `. ${a.heading}`}
          </h3>
          <div class="prose">{a.body.split(/\n+/).map((p, i) => (p.trim() ? <p key={i}>{p}</p> : null))}</div>
          <p class="muted">
            <a href={`${base}?article=${a.id}#comments`}>{t('consultation.articleComments', { n: formatNumber(a.comments) })}</a> ·{' '}
            {t('consultation.stanceCounts', { agree: formatNumber(a.agree), disagree: formatNumber(a.disagree) })}
            {(m.canComment || m.manage?.canEnter) && m.phase === 'open' && (
              <>
                {' · '}
                <a href={`${base}?article=${a.id}#h-comment`}>{t('consultation.commentOnArticle', { article: a.label })}</a>
              </>
            )}
          </p>
          {m.canComment && m.phase === 'open' && (
            <PostForm view={view} action={`${base}/stance`} class="inline">
              <input type="hidden" name="article" value={String(a.id)} />
              <button
                class={a.mine === 'agree' ? 'btn' : 'btn sec'}
                type="submit"
                name="stance"
                value="agree"
                aria-pressed={a.mine === 'agree' ? 'true' : 'false'}
                aria-label={`${t('consultation.agree')}: ${a.label}`}
              >
                {t('consultation.agree')}
              </button>{' '}
              <button
                class={a.mine === 'disagree' ? 'btn' : 'btn sec'}
                type="submit"
                name="stance"
                value="disagree"
                aria-pressed={a.mine === 'disagree' ? 'true' : 'false'}
                aria-label={`${t('consultation.disagree')}: ${a.label}`}
              >
                {t('consultation.disagree')}
              </button>
            </PostForm>
          )}
        </section>
      ))}
      <CommentForm view={view} m={m} />
      <h2 id="comments">{t('consultation.comments')}</h2>
      <p class="muted">
        <a href={`${base}#comments`}>{t('consultation.filter.all')}</a> ·{' '}
        <a href={`${base}?article=general#comments`}>{t('consultation.filter.general', { n: formatNumber(m.general) })}</a>
        {m.signedIn && (
          <>
            {' · '}
            <a href={`${base}?mine=1#comments`}>{t('consultation.filter.mine')}</a>
          </>
        )}
      </p>
      {m.comments.length === 0 ? (
        <p class="muted">{t('consultation.noComments')}</p>
      ) : (
        <ul class="list">
          {m.comments.map((cm) => (
            <li key={cm.id} id={`c-${cm.id}`}>
              <p>
                <strong>{cm.article_id ? artLabel.get(cm.article_id) : t('consultation.wholeDraft')}</strong> ·{' '}
                {cm.organisation ?? label(t, 'channel', cm.channel)}
                {m.readNames && cm.author_name && <> · {cm.author_name}</>} · <span class="muted">{formatDateTime(cm.created_at)}</span>
                {m.manage && (
                  <>
                    {' · '}
                    <a href={`${base}/comments/${cm.id}/moderate`}>{t('consultation.moderate')}</a>
                  </>
                )}
              </p>
              {cm.hidden_reason ? <p class="muted">{t('consultation.hidden', { reason: cm.hidden_reason })}</p> : <p>{cm.public_body ?? cm.body}</p>}
              {m.answers.has(cm.article_id) && (
                <p class="muted">
                  <a href={`${base}/synthesis#g-${cm.article_id ?? 'general'}`}>{t('consultation.answered', { answer: m.answers.get(cm.article_id)! })}</a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {m.next && (
        <p>
          <a
            href={`${base}?${new URLSearchParams({ ...(m.filter.article ? { article: m.filter.article } : {}), ...(m.filter.mine ? { mine: '1' } : {}), before: String(m.next) })}#comments`}
          >
            {t('consultation.olderComments')}
          </a>
        </p>
      )}
    </Layout>
  );
}

function CommentForm({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { t } = view;
  const e = m.errors ?? {};
  const official = !!m.manage?.canEnter;
  if (m.phase !== 'open') return <p class="muted">{m.phase === 'ended' ? t('consultation.closedNote') : t('consultation.notOpenNote')}</p>;
  if (!m.canComment && !official)
    return <p>{m.signedIn ? t('consultation.notInAudience') : <a href={`/sign-in?next=/consultations/${m.c.id}`}>{t('consultation.signInToComment')}</a>}</p>;
  return (
    <section class="card" aria-labelledby="h-comment">
      <h2 id="h-comment">{official ? t('consultation.enterComment') : t('consultation.giveComment')}</h2>
      <PostForm view={view} action={`/consultations/${m.c.id}/comments`}>
        <div class={e.article ? 'fg err' : 'fg'}>
          <label for="f-article">{t('consultation.commentOn')}</label>
          {e.article && <span class="emsg">{e.article}</span>}
          <select id="f-article" name="article">
            <option value="general">{t('consultation.wholeDraft')}</option>
            {m.articles.map((a) => (
              <option key={a.id} value={String(a.id)} selected={m.form.article === String(a.id)}>
                {a.label}
                {a.heading && `. ${a.heading}`}
              </option>
            ))}
          </select>
        </div>
        <TextArea name="body" label={t('consultation.commentBody')} hint={t('consultation.commentHint')} value={m.form.body} error={e.body} rows={5} />
        <fieldset class={e.stance ? 'fg err' : 'fg'} id="f-stance">
          <legend>{t('consultation.stanceLegend')}</legend>
          {e.stance && <span class="emsg">{e.stance}</span>}
          {(['', 'agree', 'disagree'] as const).map((s) => (
            <label class="check" key={s}>
              <input type="radio" name="stance" value={s} checked={m.form.stance === s} /> {s ? t(`consultation.${s}`) : t('consultation.noStance')}
            </label>
          ))}
        </fieldset>
        {official && m.manage && (
          <>
            <div class={e.channel ? 'fg err' : 'fg'}>
              <label for="f-channel">{t('consultation.channelLabel')}</label>
              {e.channel && (
                <span class="emsg" id="f-channel-err">
                  {e.channel}
                </span>
              )}
              <select id="f-channel" name="channel">
                {m.manage.channels.map((k) => (
                  <option key={k} value={k} selected={m.form.channel === k}>
                    {label(t, 'channel', k)}
                  </option>
                ))}
              </select>
            </div>
            <TextField name="organisation" label={t('consultation.organisation')} value={m.form.organisation} error={e.organisation} />
            <TextField name="authorName" label={t('consultation.authorName')} hint={t('consultation.authorNameHint')} value={m.form.authorName} />
          </>
        )}
        <button class="btn" type="submit">
          {t('consultation.send')}
        </button>
      </PostForm>
    </section>
  );
}
