// The official's panel on the draft page: open, answer and close, mark issued; the persons affected
// by an adverse decision (R-D3, Art 27) and the union's opinion (Art 55(2)).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { PostForm, TextArea, TextField } from '../../../platform/ui/form.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { ConsultationRow } from '../consultation.repo.js';
import { ADVERSE_MATTER, UNION_MATTER } from '../matters.js';

export type ManageModel = {
  c: ConsultationRow;
  canPrepare: boolean;
  canEnter: boolean;
  canRecordUnion: boolean;
  channels: readonly string[];
  affected: { id: number; name: string; notified_on: string; notice_method: string; views: string | null; gave_no_views: number; explanation: string }[];
  values: Record<string, string>;
  errors: FieldErrors;
};

export function ManagePanel({ view, m }: { view: ViewCtx; m: ManageModel }) {
  const { t } = view;
  const { c, errors: e } = m;
  const base = `/consultations/${c.id}`;
  const v = (k: string) => m.values[k] ?? '';
  return (
    <section class="card" aria-labelledby="h-manage">
      <h2 id="h-manage">{t('consultation.manage.title')}</h2>
      {m.canPrepare && c.status === 'draft' && (
        <>
          <p>
            <a class="btn sec" href={`${base}/edit`}>
              {t('consultation.manage.edit')}
            </a>
          </p>
          {e.planSentOn && <p class="emsg">{e.planSentOn}</p>}
          <PostForm view={view} action={`${base}/open`}>
            <button class="btn" type="submit">
              {t('consultation.manage.open', { days: c.period_days })}
            </button>
          </PostForm>
        </>
      )}
      {m.canPrepare && c.status === 'open' && (
        <>
          <p>
            <a class="btn sec" href={`${base}/synthesis`}>
              {t('consultation.manage.synthesis')}
            </a>
          </p>
          <div class={e.close ? 'fg err' : 'fg'} id="f-close">
            {e.close && <span class="emsg">{e.close}</span>}
            <PostForm view={view} action={`${base}/close`}>
              <button class="btn" type="submit">
                {t('consultation.manage.close')}
              </button>
            </PostForm>
          </div>
        </>
      )}
      {c.matter === ADVERSE_MATTER && c.scope === 'commune' && m.canPrepare && (
        <>
          <h3>{t('consultation.affected.title')}</h3>
          {m.affected.length === 0 ? (
            <p class="muted">{t('consultation.affected.none')}</p>
          ) : (
            <ul>
              {m.affected.map((a) => (
                <li key={a.id}>
                  {t('consultation.affected.line', { name: a.name, date: formatDate(a.notified_on), method: a.notice_method })}{' '}
                  {a.gave_no_views ? t('consultation.affected.noViews') : a.views} — {a.explanation}
                </li>
              ))}
            </ul>
          )}
          {c.status !== 'issued' && (
            <PostForm view={view} action={`${base}/affected`}>
              <TextField name="name" label={t('consultation.affected.name')} value={v('name')} error={e.name} />
              <TextField name="notifiedOn" label={t('consultation.affected.notifiedOn')} hint="dd/mm/yyyy" value={v('notifiedOn')} error={e.notifiedOn} />
              <TextField name="noticeMethod" label={t('consultation.affected.noticeMethod')} value={v('noticeMethod')} error={e.noticeMethod} />
              <TextArea name="views" label={t('consultation.affected.views')} value={v('views')} error={e.views} rows={3} />
              <label class="check">
                <input type="checkbox" name="gaveNoViews" value="1" checked={v('gaveNoViews') === '1'} /> {t('consultation.affected.gaveNoViews')}
              </label>
              <TextArea name="explanation" label={t('consultation.affected.explanation')} value={v('explanation')} error={e.explanation} rows={3} />
              <button class="btn sec" type="submit">
                {t('consultation.affected.add')}
              </button>
            </PostForm>
          )}
        </>
      )}
      {c.matter === UNION_MATTER && c.scope === 'agency' && (
        <>
          <h3>{t('consultation.union.title')}</h3>
          {c.union_consulted_on ? (
            <p>{t('consultation.union.recorded', { date: formatDate(c.union_consulted_on), opinion: c.union_opinion ?? '' })}</p>
          ) : (
            <p class="muted">{t('consultation.union.none')}</p>
          )}
          {m.canRecordUnion && c.status !== 'issued' && c.status !== 'draft' && (
            <PostForm view={view} action={`${base}/union`}>
              <TextField name="unionDate" label={t('consultation.union.date')} hint="dd/mm/yyyy" value={v('unionDate')} error={e.unionDate} />
              <TextArea name="unionOpinion" label={t('consultation.union.opinion')} value={v('unionOpinion')} error={e.unionOpinion} rows={3} />
              <button class="btn sec" type="submit">
                {t('consultation.union.record')}
              </button>
            </PostForm>
          )}
        </>
      )}
      {m.canPrepare && c.status === 'closed' && (
        <>
          <h3>{t('consultation.issue.title')}</h3>
          {e.issue && <p class="emsg">{e.issue}</p>}
          <PostForm view={view} action={`${base}/issue`}>
            <TextField name="issuedNumber" label={t('consultation.issue.number')} value={v('issuedNumber')} error={e.issuedNumber} />
            <TextField name="issuedOn" label={t('consultation.issue.date')} hint="dd/mm/yyyy" value={v('issuedOn')} error={e.issuedOn} />
            <button class="btn" type="submit">
              {t('consultation.issue.submit')}
            </button>
          </PostForm>
        </>
      )}
    </section>
  );
}
