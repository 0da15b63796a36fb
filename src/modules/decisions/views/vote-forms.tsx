// The forms of a vote: scheduling (Law 10/2022 Arts 17–19; Decree 59/2023 Arts 3–5), recording a
// meeting (Art 18(4); Decree 59 Art 3(5)) and writing the minutes (Art 20(2)). Every field keeps what
// was typed and shows its message beside it.
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ScheduleInput } from '../commands/schedule.js';
import { L } from './labels.js';

type Crumb = { href: string; label: string };

export function SchedulePage(p: {
  view: ViewCtx;
  matter: { id: number; title: string; item: number; kind: string; position: string | null };
  village: { id: number; name: string };
  forms: string[];
  cases: string[];
  values: ScheduleInput;
  errors?: FieldErrors;
}) {
  const t = p.view.t;
  const e = p.errors ?? {};
  const v = p.values;
  const d = L(t, 'f.dateHint');
  const heading = L(t, 's.heading', { matter: p.matter.title });
  return (
    <Layout view={p.view} title={heading} crumbs={[{ href: `/matters/${p.matter.id}`, label: p.matter.title }]}>
      <h1>{heading}</h1>
      <p class="lead">
        {L(t, 's.village')}: {p.village.name}
      </p>
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action={`/matters/${p.matter.id}/votes`}>
        <input type="hidden" name="villageId" value={String(p.village.id)} />
        <SelectField name="form" label={L(t, 's.form')} options={p.forms.map((f) => ({ value: f, label: L(t, `form.${f}`) }))} value={v.form} error={e.form} />
        <TextField name="noticeOn" label={L(t, 's.noticeOn')} hint={`${d}; ${L(t, 's.noticeHint')}`} value={v.noticeOn} error={e.noticeOn} />
        <fieldset>
          <legend>
            {L(t, 'form.meeting')} / {L(t, 'form.household_ballot')}
          </legend>
          <TextField name="voteDate" label={L(t, 's.voteDate')} hint={d} value={v.voteDate} error={e.voteDate} />
          <TextField name="place" label={L(t, 'v.place')} value={v.place} error={e.place} />
          {p.matter.item <= 3 && <TextField name="documentsOn" label={L(t, 's.documentsOn')} hint={d} value={v.documentsOn} error={e.documentsOn} />}
          <div class="row">
            <TextField name="clusters" label={L(t, 's.clusters')} inputMode="numeric" value={v.clusters} error={e.clusters} />
            <TextField
              name="clusterPlanApprovedOn"
              label={L(t, 's.clusterPlanApprovedOn')}
              hint={d}
              value={v.clusterPlanApprovedOn}
              error={e.clusterPlanApprovedOn}
            />
          </div>
          {p.matter.kind === 'election' && p.matter.position !== 'village_head' && (
            <TextField name="seats" label={L(t, 's.seats')} inputMode="numeric" value={v.seats} error={e.seats} />
          )}
        </fieldset>
        {p.cases.length > 0 && (
          <fieldset>
            <legend>{L(t, 'form.household_ballot')}</legend>
            <SelectField
              name="ballotCase"
              label={L(t, 'v.case')}
              options={[{ value: '', label: L(t, 'n.choose') }, ...p.cases.map((c) => ({ value: c, label: L(t, `case.${c}`) }))]}
              value={v.ballotCase}
              error={e.ballotCase}
            />
            <TextField name="planIssuedOn" label={L(t, 's.planIssuedOn')} hint={d} value={v.planIssuedOn} error={e.planIssuedOn} />
            <TextField name="planSentOn" label={L(t, 's.planSentOn')} hint={d} value={v.planSentOn} error={e.planSentOn} />
          </fieldset>
        )}
        <fieldset>
          <legend>
            {L(t, 'form.household_ballot')} / {L(t, 'form.online')}
          </legend>
          <div class="row">
            <TextField name="openDate" label={L(t, 's.openDate')} hint={d} value={v.openDate} error={e.openDate} />
            <TextField name="openTime" label={L(t, 's.openTime')} hint={L(t, 'f.timeHint')} value={v.openTime} error={e.openTime} />
          </div>
          <div class="row">
            <TextField name="closeDate" label={L(t, 's.closeDate')} hint={d} value={v.closeDate} error={e.closeDate} />
            <TextField name="closeTime" label={L(t, 's.closeTime')} hint={L(t, 'f.timeHint')} value={v.closeTime} error={e.closeTime} />
          </div>
          <TextArea name="team" label={L(t, 's.team')} value={v.team} error={e.team} rows={5} />
        </fieldset>
        {p.forms.includes('online') && (
          <fieldset>
            <legend>{L(t, 'form.online')}</legend>
            <TextField name="noMeetingAgreedOn" label={L(t, 's.noMeetingAgreedOn')} hint={d} value={v.noMeetingAgreedOn} error={e.noMeetingAgreedOn} />
            <TextField
              name="authoritiesNotifiedOn"
              label={L(t, 's.authoritiesNotifiedOn')}
              hint={d}
              value={v.authoritiesNotifiedOn}
              error={e.authoritiesNotifiedOn}
            />
            <TextField name="pollYes" label={L(t, 's.pollYes')} inputMode="numeric" value={v.pollYes} error={e.pollYes} />
          </fieldset>
        )}
        <button class="btn" type="submit">
          {L(t, 's.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

export type MeetingModel = {
  voteId: number;
  crumbs: Crumb[];
  clusters: number;
  households: { id: number; code: string; representative: string }[];
  options: { key: string; label: string }[];
  values: {
    method: string;
    attendance: Record<string, string>;
    secretary: string;
    secretaryVotes: string;
    committee: string;
    committeeVotes: string;
    witnesses: string;
    counts: Record<string, string>;
  };
  errors?: FieldErrors;
};

export function MeetingPage({ view, m }: { view: ViewCtx; m: MeetingModel }) {
  const t = view.t;
  const e = m.errors ?? {};
  const v = m.values;
  const clusterOptions = [
    { value: '', label: L(t, 'm.absent') },
    ...Array.from({ length: m.clusters }, (_, i) => ({ value: String(i + 1), label: L(t, 'm.cluster', { n: i + 1 }) })),
  ];
  return (
    <Layout view={view} title={L(t, 'm.heading')} crumbs={m.crumbs}>
      <h1>{L(t, 'm.heading')}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      <PostForm view={view} action={`/votes/${m.voteId}/meeting`}>
        <fieldset id="f-attendance">
          <legend>
            {L(t, 'm.attendance')} ({m.households.length})
          </legend>
          {e.attendance && <span class="emsg">{e.attendance}</span>}
          {m.households.map((h) =>
            m.clusters > 1 ? (
              <SelectField
                key={h.id}
                name={`att_${h.id}`}
                label={`${h.code} – ${h.representative}`}
                options={clusterOptions}
                value={v.attendance[String(h.id)] ?? ''}
              />
            ) : (
              <label class="check" key={h.id}>
                <input type="checkbox" name={`att_${h.id}`} value="1" checked={v.attendance[String(h.id)] === '1'} /> {h.code} – {h.representative}
              </label>
            ),
          )}
        </fieldset>
        <div class="row">
          <TextField name="secretary" label={L(t, 'm.secretary')} value={v.secretary} error={e.secretary} />
          <TextField name="secretaryVotes" label={L(t, 'm.secretaryVotes')} inputMode="numeric" value={v.secretaryVotes} error={e.secretaryVotes} />
        </div>
        <SelectField
          name="method"
          label={L(t, 'm.method')}
          options={[
            { value: '', label: L(t, 'n.choose') },
            { value: 'show_of_hands', label: L(t, 'method.show_of_hands') },
            { value: 'secret_ballot', label: L(t, 'method.secret_ballot') },
          ]}
          value={v.method}
          error={e.method}
        />
        <fieldset>
          <legend>{L(t, 'method.secret_ballot')}</legend>
          <TextArea name="committee" label={L(t, 'm.committee')} value={v.committee} error={e.committee} rows={4} />
          <TextField name="committeeVotes" label={L(t, 'm.committeeVotes')} inputMode="numeric" value={v.committeeVotes} error={e.committeeVotes} />
          <TextArea name="witnesses" label={L(t, 'm.witnesses')} value={v.witnesses} error={e.witnesses} rows={2} />
        </fieldset>
        <p class="hint">{L(t, 'm.countsLaterHint')}</p>
        <CountFields view={view} clusters={m.clusters} options={m.options} values={v.counts} errors={e} />
        <button class="btn" type="submit">
          {L(t, 'm.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

export function MinutesPage(p: {
  view: ViewCtx;
  voteId: number;
  crumbs: Crumb[];
  reps: string[];
  values: { content: string; decisionText: string; rep1: string; rep2: string };
  errors?: FieldErrors;
}) {
  const t = p.view.t;
  const e = p.errors ?? {};
  const reps = [{ value: '', label: L(t, 'n.choose') }, ...p.reps.map((r) => ({ value: r, label: r }))];
  return (
    <Layout view={p.view} title={L(t, 'n.heading')} crumbs={p.crumbs}>
      <h1>{L(t, 'n.heading')}</h1>
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action={`/votes/${p.voteId}/minutes`}>
        <TextArea name="content" label={L(t, 'n.content')} value={p.values.content} error={e.content} rows={6} />
        <TextArea name="decisionText" label={L(t, 'n.decisionText')} value={p.values.decisionText} error={e.decisionText} rows={6} />
        <SelectField name="rep1" label={L(t, 'n.rep1')} options={reps} value={p.values.rep1} error={e.rep1} />
        <SelectField name="rep2" label={L(t, 'n.rep2')} options={reps} value={p.values.rep2} error={e.rep2} />
        <button class="btn" type="submit">
          {L(t, 'n.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

/** The counting committee's count of a secret ballot (Decree 59/2023 Art 3(5)(c)). */
export function CommitteeCountPage(p: {
  view: ViewCtx;
  voteId: number;
  crumbs: Crumb[];
  clusters: number;
  present: number;
  options: { key: string; label: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = p.view.t;
  const e = p.errors ?? {};
  return (
    <Layout view={p.view} title={L(t, 'c.heading')} crumbs={p.crumbs}>
      <h1>{L(t, 'c.heading')}</h1>
      <p class="lead">{L(t, 'c.lead', { n: p.present })}</p>
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action={`/votes/${p.voteId}/committee-count`}>
        <CountFields view={p.view} clusters={p.clusters} options={p.options} values={p.values} errors={e} />
        <button class="btn" type="submit">
          {L(t, 'm.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

/** The counts of a meeting, per cluster and option; `values` keyed `${cluster}:${optionKey}` (R-A16). */
function CountFields(p: { view: ViewCtx; clusters: number; options: { key: string; label: string }[]; values: Record<string, string>; errors: FieldErrors }) {
  const t = p.view.t;
  return (
    <>
      {Array.from({ length: p.clusters }, (_, i) => i + 1).map((c) => (
        <fieldset key={c}>
          <legend>{p.clusters > 1 ? L(t, 'm.countsCluster', { n: c }) : L(t, 'm.counts')}</legend>
          <div class="row">
            {p.options.map((o) => (
              <TextField
                key={o.key}
                name={`count_${c}_${o.key}`}
                label={o.label}
                inputMode="numeric"
                value={p.values[`${c}:${o.key}`] ?? ''}
                error={p.errors[`count_${c}_${o.key}`]}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
