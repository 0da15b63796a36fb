// An activity: the form a board member fills after an inspection or a supervision visit (findings,
// evidence, up to three recommendations each addressed to a unit), and the page that shows it with
// each recommendation's 15-day clock (R-F5) and, for the commune or the agency head, the answer form.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { ErrorSummary, FileField, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { RecList, type RecView } from './parts.js';

export const REC_SLOTS = 3;

type Crumb = { href: string; label: string };
export type ActivityFormModel = {
  board: { id: number; title: string };
  crumbs: Crumb[];
  plans: { id: number; title: string }[];
  kind: 'inspection' | 'supervision';
  /** An agency board: no public results, no residents' reports. */
  agency: boolean;
  values: Record<string, string>;
  errors?: FieldErrors;
};

export function ActivityFormPage({ view, m }: { view: ViewCtx; m: ActivityFormModel }) {
  const t = view.t;
  const e = m.errors ?? {};
  const v = m.values;
  return (
    <Layout view={view} title={t('oversight.activity.new')} crumbs={m.crumbs}>
      <h1>{t('oversight.activity.new')}</h1>
      <p class="lead">{m.board.title}</p>
      <ErrorSummary view={view} errors={e} />
      <form method="post" action={`/oversight/boards/${m.board.id}/activities`} enctype="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={view.csrf()} />
        <input type="hidden" name="kind" value={m.kind} />
        <TextField name="subject" label={t('oversight.activity.subject')} hint={t('oversight.activity.subjectHint')} value={v.subject} error={e.subject} />
        <TextField name="heldOn" label={t('oversight.activity.heldOn')} hint={t('oversight.dateHint')} inputMode="numeric" value={v.heldOn} error={e.heldOn} />
        {m.plans.length > 0 && (
          <SelectField
            name="planId"
            label={t('oversight.activity.plan')}
            value={v.planId}
            error={e.planId}
            options={[{ value: '', label: t('oversight.activity.noPlan') }, ...m.plans.map((p) => ({ value: String(p.id), label: p.title }))]}
          />
        )}
        {!m.agency && (
          <TextField
            name="feedbackCode"
            label={t('oversight.activity.feedbackCode')}
            hint={t('oversight.activity.feedbackHint')}
            value={v.feedbackCode}
            error={e.feedbackCode}
          />
        )}
        <TextArea name="findings" label={t('oversight.activity.findings')} rows={6} value={v.findings} error={e.findings} />
        <FileField
          name="files"
          label={t('oversight.activity.files')}
          hint={t('oversight.activity.filesHint')}
          error={e.files}
          again={Object.keys(e).length ? t('form.filesAgain') : undefined}
          multiple
        />
        <fieldset>
          <legend>{t('oversight.activity.recs')}</legend>
          <p class="hint">{t('oversight.activity.recsHint')}</p>
          {Array.from({ length: REC_SLOTS }, (_, i) => (
            <div key={i} class="card">
              <TextField
                name={`rec${i}Addressee`}
                label={t('oversight.activity.addressee', { n: i + 1 })}
                value={v[`rec${i}Addressee`]}
                error={e[`rec${i}Addressee`]}
              />
              <TextArea
                name={`rec${i}Content`}
                label={t('oversight.activity.recContent', { n: i + 1 })}
                rows={3}
                value={v[`rec${i}Content`]}
                error={e[`rec${i}Content`]}
              />
            </div>
          ))}
          <TextField
            name="sentOn"
            label={t('oversight.activity.sentOn')}
            hint={t('oversight.activity.sentOnHint')}
            inputMode="numeric"
            value={v.sentOn}
            error={e.sentOn}
          />
        </fieldset>
        {m.agency ? (
          <p class="muted">{t('oversight.activity.internal')}</p>
        ) : (
          <label class="check">
            <input type="checkbox" name="published" value="1" checked={v.published !== '0'} /> {t('oversight.activity.published')}
          </label>
        )}
        <button class="btn" type="submit">
          {t('oversight.activity.save')}
        </button>
      </form>
    </Layout>
  );
}

