// A commune's or a village's offices (Decree 59/2023 Arts 6–9; R-B1, R-B3, R-B4): who holds them and
// until when, elections and dismissals in progress with the Art 6 checklist, new elections due after
// a dismissal, interim heads; in a village without a head in office, the interim appointment form.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { DueElection, Holder, InProgress } from '../commands/election-read.js';
import { officeLabel, TimelineTable, voteStatusLabel } from './election-parts.js';

export type ElectionsModel = {
  unit: { id: number; name: string; level: string; isVillage: boolean };
  holders: Holder[];
  inProgress: InProgress[];
  dueElections: DueElection[];
  canManage: boolean;
  /** The interim form, for a village whose head's post is vacant. */
  interim: { residents: { id: number; label: string }[]; maxMonths: number; values: Record<string, string>; errors?: FieldErrors } | null;
  levelOf: Record<number, string>;
};

export function ElectionsPage({ view, m }: { view: ViewCtx; m: ElectionsModel }) {
  const t = view.t;
  const title = t('decisions.election.list.title', { unit: m.unit.name });
  const lvl = (id: number) => m.levelOf[id] ?? 'village';
  const regular = m.holders.filter((h) => !h.interim);
  const interims = m.holders.filter((h) => h.interim);
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={m.interim?.errors} />
      {m.canManage && (
        <p>
          <a class="btn" href={`/units/${m.unit.id}/elections/new`}>
            {t('decisions.election.list.new')}
          </a>
        </p>
      )}
      <h2>{t('decisions.election.list.holders')}</h2>
      {regular.length === 0 ? (
        <p>{t('decisions.election.list.noHolders')}</p>
      ) : (
        <table id="holders">
          <thead>
            <tr>
              <th scope="col">{t('decisions.election.list.village')}</th>
              <th scope="col">{t('decisions.election.list.office')}</th>
              <th scope="col">{t('decisions.election.list.name')}</th>
              <th scope="col">{t('decisions.election.list.term')}</th>
            </tr>
          </thead>
          <tbody>
            {regular.map((h) => (
              <tr key={h.termId} data-term={h.termId}>
                <td>{h.villageName}</td>
                <td>{officeLabel(t, h.position, lvl(h.villageId))}</td>
                <td>{h.name}</td>
                <td>
                  {formatDate(h.startsOn)} – {h.endsOn ? formatDate(h.endsOn) : t('decisions.election.list.untilProjectEnds')}
                  {h.expired && <span class="tag ended"> {t('decisions.election.list.expired')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('decisions.election.list.interims')}</h2>
      {interims.length === 0 ? (
        <p>{t('decisions.election.list.noInterims')}</p>
      ) : (
        <ul id="interims">
          {interims.map((h) => (
            <li key={h.termId}>
              {t('decisions.election.list.interimLine', { name: h.name, village: h.villageName, from: formatDate(h.startsOn), to: formatDate(h.endsOn) })}
              {h.expired && <span class="tag ended"> {t('decisions.election.list.expired')}</span>}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('decisions.election.list.due')}</h2>
      <p class="muted">{t('decisions.election.list.dueRule')}</p>
      {m.dueElections.length === 0 ? (
        <p>{t('decisions.election.list.noDue')}</p>
      ) : (
        <ul id="due">
          {m.dueElections.map((d) => (
            <li key={d.matterId} data-overdue={d.overdue ? '1' : '0'}>
              <a href={`/elections/${d.matterId}`}>
                {t('decisions.election.list.dueLine', { village: d.villageName, name: d.holderName, due: formatDate(d.due) })}
              </a>{' '}
              {d.overdue ? (
                <span class="tag ended">{t('decisions.election.list.overdue', { days: -d.daysLeft })}</span>
              ) : (
                <span class="tag">{t('decisions.election.list.daysLeft', { days: d.daysLeft })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('decisions.election.list.inProgress')}</h2>
      {m.inProgress.length === 0 ? (
        <p>{t('decisions.election.list.noneInProgress')}</p>
      ) : (
        m.inProgress.map((p) => (
          <section key={p.matterId} class="card" aria-labelledby={`h-m${p.matterId}`}>
            <h3 id={`h-m${p.matterId}`}>
              <a href={`/elections/${p.matterId}`}>{p.title}</a>
            </h3>
            <p class="muted">{voteStatusLabel(t, p.voteStatus)}</p>
            {p.timeline && <TimelineTable t={t} tl={p.timeline} id={`timeline-${p.matterId}`} />}
          </section>
        ))
      )}
      {m.interim && <InterimForm view={view} m={m} />}
    </Layout>
  );
}

function InterimForm({ view, m }: { view: ViewCtx; m: ElectionsModel }) {
  const t = view.t;
  const f = m.interim;
  if (!f) return null;
  const v = f.values;
  const e = f.errors ?? {};
  return (
    <section id="interim" class="card" aria-labelledby="h-interim">
      <h2 id="h-interim">{t('decisions.election.interim.title')}</h2>
      <p class="muted">{t('decisions.election.interim.rule', { months: f.maxMonths })}</p>
      <PostForm view={view} action={`/units/${m.unit.id}/elections/interim`}>
        <SelectField
          name="residentId"
          label={t('decisions.election.interim.resident')}
          options={[{ value: '', label: t('decisions.election.choose') }, ...f.residents.map((r) => ({ value: String(r.id), label: r.label }))]}
          value={v.residentId}
          error={e.residentId}
        />
        <TextField
          name="startsOn"
          label={t('decisions.election.interim.startsOn')}
          hint="dd/mm/yyyy"
          inputMode="numeric"
          value={v.startsOn}
          error={e.startsOn}
        />
        <TextField
          name="endsOn"
          label={t('decisions.election.interim.endsOn')}
          hint={t('decisions.election.interim.endsHint', { months: f.maxMonths })}
          inputMode="numeric"
          value={v.endsOn}
          error={e.endsOn}
        />
        <TextField name="frontAgreedBy" label={t('decisions.election.interim.frontAgreedBy')} value={v.frontAgreedBy} error={e.frontAgreedBy} />
        <TextField
          name="frontAgreedOn"
          label={t('decisions.election.interim.frontAgreedOn')}
          hint="dd/mm/yyyy"
          inputMode="numeric"
          value={v.frontAgreedOn}
          error={e.frontAgreedOn}
        />
        <button class="btn" type="submit">
          {t('decisions.election.interim.submit')}
        </button>
      </PostForm>
    </section>
  );
}
