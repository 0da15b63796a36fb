// The register of democracy regulations (T-2.4): per commune and per agency, the regulation in force or
// a flag that there is none, and each agency's staff-conference flag (R-G3); and the issue form (R-D4).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { IssueInput } from '../commands/regulation.js';
import type { YearState } from '../rules/conference.js';
import type { WorkplaceRegulation } from '../tables.js';
import type { RegisterRow } from '../workplace.repo.js';

export function ConferenceTag(p: { view: ViewCtx; state: YearState; year: number }) {
  const cls = p.state === 'held' ? 'tag ok' : p.state === 'missing' || p.state === 'held_late' ? 'tag ended' : 'tag';
  return <span class={cls}>{p.view.t(`workplace.conf.state.${p.state}`, { year: p.year })}</span>;
}

export function RegulationLine(p: { view: ViewCtx; r: WorkplaceRegulation | null }) {
  const { t } = p.view;
  if (!p.r) return <span class="tag ended">{t('workplace.reg.none')}</span>;
  return (
    <span>
      <span class="tag ok">{t('workplace.reg.inForce')}</span>{' '}
      {t('workplace.reg.line', { number: p.r.issued_number, date: formatDate(p.r.issued_on), signer: p.r.signer, version: p.r.version })}
    </span>
  );
}

export function RegisterPage(p: {
  view: ViewCtx;
  m: { unit: { id: number; name: string }; rows: RegisterRow[]; workYear: number; canIssue: boolean; agencyHref: (id: number) => string | null };
}) {
  const { view, m } = p;
  const { t } = view;
  const title = t('workplace.register.title', { unit: m.unit.name });
  const inForce = m.rows.filter((r) => r.regulation).length;
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      <p class="lead">{t('workplace.register.lead')}</p>
      <p>
        <strong>{t('workplace.register.count', { n: formatNumber(inForce), total: formatNumber(m.rows.length) })}</strong>
      </p>
      {m.canIssue && (
        <p>
          <a class="btn" href={`/units/${m.unit.id}/regulations/new`}>
            {t('workplace.register.issueCommune')}
          </a>
        </p>
      )}
      <table>
        <caption>{t('workplace.register.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workplace.register.holder')}</th>
            <th scope="col">{t('workplace.register.regulation')}</th>
            <th scope="col">{t('workplace.register.conference', { year: m.workYear })}</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => {
            const href = r.agencyId ? m.agencyHref(r.agencyId) : null;
            return (
              <tr key={`${r.unitId}-${r.agencyId ?? 0}`}>
                <th scope="row">
                  {href ? <a href={href}>{r.name}</a> : r.name}
                  <span class="muted"> · {t(r.agencyId ? 'workplace.register.agency' : 'workplace.register.commune')}</span>
                </th>
                <td>
                  <RegulationLine view={view} r={r.regulation} />
                </td>
                <td>
                  {r.conference ? <ConferenceTag view={view} state={r.conference} year={m.workYear} /> : <span class="muted">—</span>}
                  {r.staff !== null && <span class="muted"> · {t('workplace.staff.short', { n: formatNumber(r.staff) })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted">{t('workplace.register.api', { url: `/api/v1/regulations?unit=${m.unit.id}` })}</p>
    </Layout>
  );
}

export function IssueFormPage(p: {
  view: ViewCtx;
  m: {
    name: string;
    agency: boolean;
    back: string;
    action: string;
    consultations: { id: number; title: string }[];
    consultHref: string;
    values: IssueInput;
    errors?: FieldErrors;
  };
}) {
  const { view, m } = p;
  const { t } = view;
  const e = m.errors ?? {};
  const title = t('workplace.issue.title', { name: m.name });
  return (
    <Layout view={view} title={title} crumbs={[{ href: m.back, label: m.name }]}>
      <h1>{title}</h1>
      <p>{t(m.agency ? 'workplace.issue.leadAgency' : 'workplace.issue.leadCommune')}</p>
      {m.consultations.length === 0 && (
        <p class="flagline">
          <span class="tag ended">{t('workplace.issue.noConsultationTag')}</span> {t('workplace.issue.noConsultation')}{' '}
          <a href={m.consultHref}>{t('workplace.issue.toConsultations')}</a>
        </p>
      )}
      <ErrorSummary view={view} errors={m.errors} />
      <PostForm view={view} action={m.action}>
        <SelectField
          name="consultationId"
          label={t('workplace.field.consultation')}
          hint={t(m.agency ? 'workplace.field.consultationHintAgency' : 'workplace.field.consultationHintCommune')}
          value={m.values.consultationId}
          error={e.consultationId}
          options={[{ value: '', label: t('workplace.field.choose') }, ...m.consultations.map((c) => ({ value: String(c.id), label: c.title }))]}
        />
        <SelectField
          name="kind"
          label={t('workplace.field.kind')}
          value={m.values.kind}
          error={e.kind}
          options={(['original', 'amendment', 'replacement'] as const).map((k) => ({ value: k, label: t(`workplace.kind.${k}`) }))}
        />
        <TextField name="title" label={t('workplace.field.title')} value={m.values.title} error={e.title} />
        <div class="row">
          <TextField name="number" label={t('workplace.field.number')} hint={t('workplace.field.numberHint')} value={m.values.number} error={e.number} />
          <TextField name="issuedOn" label={t('workplace.field.issuedOn')} hint="dd/mm/yyyy" value={m.values.issuedOn} error={e.issuedOn} inputMode="numeric" />
          <TextField
            name="inForceFrom"
            label={t('workplace.field.inForceFrom')}
            hint={t('workplace.field.inForceFromHint')}
            value={m.values.inForceFrom}
            error={e.inForceFrom}
            inputMode="numeric"
          />
        </div>
        <TextField name="signer" label={t('workplace.field.signer')} hint={t('workplace.field.signerHint')} value={m.values.signer} error={e.signer} />
        <TextField
          name="partner"
          label={t(m.agency ? 'workplace.field.partnerAgency' : 'workplace.field.partnerCommune')}
          value={m.values.partner}
          error={e.partner}
        />
        <button class="btn" type="submit">
          {t('workplace.issue.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
