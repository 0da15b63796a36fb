// A commune's feedback settings: remote area (Complaints Law Arts 28, 33; R-H2), the period in which
// a citizen may reopen an answer, and the handler of each category (R-H7; issue 5 item 3).
import type { FieldErrors } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { CATEGORIES, DEFAULT_HANDLER } from '../model.js';

export type SettingsModel = {
  unit: { id: number; name: string };
  agencies: { id: number; name: string }[];
  values: { remoteArea: boolean; reopenDays: string; routing: Record<string, string> };
  errors?: FieldErrors;
};

export function SettingsPage({ view, m }: { view: ViewCtx; m: SettingsModel }) {
  const t = view.t;
  const title = t('feedback.handling.settings.title');
  const choices = (category: string) => [
    { value: '', label: t('feedback.handling.settings.default', { handler: t(`feedback.handling.settings.handler.${DEFAULT_HANDLER[category as 'other']}`) }) },
    { value: 'commune', label: t('feedback.handling.settings.handler.commune') },
    { value: 'village', label: t('feedback.handling.settings.handler.village') },
    { value: 'inspection_board', label: t('feedback.handling.board') },
    ...m.agencies.map((a) => ({ value: `agency:${a.id}`, label: a.name })),
  ];
  return (
    <Layout
      view={view}
      title={`${title} – ${m.unit.name}`}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/feedback/manage`, label: t('feedback.handling.list.title') },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      <PostForm view={view} action={`/units/${m.unit.id}/feedback/settings`}>
        <h2>{t('feedback.handling.settings.deadlines')}</h2>
        <div class="fg">
          <label class="check">
            <input type="checkbox" id="f-remoteArea" name="remoteArea" value="1" checked={m.values.remoteArea} /> {t('feedback.handling.settings.remoteArea')}
          </label>
          <span class="hint">{t('feedback.handling.settings.remoteHint')}</span>
        </div>
        <TextField
          name="reopenDays"
          label={t('feedback.handling.settings.reopenDays')}
          hint={t('feedback.handling.settings.reopenHint')}
          inputMode="numeric"
          value={m.values.reopenDays}
          error={m.errors?.reopenDays}
        />
        <h2>{t('feedback.handling.settings.routing')}</h2>
        <p class="muted">{t('feedback.handling.settings.routingHint')}</p>
        {CATEGORIES.map((c) => (
          <SelectField
            key={c}
            name={`route_${c}`}
            label={t(`feedback.category.${c}` as MessageKey)}
            options={choices(c)}
            value={m.values.routing[c] ?? ''}
            error={m.errors?.[`route_${c}`]}
          />
        ))}
        <button class="btn" type="submit">
          {t('feedback.handling.settings.save')}
        </button>
      </PostForm>
    </Layout>
  );
}
