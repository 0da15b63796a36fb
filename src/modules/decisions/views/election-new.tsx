// Opening an election or a dismissal (Decree 59/2023 Arts 6, 9): the village, the office, and for a
// dismissal its ground (a petition with the number of households that signed it) and the holder.
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { GROUNDS, POSITIONS } from '../commands/election-common.js';
import type { Holder } from '../commands/election-read.js';
import { groundLabel, officeLabel } from './election-parts.js';

export type NewElectionModel = {
  unit: { id: number; name: string };
  villages: { id: number; name: string; level: string }[];
  holders: Holder[];
  values: Record<string, string>;
  errors?: FieldErrors;
};

export function NewElectionPage({ view, m }: { view: ViewCtx; m: NewElectionModel }) {
  const t = view.t;
  const v = m.values;
  const e = m.errors ?? {};
  const title = t('decisions.election.new.title');
  const level = m.villages.find((x) => String(x.id) === v.villageId)?.level ?? m.villages[0]?.level ?? 'village';
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/elections`, label: t('decisions.election.list.short') },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      <PostForm view={view} action={`/units/${m.unit.id}/elections/new`}>
        <SelectField
          name="villageId"
          label={t('decisions.election.new.village')}
          options={[
            ...(m.villages.length > 1 ? [{ value: '', label: t('decisions.election.choose') }] : []),
            ...m.villages.map((x) => ({ value: String(x.id), label: x.name })),
          ]}
          value={v.villageId}
          error={e.villageId}
        />
        <SelectField
          name="position"
          label={t('decisions.election.new.position')}
          hint={t('decisions.election.new.positionHint')}
          options={POSITIONS.map((p) => ({ value: p, label: officeLabel(t, p, level) }))}
          value={v.position}
          error={e.position}
        />
        <SelectField
          name="kind"
          label={t('decisions.election.new.kind')}
          options={[
            { value: 'election', label: t('decisions.election.kind.election') },
            { value: 'dismissal', label: t('decisions.election.kind.dismissal') },
          ]}
          value={v.kind}
          error={e.kind}
        />
        <fieldset>
          <legend>{t('decisions.election.new.dismissalOnly')}</legend>
          <SelectField
            name="ground"
            label={t('decisions.election.new.ground')}
            options={[{ value: '', label: t('decisions.election.choose') }, ...GROUNDS.map((g) => ({ value: g, label: groundLabel(t, g) }))]}
            value={v.ground}
            error={e.ground}
          />
          <TextField
            name="petitionHouseholds"
            label={t('decisions.election.new.petitionHouseholds')}
            hint={t('decisions.election.new.petitionHint')}
            inputMode="numeric"
            value={v.petitionHouseholds}
            error={e.petitionHouseholds}
          />
          <SelectField
            name="holderResidentId"
            label={t('decisions.election.new.holder')}
            hint={t('decisions.election.new.holderHint')}
            options={[
              { value: '', label: t('decisions.election.new.holderOnly') },
              ...m.holders
                .filter((h) => !h.interim)
                .map((h) => ({ value: String(h.residentId), label: `${h.name} — ${officeLabel(t, h.position, level)}, ${h.villageName}` })),
            ]}
            value={v.holderResidentId}
            error={e.holderResidentId}
          />
        </fieldset>
        <TextArea name="description" label={t('decisions.election.new.description')} rows={3} value={v.description} error={e.description} />
        <button class="btn" type="submit">
          {t('decisions.election.new.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
