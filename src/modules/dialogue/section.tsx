// The commune home page's section on dialogues and village conferences: the R-G2 flag of this year
// (and of last year when it was missed), the next dialogue, how many villages still lack their annual
// conference (R-G1), and, for an agency's staff, their agency's dialogues (Art 59(1)(b)).
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { formatDateTime, formatNumber } from '../../platform/i18n/index.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { dialoguePolicy } from './dialogue.policy.js';
import * as repo from './dialogue.repo.js';
import { conferenceYearState, dialogueYearState, yearInVietnam } from './rules/yearly.js';
import { DialogueFlag } from './views/dialogues.js';

export async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const { t } = view;
  const now = deps.clock.now();
  const year = yearInVietnam(now);
  const rs = ruleSetOn(`${year}-07-01`);
  const [judged, next, villages] = await Promise.all([
    repo.yearDialogues(deps.db, commune.id, null, [year, year - 1]),
    deps.db
      .selectFrom('dialogues')
      .select(['id', 'topic', 'starts_at'])
      .where('unit_id', '=', commune.id)
      .where('agency_id', 'is', null)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', now.toISOString())
      .orderBy('starts_at')
      .limit(1)
      .executeTakeFirst(),
    repo.villagesWithConferences(deps.db, commune.id, year, todayInVietnam(now)),
  ]);
  const lastYear = dialogueYearState(judged, year - 1, now, rs);
  const without = villages.filter((v) => !['held', 'reported'].includes(conferenceYearState(v.conference, year, now))).length;
  const agencies = (view.actor?.grants ?? []).filter(
    (g) => g.agencyId !== null && dialoguePolicy(view.actor, 'readAgency', { unitPath: commune.path, agencyId: g.agencyId }),
  );
  return (
    <section aria-labelledby="h-dialogue">
      <h3 id="h-dialogue">{t('dialogue.section.title')}</h3>
      <DialogueFlag view={view} year={year} state={dialogueYearState(judged, year, now, rs)} />
      {lastYear === 'missing' && <DialogueFlag view={view} year={year - 1} state="missing" />}
      {next && (
        <p>
          {t('dialogue.section.next')} <a href={`/dialogues/${next.id}`}>{next.topic}</a> <span class="muted">({formatDateTime(next.starts_at)})</span>
        </p>
      )}
      <ul>
        <li>
          <a href={`/units/${commune.id}/dialogues`}>{t('dialogue.section.all', { unit: commune.name })}</a>
        </li>
        <li>
          <a href={`/units/${commune.id}/village-conferences`}>{t('dialogue.section.conferences', { year })}</a>{' '}
          {villages.length > 0 && (
            <span class="muted">({t('dialogue.section.without', { n: formatNumber(without), total: formatNumber(villages.length) })})</span>
          )}
        </li>
        {[...new Set(agencies.map((g) => g.agencyId))].map((id) => (
          <li key={id}>
            <a href={`/agencies/${id}/dialogues`}>{t('dialogue.section.agency')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
