// The votes a signed-in household representative can cast now, on the home page of his commune
// (decisions' communeSection): online votes and household ballots of his household's village that
// are open by the clock (Decree 59/2023 Arts 4(6), 5(3): the team tells households the form, content
// and time and helps them vote; a notice nobody is pointed to is easily missed). One ballot per
// household (R-A9): a vote the household has cast shows that instead of the link.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { householdOf } from './commands/cast.js';
import { decisionsPolicy } from './decisions.policy.js';
import { L } from './views/labels.js';

export async function openVotesFor(deps: AppDeps, commune: Unit, actor: ViewCtx['actor']) {
  if (!actor?.userId) return [];
  const household = await householdOf(deps.db, actor.userId);
  if (household == null) return [];
  const village = await deps.db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .select(['u.id', 'u.path'])
    .where('h.id', '=', household)
    .executeTakeFirst();
  // Only in the commune whose page this is, and only where the account may vote for the household.
  if (!village?.path.startsWith(commune.path) || !decisionsPolicy(actor, 'castOnline', { unitPath: village.path })) return [];
  const nowIso = deps.clock.now().toISOString();
  const rows = await deps.db
    .selectFrom('votes as v')
    .innerJoin('matters as m', 'm.id', 'v.matter_id')
    .leftJoin('vote_receipts as r', (j) => j.onRef('r.vote_id', '=', 'v.id').on('r.household_id', '=', household))
    .select(['v.id', 'm.title', 'v.closes_at', 'r.household_id as voted'])
    .where('v.unit_id', '=', village.id)
    .where('v.status', '=', 'scheduled')
    .where('v.form', '!=', 'meeting')
    .where('v.opens_at', '<=', nowIso)
    .where('v.closes_at', '>', nowIso)
    .orderBy('v.closes_at')
    .limit(5)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, closesAt: r.closes_at ?? '', voted: r.voted != null }));
}

/** The short list; nothing when the viewer has no vote open now. */
export function OpenVotes({ view, votes }: { view: ViewCtx; votes: Awaited<ReturnType<typeof openVotesFor>> }) {
  if (votes.length === 0) return null;
  const t = view.t;
  return (
    <section class="card" aria-labelledby="h-open-votes">
      <h4 id="h-open-votes">{L(t, 'section.openVotes')}</h4>
      <ul>
        {votes.map((v) => (
          <li key={v.id}>
            {v.voted ? (
              <>
                <a href={`/votes/${v.id}`}>{v.title}</a> <span class="tag ok">{L(t, 'section.voted')}</span>
              </>
            ) : (
              <>
                <a href={`/votes/${v.id}/ballot`}>{L(t, 'section.voteOn', { title: v.title })}</a>{' '}
                <span class="muted">{L(t, 'section.closes', { when: formatDateTime(v.closesAt) })}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
