// A commune's oversight page (issue 7 item 7): its People's Inspection Board and members, the agency
// boards, the supervision boards of its projects, and published recommendations with their answers.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { MemberTable, type MemberView, RecList, type RecView } from './parts.js';

export type BoardSummary = {
  id: number;
  kind: string;
  status: string;
  name: string | null;
  termStarts: string | null;
  termEnds: string | null;
  members: MemberView[];
};
export type CommuneModel = {
  unit: { id: number; name: string };
  villages: number;
  size: { min: number; max: number };
  board: BoardSummary | null;
  others: BoardSummary[];
  recs: RecView[];
  today: string;
  canCreate: boolean;
  overdue: number | null;
  funding: number;
  values?: Record<string, string>;
  errors?: FieldErrors;
};

export function BoardHead({ view, b }: { view: ViewCtx; b: BoardSummary }) {
  const t = view.t;
  return (
    <p>
      <span class={b.status === 'recognised' ? 'tag ok' : 'tag'}>{t(`oversight.status.${b.status}` as 'oversight.status.forming')}</span>{' '}
      {b.termStarts && t('oversight.board.term', { from: formatDate(b.termStarts), to: b.termEnds ? formatDate(b.termEnds) : t('oversight.board.untilEnd') })}
    </p>
  );
}

export function CommuneOversightPage({ view, m }: { view: ViewCtx; m: CommuneModel }) {
  const t = view.t;
  const e = m.errors ?? {};
  const base = `/units/${m.unit.id}`;
  return (
    <Layout view={view} title={t('oversight.pageTitle', { unit: m.unit.name })} crumbs={[{ href: base, label: m.unit.name }]}>
      <h1>{t('oversight.pageTitle', { unit: m.unit.name })}</h1>
      <ErrorSummary view={view} errors={e} />
      <p class="lead">{t('oversight.commune.lead')}</p>
      <section aria-labelledby="h-board">
        <h2 id="h-board">{t('oversight.kind.commune_inspection')}</h2>
        {m.board ? (
          <>
            <BoardHead view={view} b={m.board} />
            <MemberTable t={t} members={m.board.members} showSeat={false} />
            <p>
              <a href={`/oversight/boards/${m.board.id}`}>{t('oversight.commune.openBoard')}</a>
            </p>
          </>
        ) : (
          <p class="muted">{t('oversight.commune.noBoard')}</p>
        )}
        <p class="muted">{t('oversight.commune.sizeRule', { villages: m.villages, min: m.size.min, max: m.size.max })}</p>
        {m.funding > 0 && <p class="muted">{t('oversight.commune.funding', { amount: formatNumber(m.funding) })}</p>}
        {m.canCreate && !m.board && (
          <section class="card" aria-labelledby="h-create">
            <h3 id="h-create">{t('oversight.commune.create')}</h3>
            <PostForm view={view} action={`${base}/oversight/board`}>
              <TextField
                name="size"
                label={t('oversight.commune.sizeLabel')}
                hint={t('oversight.commune.sizeHint', { min: m.size.min, max: m.size.max })}
                inputMode="numeric"
                value={m.values?.size}
                error={e.size}
              />
              <button class="btn" type="submit">
                {t('oversight.commune.createButton')}
              </button>
            </PostForm>
          </section>
        )}
      </section>
      <section aria-labelledby="h-others">
        <h2 id="h-others">{t('oversight.commune.others')}</h2>
        <p>
          <a href={`${base}/projects`}>{t('oversight.projects.title')}</a>
        </p>
        {m.others.length ? (
          <ul class="list">
            {m.others.map((b) => (
              <li key={b.id}>
                <a href={`/oversight/boards/${b.id}`}>
                  {t(`oversight.kind.${b.kind}` as 'oversight.kind.agency_inspection')}: {b.name}
                </a>{' '}
                <span class="muted">{t(`oversight.status.${b.status}` as 'oversight.status.forming')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('oversight.commune.noOthers')}</p>
        )}
      </section>
      <section aria-labelledby="h-recs">
        <h2 id="h-recs">{t('oversight.commune.recs')}</h2>
        {m.overdue !== null && (
          <p>
            <a href={`${base}/oversight/recommendations?state=overdue`}>{t('oversight.commune.overdue', { n: formatNumber(m.overdue) })}</a>
          </p>
        )}
        <RecList t={t} recs={m.recs} today={m.today} link={true} />
      </section>
    </Layout>
  );
}
