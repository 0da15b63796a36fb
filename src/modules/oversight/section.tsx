// The commune home page's section on the boards (Law 10/2022 Arts 36–45): the People's Inspection
// Board, the project register and published recommendations; for those who act, their lists.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { formatNumber } from '../../platform/i18n/index.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { today } from './commands/common.js';
import { oversightPolicy } from './oversight.policy.js';
import { countOverdue } from './oversight.repo.js';

export async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const { t } = view;
  const res = { unitPath: commune.path };
  const board = await deps.db
    .selectFrom('oversight_boards')
    .select(['id', 'status'])
    .where('commune_id', '=', commune.id)
    .where('kind', '=', 'commune_inspection')
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  const overdue = oversightPolicy(view.actor, 'readWork', res) ? await countOverdue(deps.db, commune.id, today(deps)) : null;
  const agencies = (view.actor?.grants ?? []).filter((g) => g.role === 'union_head' && g.agencyId !== null && g.unitPath.startsWith(commune.path));
  return (
    <section aria-labelledby="h-oversight">
      <h3 id="h-oversight">{t('oversight.section.title')}</h3>
      <p>{t('oversight.section.lead')}</p>
      <ul>
        <li>
          <a href={`/units/${commune.id}/oversight`}>{t('oversight.section.boards')}</a>
          {!board && <span class="muted"> {t('oversight.section.noBoard')}</span>}
        </li>
        <li>
          <a href={`/units/${commune.id}/projects`}>{t('oversight.projects.title')}</a>
        </li>
        {board && (
          <li>
            <a href={`/oversight/boards/${board.id}`}>{t('oversight.section.board')}</a>
          </li>
        )}
        {overdue !== null && (
          <li>
            <a href={`/units/${commune.id}/oversight/recommendations?state=overdue`}>{t('oversight.commune.overdue', { n: formatNumber(overdue) })}</a>
          </li>
        )}
        {agencies.map((g) => (
          <li key={g.agencyId}>
            <a href={`/agencies/${g.agencyId}/oversight`}>{t('oversight.section.agency')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
