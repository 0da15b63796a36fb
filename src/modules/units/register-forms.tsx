// The forms that change a household register (issue 4 item 2): add a household, a household leaves,
// moves to another village, or changes its representative (Law 10/2022 Art 18(2)). Each re-renders
// with the message next to the field and what was typed.
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../platform/errors.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../platform/ui/form.js';
import { Layout } from '../../platform/ui/layout.js';
import type { ViewCtx } from '../../platform/ui/view.js';

export type Values = Record<string, string>;
type Common = { view: ViewCtx; village: { id: number; name: string }; values: Values; errors?: FieldErrors };

function Shell(p: {
  view: ViewCtx;
  village: { id: number; name: string };
  heading: string;
  action: string;
  errors?: FieldErrors;
  children: ComponentChildren;
}) {
  const { t } = p.view;
  const back = `/units/${p.village.id}/households`;
  return (
    <Layout
      view={p.view}
      title={p.heading}
      crumbs={[
        { href: `/units/${p.village.id}`, label: p.village.name },
        { href: back, label: t('households.title') },
      ]}
    >
      <h1>{p.heading}</h1>
      <ErrorSummary view={p.view} errors={p.errors} />
      {p.errors?._form && <p class="emsg">{p.errors._form}</p>}
      <PostForm view={p.view} action={p.action}>
        {p.children}
        <p>
          <button class="btn" type="submit">
            {t('register.save')}
          </button>{' '}
          <a href={back}>{t('register.back')}</a>
        </p>
      </PostForm>
    </Layout>
  );
}

export function AddHouseholdPage({ view, village, values: v, errors }: Common) {
  const { t } = view;
  const e = errors ?? {};
  return (
    <Shell
      view={view}
      village={village}
      heading={t('register.heading.add', { village: village.name })}
      action={`/units/${village.id}/households`}
      errors={errors}
    >
      <TextField name="code" label={t('register.field.code')} hint={t('register.field.codeHint')} value={v.code} error={e.code} />
      <TextField name="address" label={t('register.field.address')} value={v.address} error={e.address} />
      <TextField name="name" label={t('register.field.repName')} hint={t('register.field.repNameHint')} value={v.name} error={e.name} />
      <div class="row">
        <TextField name="birthYear" label={t('register.field.birthYear')} inputMode="numeric" value={v.birthYear} error={e.birthYear} />
        <TextField name="phone" label={t('register.field.phone')} type="tel" autocomplete="off" value={v.phone} error={e.phone} />
      </div>
      <TextField name="date" label={t('register.field.dateAdd')} hint={t('register.field.dateAddHint')} inputMode="numeric" value={v.date} error={e.date} />
    </Shell>
  );
}

type HouseholdCtx = Common & { household: { id: number; code: string; representative: string } };

export function LeavePage({ view, village, household: h, values: v, errors }: HouseholdCtx) {
  const { t } = view;
  const e = errors ?? {};
  return (
    <Shell view={view} village={village} heading={t('register.heading.leave', { code: h.code })} action={`/households/${h.id}/leave`} errors={errors}>
      {h.representative && <p>{t('register.current', { name: h.representative })}</p>}
      <TextField name="date" label={t('register.field.dateLeave')} hint={t('register.field.dateLeaveHint')} inputMode="numeric" value={v.date} error={e.date} />
      <TextField name="reason" label={t('register.field.reason')} value={v.reason} error={e.reason} />
    </Shell>
  );
}

export function MovePage({ view, village, household: h, targets, values: v, errors }: HouseholdCtx & { targets: { id: number; name: string }[] }) {
  const { t } = view;
  const e = errors ?? {};
  const heading = t('register.heading.move', { code: h.code });
  if (targets.length === 0)
    return (
      <Layout view={view} title={heading} crumbs={[{ href: `/units/${village.id}/households`, label: village.name }]}>
        <h1>{heading}</h1>
        {Object.entries(e).map(([k, msg]) => (
          <p class="emsg" role="alert" key={k}>
            {msg}
          </p>
        ))}
        <p>{t('register.noTargets')}</p>
        <p>
          <a href={`/units/${village.id}/households`}>{t('register.back')}</a>
        </p>
      </Layout>
    );
  return (
    <Shell view={view} village={village} heading={heading} action={`/households/${h.id}/move`} errors={errors}>
      <p>{t('register.lead.move', { village: village.name })}</p>
      <SelectField
        name="targetId"
        label={t('register.field.target')}
        value={v.targetId}
        error={e.targetId}
        options={[{ value: '', label: t('register.field.pickTarget') }, ...targets.map((x) => ({ value: String(x.id), label: x.name }))]}
      />
      <TextField name="code" label={t('register.field.newCode')} hint={t('register.field.codeHint')} value={v.code} error={e.code} />
      <TextField name="address" label={t('register.field.newAddress')} value={v.address} error={e.address} />
      <TextField name="date" label={t('register.field.dateMove')} hint={t('register.field.dateMoveHint')} inputMode="numeric" value={v.date} error={e.date} />
    </Shell>
  );
}

export type Member = { id: number; full_name: string; birth_year: number | null };

export function RepresentativePage({ view, village, household: h, members, values: v, errors }: HouseholdCtx & { members: Member[] }) {
  const { t } = view;
  const e = errors ?? {};
  return (
    <Shell view={view} village={village} heading={t('register.heading.rep', { code: h.code })} action={`/households/${h.id}/representative`} errors={errors}>
      {h.representative && <p>{t('register.current', { name: h.representative })}</p>}
      <fieldset class={e.choice ? 'fg err' : 'fg'} id="f-choice" aria-describedby={e.choice ? 'f-choice-err' : undefined}>
        <legend>{t('register.field.choice')}</legend>
        {e.choice && (
          <span class="emsg" id="f-choice-err">
            {e.choice}
          </span>
        )}
        {members.length === 0 && <p class="muted">{t('register.noMembers')}</p>}
        {members.map((m) => (
          <label class="check" key={m.id}>
            <input type="radio" name="choice" value={`m${m.id}`} checked={v.choice === `m${m.id}`} />{' '}
            {m.birth_year
              ? t('register.field.member', { name: m.full_name, year: String(m.birth_year) })
              : t('register.field.memberNoYear', { name: m.full_name })}
          </label>
        ))}
        <label class="check">
          <input type="radio" name="choice" value="authorised" checked={v.choice === 'authorised'} /> {t('register.field.authorised')}
        </label>
      </fieldset>
      <TextField
        name="authorisedName"
        label={t('register.field.authorisedName')}
        hint={t('register.field.authorisedHint')}
        value={v.authorisedName}
        error={e.authorisedName}
      />
    </Shell>
  );
}
