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

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  type?: 'text' | 'password' | 'tel' | 'search' | 'date';
  autocomplete?: string;
  inputMode?: 'numeric' | 'tel' | 'text';
  class?: string;
};

export function TextField(p: FieldProps) {
  const describedBy = [p.hint && `f-${p.name}-hint`, p.error && `f-${p.name}-err`].filter(Boolean).join(' ') || undefined;
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
      <input
        id={`f-${p.name}`}
        name={p.name}
        type={(p.type ?? 'text') as 'text'}
        value={p.value ?? ''}
        autoComplete={p.autocomplete}
        inputMode={p.inputMode}
        class={p.class}
        aria-describedby={describedBy}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

export function SelectField(p: { name: string; label: string; options: { value: string; label: string }[]; value?: string; error?: string; hint?: string }) {
  return (
    <div class={p.error ? 'fg err' : 'fg'}>
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint && <span class="hint">{p.hint}</span>}
      {p.error && (
        <span class="emsg" id={`f-${p.name}-err`}>
          {p.error}
        </span>
      )}
      <select id={`f-${p.name}`} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `f-${p.name}-err` : undefined}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
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

export function TextArea(p: { name: string; label: string; hint?: string; error?: string; value?: string; rows?: number }) {
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
      <textarea
        id={`f-${p.name}`}
        name={p.name}
        rows={p.rows ?? 8}
        aria-describedby={[p.hint && `f-${p.name}-hint`, p.error && `f-${p.name}-err`].filter(Boolean).join(' ') || undefined}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}
