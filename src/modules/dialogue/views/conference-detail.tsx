// One village conference (Decree 59/2023 Arts 10–11): the plan and its agreements, the conference along
// the Art 11 agenda with its reports and files, the result report; the forms of those who run it.
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, FileField, PostForm, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ConferenceYearState } from '../rules/yearly.js';
import type { VillageConference } from '../tables.js';
import { ConferenceState } from './conferences.js';

type Tk = Parameters<ViewCtx['t']>[0];

export type ConferenceFile = { id: number; filename: string; size: number; part: string };
export type ConferenceDetailModel = {
  c: VillageConference;
  village: { id: number; name: string };
  commune: { id: number; name: string };
  state: ConferenceYearState;
  early: boolean;
  files: ConferenceFile[];
  can: { plan: boolean; run: boolean; agree: ('committee' | 'front' | 'board')[] };
  values: Record<string, string>;
  errors?: FieldErrors;
  maxUploadMb: number;
};

function Text(p: { value: string | null; files?: ConferenceFile[]; c: number; children?: ComponentChildren }) {
  return (
    <>
      {p.value && <p class="prose pre-line">{p.value}</p>}
      {p.files?.map((f) => (
        <p key={f.id}>
          <a href={`/village-conferences/${p.c}/files/${f.id}`}>{f.filename}</a> <span class="muted">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
        </p>
      ))}
    </>
  );
}