export type ActivityModel = {
  a: { id: number; kind: string; subject: string; findings: string; heldOn: string; published: boolean; feedbackCode: string | null };
  board: { id: number; title: string };
  crumbs: Crumb[];
  files: { id: number; filename: string; size: number }[];
  recs: RecView[];
  today: string;
  canAnswer: boolean;
};

export function ActivityPage({ view, m }: { view: ViewCtx; m: ActivityModel }) {
  const t = view.t;
  const { a } = m;
  return (
    <Layout view={view} title={a.subject} crumbs={m.crumbs}>
      <h1>{a.subject}</h1>
      <dl class="kv">
        <dt>{t('oversight.activity.board')}</dt>
        <dd>
          <a href={`/oversight/boards/${m.board.id}`}>{m.board.title}</a>
        </dd>
        <dt>{t('oversight.activity.kind')}</dt>
        <dd>{t(`oversight.activity.${a.kind}` as 'oversight.activity.inspection')}</dd>
        <dt>{t('oversight.activity.heldOn')}</dt>
        <dd>{formatDate(a.heldOn)}</dd>
        {a.feedbackCode && (
          <>
            <dt>{t('oversight.activity.feedbackCode')}</dt>
            <dd>
              <a href={`/feedback/${a.feedbackCode}`}>{a.feedbackCode}</a>
            </dd>
          </>
        )}
      </dl>
      {!a.published && <p class="muted">{t('oversight.activity.notPublished')}</p>}
      <h2>{t('oversight.activity.findings')}</h2>
      {a.findings.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {m.files.length > 0 && (
        <>
          <h2>{t('oversight.activity.files')}</h2>
          <ul class="list">
            {m.files.map((f) => (
              <li key={f.id}>
                <a href={`/oversight/files/${f.id}/${encodeURIComponent(f.filename)}`}>{f.filename}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('oversight.activity.recs')}</h2>
      <RecList t={t} recs={m.recs} today={m.today} link={false} answerLinks={m.canAnswer} />
    </Layout>
  );
}

export type AnswerModel = { rec: RecView; crumbs: Crumb[]; today: string; values: Record<string, string>; errors?: FieldErrors };

/** The answer to one recommendation (R-F5): accepted, partly or not, with the reason; a late answer is taken and marked late. */
export function AnswerPage({ view, m }: { view: ViewCtx; m: AnswerModel }) {
  const t = view.t;
  const e = m.errors ?? {};
  const v = m.values;
  const r = m.rec;
  const title = t('oversight.answer.title', { addressee: r.addressee });
  return (
    <Layout view={view} title={title} crumbs={m.crumbs}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      <div class="card">
        <p>{r.content}</p>
        <p class="muted">{t('oversight.rec.clock', { sent: formatDate(r.sentOn), due: formatDate(r.dueOn) })}</p>
        {r.dueOn < m.today && <p class="emsg">{t('oversight.answer.overdueNote')}</p>}
      </div>
      <PostForm view={view} action={`/oversight/recommendations/${r.id}/answer`}>
        <SelectField
          name="kind"
          label={t('oversight.answer.kind')}
          value={v.kind}
          error={e.kind}
          options={[
            { value: '', label: t('oversight.choose') },
            ...['accepted', 'partly', 'rejected'].map((k) => ({ value: k, label: t(`oversight.answer.${k}` as 'oversight.answer.accepted') })),
          ]}
        />
        <TextArea name="text" label={t('oversight.answer.text')} hint={t('oversight.answer.textHint')} rows={5} value={v.text} error={e.text} />
        <TextField
          name="answeredOn"
          label={t('oversight.answer.on')}
          hint={t('oversight.dateHint')}
          inputMode="numeric"
          value={v.answeredOn}
          error={e.answeredOn}
        />
        <button class="btn" type="submit">
          {t('oversight.answer.save')}
        </button>
      </PostForm>
    </Layout>
  );
}
