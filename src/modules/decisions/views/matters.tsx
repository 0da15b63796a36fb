// Pages of matters: the list of a village or commune, the proposal form, and one matter with its
// initiative, votes, commune-wide standing and annulment (Law 10/2022 Arts 15–16, 21–22).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import { Markdown } from '../../../platform/ui/markdown.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ProposeInput } from '../commands/propose.js';
import type { PendingItem } from '../pending.js';
import type { MatterRow } from '../present.js';
import type { CommuneWorking } from '../rules/threshold.js';
import { formLabel, itemLabel, L, matterStatus, voteStatus } from './labels.js';

type Unit = { id: number; name: string };

export function MatterListPage(p: { view: ViewCtx; unit: Unit; matters: (MatterRow & { unitName: string })[]; canPropose: boolean; pending: PendingItem[] }) {
  const t = p.view.t;
  return (
    <Layout view={p.view} title={L(t, 'titleOf', { unit: p.unit.name })} crumbs={[{ href: `/units/${p.unit.id}`, label: p.unit.name }]}>
      <h1>{L(t, 'titleOf', { unit: p.unit.name })}</h1>
      <p class="lead">{L(t, 'intro')}</p>
      {p.canPropose && (
        <p>
          <a class="btn" href={`/units/${p.unit.id}/decisions/new`}>
            {L(t, 'propose')}
          </a>
        </p>
      )}
      {p.pending.length > 0 && (
        <section aria-labelledby="h-pending">
          <h2 id="h-pending">{L(t, 'pending.title')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{L(t, 'f.title')}</th>
                <th scope="col">{L(t, 'pending.step')}</th>
                <th scope="col">{L(t, 'pending.due')}</th>
              </tr>
            </thead>
            <tbody>
              {p.pending.map((x) => (
                <tr key={x.voteId}>
                  <td>
                    <a href={`/votes/${x.voteId}`}>{x.title}</a> <span class="muted">({x.village})</span>
                  </td>
                  <td>{L(t, `pending.${x.kind}`)}</td>
                  <td>
                    {formatDate(x.clock.due)} {x.clock.overdue && <strong class="tag ended">{L(t, 'v.overdueOpen')}</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h2>{L(t, 'matter.list')}</h2>
      {p.matters.length === 0 ? (
        <p class="muted">{L(t, 'none')}</p>
      ) : (
        <ul class="list">
          {p.matters.map((m) => (
            <li key={m.id}>
              <a href={`/matters/${m.id}`}>
                {m.title} <span class={m.status === 'adopted' ? 'tag ok' : 'tag'}>{matterStatus(t, m.status)}</span>
                <br />
                <span class="muted">
                  {m.unitName} · {itemLabel(t, m.item)}
                  {m.effective_from && ` · ${L(t, 'matter.effective')} ${formatDate(m.effective_from)}`}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function ProposePage(p: { view: ViewCtx; unit: Unit & { isVillage: boolean }; values: ProposeInput; errors?: FieldErrors }) {
  const t = p.view.t;
  const e = p.errors ?? {};
  // Item 3 (covenants) is proposed on the covenants pages, where the draft is posted first (Decree 61/2023 Arts 7, 9(1)).
  const items = (p.unit.isVillage ? [1, 2, 6] : [1, 2]).map((n) => ({ value: String(n), label: `${n}. ${itemLabel(t, n)}` }));
  const dateHint = L(t, 'f.dateHint');
  return (
    <Layout view={p.view} title={L(t, 'propose')} crumbs={[{ href: `/units/${p.unit.id}/decisions`, label: L(t, 'titleOf', { unit: p.unit.name }) }]}>
      <h1>{L(t, 'propose')}</h1>
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action={`/units/${p.unit.id}/decisions`}>
        <SelectField
          name="item"
          label={L(t, 'f.item')}
          hint={p.unit.isVillage ? t('decisions.core.err.itemCovenant') : undefined}
          options={[{ value: '', label: L(t, 'n.choose') }, ...items]}
          value={p.values.item}
          error={e.item}
        />
        {p.unit.isVillage && (
          <p>
            <a href={`/units/${p.unit.id}/covenants`}>{L(t, 'covenantsLink', { unit: p.unit.name })}</a>
          </p>
        )}
        <TextField name="title" label={L(t, 'f.title')} value={p.values.title} error={e.title} />
        <TextArea name="description" label={L(t, 'f.description')} value={p.values.description} error={e.description} rows={6} />
        {p.unit.isVillage ? (
          <SelectField
            name="proposer"
            label={L(t, 'f.proposer')}
            options={[
              { value: 'leader', label: L(t, 'f.proposer.leader') },
              { value: 'initiative', label: L(t, 'f.proposer.initiative') },
            ]}
            value={p.values.proposer}
            error={e.proposer}
          />
        ) : (
          <input type="hidden" name="proposer" value="leader" />
        )}
        <TextField name="agreementBy" label={L(t, 'f.agreementBy')} value={p.values.agreementBy} error={e.agreementBy} />
        <TextField name="agreementOn" label={L(t, 'f.agreementOn')} hint={dateHint} value={p.values.agreementOn} error={e.agreementOn} />
        {p.unit.isVillage && <TextField name="initiatorName" label={L(t, 'f.initiatorName')} value={p.values.initiatorName} error={e.initiatorName} />}
        <button class="btn" type="submit">
          {L(t, 'submit.propose')}
        </button>
      </PostForm>
    </Layout>
  );
}

export type MatterPageModel = {
  matter: MatterRow;
  unit: Unit;
  votes: { id: number; village: string; form: string; date: string; status: string; outcome: string | null; published: boolean }[];
  scheduleVillages: Unit[];
  fallback: boolean;
  initiative: null | {
    standing: { valid: number; needed: number; householdsTotal: number; frontApproved: boolean; mayForward: boolean };
    canConsent: boolean;
    canRecord: boolean;
    canApprove: boolean;
    register: { id: number; code: string; representative: string }[];
  };
  commune: null | { rows: { village: Unit; voteId: number | null; outcome: string | null }[]; working: CommuneWorking | null; canConclude: boolean };
  canAnnul: boolean;
  errors?: FieldErrors;
  values?: Record<string, string>;
};

export function MatterPage({ view, m }: { view: ViewCtx; m: MatterPageModel }) {
  const t = view.t;
  const x = m.matter;
  const e = m.errors ?? {};
  return (
    <Layout view={view} title={x.title} crumbs={[{ href: `/units/${m.unit.id}/decisions`, label: L(t, 'titleOf', { unit: m.unit.name }) }]}>
      <p>
        <span class={x.status === 'adopted' ? 'tag ok' : 'tag'}>{matterStatus(t, x.status)}</span>{' '}
        <span class="muted">
          {L(t, 'itemN', { n: x.item })}: {itemLabel(t, x.item)} · {L(t, `scope.${x.scope}`)}
        </span>
      </p>
      <h1>{x.title}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      <dl class="kv">
        <dt>{L(t, 'matter.proposedBy')}</dt>
        <dd>{x.proposer === 'initiative' ? `${L(t, 'f.proposer.initiative')}: ${x.initiator_name ?? ''}` : L(t, 'f.proposer.leader')}</dd>
        {x.agreement_by && (
          <>
            <dt>{L(t, 'matter.agreement')}</dt>
            <dd>
              {x.agreement_by}, {formatDate(x.agreement_on)}
            </dd>
          </>
        )}
        {x.effective_from && (
          <>
            <dt>{L(t, 'matter.effective')}</dt>
            <dd>{formatDate(x.effective_from)}</dd>
          </>
        )}
        {x.status === 'annulled' && (
          <>
            <dt>{L(t, 'matter.annulled')}</dt>
            <dd>
              {L(t, `annul.ground.${x.annul_ground}`)}: {x.annul_reason}
            </dd>
          </>
        )}
      </dl>
      {x.description && (
        <div class="prose">
          <Markdown text={x.description} />
        </div>
      )}
      {x.kind !== 'general' && (
        <p>
          <a href={`/elections/${x.id}`}>{L(t, 'matter.election')}</a>
        </p>
      )}
      {m.initiative && <Initiative view={view} m={m} e={e} />}
      <h2>{L(t, 'matter.votes')}</h2>
      {m.fallback && <p class="card">{L(t, 'matter.fallback')}</p>}
      {m.votes.length === 0 ? (
        <p class="muted">{L(t, 'none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{L(t, 's.village')}</th>
              <th scope="col">{L(t, 's.form')}</th>
              <th scope="col">{L(t, 'v.when')}</th>
              <th scope="col">{L(t, 'matter.votes')}</th>
            </tr>
          </thead>
          <tbody>
            {m.votes.map((v) => (
              <tr key={v.id}>
                <td>{v.village}</td>
                <td>
                  <a href={`/votes/${v.id}`}>{formLabel(t, v.form)}</a>
                </td>
                <td>{formatDate(v.date)}</td>
                <td>
                  {voteStatus(t, v.status)}
                  {v.outcome && ` · ${L(t, `result.${v.outcome}`)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {x.status === 'open' &&
        m.scheduleVillages.map((v) => (
          <p key={v.id}>
            <a class="btn sec" href={`/matters/${x.id}/votes/new?village=${v.id}`}>
              {L(t, 'matter.schedule')}: {v.name}
            </a>
          </p>
        ))}
      {m.commune && <CommuneStanding view={view} m={m} e={e} />}
      {m.canAnnul && x.status !== 'annulled' && (
        <details>
          <summary>{L(t, 'annul.title')}</summary>
          <PostForm view={view} action={`/matters/${x.id}/annul`}>
            <SelectField
              name="ground"
              label={L(t, 'annul.ground')}
              options={['', 'unlawful', 'procedure'].map((g) => ({ value: g, label: g ? L(t, `annul.ground.${g}`) : L(t, 'n.choose') }))}
              value={m.values?.ground}
              error={e.ground}
            />
            <TextArea name="reason" label={L(t, 'annul.reason')} value={m.values?.reason} error={e.reason} rows={3} />
            <button class="btn warn" type="submit" name="action" value="annul">
              {L(t, 'annul.submit')}
            </button>{' '}
            <button class="btn sec" type="submit" name="action" value="amend">
              {L(t, 'annul.amend')}
            </button>
          </PostForm>
        </details>
      )}
    </Layout>
  );
}

function Initiative({ view, m, e }: { view: ViewCtx; m: MatterPageModel; e: FieldErrors }) {
  const t = view.t;
  const i = m.initiative;
  if (!i) return null;
  const id = m.matter.id;
  return (
    <section aria-labelledby="h-init">
      <h2 id="h-init">{L(t, 'init.title')}</h2>
      <p>{L(t, 'init.standing', { valid: i.standing.valid, needed: i.standing.needed, total: i.standing.householdsTotal })}</p>
      {i.standing.frontApproved && <p>{L(t, 'init.frontApproved')}</p>}
      {i.canConsent && (
        <PostForm view={view} action={`/matters/${id}/consent`}>
          <button class="btn" type="submit">
            {L(t, 'init.consent')}
          </button>
        </PostForm>
      )}
      {i.canRecord && (
        <details open={!!e.householdIds || !!e.givenOn}>
          <summary>{L(t, 'init.paper')}</summary>
          <PostForm view={view} action={`/matters/${id}/consents`}>
            <TextField name="givenOn" label={L(t, 'init.givenOn')} hint={L(t, 'f.dateHint')} value={m.values?.givenOn} error={e.givenOn} />
            <fieldset id="f-householdIds">
              <legend>{L(t, 'init.households')}</legend>
              {e.householdIds && <span class="emsg">{e.householdIds}</span>}
              {i.register.map((h) => (
                <label class="check" key={h.id}>
                  <input type="checkbox" name="householdIds" value={String(h.id)} /> {h.code} – {h.representative}
                </label>
              ))}
            </fieldset>
            <button class="btn sec" type="submit">
              {L(t, 'init.paperSubmit')}
            </button>
          </PostForm>
        </details>
      )}
      {i.canApprove && !i.standing.frontApproved && (
        <PostForm view={view} action={`/matters/${id}/approve`}>
          <button class="btn sec" type="submit">
            {L(t, 'init.approve')}
          </button>
        </PostForm>
      )}
      {i.canRecord && (
        <PostForm view={view} action={`/matters/${id}/forward`}>
          {e._form && <p class="emsg">{e._form}</p>}
          <button class="btn" type="submit">
            {L(t, 'init.forward')}
          </button>
        </PostForm>
      )}
    </section>
  );
}

function CommuneStanding({ view, m, e }: { view: ViewCtx; m: MatterPageModel; e: FieldErrors }) {
  const t = view.t;
  const c = m.commune;
  if (!c) return null;
  return (
    <section aria-labelledby="h-commune">
      <h2 id="h-commune">{L(t, 'commune.title')}</h2>
      <table>
        <tbody>
          {c.rows.map((r) => (
            <tr key={r.village.id}>
              <th scope="row">{r.village.name}</th>
              <td>{r.voteId ? <a href={`/votes/${r.voteId}`}>{L(t, `result.${r.outcome ?? 'not_adopted'}`)}</a> : L(t, 'commune.notVoted')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.working && (
        <p>
          <strong>{L(t, 'commune.working', { approving: c.working.villagesApproving, total: c.working.villagesTotal, needed: c.working.needed })}</strong> (
          {c.working.article})
        </p>
      )}
      {c.canConclude && m.matter.status === 'open' && (
        <PostForm view={view} action={`/matters/${m.matter.id}/conclude`}>
          <TextField
            name="effectiveFrom"
            label={L(t, 'commune.effectiveFrom')}
            hint={L(t, 'f.dateHint')}
            value={m.values?.effectiveFrom}
            error={e.effectiveFrom}
          />
          <button class="btn" type="submit">
            {L(t, 'commune.conclude')}
          </button>
        </PostForm>
      )}
    </section>
  );
}
