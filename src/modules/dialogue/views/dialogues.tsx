// A commune's (or an agency's) dialogues of a year with the R-G2 flag, and the scheduling form.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ScheduleInput } from '../commands/dialogue.js';
import type { DialogueListRow } from '../dialogue.repo.js';
import type { DialogueYearState } from '../rules/yearly.js';

export type Place = { name: string; base: string; unitHref: string; agency: boolean; provinceId?: number };

/** The R-G2 flag of a year: met, scheduled, due or missing (Law 10/2022 Art 32). */
export function DialogueFlag(p: { view: ViewCtx; year: number; state: DialogueYearState; agency?: boolean }) {
  const { t } = p.view;
  const key = `dialogue.flag.${p.state}${p.agency ? 'Agency' : ''}` as const;
  // Art 59(1)(b) sets no yearly number for agencies: their flag informs, it does not mark a breach.
  const cls = p.state === 'held' ? 'tag ok' : p.state === 'missing' && !p.agency ? 'tag ended' : 'tag';
  return (
    <p class="flagline">
      <span class={cls}>{t(`dialogue.flag.tag.${p.state}`)}</span> {t(key as Parameters<typeof t>[0], { year: p.year })}
    </p>
  );
}

export function DialogueListPage(p: {
  view: ViewCtx;
  m: {
    place: Place;
    year: number;
    years: number[];
    state: DialogueYearState;
    lastYear: { year: number; state: DialogueYearState };
    rows: DialogueListRow[];
    canManage: boolean;
    now: string;
  };
}) {
  const { view, m } = p;
  const { t } = view;
  const upcoming = m.rows.filter((r) => r.status === 'scheduled');
  const held = m.rows.filter((r) => r.status === 'held');
  const title = t(m.place.agency ? 'dialogue.list.titleAgency' : 'dialogue.list.title', { unit: m.place.name });
  const item = (r: DialogueListRow) => (
    <li key={r.id}>
      <a href={`/dialogues/${r.id}`}>
        {r.topic}
        <span class="muted">
          {' '}
          · {formatDateTime(r.starts_at)} · {r.place} ·{' '}
          {t('dialogue.list.counts', { questions: formatNumber(r.questions), answered: formatNumber(r.answered) })}
          {r.status === 'held' && !r.minutes_published_at ? ` · ${t('dialogue.list.noMinutes')}` : ''}
        </span>
      </a>
    </li>
  );
  return (
    <Layout view={view} title={title} crumbs={[{ href: m.place.unitHref, label: m.place.name }]}>
      <h1>{title}</h1>
      <p class="lead">{t(m.place.agency ? 'dialogue.list.leadAgency' : 'dialogue.list.lead')}</p>
      <DialogueFlag view={view} year={m.year} state={m.state} agency={m.place.agency} />
      {m.lastYear.state === 'missing' && <DialogueFlag view={view} year={m.lastYear.year} state="missing" agency={m.place.agency} />}
      {m.canManage && (
        <p>
          <a class="btn" href={`${m.place.base}/new`}>
            {t('dialogue.list.schedule')}
          </a>
        </p>
      )}
      <nav aria-label={t('dialogue.list.years')}>
        {m.years.map((y, i) => (
          <span key={y}>
            {i > 0 && ' · '}
            {y === m.year ? <strong>{y}</strong> : <a href={`${m.place.base}?year=${y}`}>{y}</a>}
          </span>
        ))}
      </nav>
      <h2>{t('dialogue.list.upcoming')}</h2>
      {upcoming.length ? <ul class="list">{upcoming.map(item)}</ul> : <p class="muted">{t('dialogue.list.noneUpcoming')}</p>}
      <h2>{t('dialogue.list.held')}</h2>
      {held.length ? <ul class="list">{held.map(item)}</ul> : <p class="muted">{t('dialogue.list.noneHeld', { year: m.year })}</p>}
      {m.place.provinceId && (
        <p>
          <a href={`/units/${m.place.provinceId}/dialogue-compliance?year=${m.year}`}>{t('dialogue.compliance.link')}</a>
        </p>
      )}
    </Layout>
  );
}

export function ScheduleFormPage(p: { view: ViewCtx; m: { place: Place; values: ScheduleInput; errors?: FieldErrors } }) {
  const { view, m } = p;
  const { t } = view;
  const e = m.errors ?? {};
  const title = t(m.place.agency ? 'dialogue.form.titleAgency' : 'dialogue.form.title');
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: m.place.unitHref, label: m.place.name },
        { href: m.place.base, label: t('dialogue.list.short') },
      ]}
    >
      <h1>{title}</h1>
      <p>{t(m.place.agency ? 'dialogue.form.leadAgency' : 'dialogue.form.lead')}</p>
      <ErrorSummary view={view} errors={m.errors} />
      <PostForm view={view} action={m.place.base}>
        <TextField name="topic" label={t('dialogue.field.topic')} hint={t('dialogue.field.topicHint')} value={m.values.topic} error={e.topic} />
        <div class="row">
          <TextField
            name="date"
            label={t('dialogue.field.date')}
            hint={t('dialogue.field.dateHint')}
            value={m.values.date}
            error={e.date}
            inputMode="numeric"
          />
          <TextField name="time" label={t('dialogue.field.time')} hint={t('dialogue.field.timeHint')} value={m.values.time} error={e.time} />
        </div>
        <TextField name="place" label={t('dialogue.field.place')} value={m.values.place} error={e.place} />
        <TextField
          name="coOrganiser"
          label={t(m.place.agency ? 'dialogue.field.coOrganiserAgency' : 'dialogue.field.coOrganiser')}
          hint={t(m.place.agency ? 'dialogue.field.coOrganiserAgencyHint' : 'dialogue.field.coOrganiserHint')}
          value={m.values.coOrganiser}
          error={e.coOrganiser}
        />
        <button class="btn" type="submit">
          {t('dialogue.form.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

export const heldLine = (t: ViewCtx['t'], r: { held_on: string | null }) => (r.held_on ? t('dialogue.detail.heldOn', { date: formatDate(r.held_on) }) : '');
