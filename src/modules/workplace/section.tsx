// The commune home page's section on democracy regulations (T-2.4): whether the commune's regulation is
// in force, how many of its agencies have theirs, and for an agency's own people, a link to their agency.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { formatNumber } from '../../platform/i18n/index.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { RegulationLine } from './views/register.js';
import { workplacePolicy } from './workplace.policy.js';
import { registerOf } from './workplace.repo.js';

export async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const { t } = view;
  const today = todayInVietnam(deps.clock.now());
  const rows = await registerOf(deps.db, [commune], today, Number(today.slice(0, 4)) - 1);
  const own = rows.find((r) => r.agencyId === null);
  const agencies = rows.filter((r) => r.agencyId !== null);
  const mine = agencies.filter(
    (r) => workplacePolicy(view.actor, 'readAgency', { unitPath: r.path, agencyId: r.agencyId }) && view.actor?.grants.some((g) => g.agencyId === r.agencyId),
  );
  return (
    <section aria-labelledby="h-workplace">
      <h3 id="h-workplace">{t('workplace.section.title')}</h3>
      <p>
        <RegulationLine view={view} r={own?.regulation ?? null} />
      </p>
      <ul>
        <li>
          <a href={`/units/${commune.id}/regulations`}>{t('workplace.section.register')}</a>{' '}
          {agencies.length > 0 && (
            <span class="muted">
              ({t('workplace.section.agencies', { n: formatNumber(agencies.filter((a) => a.regulation).length), total: formatNumber(agencies.length) })})
            </span>
          )}
        </li>
        {mine.map((a) => (
          <li key={a.agencyId}>
            <a href={`/agencies/${a.agencyId}/workplace`}>{t('workplace.section.agency', { name: a.name })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
