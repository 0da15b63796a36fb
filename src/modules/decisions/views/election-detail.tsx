// One election or dismissal (Decree 59/2023 Arts 6–9): the Art 6 checklist, the team, the candidates,
// the meeting (scheduled, counted and recognised on the matter's own page), who took office; for a
// dismissal its ground and the new election due within 60 days (R-B3). The commune chairman's
// officials record the plan and the candidate list here.
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type MessageKey } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ElectionDetail } from '../commands/election-read.js';
import { groundLabel, officeLabel, TimelineTable, voteStatusLabel } from './election-parts.js';

export type ElectionDetailModel = {
  d: ElectionDetail;
  canManage: boolean;
  residents: { id: number; label: string }[];
  candidateFields: number;
  /** What each form shows: the recorded data, or what was typed with the errors of the form posted. */
  plan: FormState;
  cand: FormState;
};
type FormState = { values: Record<string, string>; errors?: FieldErrors };

export function ElectionDetailPage({ view, m }: { view: ViewCtx; m: ElectionDetailModel }) {
  const t = view.t;
  const { d } = m;
  const open = d.matter.status === 'open';
  const isElection = d.matter.kind === 'election';
  const planEditable = m.canManage && open && isElection && (!d.vote || d.vote.status === 'scheduled');
  const candidatesEditable = m.canManage && open && isElection && !d.vote;
  const base = `/elections/${d.matter.id}`;
  const crumbs = [
    ...(d.commune ? [{ href: `/units/${d.commune.id}/elections`, label: d.commune.name }] : []),
    { href: `/units/${d.village.id}/elections`, label: d.village.name },
  ];
  return (
    <Layout view={view} title={d.matter.title} crumbs={crumbs}>
      <h1>{d.matter.title}</h1>
      <ErrorSummary view={view} errors={{ ...m.plan.errors, ...m.cand.errors }} />
      <dl class="kv">
        <dt>{t('decisions.election.detail.office')}</dt>
        <dd>{officeLabel(t, d.matter.position, d.village.level)}</dd>
        <dt>{t('decisions.election.detail.meeting')}</dt>
        <dd>
          {d.vote ? `${formatDate(d.vote.date)} · ` : ''}
          {voteStatusLabel(t, d.vote?.status ?? null)}
        </dd>
        {d.dismissal && (
          <>
            <dt>{t('decisions.election.detail.holder')}</dt>
            <dd>{d.dismissal.holderName}</dd>
            <dt>{t('decisions.election.detail.ground')}</dt>
            <dd>
              {groundLabel(t, d.dismissal.ground)}
              {d.dismissal.petitionHouseholds != null && <> {t('decisions.election.detail.petition', { count: d.dismissal.petitionHouseholds })}</>}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/matters/${d.matter.id}`}>{t('decisions.election.detail.matterLink')}</a>
      </p>
      {d.newElectionDue && (
        <section class="card" aria-labelledby="h-due">
          <h2 id="h-due">{t('decisions.election.detail.dueTitle')}</h2>
          <p id="new-election-due">{t('decisions.election.detail.due', { date: formatDate(d.newElectionDue) })}</p>
          {m.canManage && (
            <p>
              <a href={`/units/${d.village.id}/elections/new`}>{t('decisions.election.detail.openNew')}</a> ·{' '}
              <a href={`/units/${d.village.id}/elections#interim`}>{t('decisions.election.detail.appointInterim')}</a>
            </p>
          )}
        </section>
      )}
      {d.timeline && (
        <>
          <h2>{t('decisions.election.detail.timeline')}</h2>
          <TimelineTable t={t} tl={d.timeline} id="timeline" />
        </>
      )}
      {isElection && (
        <>
          <h2>{t('decisions.election.detail.team')}</h2>
          {d.team.length === 0 ? (
            <p>{t('decisions.election.detail.noTeam')}</p>
          ) : (
            <ol id="team">
              {d.team.map((n, i) => (
                <li key={n}>
                  {n}
                  {i === 0 && <span class="muted"> ({t('decisions.election.detail.leader')})</span>}
                </li>
              ))}
            </ol>
          )}
          <h2>{t('decisions.election.detail.candidates')}</h2>
          {d.candidates.length === 0 ? (
            <p>{t('decisions.election.detail.noCandidates')}</p>
          ) : (
            <ul id="candidates">
              {d.candidates.map((c) => (
                <li key={c.residentId}>{c.name}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {d.seated.length > 0 && (
        <>
          <h2>{t('decisions.election.detail.seated')}</h2>
          <ul id="seated">
            {d.seated.map((s) => (
              <li key={s.name}>
                {s.name}: {formatDate(s.startsOn)} – {s.endsOn ? formatDate(s.endsOn) : t('decisions.election.list.untilProjectEnds')}
              </li>
            ))}
          </ul>
        </>
      )}
      {planEditable && (
        <section class="card" aria-labelledby="h-plan">
          <h2 id="h-plan">{t('decisions.election.plan.title')}</h2>
          <PostForm view={view} action={`${base}/plan`}>
            {!d.vote && (
              <DateField view={view} f={m.plan} name="meetingDate" label="decisions.election.plan.meetingDate" hint="decisions.election.plan.meetingHint" />
            )}
            <TextField
              name="planIssuedOn"
              label={t('decisions.election.plan.planIssuedOn')}
              hint="dd/mm/yyyy"
              inputMode="numeric"
              value={m.plan.values.planIssuedOn}
              error={m.plan.errors?.planIssuedOn}
            />
            <TextField
              name="teamSetOn"
              label={t('decisions.election.plan.teamSetOn')}
              hint="dd/mm/yyyy"
              inputMode="numeric"
              value={m.plan.values.teamSetOn}
              error={m.plan.errors?.teamSetOn}
            />
            <TextArea
              name="team"
              label={t('decisions.election.plan.team')}
              hint={t('decisions.election.plan.teamHint')}
              rows={5}
              value={m.plan.values.team}
              error={m.plan.errors?.team}
            />
            <TextField
              name="noticeOn"
              label={t('decisions.election.plan.noticeOn')}
              hint="dd/mm/yyyy"
              inputMode="numeric"
              value={m.plan.values.noticeOn}
              error={m.plan.errors?.noticeOn}
            />
            <button class="btn" type="submit">
              {t('decisions.election.plan.submit')}
            </button>
          </PostForm>
        </section>
      )}
      {candidatesEditable && (
        <section class="card" aria-labelledby="h-cand">
          <h2 id="h-cand">{t('decisions.election.cand.title')}</h2>
          <p class="muted">{t('decisions.election.cand.rule')}</p>
          <PostForm view={view} action={`${base}/candidates`}>
            {!d.vote && (
              <DateField view={view} f={m.cand} name="candMeetingDate" label="decisions.election.plan.meetingDate" hint="decisions.election.plan.meetingHint" />
            )}
            <TextField
              name="candidatesSentOn"
              label={t('decisions.election.cand.sentOn')}
              hint="dd/mm/yyyy"
              inputMode="numeric"
              value={m.cand.values.candidatesSentOn}
              error={m.cand.errors?.candidatesSentOn}
            />
            {Array.from({ length: m.candidateFields }, (_, i) => `candidate${i + 1}`).map((f, i) => (
              <SelectField
                key={f}
                name={f}
                label={t('decisions.election.cand.candidate', { n: i + 1 })}
                options={[{ value: '', label: t('decisions.election.choose') }, ...m.residents.map((r) => ({ value: String(r.id), label: r.label }))]}
                value={m.cand.values[f]}
                error={m.cand.errors?.[f]}
              />
            ))}
            <button class="btn" type="submit">
              {t('decisions.election.cand.submit')}
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

/** The meeting date the plan fixes, asked while no meeting is scheduled (R-B1 is counted back from it). */
function DateField({ view, f, name, label, hint }: { view: ViewCtx; f: FormState; name: string; label: MessageKey; hint: MessageKey }) {
  return <TextField name={name} label={view.t(label)} hint={view.t(hint)} inputMode="numeric" value={f.values[name]} error={f.errors?.[name]} />;
}
