// An agency's workplace democracy page: its regulation and versions (Art 59(1)(a)), its staff count,
// its staff conferences with the R-G3 flag (Arts 50–52), and the form to record a conference.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ConferenceInput } from '../commands/conference.js';
import type { YearState } from '../rules/conference.js';
import type { WorkplaceConference, WorkplaceRegulation } from '../tables.js';
import { ConferenceTag, RegulationLine } from './register.js';

type Place = { id: number; name: string; unitId: number; unitName: string };

export function Versions(p: { view: ViewCtx; rows: WorkplaceRegulation[]; readable: Set<number> }) {
  const { t } = p.view;
  if (p.rows.length === 0) return null;
  return (
    <table>
      <caption>{t('workplace.reg.versions')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workplace.reg.version')}</th>
          <th scope="col">{t('workplace.field.number')}</th>
          <th scope="col">{t('workplace.field.inForceFrom')}</th>
          <th scope="col">{t('workplace.reg.status')}</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr key={r.id}>
            <td>
              {r.version} · {t(`workplace.kind.${r.kind}`)}
            </td>
            <td>
              {r.issued_number} · {r.title}
              {p.readable.has(r.consultation_id) && (
                <>
                  {' · '}
                  <a href={`/consultations/${r.consultation_id}`}>{t('workplace.reg.consultation')}</a>
                </>
              )}
            </td>
            <td>{formatDate(r.in_force_from)}</td>
            <td>{t(`workplace.reg.status.${r.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgencyPage(p: {
  view: ViewCtx;
  m: {
    a: Place;
    regulations: WorkplaceRegulation[];
    readableConsultations: Set<number>;
    staff: { staff: number; counted_on: string } | null;
    conferences: WorkplaceConference[];
    workYear: number;
    state: YearState;
    review: { id: number; due: string; overdue: boolean } | null;
    canIssue: boolean;
    canRecord: boolean;
    staffValues: { staff: string; countedOn: string };
    errors?: FieldErrors;
  };
}) {
  const { view, m } = p;
  const { t } = view;
  const e = m.errors ?? {};
  const title = t('workplace.agency.title', { name: m.a.name });
  const current = m.regulations.find((r) => r.status === 'in_force') ?? null;
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.a.unitId}/regulations`, label: t('workplace.register.short', { unit: m.a.unitName }) }]}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      <h2>{t('workplace.agency.regulation')}</h2>
      <p>
        <RegulationLine view={view} r={current} />
      </p>
      <Versions view={view} rows={m.regulations} readable={m.readableConsultations} />
      {m.canIssue && (
        <p>
          <a class="btn sec" href={`/agencies/${m.a.id}/regulations/new`}>
            {t('workplace.agency.issue')}
          </a>{' '}
          <a href={`/agencies/${m.a.id}/consultations`}>{t('workplace.agency.consultations')}</a>
        </p>
      )}
      <h2>{t('workplace.agency.staff')}</h2>
      <p>{m.staff ? t('workplace.staff.line', { n: formatNumber(m.staff.staff), date: formatDate(m.staff.counted_on) }) : t('workplace.staff.none')}</p>
      {m.canRecord && (
        <PostForm view={view} action={`/agencies/${m.a.id}/staff-count`}>
          <div class="row">
            <TextField name="staff" label={t('workplace.field.staff')} value={m.staffValues.staff} error={e.staff} inputMode="numeric" />
            <TextField
              name="countedOn"
              label={t('workplace.field.countedOn')}
              hint="dd/mm/yyyy"
              value={m.staffValues.countedOn}
              error={e.countedOn}
              inputMode="numeric"
            />
          </div>
          <button class="btn sec" type="submit">
            {t('workplace.staff.submit')}
          </button>
        </PostForm>
      )}
      <h2>{t('workplace.agency.conferences')}</h2>
      <p class="flagline">
        <ConferenceTag view={view} state={m.state} year={m.workYear} /> {t(`workplace.conf.explain.${m.state}`, { year: m.workYear })}
      </p>
      {m.review && (
        <p class="flagline">
          <span class={m.review.overdue ? 'tag ended' : 'tag'}>{t(m.review.overdue ? 'workplace.rev.overdue' : 'workplace.rev.due')}</span>{' '}
          <a href={`/staff-conferences/${m.review.id}`}>{t('workplace.rev.next', { date: formatDate(m.review.due) })}</a>
        </p>
      )}
      {m.canRecord && (
        <p>
          <a class="btn" href={`/agencies/${m.a.id}/staff-conferences/new`}>
            {t('workplace.agency.record')}
          </a>
        </p>
      )}
      {m.conferences.length ? (
        <ul class="list">
          {m.conferences.map((c) => (
            <li key={c.id}>
              <a href={`/staff-conferences/${c.id}`}>
                {t('workplace.conf.item', { year: c.work_year, date: formatDate(c.held_on) })}
                <span class="muted">
                  {' '}
                  · {t(`workplace.form.${c.form}`)} · {t(`workplace.outcome.${c.outcome}`)}
                  {c.late ? ` · ${t('workplace.conf.late')}` : ''}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('workplace.conf.none')}</p>
      )}
    </Layout>
  );
}

export function ConferenceFormPage(p: { view: ViewCtx; m: { a: Place; values: ConferenceInput; errors?: FieldErrors } }) {
  const { view, m } = p;
  const { t } = view;
  const e = m.errors ?? {};
  const v = m.values;
  const title = t('workplace.confForm.title', { name: m.a.name });
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/agencies/${m.a.id}/workplace`, label: m.a.name }]}>
      <h1>{title}</h1>
      <p>{t('workplace.confForm.lead')}</p>
      <ErrorSummary view={view} errors={m.errors} />
      <PostForm view={view} action={`/agencies/${m.a.id}/staff-conferences`}>
        <div class="row">
          <TextField name="workYear" label={t('workplace.field.workYear')} value={v.workYear} error={e.workYear} inputMode="numeric" />
          <TextField
            name="heldOn"
            label={t('workplace.field.heldOn')}
            hint={t('workplace.field.heldOnHint')}
            value={v.heldOn}
            error={e.heldOn}
            inputMode="numeric"
          />
        </div>
        <SelectField
          name="form"
          label={t('workplace.field.form')}
          hint={t('workplace.field.formHint')}
          value={v.form}
          error={e.form}
          options={(['plenary', 'delegates', 'ballot'] as const).map((f) => ({ value: f, label: t(`workplace.form.${f}`) }))}
        />
        <label class="check">
          <input type="checkbox" name="dispersed" value="1" checked={v.dispersed} /> {t('workplace.field.dispersed')}
        </label>
        <label class="check">
          <input type="checkbox" name="forceMajeure" value="1" checked={v.forceMajeure} /> {t('workplace.field.forceMajeure')}
        </label>
        <SelectField
          name="convocation"
          label={t('workplace.field.convocation')}
          value={v.convocation}
          options={[
            { value: '1', label: t('workplace.convocation.1') },
            { value: '2', label: t('workplace.convocation.2') },
          ]}
        />
        <div class="row">
          <TextField
            name="delegates"
            label={t('workplace.field.delegates')}
            hint={t('workplace.field.delegatesHint')}
            value={v.delegates}
            error={e.delegates}
            inputMode="numeric"
          />
          <TextField
            name="present"
            label={t('workplace.field.present')}
            hint={t('workplace.field.presentHint')}
            value={v.present}
            error={e.present}
            inputMode="numeric"
          />
        </div>
        <SelectField
          name="outcome"
          label={t('workplace.field.outcome')}
          value={v.outcome}
          error={e.outcome}
          options={(['valid', 'no_quorum'] as const).map((o) => ({ value: o, label: t(`workplace.outcome.${o}`) }))}
        />
        <TextArea name="agenda" label={t('workplace.field.agenda')} hint={t('workplace.field.agendaHint')} value={v.agenda} error={e.agenda} rows={6} />
        <button class="btn" type="submit">
          {t('workplace.confForm.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
