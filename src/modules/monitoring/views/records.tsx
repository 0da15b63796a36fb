// Officials' records with evidence (issue 9 item 3): one form for the five kinds, the unit's records
// below it; and the page where an admin loads another council's resolution as a catalogue (item 1).

import type { Unit } from '../../../db/types.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, FileField, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { RecordInput } from '../commands.js';
import { RECORD_KINDS, SUBKINDS } from '../tables.js';

type Row = {
  id: number;
  kind: string;
  subkind: string;
  title: string;
  held_on: string;
  required: number | null;
  people: number | null;
  planned: number | string | null;
  spent: number | string | null;
  evidence_note: string | null;
  evidence_file_id: number | null;
  filename: string | null;
  created_by: string;
};

export function RecordsPage(p: { view: ViewCtx; unit: Unit; rows: Row[]; input: RecordInput; errors?: FieldErrors }) {
  const { view, unit, input } = p;
  const { t } = view;
  const e = p.errors ?? {};
  const title = t('monitoring.records.title', { unit: unit.name });
  const n = (v: number | string | null) => (v === null ? '' : formatNumber(Number(v)));
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/monitoring/units/${unit.id}`, label: t('monitoring.title', { unit: unit.name }) }]}>
      <h1>{title}</h1>
      <p class="lead">{t('monitoring.records.lead')}</p>
      <ErrorSummary view={view} errors={p.errors} />
      <form method="post" action={`/monitoring/units/${unit.id}/records`} enctype="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={view.csrf()} />
        <SelectField
          name="kind"
          label={t('monitoring.field.kind')}
          value={input.kind}
          error={e.kind}
          options={RECORD_KINDS.map((k) => ({ value: k, label: t(`monitoring.kind.${k}`) }))}
        />
        <SelectField
          name="subkind"
          label={t('monitoring.field.subkind')}
          hint={t('monitoring.field.subkindHint')}
          value={input.subkind}
          error={e.subkind}
          options={RECORD_KINDS.flatMap((k) =>
            SUBKINDS[k].map((s) => ({ value: s, label: `${t(`monitoring.kind.${k}`)}: ${t(`monitoring.sub.${s}` as 'monitoring.sub.roster')}` })),
          )}
        />
        <TextField name="title" label={t('monitoring.field.title')} hint={t('monitoring.field.titleHint')} value={input.title} error={e.title} />
        <TextField
          name="heldOn"
          label={t('monitoring.field.heldOn')}
          hint={t('monitoring.field.dateHint')}
          value={input.heldOn}
          error={e.heldOn}
          inputMode="numeric"
        />
        <div class="row">
          <TextField
            name="required"
            label={t('monitoring.field.required')}
            hint={t('monitoring.field.requiredHint')}
            value={input.required}
            error={e.required}
            inputMode="numeric"
          />
          <TextField
            name="people"
            label={t('monitoring.field.people')}
            hint={t('monitoring.field.peopleHint')}
            value={input.people}
            error={e.people}
            inputMode="numeric"
          />
        </div>
        <div class="row">
          <TextField
            name="planned"
            label={t('monitoring.field.planned')}
            hint={t('monitoring.field.moneyHint')}
            value={input.planned}
            error={e.planned}
            inputMode="numeric"
          />
          <TextField
            name="spent"
            label={t('monitoring.field.spent')}
            hint={t('monitoring.field.moneyHint')}
            value={input.spent}
            error={e.spent}
            inputMode="numeric"
          />
        </div>
        <FileField
          name="evidence"
          label={t('monitoring.field.evidence')}
          hint={t('monitoring.field.evidenceHint')}
          error={e.evidence}
          again={Object.keys(e).length ? t('form.filesAgain') : undefined}
        />
        <TextArea name="evidenceNote" label={t('monitoring.field.evidenceNote')} value={input.evidenceNote} rows={3} />
        <button type="submit" class="btn">
          {t('monitoring.records.submit')}
        </button>
      </form>
      <h2>{t('monitoring.records.list')}</h2>
      {p.rows.length === 0 ? (
        <p>{t('monitoring.records.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.field.heldOn')}</th>
              <th scope="col">{t('monitoring.field.kind')}</th>
              <th scope="col">{t('monitoring.field.title')}</th>
              <th scope="col">{t('monitoring.col.figures')}</th>
              <th scope="col">{t('monitoring.field.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.held_on)}</td>
                <td>
                  {t(`monitoring.kind.${r.kind}` as 'monitoring.kind.training')}: {t(`monitoring.sub.${r.subkind}` as 'monitoring.sub.roster')}
                </td>
                <td>{r.title}</td>
                <td>
                  {r.kind === 'funding'
                    ? t('monitoring.records.money', { planned: n(r.planned), spent: n(r.spent) })
                    : r.subkind === 'roster'
                      ? t('monitoring.records.required', { n: n(r.required) })
                      : t('monitoring.records.people', { n: n(r.people) })}
                </td>
                <td>{r.filename ? <a href={`/monitoring/records/${r.id}/evidence`}>{r.filename}</a> : r.evidence_note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function CataloguePage(p: {
  view: ViewCtx;
  rows: { key: string; title: string; loaded_by: string; loaded_at: string }[];
  text: string;
  errors?: FieldErrors;
}) {
  const { view } = p;
  const { t } = view;
  return (
    <Layout view={view} title={t('monitoring.catalogue.title')} crumbs={[{ href: '/monitoring', label: t('monitoring.short') }]}>
      <h1>{t('monitoring.catalogue.title')}</h1>
      <p class="lead">{t('monitoring.catalogue.lead')}</p>
      <ul>
        <li>na-ri-2024 ({t('monitoring.catalogue.default')})</li>
        {p.rows.map((r) => (
          <li key={r.key}>
            <a href={`/monitoring?catalogue=${r.key}`}>{r.key}</a>: {r.title}{' '}
            <span class="muted">
              ({r.loaded_by}, {formatDate(r.loaded_at)})
            </span>
          </li>
        ))}
      </ul>
      <ErrorSummary view={view} errors={p.errors} />
      <PostForm view={view} action="/monitoring/catalogues">
        <TextArea name="text" label={t('monitoring.catalogue.field')} hint={t('monitoring.catalogue.hint')} value={p.text} error={p.errors?.text} rows={16} />
        <button type="submit" class="btn">
          {t('monitoring.catalogue.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
