// A commune's published answers (issue 5 item 10; Decree 20/2008 Art 19, R-H7; Denunciation Law
// Art 40, R-H3): the text the handling unit wrote with personal data removed, never who sent it. A
// complaint or denunciation is headed by its kind and category, not the author's title (finding 3).
import { formatDate, type MessageKey } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { PublishedAnswer } from '../public-data.js';
import { Paragraphs } from './track.js';

export type PublicAnswersModel = { unit: { id: number; name: string }; items: PublishedAnswer[]; page: number; more: boolean };

export function PublicAnswersPage({ view, m }: { view: ViewCtx; m: PublicAnswersModel }) {
  const { t } = view;
  const base = `/units/${m.unit.id}/feedback`;
  return (
    <Layout view={view} title={t('feedback.intake.answers.title', { unit: m.unit.name })} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{t('feedback.intake.answers.title', { unit: m.unit.name })}</h1>
      <p class="lead">{t('feedback.intake.answers.lead')}</p>
      <p>
        <a class="btn" href={`${base}/new`}>
          {t('feedback.intake.section.send')}
        </a>{' '}
        <a href={`${base}/stats`}>{t('feedback.intake.section.stats')}</a>
      </p>
      {m.items.length === 0 ? (
        <p class="muted">{t('feedback.intake.answers.empty')}</p>
      ) : (
        m.items.map((a, i) => (
          <article class="card" key={i}>
            <h2>{a.title ?? `${t(`feedback.kind.${a.kind}`)} · ${t(`feedback.category.${a.category}` as MessageKey)}`}</h2>
            <p class="muted">
              {a.title && (
                <>
                  {t(`feedback.kind.${a.kind}`)} · {t(`feedback.category.${a.category}` as MessageKey)} ·{' '}
                </>
              )}
              {a.village && <>{a.village} · </>}
              {t('feedback.intake.answers.dates', { received: formatDate(a.receivedOn), published: formatDate(a.publishedOn) })}
            </p>
            <Paragraphs text={a.answer} />
          </article>
        ))
      )}
      <nav aria-label={t('feedback.intake.answers.pages')}>
        {m.page > 1 && <a href={`${base}?page=${m.page - 1}`}>{t('feedback.intake.answers.newer')}</a>}{' '}
        {m.more && <a href={`${base}?page=${m.page + 1}`}>{t('feedback.intake.answers.older')}</a>}
      </nav>
    </Layout>
  );
}
