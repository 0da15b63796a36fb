// A commune-wide decision on items 1–2 (Law 10/2022 Art 21(1)–(2); R-A3): each village decides first
// by ≥ 2/3 of its households; the matter is adopted when ≥ 2/3 of ALL villages of the commune approve
// (a village that has not voted counts as not approving), and takes effect on the date the commune
// People's Committee sets after aggregating.
import type { AppDeps } from '../../../app-deps.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { readDate } from '../../../platform/http/forms.js';
import type { T } from '../../../platform/i18n/index.js';
import { type Failure, invalid } from '../../../platform/results.js';
import { childrenOn, unitById } from '../../units/units.repo.js';
import { decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';
import { type CommuneWorking, communeResult } from '../rules/threshold.js';

/** The day a village vote ends, in Vietnam: a meeting's day, or the close of a ballot or online vote. */
const lastDayOf = (v: { form: string; vote_date: string; closes_at: string | null }): string =>
  v.form !== 'meeting' && v.closes_at ? todayInVietnam(new Date(v.closes_at)) : v.vote_date;

/**
 * R-A3 (Law 10/2022 Art 21(1)): "all villages of the commune" are those that exist on the vote's date,
 * its last day, in Asia/Ho_Chi_Minh: the latest day any village's vote on the matter ends (today in
 * Vietnam before any vote). Not the day the matter was proposed: a village created or merged since
 * (the 1 July 2025 reorganisation) is a village of the commune when it decides.
 */
export function communeVoteDay(votes: { form: string; vote_date: string; closes_at: string | null; status: string }[], now: Date): string {
  const days = votes.filter((v) => v.status !== 'annulled').map(lastDayOf);
  return days.sort().at(-1) ?? todayInVietnam(now);
}

/** Each village of the commune on the vote's last day (communeVoteDay), with its latest finalised vote. */
export async function communeStanding(deps: Pick<AppDeps, 'db' | 'clock'>, matter: { id: number; unit_id: number }) {
  const votes = await repo.votesOf(deps.db, matter.id);
  const villages = await childrenOn(deps.db, matter.unit_id, communeVoteDay(votes, deps.clock.now()));
  const rows = villages.map((v) => {
    const done = votes.filter((x) => x.unit_id === v.id && !['scheduled', 'counted', 'annulled'].includes(x.status)).at(-1);
    return { village: { id: v.id, name: v.name }, voteId: done?.id ?? null, outcome: done?.outcome ?? null };
  });
  const working: CommuneWorking | null = villages.length ? communeResult(villages.length, rows.filter((r) => r.outcome === 'adopted').length) : null;
  return { rows, working, allVoted: rows.every((r) => r.voteId != null) };
}

export async function concludeCommune(deps: AppDeps, t: T, actor: Actor, matterId: number, input: { effectiveFrom: string }): Promise<{ ok: true } | Failure> {
  const matter = await repo.findMatter(deps.db, matterId);
  if (matter?.scope !== 'commune') return { ok: false, reason: 'not_found' };
  const commune = await unitById(deps.db, matter.unit_id);
  if (!commune || !decisionsPolicy(actor, 'recogniseCommittee', { unitPath: commune.path })) return { ok: false, reason: 'forbidden' };
  if (matter.status !== 'open') return { ok: false, reason: 'wrong_state' };
  const s = await communeStanding(deps, matter);
  const e: FieldErrors = {};
  if (!s.working) return invalid({ _form: t('decisions.core.err.noVillages') });
  // "Not adopted" only once it is certain: every village has a result, or even if every village still
  // to decide approved, 2/3 could not be reached.
  const left = s.rows.filter((r) => r.voteId == null).length;
  if (!s.working.adopted && !s.allVoted && s.working.villagesApproving + left >= s.working.needed)
    return invalid({ _form: t('decisions.core.err.notAllVoted', { left }) });
  const effectiveFrom = s.working.adopted ? readDate(t, e, 'effectiveFrom', input.effectiveFrom, true) : null;
  if (effectiveFrom && effectiveFrom < todayInVietnam(deps.clock.now()) && !s.allVoted) e.effectiveFrom = t('decisions.core.err.notFuture');
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('matters')
      .set({ status: s.working?.adopted ? 'adopted' : 'not_adopted', effective_from: effectiveFrom, updated_at: now.toISOString() })
      .where('id', '=', matter.id)
      .execute();
    await appendAudit(trx, deps.dialect, now, actor, {
      action: 'decisions.commune_concluded',
      entityType: 'matter',
      entityId: matter.id,
      unitId: matter.unit_id,
      data: { ...s.working, effectiveFrom, villages: s.rows },
    });
    return { ok: true as const };
  });
}
