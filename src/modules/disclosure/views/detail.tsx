import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import { Markdown } from '../../../platform/ui/markdown.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { RELAY_FORMS } from '../commands/relay.js';
import { formLabel } from '../forms.js';
import { categoryLabelIn, type DisclosureView, stateLabel } from '../present.js';

export type DetailModel = {
  d: DisclosureView;
  unit: { id: number; name: string };
  villages: { id: number; name: string }[];
  forms: { form: string; start: string; end: string | null; detail: string | null; village: string | null }[];
  files: { id: number; filename: string; size: number; version: number }[];
  versions: { version: number; changeNote: string | null; createdAt: string }[];
  qrSvg: string | null;
  can: { prepare: boolean; relayVillage: { id: number; name: string } | null; seeTimeliness: boolean };
  relayErrors?: FieldErrors;
  closeErrors?: FieldErrors;
};

const kb = (n: number) => `${formatNumber(Math.max(1, Math.round(n / 1024)))} KB`;

export function DisclosureDetailPage({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { d } = m;
  const t = view.t;
  const tag = d.state === 'current' ? 'tag ok' : d.state === 'draft' ? 'tag' : 'tag ended';
  return (
    <Layout
      view={view}
      title={d.title}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/disclosures`, label: t('disclosure.title') },
      ]}
    >
      <p>
        <span class={tag}>{stateLabel(t, d.state)}</span>{' '}
        <span class="muted">
          {t('disclosure.categoryN', { n: d.category })}: {categoryLabelIn(d, view.lang)}
        </span>
      </p>
      <h1>{d.title}</h1>
      <dl class="kv">
        {d.decision.number && (
          <>
            <dt>{t('disclosure.decision')}</dt>
            <dd>
              {d.decision.number}
              {d.decision.date && `, ${t('disclosure.dated', { date: formatDate(d.decision.date) })}`}
              {d.decision.signer && `, ${d.decision.signer}`}
            </dd>
          </>
        )}
        <dt>{t('disclosure.detail.from')}</dt>
        <dd>{d.postingStart ? formatDate(d.postingStart) : t('disclosure.notYetPublished')}</dd>
        <dt>{t('disclosure.detail.until')}</dt>
        <dd>{d.postingEnd ? formatDate(d.postingEnd) : d.postingStart ? t('disclosure.permanent') : '—'}</dd>
        <dt>{t('disclosure.audience')}</dt>
        <dd>{d.audience === 'all' ? t('disclosure.wholeCommune') : m.villages.map((v) => v.name).join(', ')}</dd>
        {d.version > 1 && (
          <>
            <dt>{t('disclosure.version')}</dt>
            <dd>{d.version}</dd>
          </>
        )}
        {d.timeliness && (m.can.seeTimeliness || d.status !== 'draft') && (
          <>
            <dt>{t('disclosure.detail.deadline')}</dt>
            <dd>
              {d.timeliness.status === 'on_time' ? (
                <span class="tag ok">{t('disclosure.onTime')}</span>
              ) : (
                <span class="tag ended">{t('disclosure.detail.late', { days: d.timeliness.workingDaysLate })}</span>
              )}{' '}
              {t('disclosure.detail.deadlineNote', { date: formatDate(d.timeliness.deadline) })}
              {d.timeliness.reason && <>. {t('disclosure.detail.reason', { reason: d.timeliness.reason })}</>}
            </dd>
          </>
        )}
        {d.statusReason && (
          <>
            <dt>{d.status === 'withdrawn' ? t('disclosure.detail.withdrawReason') : t('disclosure.detail.endReason')}</dt>
            <dd>{d.statusReason}</dd>
          </>
        )}
      </dl>
      {d.body && <Markdown text={d.body} />}
      {m.files.length > 0 && (
        <section aria-labelledby="h-files">
          <h2 id="h-files">{t('disclosure.attachments')}</h2>
          <ul>
            {m.files.map((f) => (
              <li key={f.id}>
                <a href={`/files/${f.id}/${encodeURIComponent(f.filename)}`}>{f.filename}</a> <span class="muted">({kb(f.size)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.forms.length > 0 && (
        <section aria-labelledby="h-forms">
          <h2 id="h-forms">{t('disclosure.forms')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('disclosure.form')}</th>
                <th scope="col">{t('disclosure.fromDate')}</th>
                <th scope="col">{t('disclosure.toDate')}</th>
                <th scope="col">{t('disclosure.note')}</th>
              </tr>
            </thead>
            <tbody>
              {m.forms.map((f) => (
                <tr key={`${f.form}${f.start}${f.village ?? ''}`}>
                  <td>
                    {formLabel(f.form, view.lang)}
                    {f.village && ` (${f.village})`}
                  </td>
                  <td>{formatDate(f.start)}</td>
                  <td>{f.end ? formatDate(f.end) : ''}</td>
                  <td>{f.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {m.versions.length > 1 && (
        <section aria-labelledby="h-versions">
          <h2 id="h-versions">{t('disclosure.detail.versions')}</h2>
          <ul>
            {m.versions.map((v) => (
              <li key={v.version}>
                <a href={`/disclosures/${d.id}/versions/${v.version}`}>{t('disclosure.detail.versionN', { n: v.version })}</a>, {formatDateTime(v.createdAt)}
                {v.changeNote && <>: {v.changeNote}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.qrSvg && d.status !== 'draft' && (
        <section aria-labelledby="h-qr">
          <h2 id="h-qr">{t('disclosure.detail.qr')}</h2>
          <div class="qr" role="img" aria-label={t('disclosure.detail.qrAlt', { title: d.title })} dangerouslySetInnerHTML={{ __html: m.qrSvg }} />
          <p>
            <a href={`/disclosures/${d.id}/poster`}>{t('disclosure.detail.poster')}</a> ·{' '}
            <a href={`/disclosures/${d.id}/qr.svg`}>{t('disclosure.detail.qrDownload')}</a>
          </p>
        </section>
      )}
      {m.can.relayVillage && d.status === 'published' && (
        <section aria-labelledby="h-relay" class="card">
          <h2 id="h-relay">{t('disclosure.detail.relay', { village: m.can.relayVillage.name })}</h2>
          <ErrorSummary view={view} errors={m.relayErrors} />
          <PostForm view={view} action={`/disclosures/${d.id}/relay`}>
            <SelectField
              name="form"
              label={t('disclosure.form')}
              error={m.relayErrors?.form}
              options={RELAY_FORMS.map((f) => ({ value: f, label: formLabel(f, view.lang) }))}
            />
            <TextField name="date" label={t('disclosure.date')} hint="dd/mm/yyyy" error={m.relayErrors?.date} />
            <TextField name="detail" label={t('disclosure.noteOptional')} />
            <button class="btn" type="submit">
              {t('disclosure.detail.record')}
            </button>
          </PostForm>
        </section>
      )}
      {m.can.prepare && <OfficialActions view={view} m={m} />}
    </Layout>
  );
}

function OfficialActions({ view, m }: { view: ViewCtx; m: DetailModel }) {
  const { d } = m;
  const t = view.t;
  return (
    <section aria-labelledby="h-actions" class="card">
      <h2 id="h-actions">{t('disclosure.detail.actions')}</h2>
      <ErrorSummary view={view} errors={m.closeErrors} />
      {d.status === 'draft' && (
        <p>
          <a class="btn sec" href={`/disclosures/${d.id}/edit`}>
            {t('disclosure.detail.edit')}
          </a>{' '}
        </p>
      )}
      {d.status === 'draft' && (
        <PostForm view={view} action={`/disclosures/${d.id}/publish`}>
          <button class="btn" type="submit">
            {t('disclosure.detail.publish')}
          </button>
        </PostForm>
      )}
      {d.status === 'published' && (
        <p>
          <a class="btn sec" href={`/disclosures/${d.id}/correct`}>
            {t('disclosure.detail.correct')}
          </a>
        </p>
      )}
      {(d.status === 'published' || d.status === 'draft') && (
        <PostForm view={view} action={`/disclosures/${d.id}/close`}>
          <TextField name="reason" label={t('disclosure.detail.closeReason')} error={m.closeErrors?.reason} />
          {d.status === 'published' && (
            <button class="btn sec" type="submit" name="how" value="end">
              {t('disclosure.detail.end')}
            </button>
          )}{' '}
          <button class="btn warn" type="submit" name="how" value="withdraw">
            {t('disclosure.detail.withdraw')}
          </button>
        </PostForm>
      )}
      <p>
        <a href={`/audit/disclosure/${d.id}`}>{t('disclosure.detail.history')}</a>
      </p>
    </section>
  );
}
