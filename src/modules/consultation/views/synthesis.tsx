// The synthesis and explanation (R-D2; Law 10/2022 Art 28(3)–(4)): comments grouped by article with
// their agree/disagree counts and the majority view, each group's answer and explanation; the
// official answers here while the consultation is open, then publishes. A signed-in resident sees
// their own comments with the answer to each (Art 29).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, TextArea } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ConsultationRow } from '../consultation.repo.js';
import { ANSWERS, type Answer, departsFromMajority, majorityView } from '../rules/synthesis.js';
import { label } from './labels.js';

export type GroupView = {
  key: string;
  articleId: number | null;
  title: string;
  comments: number;
  agree: number;
  disagree: number;
  response: { answer: Answer; summary: string; explanation: string } | null;
};
export type SynthesisModel = {
  c: ConsultationRow;
  groups: GroupView[];
  editable: boolean;
  canDisclose: boolean;
  mine: { id: number; group: string; body: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
};

export function SynthesisPage({ view, m }: { view: ViewCtx; m: SynthesisModel }) {
  const { t } = view;
  const c = m.c;
  const e = m.errors ?? {};
  const base = `/consultations/${c.id}`;
  const title = t('consultation.synthesis.title', { title: c.title });
  return (
    <Layout view={view} title={title} crumbs={[{ href: base, label: c.title }]}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      {c.synthesis_published_at ? (
        <>
          <p>
            {t('consultation.synthesis.published', { date: formatDate(c.synthesis_published_at) })} ·{' '}
            <a href={`${base}/synthesis.docx`}>{t('consultation.synthesis.word')}</a>
          </p>
          <div class="prose">
            {c.synthesis_text?.split(/\n+/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
          {c.majority_explanation && (
            <section class="card warn" aria-labelledby="h-maj">
              <h2 id="h-maj">{t('consultation.synthesis.majorityTitle')}</h2>
              <p>{c.majority_explanation}</p>
            </section>
          )}
        </>
      ) : (
        <p class="muted">{t('consultation.synthesis.notYet')}</p>
      )}
      {m.canDisclose && (
        <PostForm view={view} action={`${base}/disclose`}>
          <p class="hint">{t('consultation.disclose.hint')}</p>
          <button class="btn sec" type="submit">
            {t('consultation.disclose.button')}
          </button>
        </PostForm>
      )}
      {m.mine.length > 0 && (
        <section class="card" aria-labelledby="h-mine" id="mine">
          <h2 id="h-mine">{t('consultation.synthesis.mine')}</h2>
          <ul>
            {m.mine.map((x) => (
              <li key={x.id}>
                “{x.body}” → <a href={`#g-${x.group}`}>{t('consultation.synthesis.seeAnswer')}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.groups.map((g) => {
        const majority = majorityView(g.agree, g.disagree);
        const departs = g.response ? departsFromMajority(g.response.answer, g.agree, g.disagree) : false;
        return (
          <section class="card" key={g.key} id={`g-${g.key}`} aria-labelledby={`h-g-${g.key}`}>
            <h2 id={`h-g-${g.key}`}>{g.title}</h2>
            <p class="muted">
              {t('consultation.synthesis.counts', { comments: formatNumber(g.comments), agree: formatNumber(g.agree), disagree: formatNumber(g.disagree) })} ·{' '}
              {t(`consultation.majority.${majority}`)}
              {g.comments > 0 && (
                <>
                  {' · '}
                  <a href={`${base}?article=${g.articleId ?? 'general'}#comments`}>{t('consultation.synthesis.readComments')}</a>
                </>
              )}
            </p>
            {g.response && (
              <dl class="kv">
                <dt>{t('consultation.synthesis.summary')}</dt>
                <dd>{g.response.summary}</dd>
                <dt>{t('consultation.synthesis.answer')}</dt>
                <dd>
                  <strong>{label(t, 'answer', g.response.answer)}</strong>
                  {departs && <span class="tag ended"> {t('consultation.synthesis.departs')}</span>}
                </dd>
                <dt>{t('consultation.synthesis.explanation')}</dt>
                <dd>{g.response.explanation}</dd>
              </dl>
            )}
            {m.editable && <AnswerForm view={view} base={base} g={g} values={m.values} errors={e} />}
          </section>
        );
      })}
      {m.editable && (
        <section class="card" aria-labelledby="h-publish">
          <h2 id="h-publish">{t('consultation.synthesis.publishTitle')}</h2>
          {e.answers && <p class="emsg">{e.answers}</p>}
          <PostForm view={view} action={`${base}/synthesis`}>
            <TextArea
              name="synthesisText"
              label={t('consultation.synthesis.text')}
              hint={t('consultation.synthesis.textHint')}
              value={m.values.synthesisText ?? ''}
              error={e.synthesisText}
              rows={6}
            />
            <TextArea
              name="majorityExplanation"
              label={t('consultation.synthesis.majorityLabel')}
              hint={t('consultation.synthesis.majorityHint')}
              value={m.values.majorityExplanation ?? ''}
              error={e.majorityExplanation}
              rows={4}
            />
            <button class="btn" type="submit">
              {t('consultation.synthesis.publish')}
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

function AnswerForm(p: { view: ViewCtx; base: string; g: GroupView; values: Record<string, string>; errors: FieldErrors }) {
  const { t } = p.view;
  const mine = p.values.article === (p.g.articleId === null ? 'general' : String(p.g.articleId));
  const e = mine ? p.errors : {};
  const v = (k: 'answer' | 'summary' | 'explanation') => (mine ? (p.values[k] ?? '') : (p.g.response?.[k] ?? ''));
  const id = (n: string) => `${n}-${p.g.key}`;
  return (
    <PostForm view={p.view} action={`${p.base}/responses`}>
      <input type="hidden" name="article" value={p.g.articleId === null ? 'general' : String(p.g.articleId)} />
      <fieldset class={e.answer ? 'fg err' : 'fg'}>
        <legend>{t('consultation.synthesis.answerFor', { group: p.g.title })}</legend>
        {e.answer && <span class="emsg">{e.answer}</span>}
        {ANSWERS.map((a) => (
          <label class="check" key={a}>
            <input type="radio" name="answer" value={a} checked={v('answer') === a} /> {label(t, 'answer', a)}
          </label>
        ))}
      </fieldset>
      {(['summary', 'explanation'] as const).map((k) => (
        <div class={e[k] ? 'fg err' : 'fg'} key={k}>
          <label for={id(k)}>{t(`consultation.synthesis.${k}For`, { group: p.g.title })}</label>
          {e[k] && <span class="emsg">{e[k]}</span>}
          <textarea id={id(k)} name={k} rows={3}>
            {v(k)}
          </textarea>
        </div>
      ))}
      <button class="btn sec" type="submit">
        {t('consultation.synthesis.saveAnswer')}
      </button>
    </PostForm>
  );
}
