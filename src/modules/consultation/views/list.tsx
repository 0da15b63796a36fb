// A commune's (or an agency's) consultations (issue 6 item 8): those open now with the days left,
// those closed with their synthesis, and, for officials, the drafts in preparation.
import { formatDate } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { label } from './labels.js';

export type ListItem = {
  id: number;
  title: string;
  matter: string;
  status: string;
  opens_on: string | null;
  closes_on: string | null;
  daysLeft: number;
  synthesis: boolean;
};
export type ListModel = {
  title: string;
  place: { href: string; name: string };
  newHref: string | null;
  open: ListItem[];
  closed: ListItem[];
  drafts: ListItem[] | null;
};

export function ConsultationListPage({ view, m }: { view: ViewCtx; m: ListModel }) {
  const { t } = view;
  return (
    <Layout view={view} title={m.title} crumbs={[{ href: m.place.href, label: m.place.name }]}>
      <h1>{m.title}</h1>
      <p class="muted">{t('consultation.list.intro')}</p>
      {m.newHref && (
        <p>
          <a class="btn" href={m.newHref}>
            {t('consultation.list.new')}
          </a>
        </p>
      )}
      <h2>{t('consultation.list.open')}</h2>
      {m.open.length === 0 ? (
        <p class="muted">{t('consultation.list.noneOpen')}</p>
      ) : (
        <ul class="list">
          {m.open.map((c) => (
            <li key={c.id}>
              <a href={`/consultations/${c.id}`}>
                {c.title}{' '}
                <span class="muted">
                  {label(t, 'matter', c.matter)} · {c.daysLeft > 0 ? t('consultation.daysLeft', { n: c.daysLeft }) : t('consultation.list.periodEnded')} ·{' '}
                  {t('consultation.list.until', { date: formatDate(c.closes_on) })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('consultation.list.closed')}</h2>
      {m.closed.length === 0 ? (
        <p class="muted">{t('consultation.list.noneClosed')}</p>
      ) : (
        <ul class="list">
          {m.closed.map((c) => (
            <li key={c.id}>
              <a href={`/consultations/${c.id}/synthesis`}>
                {c.title} <span class="muted">{t('consultation.list.synthesisOf', { from: formatDate(c.opens_on), to: formatDate(c.closes_on) })}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {m.drafts && (
        <>
          <h2>{t('consultation.list.drafts')}</h2>
          {m.drafts.length === 0 ? (
            <p class="muted">{t('consultation.list.noneDraft')}</p>
          ) : (
            <ul class="list">
              {m.drafts.map((c) => (
                <li key={c.id}>
                  <a href={`/consultations/${c.id}`}>{c.title}</a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
}
