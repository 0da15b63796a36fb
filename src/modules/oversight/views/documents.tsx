// A project's documents on its page (issue 7 item 5; Law 10/2022 Arts 41–43, Art 11(3)): the public
// ones for everyone with download links, all of them with their flag for the officials who keep the
// register, and their upload form (multipart, works without JavaScript).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { FileField, SelectField } from '../../../platform/ui/form.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { DOC_KINDS } from '../tables.js';

export type DocView = { id: number; kind: string; filename: string; size: number; public: boolean; addedOn: string };
const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

export function ProjectDocuments(props: {
  view: ViewCtx;
  projectId: number;
  docs: DocView[];
  canManage: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { view, docs, values: v, errors: e } = props;
  const t = view.t;
  return (
    <section aria-labelledby="h-docs">
      <h2 id="h-docs">{t('oversight.doc.heading')}</h2>
      {docs.length ? (
        <ul class="list">
          {docs.map((d) => (
            <li key={d.id}>
              {t(`oversight.doc.kind.${d.kind}` as 'oversight.doc.kind.other')}:{' '}
              <a href={`/oversight/files/${d.id}/${encodeURIComponent(d.filename)}`}>{d.filename}</a>{' '}
              <span class="muted">
                ({kb(d.size)}, {formatDate(d.addedOn)})
              </span>
              {props.canManage && !d.public && <span class="tag"> {t('oversight.doc.private')}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('oversight.doc.none')}</p>
      )}
      {props.canManage && (
        <div class="card">
          <h3>{t('oversight.doc.add')}</h3>
          <form method="post" action={`/projects/${props.projectId}/documents`} enctype="multipart/form-data" noValidate>
            <input type="hidden" name="_csrf" value={view.csrf()} />
            <SelectField
              name="docKind"
              label={t('oversight.doc.kindLabel')}
              options={[{ value: '', label: t('oversight.doc.choose') }, ...DOC_KINDS.map((k) => ({ value: k, label: t(`oversight.doc.kind.${k}`) }))]}
              value={v.docKind}
              error={e.docKind}
            />
            <FileField
              name="files"
              label={t('oversight.doc.files')}
              hint={t('oversight.activity.filesHint')}
              error={e.files}
              again={Object.keys(e).length ? t('form.filesAgain') : undefined}
              multiple
            />
            <label class="check">
              <input type="checkbox" name="public" value="1" checked={v.public !== '0'} /> {t('oversight.doc.public')}
            </label>
            <button class="btn" type="submit">
              {t('oversight.doc.save')}
            </button>
          </form>
        </div>
      )}
    </section>
  );
}
