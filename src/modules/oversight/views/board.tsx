// One board: who sits on it, its plans and activities, its reports to the Front; for the Front (or
// the union) the forms that record members from the minutes, take elected members from the
// decisions module, recognise the board and record a vacancy; for members, a new plan.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { AGENCY_OCCUPATIONS, OCCUPATIONS } from '../rules/boards.js';
import { BoardHead, type BoardSummary } from './commune.js';
import { MemberTable, type MemberView } from './parts.js';

export type BoardModel = {
  b: BoardSummary & {
    communeId: number;
    communeName: string;
    plannedSize: number;
    staffCount: number | null;
    recognitionDue: string | null;
    recognisedOn: string | null;
    supervisionStartsOn: string | null;
    investorNotifiedOn: string | null;
    projectId: number | null;
  };
  members: MemberView[];
  tasks: { id: number; name: string; village: string | null; villageId: number | null; raisedOn: string; monthsLeft: number }[];
  plans: { id: number; period: string; title: string; startsOn: string; party: string | null; notifiedOn: string | null }[];
  activities: { id: number; kind: string; subject: string; heldOn: string }[];
  villages: { id: number; name: string }[];
  canManage: boolean;
  canWork: boolean;
  today: string;
  year: number;
  values?: Record<string, string>;
  errors?: FieldErrors;
};

