// Form components after the GOV.UK Design System: an error summary at the top linking to each
// field, the message next to the field, and the form shown again with what was typed.
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../errors.js';
import type { ViewCtx } from './view.js';

export function ErrorSummary(props: { view: ViewCtx; errors?: FieldErrors }) {
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="esum" role="alert" aria-labelledby="esum-title" tabIndex={-1}>
      <h2 id="esum-title">{props.view.t('err.summaryTitle')}</h2>
      <ul>
        {entries.map(([field, msg]) => (
          <li key={field}>
            <a href={field === '_form' ? '#main' : `#f-${field}`}>{msg}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The frame every field shares: label, hint, error message, and the attributes that tie them to the control. */
type Frame = { name: string; label: string; hint?: string; error?: string };
function frameAttrs(p: Frame) {
  return {
    id: `f-${p.name}`,
    name: p.name,
    'aria-describedby': [p.hint && `f-${p.name}-hint`, p.error && `f-${p.name}-err`].filter(Boolean).join(' ') || undefined,
    'aria-invalid': p.error ? ('true' as const) : undefined,
  };
}
function Field(p: Frame & { children: ComponentChildren }) {
  return (
    <div class={p.error ? 'fg err' : 'fg'}>
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint && (
        <span class="hint" id={`f-${p.name}-hint`}>
          {p.hint}
        </span>
      )}
      {p.error && (
        <span class="emsg" id={`f-${p.name}-err`}>
          {p.error}
        </span>
      )}
      {p.children}
    </div>
  );
}

type FieldProps = Frame & {
  value?: string;
  type?: 'text' | 'password' | 'tel' | 'search' | 'date';
  autocomplete?: string;
  inputMode?: 'numeric' | 'tel' | 'text';
  class?: string;
};

export function TextField(p: FieldProps) {
  return (
    <Field {...p}>
      <input
        {...frameAttrs(p)}
        type={(p.type ?? 'text') as 'text'}
        value={p.value ?? ''}
        autoComplete={p.autocomplete}
        inputMode={p.inputMode}
        class={p.class}
      />
    </Field>
  );
}

export function SelectField(p: Frame & { options: { value: string; label: string }[]; value?: string }) {
  return (
    <Field {...p}>
      <select {...frameAttrs(p)}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TextArea(p: Frame & { value?: string; rows?: number }) {
  return (
    <Field {...p}>
      <textarea {...frameAttrs(p)} rows={p.rows ?? 8}>
        {p.value ?? ''}
      </textarea>
    </Field>
  );
}

/** A file input. A browser never refills one, so a form sent back with errors says so (`again`, e.g.
 * `view.t('form.filesAgain')`): without it the files were silently lost on the second try. */
export function FileField(p: Frame & { accept?: string; multiple?: boolean; again?: string }) {
  const hint = [p.hint, p.again].filter(Boolean).join(' ') || undefined;
  return (
    <Field {...p} hint={hint}>
      <input {...frameAttrs({ ...p, hint })} type="file" multiple={p.multiple} accept={p.accept} />
    </Field>
  );
}

/** A POST form with its CSRF token. */
export function PostForm(props: { view: ViewCtx; action: string; children: ComponentChildren; class?: string }) {
  return (
    <form method="post" action={props.action} class={props.class} noValidate>
      <input type="hidden" name="_csrf" value={props.view.csrf()} />
      {props.children}
    </form>
  );
}
