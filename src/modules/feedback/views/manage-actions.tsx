// The handling forms of one item, each shown only when the actor may use it in the item's state.
// Every form carries the version the official saw: a form sent after someone else changed the item
// changes nothing and comes back with a message (optimistic guard).
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { DetailData } from '../manage-data.js';
import { CATEGORIES, KINDS } from '../model.js';

type P = { view: ViewCtx; d: DetailData; values: Record<string, string>; errors: FieldErrors };

function Action(p: { view: ViewCtx; d: DetailData; verb: string; title: string; note?: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`h-${p.verb}`} class="card">
      <h3 id={`h-${p.verb}`}>{p.title}</h3>
      {p.note && <p class="muted">{p.note}</p>}
      <PostForm view={p.view} action={`/feedback/manage/${p.d.item.id}/${p.verb}`}>
        <input type="hidden" name="version" value={String(p.d.item.version)} />
        {p.children}
      </PostForm>
    </section>
  );
}

function Check(p: { name: string; label: string; checked: boolean }) {
  return (
    <div class="fg">
      <label class="check">
        <input type="checkbox" id={`f-${p.name}`} name={p.name} value="1" checked={p.checked} /> {p.label}
      </label>
    </div>
  );
}

const Submit = (p: { label: string; kind?: 'sec' | 'warn' }) => (
  <button class={p.kind ? `btn ${p.kind}` : 'btn'} type="submit">
    {p.label}
  </button>
);

