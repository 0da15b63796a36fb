// Forms on their own page: proposing a covenant (Art 7; through decisions' proposal), entering a
// pre-2023 covenant (Law Art 91(3); Decree 61 Art 24) and the village settings (R-E6, R-E7).
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { C } from './labels.js';

type Unit = { id: number; name: string };
type Values = Record<string, string>;
const crumbs = (u: Unit, t: ViewCtx['t']) => [
  { href: `/units/${u.id}`, label: u.name },
  { href: `/units/${u.id}/covenants`, label: C(t, 'title') },
];

export function ProposePage(p: { view: ViewCtx; unit: Unit; values: Values; errors?: FieldErrors; inForce: { id: number; title: string }[] }) {
  const t = p.view.t;
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <Layout view={p.view} title={C(t, 'propose')} crumbs={crumbs(p.unit, t)}>
      <h1>{C(t, 'propose')}</h1>
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action={`/units/${p.unit.id}/covenants`}>
        <TextField name="title" label={C(t, 'f.title')} value={v.title} error={e.title} />
        <SelectField
          name="kind"
          label={C(t, 'f.kind')}
          value={v.kind}
          error={e.kind}
          options={['new', 'amendment', 'replacement'].map((k) => ({ value: k, label: C(t, `kind.${k}`) }))}
        />
        {p.inForce.length > 0 && (
          <SelectField
            name="replacesId"
            label={C(t, 'f.replacesId')}
            value={v.replacesId}
            error={e.replacesId}
            options={[{ value: '', label: '—' }, ...p.inForce.map((c) => ({ value: String(c.id), label: c.title }))]}
          />
        )}
        {p.inForce.length === 0 && e.replacesId && <p class="emsg">{e.replacesId}</p>}
        <fieldset class="fg" id="f-proposer">
          <legend>{C(t, 'f.proposer')}</legend>
          {e.proposer && <span class="emsg">{e.proposer}</span>}
          {['leader', 'initiative'].map((k) => (
            <label class="check" key={k}>
              <input type="radio" name="proposer" value={k} checked={(v.proposer || 'leader') === k} /> {C(t, `proposer.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextField name="agreementBy" label={C(t, 'f.agreementBy')} value={v.agreementBy} error={e.agreementBy} />
        <TextField name="agreementOn" label={C(t, 'f.agreementOn')} value={v.agreementOn} error={e.agreementOn} />
        <TextField name="initiatorName" label={C(t, 'f.initiatorName')} value={v.initiatorName} error={e.initiatorName} />
        <button class="btn" type="submit">
          {C(t, 'proposeSubmit')}
        </button>
      </PostForm>
    </Layout>
  );
}

export function TransitionalPage(p: { view: ViewCtx; unit: Unit; values: Values; errors?: FieldErrors }) {
  const t = p.view.t;
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <Layout view={p.view} title={C(t, 'transitional')} crumbs={crumbs(p.unit, t)}>
      <h1>{C(t, 'transitional')}</h1>
      <p class="lead">{C(t, 'transitionalHint')}</p>
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action={`/units/${p.unit.id}/covenants/transitional`}>
        <TextField name="title" label={C(t, 'f.title')} value={v.title} error={e.title} />
        <TextField name="adoptedOn" label={C(t, 'f.adoptedOn')} value={v.adoptedOn} error={e.adoptedOn} />
        <TextField name="recognisedOn" label={C(t, 'f.recognisedOn')} value={v.recognisedOn} error={e.recognisedOn} />
        <TextField name="recognitionNumber" label={C(t, 'f.recognitionNumber')} value={v.recognitionNumber} error={e.recognitionNumber} />
        <TextArea name="text" label={C(t, 'f.text')} value={v.text} error={e.text} rows={14} />
        <TextArea name="history" label={C(t, 'f.history')} value={v.history} error={e.history} rows={4} />
        <button class="btn" type="submit">
          {C(t, 'save')}
        </button>
      </PostForm>
    </Layout>
  );
}

export function SettingsPage(p: { view: ViewCtx; unit: Unit; values: Values; errors?: FieldErrors }) {
  const t = p.view.t;
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <Layout view={p.view} title={C(t, 'h.settings')} crumbs={crumbs(p.unit, t)}>
      <h1>
        {C(t, 'h.settings')}: {p.unit.name}
      </h1>
      <ErrorSummary view={p.view} errors={p.errors} />
      <PostForm view={p.view} action={`/units/${p.unit.id}/covenants/settings`}>
        <label class="check">
          <input type="checkbox" name="ethnicMinority" value="1" checked={v.ethnicMinority === '1'} /> {C(t, 'f.ethnicMinority')}
        </label>
        <TextField name="ethnicLanguage" label={C(t, 'f.ethnicLanguage')} value={v.ethnicLanguage} error={e.ethnicLanguage} />
        <TextField name="reviewDay" label={C(t, 'f.reviewDay')} value={v.reviewDay} error={e.reviewDay} />
        <button class="btn" type="submit">
          {C(t, 'save')}
        </button>
      </PostForm>
    </Layout>
  );
}
