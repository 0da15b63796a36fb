// The project register (issue 7 item 5; Law 10/2022 Art 41): the public list with progress and
// supervision, a project's page with its budget by source (community contributions shown apart), its
// supervision board and the board's results; the commune's forms for a new project and its progress,
// and the Front's form that sets up the supervision board (R-F6, R-F7).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { type DocView, ProjectDocuments } from './documents.js';
import { dong, RecList, type RecView } from './parts.js';

export type ProjectView = {
  id: number;
  name: string;
  investor: string;
  decisionMaker: string;
  decisionNumber: string;
  decisionDate: string;
  contractor: string | null;
  budget: { state: number; commune: number; community: number; other: number; total: number };
  villages: string;
  startsOn: string;
  endsOn: string;
  progress: number;
  disbursed: number;
  acceptedOn: string | null;
  finalAccountsOn: string | null;
  status: string;
  boardId: number | null;
  boardStatus: string | null;
};

export function ProjectsPage({ view, m }: { view: ViewCtx; m: { unit: { id: number; name: string }; projects: ProjectView[]; canCreate: boolean } }) {
  const t = view.t;
  const title = t('oversight.projects.titleOf', { unit: m.unit.name });
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/oversight`, label: t('oversight.title') },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{t('oversight.projects.lead')}</p>
      {m.canCreate && (
        <p>
          <a class="btn" href={`/units/${m.unit.id}/projects/new`}>
            {t('oversight.projects.new')}
          </a>
        </p>
      )}
      {m.projects.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('oversight.projects.name')}</th>
              <th scope="col">{t('oversight.projects.total')}</th>
              <th scope="col">{t('oversight.projects.community')}</th>
              <th scope="col">{t('oversight.projects.schedule')}</th>
              <th scope="col">{t('oversight.projects.progress')}</th>
              <th scope="col">{t('oversight.projects.board')}</th>
            </tr>
          </thead>
          <tbody>
            {m.projects.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/projects/${p.id}`}>{p.name}</a>
                  <br />
                  <span class="muted">{t(`oversight.project.${p.status}` as 'oversight.project.ongoing')}</span>
                </td>
                <td>{dong(p.budget.total)}</td>
                <td>{dong(p.budget.community)}</td>
                <td>
                  {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                </td>
                <td>{p.progress}%</td>
                <td>{p.boardStatus ? t(`oversight.status.${p.boardStatus}` as 'oversight.status.forming') : t('oversight.projects.noBoard')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('oversight.projects.none')}</p>
      )}
    </Layout>
  );
}

const PROJECT_FIELDS = [
  ['name', 'oversight.projects.name'],
  ['investor', 'oversight.projects.investor'],
  ['decisionMaker', 'oversight.projects.decisionMaker'],
  ['decisionNumber', 'oversight.projects.decisionNumber'],
  ['decisionDate', 'oversight.projects.decisionDate'],
  ['contractor', 'oversight.projects.contractor'],
  ['budgetState', 'oversight.projects.budgetState'],
  ['budgetCommune', 'oversight.projects.budgetCommune'],
  ['budgetCommunity', 'oversight.projects.budgetCommunity'],
  ['budgetOther', 'oversight.projects.budgetOther'],
  ['villages', 'oversight.projects.villages'],
  ['startsOn', 'oversight.projects.startsOn'],
  ['endsOn', 'oversight.projects.endsOn'],
] as const;
const DATE_FIELDS = new Set(['decisionDate', 'startsOn', 'endsOn']);
const MONEY_FIELDS = new Set(['budgetState', 'budgetCommune', 'budgetCommunity', 'budgetOther']);

