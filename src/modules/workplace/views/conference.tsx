// One staff conference (or staff-wide ballot): its quorum working (R-G3, Art 51(2)), agenda (Art 51(3)–(4)),
// the matters staff decided with their votes (Art 49), and the six-monthly reviews (Art 52(3)).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../platform/i18n/index.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { DECISION_MATTERS } from '../commands/conference.js';
import type { WorkplaceConference, WorkplaceDecisionTable, WorkplaceReviewTable } from '../tables.js';

type Decision = Omit<WorkplaceDecisionTable, 'id'> & { id: number };
type Review = Omit<WorkplaceReviewTable, 'id'> & { id: number };

export function ConferencePage(p: {
  view: ViewCtx;
  m: {
    c: WorkplaceConference;
    agency: { id: number; name: string };
    quorumNeeded: number;
    decisions: Decision[];
    reviews: Review[];
    nextReview: string;
    reviewOverdue: boolean;
    canRecord: boolean;
    values: Record<string, string>;
    errors?: FieldErrors;
  };
}) {
  const { view, m } = p;
  const { t } = view;
  const { c } = m;
  const e = m.errors ?? {};
  const title = t('workplace.conf.title', { year: c.work_year, name: m.agency.name });
  const valid = c.outcome === 'valid';
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/agencies/${m.agency.id}/workplace`, label: m.agency.name }]}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={m.errors} />
      <dl class="facts">
        <dt>{t('workplace.field.heldOn')}</dt>
        <dd>
          {formatDate(c.held_on)} {c.late ? <span class="tag ended">{t('workplace.conf.late')}</span> : null}
        </dd>
        <dt>{t('workplace.field.form')}</dt>
        <dd>
          {t(`workplace.form.${c.form}`)} · {t(`workplace.convocation.${c.convocation === 2 ? 2 : 1}`)}
        </dd>
        <dt>{t('workplace.conf.quorum')}</dt>
        <dd>
          {c.form === 'ballot'
            ? t('workplace.conf.ballotWorking', { present: formatNumber(c.present), staff: formatNumber(c.staff) })
            : t('workplace.conf.quorumWorking', { present: formatNumber(c.present), base: formatNumber(c.base), needed: formatNumber(m.quorumNeeded) })}{' '}
          <span class={valid ? 'tag ok' : 'tag ended'}>{t(`workplace.outcome.${c.outcome}`)}</span>
        </dd>
      </dl>
      {!valid && <p class="flagline">{t('workplace.conf.noQuorumNext')}</p>}
      {c.agenda && (
        <>
          <h2>{t('workplace.field.agenda')}</h2>
          {/* One paragraph per line: the CSP (style-src 'self') forbids inline styles such as pre-line. */}
          {c.agenda
            .split(/\r?\n/)
            .filter((l) => l.trim())
            .map((l, i) => (
              <p key={i}>{l}</p>
            ))}
        </>
      )}
      {valid && (
        <>
          <h2>{t('workplace.dec.title')}</h2>
          {m.decisions.length ? (
            <table>
              <caption>{t('workplace.dec.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workplace.field.matter')}</th>
                  <th scope="col">{t('workplace.dec.votes')}</th>
                  <th scope="col">{t('workplace.dec.result')}</th>
                </tr>
              </thead>
              <tbody>
                {m.decisions.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {t(`workplace.matter.${d.matter}`)}: {d.title}
                      {d.matter === 'board' && (
                        <>
                          {' '}
                          <a href={`/agencies/${m.agency.id}/oversight`}>{t('workplace.dec.board')}</a>
                        </>
                      )}
                    </td>
                    <td>{t('workplace.dec.working', { votes: formatNumber(d.votes_for), base: formatNumber(d.base), needed: formatNumber(d.needed) })}</td>
                    <td>
                      <span class={d.adopted ? 'tag ok' : 'tag ended'}>{t(d.adopted ? 'workplace.dec.adopted' : 'workplace.dec.rejected')}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">{t('workplace.dec.none')}</p>
          )}
          {m.canRecord && (
            <PostForm view={view} action={`/staff-conferences/${c.id}/decisions`}>
              <SelectField
                name="matter"
                label={t('workplace.field.matter')}
                value={m.values.matter ?? 'resolution'}
                error={e.matter}
                options={DECISION_MATTERS.map((k) => ({ value: k, label: t(`workplace.matter.${k}`) }))}
              />
              <TextField name="title" label={t('workplace.field.decisionTitle')} value={m.values.title} error={e.title} />
              <TextField
                name="votesFor"
                label={t('workplace.field.votesFor')}
                hint={t(c.form === 'ballot' ? 'workplace.field.votesForHintBallot' : 'workplace.field.votesForHint', {
                  base: formatNumber(c.form === 'ballot' ? c.staff : c.present),
                })}
                value={m.values.votesFor}
                error={e.votesFor}
                inputMode="numeric"
              />
              <button class="btn sec" type="submit">
                {t('workplace.dec.submit')}
              </button>
            </PostForm>
          )}
          <h2>{t('workplace.rev.title')}</h2>
          <p class="flagline">
            <span class={m.reviewOverdue ? 'tag ended' : 'tag'}>{t(m.reviewOverdue ? 'workplace.rev.overdue' : 'workplace.rev.due')}</span>{' '}
            {t('workplace.rev.next', { date: formatDate(m.nextReview) })}
          </p>
          {m.reviews.length > 0 && (
            <ul class="list">
              {m.reviews.map((r) => (
                <li key={r.id}>
                  {t('workplace.rev.item', { date: formatDate(r.reviewed_on), told: formatDate(r.told_staff_on) })}: {r.result}
                </li>
              ))}
            </ul>
          )}
          {m.canRecord && (
            <PostForm view={view} action={`/staff-conferences/${c.id}/reviews`}>
              <div class="row">
                <TextField
                  name="reviewedOn"
                  label={t('workplace.field.reviewedOn')}
                  hint="dd/mm/yyyy"
                  value={m.values.reviewedOn}
                  error={e.reviewedOn}
                  inputMode="numeric"
                />
                <TextField
                  name="toldStaffOn"
                  label={t('workplace.field.toldStaffOn')}
                  hint="dd/mm/yyyy"
                  value={m.values.toldStaffOn}
                  error={e.toldStaffOn}
                  inputMode="numeric"
                />
              </div>
              <TextArea name="result" label={t('workplace.field.result')} value={m.values.result} error={e.result} rows={3} />
              <button class="btn sec" type="submit">
                {t('workplace.rev.submit')}
              </button>
            </PostForm>
          )}
        </>
      )}
    </Layout>
  );
}