export function ManageActions({ view, d, values: v, errors: e }: P) {
  const t = view.t;
  const it = d.item;
  const c = d.can;
  if (!Object.values(c).some(Boolean)) return null;
  const complexities = (['normal', 'complex', 'very_complex'] as const).map((k) => ({ value: k, label: t(`feedback.handling.complexity.${k}`) }));
  return (
    <section aria-labelledby="h-actions">
      <h2 id="h-actions">{t('feedback.handling.actions')}</h2>
      {c.accept && (
        <Action view={view} d={d} verb="accept" title={t('feedback.handling.accept.title')} note={t(`feedback.handling.accept.note.${it.kind}`)}>
          {it.kind === 'complaint' && it.late_days > 0 && (
            // R-H1 (Complaints Law Arts 9, 11): past the limit only with excluded time and its reason.
            <>
              <p class="esum" role="note">
                {t('feedback.handling.accept.late', { n: it.late_days })}
              </p>
              <TextField
                name="excludedDays"
                label={t('feedback.handling.accept.excludedDays')}
                hint={t('feedback.handling.accept.excludedHint', { n: it.excluded_days })}
                value={v.excludedDays ?? String(it.excluded_days)}
                error={e.excludedDays}
                inputMode="numeric"
              />
              <TextArea
                name="excludedReason"
                label={t('feedback.handling.accept.excludedReason')}
                value={v.excludedReason ?? it.excluded_reason ?? ''}
                error={e.excludedReason}
                rows={2}
              />
            </>
          )}
          <Submit label={t('feedback.handling.accept.button')} />
        </Action>
      )}
      {c.answer && (
        <Action view={view} d={d} verb="answer" title={t('feedback.handling.answer.title')} note={t('feedback.handling.answer.note')}>
          <TextArea name="answer" label={t('feedback.handling.answer.answer')} value={v.answer} error={e.answer} rows={6} />
          {it.kind !== 'denunciation' && <Check name="publishable" label={t('feedback.handling.answer.publishable')} checked={v.publishable === '1'} />}
          <TextArea
            name="publicAnswer"
            label={t('feedback.handling.answer.publicAnswer')}
            hint={t(it.kind === 'denunciation' ? 'feedback.handling.answer.publicHintDenunciation' : 'feedback.handling.answer.publicHint')}
            value={v.publicAnswer}
            error={e.publicAnswer}
            rows={5}
          />
          <Submit label={t('feedback.handling.answer.button')} />
        </Action>
      )}
      {c.publish && (
        <Action view={view} d={d} verb="publish" title={t('feedback.handling.publish.title')} note={t('feedback.handling.publish.note')}>
          <TextArea
            name="publicAnswer"
            label={t('feedback.handling.answer.publicAnswer')}
            hint={t('feedback.handling.answer.publicHint')}
            value={v.publicAnswer ?? it.public_answer ?? ''}
            error={e.publicAnswer}
            rows={5}
          />
          <TextField name="publishWhere" label={t('feedback.handling.publish.where')} value={v.publishWhere} error={e.publishWhere} />
          <Submit label={t('feedback.handling.publish.button')} />
        </Action>
      )}
      {c.step && (
        <Action view={view} d={d} verb="step" title={t('feedback.handling.step.title')}>
          <TextArea name="stepNote" label={t('feedback.handling.step.note')} value={v.stepNote} error={e.stepNote} rows={3} />
          <Check name="public" label={t('feedback.handling.step.public')} checked={v.public === '1'} />
          <Submit label={t('feedback.handling.step.button')} kind="sec" />
        </Action>
      )}
      {c.extend && (
        <Action
          view={view}
          d={d}
          verb="extend"
          title={t('feedback.handling.extend.title')}
          note={t('feedback.handling.extend.note', { n: it.extensions, max: d.maxExtensions })}
        >
          <TextArea name="extensionReason" label={t('feedback.handling.extend.reason')} value={v.extensionReason} error={e.extensionReason} rows={3} />
          <Submit label={t('feedback.handling.extend.button')} kind="sec" />
        </Action>
      )}
      {c.complexity && (
        <Action view={view} d={d} verb="complexity" title={t('feedback.handling.complexity.title')} note={t('feedback.handling.complexity.note')}>
          <SelectField
            name="complexity"
            label={t('feedback.handling.detail.complexity')}
            options={complexities}
            value={v.complexity ?? it.complexity}
            error={e.complexity}
          />
          {it.kind === 'denunciation' && it.status === 'received' && (
            <Check name="multiSite" label={t('feedback.handling.complexity.multiSite')} checked={(v.multiSite ?? String(it.multi_site)) === '1'} />
          )}
          <Submit label={t('feedback.handling.complexity.button')} kind="sec" />
        </Action>
      )}
      {c.route && (
        <Action view={view} d={d} verb="route" title={t('feedback.handling.route.title')} note={t('feedback.handling.route.note')}>
          <SelectField
            name="target"
            label={t('feedback.handling.route.target')}
            options={[{ value: '', label: t('feedback.handling.route.choose') }, ...d.targets]}
            value={v.target}
            error={e.target}
          />
          <TextField name="routeNote" label={t('feedback.handling.route.noteField')} value={v.routeNote} error={e.routeNote} />
          <Submit label={t('feedback.handling.route.button')} kind="sec" />
        </Action>
      )}
      {c.forward && (
        <Action view={view} d={d} verb="forward" title={t('feedback.handling.forward.title')} note={t('feedback.handling.forward.note')}>
          <TextField name="destination" label={t('feedback.handling.forward.destination')} value={v.destination} error={e.destination} />
          <TextField name="forwardNote" label={t('feedback.handling.route.noteField')} value={v.forwardNote} error={e.forwardNote} />
          <Submit label={t('feedback.handling.forward.button')} kind="sec" />
        </Action>
      )}
      {c.reclassify && (
        <Action view={view} d={d} verb="reclassify" title={t('feedback.handling.reclassify.title')} note={t('feedback.handling.reclassify.note')}>
          <SelectField
            name="kind"
            label={t('feedback.handling.list.kind')}
            options={KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))}
            value={v.kind ?? it.kind}
            error={e.kind}
          />
          <SelectField
            name="category"
            label={t('feedback.handling.reclassify.category')}
            options={CATEGORIES.map((k) => ({ value: k, label: t(`feedback.category.${k}`) }))}
            value={v.category ?? it.category}
            error={e.category}
          />
          <TextField
            name="knownOn"
            label={t('feedback.handling.detail.knownOn')}
            hint={t('feedback.handling.reclassify.knownOnHint')}
            value={v.knownOn ?? (it.known_on ? formatDate(it.known_on) : '')}
            error={e.knownOn}
          />
          <Submit label={t('feedback.handling.reclassify.button')} kind="sec" />
        </Action>
      )}
      {c.subject && (
        <Action view={view} d={d} verb="subject" title={t('feedback.handling.subject.title')} note={t('feedback.handling.subject.note')}>
          <SelectField
            name="subjectUnitId"
            label={t('feedback.handling.subject.unit')}
            options={[...(it.subject_unit_id ? [] : [{ value: '', label: t('feedback.handling.none') }]), ...d.subjectUnits]}
            value={v.subjectUnitId ?? (it.subject_unit_id ? String(it.subject_unit_id) : '')}
            error={e.subjectUnitId}
          />
          <SelectField
            name="subjectUserId"
            label={t('feedback.handling.subject.user')}
            options={[...(it.subject_user_id ? [] : [{ value: '', label: t('feedback.handling.none') }]), ...d.subjectUsers]}
            value={v.subjectUserId ?? (it.subject_user_id ? String(it.subject_user_id) : '')}
            error={e.subjectUserId}
          />
          <TextField name="subjectText" label={t('feedback.handling.subject.text')} value={v.subjectText ?? it.subject_text ?? ''} error={e.subjectText} />
          <Submit label={t('feedback.handling.subject.button')} kind="sec" />
        </Action>
      )}
      {c.refuse && (
        <Action view={view} d={d} verb="refuse" title={t('feedback.handling.refuse.title')} note={t('feedback.handling.refuse.note')}>
          <TextArea name="refusalReason" label={t('feedback.handling.refuse.reason')} value={v.refusalReason} error={e.refusalReason} rows={3} />
          <Submit label={t('feedback.handling.refuse.button')} kind="warn" />
        </Action>
      )}
    </section>
  );
}