export function BoardPage({ view, m }: { view: ViewCtx; m: BoardModel }) {
  const t = view.t;
  const { b } = m;
  const e = m.errors ?? {};
  const v = m.values ?? {};
  const base = `/oversight/boards/${b.id}`;
  const title = `${t(`oversight.kind.${b.kind}` as 'oversight.kind.commune_inspection')}${b.name ? `: ${b.name}` : ''}`;
  const forming = b.status === 'forming';
  const working = b.status === 'recognised' || b.status === 'union_performs';
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${b.communeId}`, label: b.communeName },
        { href: `/units/${b.communeId}/oversight`, label: t('oversight.title') },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      <BoardHead view={view} b={b} />
      <dl class="kv">
        <dt>{t('oversight.board.plannedSize')}</dt>
        <dd>{b.plannedSize || '—'}</dd>
        {b.staffCount !== null && (
          <>
            <dt>{t('oversight.board.staff')}</dt>
            <dd>{b.staffCount}</dd>
          </>
        )}
        {b.recognitionDue && (
          <>
            <dt>{t('oversight.board.recognitionDue')}</dt>
            <dd>{formatDate(b.recognitionDue)}</dd>
          </>
        )}
        {b.supervisionStartsOn && (
          <>
            <dt>{t('oversight.board.supervisionStarts')}</dt>
            <dd>{formatDate(b.supervisionStartsOn)}</dd>
            <dt>{t('oversight.board.investorNotified')}</dt>
            <dd>{formatDate(b.investorNotifiedOn)}</dd>
          </>
        )}
      </dl>
      {b.projectId && (
        <p>
          <a href={`/projects/${b.projectId}`}>{t('oversight.board.project')}</a>
        </p>
      )}
      <h2>{t('oversight.board.members')}</h2>
      <MemberTable t={t} members={m.members} showSeat={b.kind !== 'commune_inspection'} />
      {m.canManage && m.tasks.length > 0 && (
        <section aria-labelledby="h-tasks">
          <h2 id="h-tasks">{t('oversight.board.tasks')}</h2>
          <ul class="list">
            {m.tasks.map((k) => (
              <li key={k.id}>
                {t('oversight.board.task', { name: k.name, village: k.village ?? '', date: formatDate(k.raisedOn), months: k.monthsLeft })}{' '}
                {/* The by-election runs in the decisions module (Art 15 item 5); its result is taken back with "Lấy kết quả bầu". */}
                {k.villageId && <a href={`/units/${b.communeId}/elections/new?village=${k.villageId}`}>{t('oversight.board.taskElection')}</a>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.canManage && b.status !== 'closed' && b.status !== 'union_performs' && <ManageForms view={view} m={m} e={e} v={v} base={base} forming={forming} />}
      <section aria-labelledby="h-plans">
        <h2 id="h-plans">{t('oversight.board.plans')}</h2>
        {m.plans.length ? (
          <ul class="list">
            {m.plans.map((p) => (
              <li key={p.id}>
                <strong>{t(`oversight.period.${p.period}` as 'oversight.period.year')}:</strong> {p.title} ({formatDate(p.startsOn)})
                {p.party && <span class="muted"> {t('oversight.plan.party', { party: p.party, date: formatDate(p.notifiedOn) })}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('oversight.board.noPlans')}</p>
        )}
        {m.canWork && working && <PlanForm view={view} base={base} e={e} v={v} />}
      </section>
      <section aria-labelledby="h-acts">
        <h2 id="h-acts">{t('oversight.board.activities')}</h2>
        {m.canWork && working && (
          <p>
            <a class="btn" href={`${base}/activities/new`}>
              {t('oversight.activity.new')}
            </a>
          </p>
        )}
        {m.activities.length ? (
          <ul class="list">
            {m.activities.map((a) => (
              <li key={a.id}>
                <a href={`/oversight/activities/${a.id}`}>{a.subject}</a>{' '}
                <span class="muted">
                  {t(`oversight.activity.${a.kind}` as 'oversight.activity.inspection')}, {formatDate(a.heldOn)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('oversight.board.noActivities')}</p>
        )}
        <p>
          {t('oversight.report.links')}{' '}
          {(['quarter', 'half_year', 'year', 'term'] as const).map((p) => (
            <span key={p}>
              <a href={`${base}/report?period=${p}&year=${m.year}`}>{t(`oversight.report.${p}`)}</a>{' '}
            </span>
          ))}
        </p>
      </section>
    </Layout>
  );
}

function ManageForms({
  view,
  m,
  e,
  v,
  base,
  forming,
}: {
  view: ViewCtx;
  m: BoardModel;
  e: FieldErrors;
  v: Record<string, string>;
  base: string;
  forming: boolean;
}) {
  const t = view.t;
  const { b } = m;
  const positions = ['member', 'deputy', 'head'].map((p) => ({ value: p, label: t(`oversight.position.${p}` as 'oversight.position.head') }));
  return (
    <>
      <section class="card" aria-labelledby="h-add">
        <h2 id="h-add">{t('oversight.member.add')}</h2>
        <p class="muted">{t(`oversight.member.lead.${b.kind}` as 'oversight.member.lead.commune_inspection')}</p>
        <PostForm view={view} action={`${base}/members`}>
          <TextField name="fullName" label={t('oversight.board.name')} value={v.fullName} error={e.fullName} autocomplete="off" />
          {b.kind === 'commune_inspection' && (
            <SelectField
              name="villageId"
              label={t('oversight.board.village')}
              value={v.villageId}
              error={e.villageId}
              options={[{ value: '', label: t('oversight.choose') }, ...m.villages.map((x) => ({ value: String(x.id), label: x.name }))]}
            />
          )}
          {b.kind === 'investment_supervision' && (
            <SelectField
              name="seat"
              label={t('oversight.board.seat')}
              value={v.seat}
              error={e.seat}
              options={[
                { value: '', label: t('oversight.choose') },
                ...['front', 'inspection_board', 'resident'].map((s) => ({ value: s, label: t(`oversight.seat.${s}` as 'oversight.seat.front') })),
              ]}
            />
          )}
          <SelectField name="position" label={t('oversight.board.position')} value={v.position} error={e.position} options={positions} />
          <SelectField
            name="occupation"
            label={t('oversight.member.occupation')}
            value={v.occupation}
            error={e.occupation}
            options={(b.kind === 'agency_inspection' ? AGENCY_OCCUPATIONS : OCCUPATIONS).map((o) => ({
              value: o,
              label: t((b.kind === 'agency_inspection' ? `oversight.agencyOcc.${o}` : `oversight.occ.${o}`) as 'oversight.occ.none'),
            }))}
          />
          {b.kind !== 'agency_inspection' && (
            <div class={e.permanentResident ? 'fg err' : 'fg'}>
              {e.permanentResident && (
                <span class="emsg" id="f-permanentResident-err">
                  {e.permanentResident}
                </span>
              )}
              <label class="check">
                <input id="f-permanentResident" type="checkbox" name="permanentResident" value="1" checked={v.permanentResident === '1'} />{' '}
                {t('oversight.member.resident')}
              </label>
            </div>
          )}
          {b.kind === 'investment_supervision' && (
            <div class={e.noConflict ? 'fg err' : 'fg'}>
              {e.noConflict && (
                <span class="emsg" id="f-noConflict-err">
                  {e.noConflict}
                </span>
              )}
              <label class="check">
                <input id="f-noConflict" type="checkbox" name="noConflict" value="1" checked={v.noConflict === '1'} /> {t('oversight.member.noConflict')}
              </label>
            </div>
          )}
          <TextField
            name="electedOn"
            label={t('oversight.member.electedOn')}
            hint={t('oversight.member.electedOnHint')}
            inputMode="numeric"
            value={v.electedOn}
            error={e.electedOn}
          />
          <button class="btn" type="submit">
            {t('oversight.member.addButton')}
          </button>
        </PostForm>
        {b.kind === 'commune_inspection' && (
          <PostForm view={view} action={`${base}/import`}>
            <p class="muted">{t('oversight.member.importLead')}</p>
            <button class="btn sec" type="submit">
              {t('oversight.member.import')}
            </button>
          </PostForm>
        )}
      </section>
      {forming && (
        <section class="card" aria-labelledby="h-recognise">
          <h2 id="h-recognise">{t(`oversight.recognise.title.${b.kind}` as 'oversight.recognise.title.commune_inspection')}</h2>
          <PostForm view={view} action={`${base}/recognise`}>
            <TextField
              name="recognisedOn"
              label={t('oversight.recognise.on')}
              hint={t('oversight.dateHint')}
              inputMode="numeric"
              value={v.recognisedOn}
              error={e.recognisedOn}
            />
            <button class="btn" type="submit">
              {t('oversight.recognise.button')}
            </button>
          </PostForm>
        </section>
      )}
      {m.members.length > 0 && (
        <section class="card" aria-labelledby="h-end">
          <h2 id="h-end">{t('oversight.member.end')}</h2>
          <PostForm view={view} action={`${base}/members/end`}>
            <SelectField
              name="memberId"
              label={t('oversight.board.name')}
              value={v.memberId}
              error={e.memberId}
              options={[{ value: '', label: t('oversight.choose') }, ...m.members.map((x) => ({ value: String(x.id), label: x.name }))]}
            />
            <TextField
              name="endedOn"
              label={t('oversight.member.endedOn')}
              hint={t('oversight.dateHint')}
              inputMode="numeric"
              value={v.endedOn}
              error={e.endedOn}
            />
            <TextField name="reason" label={t('oversight.member.reason')} value={v.reason} error={e.reason} />
            <button class="btn warn" type="submit">
              {t('oversight.member.endButton')}
            </button>
          </PostForm>
        </section>
      )}
    </>
  );
}

function PlanForm({ view, base, e, v }: { view: ViewCtx; base: string; e: FieldErrors; v: Record<string, string> }) {
  const t = view.t;
  return (
    <section class="card" aria-labelledby="h-plan">
      <h3 id="h-plan">{t('oversight.plan.new')}</h3>
      <PostForm view={view} action={`${base}/plans`}>
        <SelectField
          name="period"
          label={t('oversight.plan.period')}
          value={v.period}
          error={e.period}
          options={[
            { value: '', label: t('oversight.choose') },
            ...['specific', 'quarter', 'half_year', 'year', 'term'].map((p) => ({ value: p, label: t(`oversight.period.${p}` as 'oversight.period.year') })),
          ]}
        />
        <TextField name="title" label={t('oversight.plan.title')} value={v.title} error={e.title} />
        <TextArea name="body" label={t('oversight.plan.body')} rows={4} value={v.body} error={e.body} />
        <div class="row">
          <TextField
            name="startsOn"
            label={t('oversight.plan.startsOn')}
            hint={t('oversight.dateHint')}
            inputMode="numeric"
            value={v.startsOn}
            error={e.startsOn}
          />
          <TextField name="endsOn" label={t('oversight.plan.endsOn')} hint={t('oversight.dateHint')} inputMode="numeric" value={v.endsOn} error={e.endsOn} />
        </div>
        <TextField
          name="inspectedParty"
          label={t('oversight.plan.inspectedParty')}
          hint={t('oversight.plan.specificOnly')}
          value={v.inspectedParty}
          error={e.inspectedParty}
        />
        <TextField
          name="notifiedOn"
          label={t('oversight.plan.notifiedOn')}
          hint={t('oversight.plan.notifiedHint')}
          inputMode="numeric"
          value={v.notifiedOn}
          error={e.notifiedOn}
        />
        <button class="btn" type="submit">
          {t('oversight.plan.save')}
        </button>
      </PostForm>
    </section>
  );
}
