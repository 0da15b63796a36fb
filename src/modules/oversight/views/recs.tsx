// A commune's recommendations by state (R-F5): the overdue list the chairman and the Front watch.
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { RecList, type RecView } from './parts.js';

export function RecListPage({ view, m }: { view: ViewCtx; m: { unit: { id: number; name: string }; state: string; recs: RecView[]; today: string } }) {
  const t = view.t;
  const title = t(`oversight.recs.${m.state}` as 'oversight.recs.overdue');
  const base = `/units/${m.unit.id}/oversight/recommendations`;
  return (
    <Layout
      view={view}
      title={title}
      crumbs={[
        { href: `/units/${m.unit.id}`, label: m.unit.name },
        { href: `/units/${m.unit.id}/oversight`, label: t('oversight.title') },
      ]}
    >
      <h1>{title}</h1>
      <nav aria-label={t('oversight.recs.filter')}>
        <ul class="inline">
          {['overdue', 'open', 'answered'].map((s) => (
            <li key={s}>
              {s === m.state ? (
                <strong>{t(`oversight.recs.${s}` as 'oversight.recs.overdue')}</strong>
              ) : (
                <a href={`${base}?state=${s}`}>{t(`oversight.recs.${s}` as 'oversight.recs.overdue')}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <RecList t={t} recs={m.recs} today={m.today} link={true} />
    </Layout>
  );
}
