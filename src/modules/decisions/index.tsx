import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { formatDate } from '../../platform/i18n/index.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { defineModule } from '../module.js';
import { decisionsApi } from './api.js';
import { ballotRoutes } from './ballot-routes.js';
import { decisionsPolicy } from './decisions.policy.js';
import { seedDemoDecisions } from './demo.js';
import { docsRoutes } from './docs-routes.js';
import { electionRoutes } from './election-routes.js';
import { decisionsIndicators } from './indicators.js';
import { OpenVotes, openVotesFor } from './open-votes.js';
import { decisionRoutes } from './routes.js';
import { L } from './views/labels.js';

/** The commune home page's "people discuss and decide" section: for a household representative of the
 * commune, the votes open now for his household (open-votes.tsx); then the latest published results (R-A17). */
async function communeSection(deps: AppDeps, commune: Unit, view: ViewCtx) {
  const t = view.t;
  const rows = await deps.db
    .selectFrom('votes as v')
    .innerJoin('matters as m', 'm.id', 'v.matter_id')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select(['v.id', 'm.title', 'v.outcome', 'v.vote_date', 'u.name'])
    .where('u.path', 'like', `${commune.path}%`)
    .where('v.published_on', 'is not', null)
    .orderBy('v.vote_date', 'desc')
    .orderBy('v.id', 'desc')
    .limit(5)
    .execute();
  const open = await openVotesFor(deps, commune, view.actor);
  return (
    <section aria-labelledby="h-decisions">
      <h3 id="h-decisions">{L(t, 'section.title')}</h3>
      <OpenVotes view={view} votes={open} />
      {rows.length === 0 ? (
        <p class="muted">{L(t, 'section.empty')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <a href={`/votes/${r.id}`}>{r.title}</a>{' '}
              <span class="muted">
                ({r.name}, {formatDate(r.vote_date)}: {L(t, `result.${r.outcome ?? 'not_adopted'}`)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/units/${commune.id}/decisions`}>{L(t, 'section.all', { unit: commune.name })}</a>
        {decisionsPolicy(view.actor, 'readManaged', { unitPath: commune.path }) && (
          <>
            {' · '}
            <a href={`/units/${commune.id}/elections`}>{t('decisions.election.list.short')}</a>
          </>
        )}
      </p>
    </section>
  );
}

export const decisionsModule = defineModule({
  name: 'decisions',
  indicators: decisionsIndicators,
  routes: (app, deps) => {
    decisionRoutes(app, deps);
    ballotRoutes(app, deps);
    docsRoutes(app, deps);
    electionRoutes(app, deps);
    decisionsApi(app, deps);
  },
  seedDemo: seedDemoDecisions,
  communeSection,
  auditSubjects: {
    matter: async (deps, id) => {
      const m = await deps.db
        .selectFrom('matters as m')
        .innerJoin('units as u', 'u.id', 'm.unit_id')
        .select(['m.id', 'm.title', 'u.path'])
        .where('m.id', '=', id)
        .executeTakeFirst();
      return m ? { name: m.title, unitPath: m.path, href: `/matters/${m.id}` } : undefined;
    },
    vote: async (deps, id) => {
      const v = await deps.db
        .selectFrom('votes as v')
        .innerJoin('matters as m', 'm.id', 'v.matter_id')
        .innerJoin('units as u', 'u.id', 'v.unit_id')
        .select(['v.id', 'm.title', 'u.path'])
        .where('v.id', '=', id)
        .executeTakeFirst();
      return v ? { name: v.title, unitPath: v.path, href: `/votes/${v.id}` } : undefined;
    },
  },
});