export function ProjectFormPage({
  view,
  m,
}: {
  view: ViewCtx;
  m: { unit: { id: number; name: string }; values: Record<string, string>; errors?: FieldErrors };
}) {
  const t = view.t;
  const e = m.errors ?? {};
  return (
    <Layout
      view={view}
      title={t('oversight.projects.new')}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/projects`, label: t('oversight.projects.title') },
      ]}
    >
      <h1>{t('oversight.projects.new')}</h1>
      <ErrorSummary view={view} errors={e} />
      <PostForm view={view} action={`/units/${m.unit.id}/projects`}>
        {PROJECT_FIELDS.map(([name, label]) => (
          <TextField
            key={name}
            name={name}
            label={t(label)}
            hint={DATE_FIELDS.has(name) ? t('oversight.dateHint') : MONEY_FIELDS.has(name) ? t('oversight.projects.moneyHint') : undefined}
            inputMode={DATE_FIELDS.has(name) || MONEY_FIELDS.has(name) ? 'numeric' : undefined}
            value={m.values[name]}
            error={e[name]}
          />
        ))}
        <button class="btn" type="submit">
          {t('oversight.projects.save')}
        </button>
      </PostForm>
    </Layout>
  );
}

export type ProjectModel = {
  p: ProjectView;
  unit: { id: number; name: string };
  results: { id: number; subject: string; heldOn: string; findings: string }[];
  recs: RecView[];
  today: string;
  canManage: boolean;
  canSetUp: boolean;
  docs: DocView[];
  values?: Record<string, string>;
  errors?: FieldErrors;
};

export function ProjectPage({ view, m }: { view: ViewCtx; m: ProjectModel }) {
  const t = view.t;
  const { p } = m;
  const e = m.errors ?? {};
  const v = m.values ?? {};
  const row = (k: Parameters<typeof t>[0], val: string | null) => (
    <>
      <dt>{t(k)}</dt>
      <dd>{val || '—'}</dd>
    </>
  );
  return (
    <Layout
      view={view}
      title={p.name}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/projects`, label: t('oversight.projects.title') },
      ]}
    >
      <h1>{p.name}</h1>
      <ErrorSummary view={view} errors={e} />
      <p>
        <span class="tag">{t(`oversight.project.${p.status}` as 'oversight.project.ongoing')}</span>
      </p>
      <dl class="kv">
        {row('oversight.projects.investor', p.investor)}
        {row('oversight.projects.decisionMaker', p.decisionMaker)}
        {row('oversight.projects.decision', `${p.decisionNumber}, ${formatDate(p.decisionDate)}`)}
        {row('oversight.projects.contractor', p.contractor)}
        {row('oversight.projects.villages', p.villages)}
        {row('oversight.projects.budgetState', dong(p.budget.state))}
        {row('oversight.projects.budgetCommune', dong(p.budget.commune))}
        {row('oversight.projects.budgetCommunity', dong(p.budget.community))}
        {row('oversight.projects.budgetOther', dong(p.budget.other))}
        {row('oversight.projects.total', dong(p.budget.total))}
        {row('oversight.projects.schedule', `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`)}
        {row('oversight.projects.progress', `${p.progress}%`)}
        {row('oversight.projects.disbursed', dong(p.disbursed))}
        {row('oversight.projects.acceptedOn', p.acceptedOn && formatDate(p.acceptedOn))}
        {row('oversight.projects.finalAccountsOn', p.finalAccountsOn && formatDate(p.finalAccountsOn))}
      </dl>
      {m.canManage && p.status !== 'ended' && (
        <section class="card" aria-labelledby="h-progress">
          <h2 id="h-progress">{t('oversight.projects.update')}</h2>
          <PostForm view={view} action={`/projects/${p.id}/progress`}>
            <TextField
              name="progress"
              label={t('oversight.projects.progress')}
              inputMode="numeric"
              value={v.progress ?? String(p.progress)}
              error={e.progress}
            />
            <TextField
              name="disbursed"
              label={t('oversight.projects.disbursed')}
              hint={t('oversight.projects.moneyHint')}
              inputMode="numeric"
              value={v.disbursed ?? String(p.disbursed)}
              error={e.disbursed}
            />
            <TextField
              name="acceptedOn"
              label={t('oversight.projects.acceptedOn')}
              hint={t('oversight.dateHint')}
              inputMode="numeric"
              value={v.acceptedOn ?? formatDate(p.acceptedOn)}
              error={e.acceptedOn}
            />
            <TextField
              name="finalAccountsOn"
              label={t('oversight.projects.finalAccountsOn')}
              hint={t('oversight.dateHint')}
              inputMode="numeric"
              value={v.finalAccountsOn ?? formatDate(p.finalAccountsOn)}
              error={e.finalAccountsOn}
            />
            <label class="check">
              <input type="checkbox" name="ended" value="1" checked={v.ended === '1'} /> {t('oversight.projects.ended')}
            </label>
            <button class="btn" type="submit">
              {t('oversight.projects.saveProgress')}
            </button>
          </PostForm>
        </section>
      )}
      <ProjectDocuments view={view} projectId={p.id} docs={m.docs} canManage={m.canManage} values={v} errors={e} />
      <section aria-labelledby="h-sup">
        <h2 id="h-sup">{t('oversight.kind.investment_supervision')}</h2>
        {p.boardId ? (
          <p>
            <a href={`/oversight/boards/${p.boardId}`}>{t('oversight.projects.openBoard')}</a> (
            {t(`oversight.status.${p.boardStatus}` as 'oversight.status.forming')})
          </p>
        ) : (
          <p class="muted">{t('oversight.projects.noBoard')}</p>
        )}
        {m.canSetUp && !p.boardId && p.status !== 'ended' && (
          <div class="card">
            <h3>{t('oversight.projects.setUp')}</h3>
            <PostForm view={view} action={`/projects/${p.id}/board`}>
              <TextField
                name="size"
                label={t('oversight.projects.boardSize')}
                hint={t('oversight.projects.boardSizeHint')}
                inputMode="numeric"
                value={v.size}
                error={e.size}
              />
              <TextField
                name="supervisionStartsOn"
                label={t('oversight.board.supervisionStarts')}
                hint={t('oversight.dateHint')}
                inputMode="numeric"
                value={v.supervisionStartsOn}
                error={e.supervisionStartsOn}
              />
              <TextField
                name="investorNotifiedOn"
                label={t('oversight.board.investorNotified')}
                hint={t('oversight.projects.investorHint')}
                inputMode="numeric"
                value={v.investorNotifiedOn}
                error={e.investorNotifiedOn}
              />
              <button class="btn" type="submit">
                {t('oversight.projects.setUpButton')}
              </button>
            </PostForm>
          </div>
        )}
        <h3>{t('oversight.projects.results')}</h3>
        {m.results.length ? (
          <ul class="list">
            {m.results.map((a) => (
              <li key={a.id}>
                <a href={`/oversight/activities/${a.id}`}>{a.subject}</a> <span class="muted">{formatDate(a.heldOn)}</span>
                <p>{a.findings.length > 300 ? `${a.findings.slice(0, 297)}…` : a.findings}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('oversight.projects.noResults')}</p>
        )}
        <RecList t={t} recs={m.recs} today={m.today} link={false} />
      </section>
    </Layout>
  );
}