export function ConferenceDetailPage(p: { view: ViewCtx; m: ConferenceDetailModel }) {
  const { view, m } = p;
  const { t } = view;
  const { c } = m;
  const e = m.errors ?? {};
  const v = m.values;
  const title = t('dialogue.conf.title', { village: m.village.name, year: c.year });
  const filesOf = (part: string) => m.files.filter((f) => f.part === part);
  const agreements = [
    ['committee', c.committee_agreed_on, c.committee_agreed_by],
    ['front', c.front_agreed_on, c.front_agreed_by],
    ['board', c.board_agreed_on, c.board_agreed_by],
  ] as const;
  const agenda: [Tk, string | null, ConferenceFile[]?][] = [
    ['dialogue.agenda.opening', c.secretary ? t('dialogue.agenda.secretaryIs', { name: c.secretary }) : null],
    ['dialogue.agenda.headReport', c.head_report, filesOf('head_report')],
    ['dialogue.agenda.frontReport', c.front_report, filesOf('front_report')],
    ['dialogue.agenda.boardReport', c.board_report, filesOf('board_report')],
    ['dialogue.agenda.discussion', c.discussion],
    ['dialogue.agenda.explanation', c.explanation],
    ['dialogue.agenda.adopted', c.adopted],
    ['dialogue.agenda.commendations', c.commendations],
    ['dialogue.agenda.conclusion', c.conclusion],
  ];
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${m.commune.id}`, label: m.commune.name },
        { href: `/units/${m.commune.id}/village-conferences?year=${c.year}`, label: t('dialogue.conf.list.short') },
      ]}
    >
      <h1>{title}</h1>
      <p>
        <ConferenceState view={view} state={m.state} />
        {m.early && <span class="muted"> {t('dialogue.conf.earlyLong')}</span>}
      </p>
      <ErrorSummary view={view} errors={m.errors} />
      <h2>{t('dialogue.conf.planTitle')}</h2>
      <dl class="kv">
        <dt>{t('dialogue.detail.when')}</dt>
        <dd>
          {c.start_time} {formatDate(c.conference_on)}
        </dd>
        <dt>{t('dialogue.field.place')}</dt>
        <dd>{c.place}</dd>
        <dt>{t('dialogue.plan.content')}</dt>
        <dd class="pre-line">{c.content}</dd>
        <dt>{t('dialogue.plan.tasks')}</dt>
        <dd class="pre-line">{c.tasks}</dd>
        <dt>{t('dialogue.plan.sentOn')}</dt>
        <dd>{formatDate(c.plan_sent_on)}</dd>
        <dt>{t('dialogue.plan.noticeOn')}</dt>
        <dd>
          {formatDate(c.notice_on)} ({t(`dialogue.notice.${c.notice_method}` as Tk)})
        </dd>
      </dl>
      {m.can.plan && c.status === 'planned' && (
        <p>
          <a href={`/units/${m.village.id}/village-conferences/new`}>{t('dialogue.conf.editPlan')}</a>
        </p>
      )}
      <h2>{t('dialogue.conf.agreements')}</h2>
      <ul>
        {agreements.map(([body, on, by]) => (
          <li key={body}>
            {t(`dialogue.body.${body}`)}:{' '}
            {on ? t('dialogue.conf.agreedOn', { date: formatDate(on), who: by ?? '' }) : <span class="muted">{t('dialogue.conf.notAgreed')}</span>}
          </li>
        ))}
      </ul>
      {m.can.agree.map((body) => (
        <PostForm key={body} view={view} action={`/village-conferences/${c.id}/agreement`} class="card">
          <input type="hidden" name="body" value={body} />
          <TextField
            name="agreedOn"
            label={t('dialogue.conf.agreeAs', { body: t(`dialogue.body.${body}`) })}
            hint={t('dialogue.field.dateHint')}
            value={v.agreedOn}
            error={e.agreedOn}
            inputMode="numeric"
          />
          <button class="btn" type="submit">
            {t('dialogue.conf.agreeSubmit')}
          </button>
        </PostForm>
      ))}

      {c.status !== 'planned' && (
        <>
          <h2>{t('dialogue.conf.heldTitle', { date: formatDate(c.held_on) })}</h2>
          <p>{t('dialogue.conf.present', { n: formatNumber(c.households_present ?? 0) })}</p>
          <ol>
            {agenda.map(([key, value, files]) => (
              <li key={key}>
                <strong>{t(key)}</strong>
                <Text value={value} files={files} c={c.id} />
              </li>
            ))}
          </ol>
        </>
      )}
      {c.status === 'reported' && (
        <section aria-labelledby="h-result">
          <h2 id="h-result">{t('dialogue.result.title')}</h2>
          <p>{t('dialogue.result.sentOn', { date: formatDate(c.result_sent_on) })}</p>
          <Text value={c.result_report} files={filesOf('result_report')} c={c.id} />
        </section>
      )}

      {m.can.run && c.status === 'planned' && (
        <section aria-labelledby="h-record" class="card">
          <h2 id="h-record">{t('dialogue.conf.recordTitle')}</h2>
          <p>{t('dialogue.conf.recordLead', { mb: m.maxUploadMb })}</p>
          <form method="post" action={`/village-conferences/${c.id}/held`} enctype="multipart/form-data" noValidate>
            <input type="hidden" name="_csrf" value={view.csrf()} />
            <div class="row">
              <TextField
                name="heldOn"
                label={t('dialogue.held.heldOn')}
                hint={t('dialogue.field.dateHint')}
                value={v.heldOn}
                error={e.heldOn}
                inputMode="numeric"
              />
              <TextField
                name="householdsPresent"
                label={t('dialogue.conf.householdsPresent')}
                value={v.householdsPresent}
                error={e.householdsPresent}
                inputMode="numeric"
              />
            </div>
            <TextField name="secretary" label={t('dialogue.conf.secretary')} hint={t('dialogue.conf.secretaryHint')} value={v.secretary} error={e.secretary} />
            <TextArea name="headReport" label={t('dialogue.agenda.headReport')} value={v.headReport} error={e.headReport} rows={5} />
            <FileField
              again={Object.keys(e).length ? t('form.filesAgain') : undefined}
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx"
              name="head_report"
              label={t('dialogue.conf.fileOf', { part: t('dialogue.agenda.headReport') })}
              hint={t('dialogue.conf.fileHint')}
            />
            <TextArea name="frontReport" label={t('dialogue.agenda.frontReport')} value={v.frontReport} error={e.frontReport} rows={5} />
            <FileField
              again={Object.keys(e).length ? t('form.filesAgain') : undefined}
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx"
              name="front_report"
              label={t('dialogue.conf.fileOf', { part: t('dialogue.agenda.frontReport') })}
              hint={t('dialogue.conf.fileHint')}
            />
            <TextArea name="boardReport" label={t('dialogue.agenda.boardReport')} value={v.boardReport} error={e.boardReport} rows={5} />
            <FileField
              again={Object.keys(e).length ? t('form.filesAgain') : undefined}
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx"
              name="board_report"
              label={t('dialogue.conf.fileOf', { part: t('dialogue.agenda.boardReport') })}
              hint={t('dialogue.conf.fileHint')}
            />
            <TextArea name="discussion" label={t('dialogue.agenda.discussion')} value={v.discussion} error={e.discussion} rows={4} />
            <TextArea name="explanation" label={t('dialogue.agenda.explanation')} value={v.explanation} error={e.explanation} rows={4} />
            <TextArea name="adopted" label={t('dialogue.agenda.adopted')} value={v.adopted} error={e.adopted} rows={3} />
            <TextArea name="commendations" label={t('dialogue.agenda.commendations')} value={v.commendations} error={e.commendations} rows={3} />
            <TextArea name="conclusion" label={t('dialogue.agenda.conclusion')} value={v.conclusion} error={e.conclusion} rows={3} />
            <button class="btn" type="submit">
              {t('dialogue.conf.recordSubmit')}
            </button>
          </form>
        </section>
      )}
      {m.can.run && c.status === 'held' && (
        <section aria-labelledby="h-send" class="card">
          <h2 id="h-send">{t('dialogue.result.formTitle')}</h2>
          <p>{t('dialogue.result.lead')}</p>
          <form method="post" action={`/village-conferences/${c.id}/result`} enctype="multipart/form-data" noValidate>
            <input type="hidden" name="_csrf" value={view.csrf()} />
            <TextArea name="resultReport" label={t('dialogue.result.field')} value={v.resultReport} error={e.resultReport} rows={8} />
            <FileField
              again={Object.keys(e).length ? t('form.filesAgain') : undefined}
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx"
              name="result_report"
              label={t('dialogue.conf.fileOf', { part: t('dialogue.result.field') })}
              hint={t('dialogue.conf.fileHint')}
            />
            <TextField
              name="sentOn"
              label={t('dialogue.result.sentOnField')}
              hint={t('dialogue.field.dateHint')}
              value={v.sentOn}
              error={e.sentOn}
              inputMode="numeric"
            />
            <button class="btn" type="submit">
              {t('dialogue.result.submit')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
