// The commune home page's link to its dashboard (issue 9): how far the commune is from the resolution's
// targets, and where officials enter their training, outreach and funding records.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { monitoringPolicy } from './monitoring.policy.js';

export async function communeSection(_deps: AppDeps, commune: Unit, view: ViewCtx) {
  const { t } = view;
  return (
    <section aria-labelledby="h-monitoring">
      <h3 id="h-monitoring">{t('monitoring.section.title')}</h3>
      <ul>
        <li>
          <a href={`/monitoring/units/${commune.id}`}>{t('monitoring.section.dashboard', { unit: commune.name })}</a>
        </li>
        {monitoringPolicy(view.actor, 'enterRecords', { unitPath: commune.path }) && (
          <li>
            <a href={`/monitoring/units/${commune.id}/records`}>{t('monitoring.records.link')}</a>
          </li>
        )}
      </ul>
    </section>
  );
}
