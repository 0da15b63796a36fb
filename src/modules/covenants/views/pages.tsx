// The public covenant pages (Decree 61/2023): a village's or commune's list, and one covenant with its
// text, versions and a readable diff, its translation, its steps with their deadlines and its reviews.
// Officials see the forms for their part below (views/manage.tsx).
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { splitArticles } from '../../consultation/rules/articles.js';
import type { CovenantRecord } from '../present.js';
import type { CovenantStatus } from '../rules/cycle.js';
import type { ArticleDiff } from '../rules/diff.js';
import { C, clockText, stepText } from './labels.js';
import { type Manage, ManageSections } from './manage.js';

type Unit = { id: number; name: string };
export type ListRow = { id: number; title: string; village: string; status: CovenantStatus; inForceFrom: string | null; origin: string };

export function ListPage(p: {
  view: ViewCtx;
  unit: Unit;
  isVillage: boolean;
  rows: ListRow[];
  canPropose: boolean;
  canEnter: boolean;
  canSet: boolean;
  commune?: { year: number };
}) {
  const t = p.view.t;
  const title = C(t, 'titleOf', { unit: p.unit.name });
  return (
    <Layout view={p.view} title={title} crumbs={[{ href: `/units/${p.unit.id}`, label: p.unit.name }]}>
      <h1>{title}</h1>
      <p class="lead">{C(t, 'intro')}</p>
      {(p.canPropose || p.canEnter || p.canSet) && (
        <p>
          {p.canPropose && (
            <a class="btn" href={`/units/${p.unit.id}/covenants/new`}>
              {C(t, 'propose')}
            </a>
          )}{' '}
          {p.canEnter && <a href={`/units/${p.unit.id}/covenants/transitional`}>{C(t, 'transitional')}</a>}
          {p.canSet && (
            <>
              {' · '}
              <a href={`/units/${p.unit.id}/covenants/settings`}>{C(t, 'h.settings')}</a>
            </>
          )}
        </p>
      )}
      {p.rows.length === 0 ? (
        <p class="muted">{C(t, 'empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{C(t, 'f.title')}</th>
              {!p.isVillage && <th scope="col">{C(t, 'f.village')}</th>}
              <th scope="col">{C(t, 'f.status')}</th>
              <th scope="col">{C(t, 'f.inForceFrom')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/covenants/${r.id}`}>{r.title}</a>
                </td>
                {!p.isVillage && <td>{r.village}</td>}
                <td>
                  <span class={r.status === 'in_force' ? 'tag ok' : ['annulled', 'refused', 'suspended'].includes(r.status) ? 'tag ended' : 'tag'}>
                    {C(t, `status.${r.status}`)}
                  </span>
                  {r.origin === 'transitional' && <span class="muted"> ({C(t, 'origin.transitional')})</span>}
                </td>
                <td>{r.inForceFrom ? formatDate(r.inForceFrom) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.commune && (
        <section aria-labelledby="h-year">
          <h2 id="h-year">{C(t, 'h.yearReport', { year: p.commune.year })}</h2>
          <p>{C(t, 'report.due', { year: p.commune.year })}</p>
          <p>
            {C(t, 'report.download', { year: p.commune.year })}{' '}
            <a href={`/units/${p.unit.id}/covenants/report.docx?year=${p.commune.year}`}>{C(t, 'report.word')}</a>
            {' · '}
            <a href={`/units/${p.unit.id}/covenants/report.xlsx?year=${p.commune.year}`}>{C(t, 'report.excel')}</a>
          </p>
        </section>
      )}
    </Layout>
  );
}

function Diff(p: { view: ViewCtx; diff: ArticleDiff[] }) {
  const t = p.view.t;
  return (
    <div class="diff">
      <p class="hint">{C(t, 'diff.legend')}</p>
      {p.diff
        .filter((d) => d.op !== 'same')
        .map((d) => (
          <div key={`${d.op}-${d.label}`}>
            <h4>
              {d.label}
              {d.heading && `. ${d.heading}`} <span class="tag">{C(t, `diff.${d.op}`)}</span>
            </h4>
            {d.op === 'changed' ? (
              <p class="pre-line">
                {d.words.map((w, i) => (w.op === 'same' ? w.text : w.op === 'added' ? <ins key={i}>{w.text}</ins> : <del key={i}>{w.text}</del>))}
              </p>
            ) : d.op === 'added' ? (
              <p class="pre-line">
                <ins>{d.body}</ins>
              </p>
            ) : (
              <p class="pre-line">
                <del>{d.body}</del>
              </p>
            )}
          </div>
        ))}
    </div>
  );
}

export type DetailModel = {
  r: CovenantRecord;
  village: Unit;
  shown: number;
  diff: { a: number; b: number; parts: ArticleDiff[] } | null;
  manage: Manage;
  form?: { name: string; values: Record<string, string | string[]>; errors: FieldErrors };
};

export function CovenantPage(p: { view: ViewCtx; m: DetailModel }) {
  const t = p.view.t;
  const { r, village } = p.m;
  const version = r.versions.find((v) => v.number === p.m.shown) ?? r.versions.at(-1);
  return (
    <Layout
      view={p.view}
      title={r.covenant.title}
      crumbs={[
        { href: `/units/${village.id}`, label: village.name },
        { href: `/units/${village.id}/covenants`, label: C(t, 'title') },
      ]}
    >
      <h1>{r.covenant.title}</h1>
      <dl class="kv">
        <dt>{C(t, 'f.village')}</dt>
        <dd>{village.name}</dd>
        <dt>{C(t, 'f.status')}</dt>
        <dd>
          <span class={r.status === 'in_force' ? 'tag ok' : 'tag'}>{C(t, `status.${r.status}`)}</span>
        </dd>
        {r.inForceFrom && (
          <>
            <dt>{C(t, 'f.inForceFrom')}</dt>
            <dd>{formatDate(r.inForceFrom)}</dd>
          </>
        )}
      </dl>
      {r.consultation && r.status === 'consultation' && (
        <p>
          <a class="btn" href={`/consultations/${r.consultation.id}`}>
            {C(t, 'openConsultation')}
          </a>
        </p>
      )}
      <section aria-labelledby="h-text">
        <h2 id="h-text">
          {C(t, 'h.text')}
          {version && ` (${C(t, 'version', { n: version.number })})`}
        </h2>
        {version &&
          splitArticles(version.text).map((a) => (
            <div key={a.position}>
              <h3>
                {a.label}
                {a.heading && `. ${a.heading}`}
              </h3>
              <p class="pre-line">{a.body}</p>
            </div>
          ))}
        {version?.translation_text && (
          <details>
            <summary>{C(t, 'h.translation', { language: version.translation_language ?? '' })}</summary>
            <p class="pre-line" lang="und">
              {version.translation_text}
            </p>
          </details>
        )}
      </section>
      {r.versions.length > 0 && (
        <section aria-labelledby="h-versions">
          <h2 id="h-versions">{C(t, 'h.versions')}</h2>
          <ol>
            {r.versions.map((v) => (
              <li key={v.number}>
                <a href={`/covenants/${r.covenant.id}?v=${v.number}`}>{C(t, 'version', { n: v.number })}</a> ({formatDate(v.created_at.slice(0, 10))}): {v.note}
                {v.number > 1 && (
                  <>
                    {' · '}
                    <a href={`/covenants/${r.covenant.id}?v=${v.number}&compare=${v.number - 1}#h-diff`}>{C(t, 'compare')}</a>
                  </>
                )}
              </li>
            ))}
          </ol>
          {p.m.diff && (
            <>
              <h3 id="h-diff">{C(t, 'h.diff', { a: p.m.diff.b, b: p.m.diff.a })}</h3>
              <Diff view={p.view} diff={p.m.diff.parts} />
            </>
          )}
        </section>
      )}
      <section aria-labelledby="h-cycle">
        <h2 id="h-cycle">{C(t, 'h.cycle')}</h2>
        <ol>
          {r.steps.map((s, i) => (
            <li key={i}>
              {stepText(t, s)}
              {s.clock && <span class={s.clock.overdue ? 'tag ended' : 'tag ok'}> {clockText(t, s.clock)}</span>}
            </li>
          ))}
        </ol>
        {r.covenant.history && <p class="pre-line">{r.covenant.history}</p>}
        {r.matter && p.m.manage.managed && <a href={`/matters/${r.matter.id}`}>{C(t, 'openMatter')}</a>}
      </section>
      {(r.reviews.length > 0 || r.status === 'in_force') && (
        <section aria-labelledby="h-review">
          <h2 id="h-review">{C(t, 'h.review')}</h2>
          <p>{C(t, 'reviewDue', { year: r.reviewDue.slice(0, 4), date: formatDate(r.reviewDue) })}</p>
          <ul>
            {r.reviews.map((v) => (
              <li key={v.year}>{C(t, 'reviewed', { date: formatDate(v.held_on), outcome: C(t, `outcome.${v.outcome}`), note: v.note })}</li>
            ))}
          </ul>
        </section>
      )}
      <ManageSections view={p.view} m={p.m} />
    </Layout>
  );
}
