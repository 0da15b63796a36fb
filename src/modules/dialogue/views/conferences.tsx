// Village conferences (Law 10/2022 Art 33; Decree 59/2023 Arts 10–11; R-G1): the commune's view of
// its villages for a year (flagging those without one) and the plan form; one conference: conference-detail.tsx.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { NOTICE_METHODS, type PlanInput } from '../commands/conference.js';
import type { ConferenceYearState } from '../rules/yearly.js';

export function ConferenceState(p: { view: ViewCtx; state: ConferenceYearState }) {
  const cls = p.state === 'missing' ? 'tag ended' : p.state === 'reported' || p.state === 'held' ? 'tag ok' : 'tag';
  return <span class={cls}>{p.view.t(`dialogue.conf.state.${p.state}`)}</span>;
}

export type ConferenceListModel = {
  commune: { id: number; name: string };
  year: number;
  years: number[];
  rows: {
    village: { id: number; name: string };
    state: ConferenceYearState;
    conference?: { id: number; conference_on: string; held_on: string | null; early: boolean; awaiting: ('committee' | 'front' | 'board')[] };
    canPlan: boolean;
  }[];
};

export function ConferenceListPage(p: { view: ViewCtx; m: ConferenceListModel }) {
  const { view, m } = p;
  const { t } = view;
  const title = t('dialogue.conf.list.title', { unit: m.commune.name, year: m.year });
  const missing = m.rows.filter((r) => r.state === 'missing').length;
  const notYet = m.rows.filter((r) => r.state === 'due' || r.state === 'planned').length;
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.commune.id}`, label: m.commune.name }]}>
      <h1>{title}</h1>
      <p class="lead">{t('dialogue.conf.list.lead')}</p>
      {missing > 0 && (
        <p>
          <span class="tag ended">{t('dialogue.conf.state.missing')}</span> {t('dialogue.conf.list.missing', { n: formatNumber(missing), year: m.year })}
        </p>
      )}
      {missing === 0 && notYet > 0 && <p>{t('dialogue.conf.list.notYet', { n: formatNumber(notYet), year: m.year })}</p>}
      <nav aria-label={t('dialogue.list.years')}>
        {m.years.map((y, i) => (
          <span key={y}>
            {i > 0 && ' · '}
            {y === m.year ? <strong>{y}</strong> : <a href={`/units/${m.commune.id}/village-conferences?year=${y}`}>{y}</a>}
          </span>
        ))}
      </nav>
      <table>
        <caption class="muted">{t('dialogue.conf.list.caption', { year: m.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dialogue.conf.village')}</th>
            <th scope="col">{t('dialogue.detail.status')}</th>
            <th scope="col">{t('dialogue.conf.date')}</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.village.id}>
              <td>{r.conference ? <a href={`/village-conferences/${r.conference.id}`}>{r.village.name}</a> : r.village.name}</td>
              <td>
                <ConferenceState view={view} state={r.state} />
                {r.conference?.early && <span class="muted"> {t('dialogue.conf.early')}</span>}
                {!!r.conference?.awaiting.length && (
                  <span class="muted"> {t('dialogue.conf.awaiting', { bodies: r.conference.awaiting.map((b) => t(`dialogue.body.${b}`)).join(', ') })}</span>
                )}
              </td>
              <td>
                {r.conference ? formatDate(r.conference.held_on ?? r.conference.conference_on) : ''}
                {r.canPlan && (
                  <a href={`/units/${r.village.id}/village-conferences/new`}>{t(r.conference ? 'dialogue.conf.editPlan' : 'dialogue.conf.plan')}</a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function PlanFormPage(p: {
  view: ViewCtx;
  m: { village: { id: number; name: string }; commune: { id: number; name: string }; values: PlanInput; errors?: FieldErrors };
}) {
  const { view, m } = p;
  const { t } = view;
  const e = m.errors ?? {};
  const v = m.values;
  const title = t('dialogue.plan.title', { village: m.village.name });
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${m.commune.id}`, label: m.commune.name },
        { href: `/units/${m.commune.id}/village-conferences`, label: t('dialogue.conf.list.short') },
      ]}
    >
      <h1>{title}</h1>
      <p>{t('dialogue.plan.lead')}</p>
      <ErrorSummary view={view} errors={m.errors} />
      <PostForm view={view} action={`/units/${m.village.id}/village-conferences`}>
        <div class="row">
          <TextField
            name="conferenceOn"
            label={t('dialogue.conf.date')}
            hint={t('dialogue.field.dateHint')}
            value={v.conferenceOn}
            error={e.conferenceOn}
            inputMode="numeric"
          />
          <TextField name="startTime" label={t('dialogue.field.time')} hint={t('dialogue.field.timeHint')} value={v.startTime} error={e.startTime} />
        </div>
        <TextField name="place" label={t('dialogue.field.place')} value={v.place} error={e.place} />
        <TextArea name="content" label={t('dialogue.plan.content')} hint={t('dialogue.plan.contentHint')} value={v.content} error={e.content} rows={5} />
        <TextArea name="tasks" label={t('dialogue.plan.tasks')} hint={t('dialogue.plan.tasksHint')} value={v.tasks} error={e.tasks} rows={4} />
        <TextField
          name="planSentOn"
          label={t('dialogue.plan.sentOn')}
          hint={t('dialogue.plan.sentOnHint')}
          value={v.planSentOn}
          error={e.planSentOn}
          inputMode="numeric"
        />
        <div class="row">
          <TextField
            name="noticeOn"
            label={t('dialogue.plan.noticeOn')}
            hint={t('dialogue.plan.noticeOnHint')}
            value={v.noticeOn}
            error={e.noticeOn}
            inputMode="numeric"
          />
          <SelectField
            name="noticeMethod"
            label={t('dialogue.plan.noticeMethod')}
            value={v.noticeMethod}
            error={e.noticeMethod}
            options={NOTICE_METHODS.map((x) => ({ value: x, label: t(`dialogue.notice.${x}`) }))}
          />
        </div>
        <button class="btn" type="submit">
          {t('dialogue.plan.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
