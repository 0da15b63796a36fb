// The commune home page's "people inspect and supervise" section (Law 10/2022 Arts 34–35): how to
// send feedback, follow it by code, read published answers and statistics, with the counts; the
// reception calendar (R-H6) and the dossier lookup (M-3.5(b)); for officials, recording, handling,
// the QR points and the satisfaction index.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { formatNumber } from '../../platform/i18n/index.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { feedbackPolicy } from './feedback.policy.js';
import { communeCounts } from './stats.js';

export async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const { t } = view;
  const c = await communeCounts(deps.db, commune.id);
  const base = `/units/${commune.id}/feedback`;
  const res = { unitPath: commune.path };
  const actor = view.actor;
  // An agency's head or staff records for their own agency (intake-routes.tsx, recorder).
  const mayRecord =
    feedbackPolicy(actor, 'record', res) ||
    !!actor?.grants.some((g) => g.agencyId !== null && feedbackPolicy(actor, 'record', { ...res, agencyId: g.agencyId }));
  return (
    <section aria-labelledby="h-feedback">
      <h3 id="h-feedback">{t('feedback.intake.section.title')}</h3>
      <p>{t('feedback.intake.section.lead')}</p>
      <p class="muted">{t('feedback.intake.section.counts', { open: formatNumber(c.open), published: formatNumber(c.published) })}</p>
      <ul>
        <li>
          <a href={`${base}/new`}>{t('feedback.intake.section.send')}</a>
        </li>
        <li>
          <a href="/feedback">{t('feedback.intake.section.follow')}</a>
        </li>
        <li>
          <a href={base}>{t('feedback.intake.section.answers')}</a>
        </li>
        <li>
          <a href={`${base}/stats`}>{t('feedback.intake.section.stats')}</a>
        </li>
        <li>
          <a href={`/units/${commune.id}/reception`}>{t('feedback.intake.section.reception')}</a>
        </li>
        <li>
          <a href="/dossiers">{t('feedback.intake.section.dossiers')}</a>
        </li>
        {mayRecord && (
          <li>
            <a href={`${base}/record`}>{t('feedback.intake.section.record')}</a>
          </li>
        )}
        {(feedbackPolicy(actor, 'handle', res) || feedbackPolicy(actor, 'handleBoard', res) || feedbackPolicy(actor, 'handleSupervision', res)) && (
          <li>
            <a href={`${base}/manage`}>{t('feedback.intake.section.manage')}</a>
          </li>
        )}
        {feedbackPolicy(actor, 'manageQr', res) && (
          <li>
            <a href={`/units/${commune.id}/qr`}>{t('feedback.intake.section.qr')}</a>
          </li>
        )}
        {feedbackPolicy(actor, 'readRatings', res) && (
          <li>
            <a href={`/units/${commune.id}/ratings`}>{t('feedback.intake.section.ratings')}</a>
          </li>
        )}
      </ul>
    </section>
  );
}
