// The investment project register and its supervision board (R-F6, R-F7; Law 10/2022 Arts 41–45):
// the commune records each project with its budget by source, including the community's
// contributions; the Front sets up one supervision board per project, notifying the investor at least
// 45 days before supervision starts; the board is closed when the project ends (Art 41(1)).
import type { AppDeps } from '../../../app-deps.js';
import type { Unit } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { oversightPolicy } from '../oversight.policy.js';
import { latestInvestorNotice } from '../rules/boards.js';
import { audit, insertBoard, invalid, type Result, readDay, readText, refuse, rulesOn, today } from './common.js';

export type ProjectInput = {
  name: string;
  investor: string;
  decisionMaker: string;
  decisionNumber: string;
  decisionDate: string;
  contractor: string;
  budgetState: string;
  budgetCommune: string;
  budgetCommunity: string;
  budgetOther: string;
  villages: string;
  startsOn: string;
  endsOn: string;
};

/** A project decided before Law 10/2022 may still be under way and supervised. */
const OLDEST = '2000-01-01';

/** Money typed as "1.200.000.000" or "1200000000" -> integer đồng. */
function money(t: T, e: FieldErrors, name: string, s: string): number {
  const v = s.replace(/[.\s,]/g, '');
  if (!v) return 0;
  if (!/^\d{1,15}$/.test(v)) {
    e[name] = t('oversight.err.money');
    return 0;
  }
  return Number(v);
}

export async function createProject(deps: AppDeps, t: T, actor: Actor | null, commune: Unit, input: ProjectInput): Promise<Result<{ id: number }>> {
  if (!actor || !oversightPolicy(actor, 'manageProjects', { unitPath: commune.path })) return refuse('forbidden');
  const e: FieldErrors = {};
  const name = readText(t, e, 'name', input.name, 300);
  const investor = readText(t, e, 'investor', input.investor, 300);
  const decisionMaker = readText(t, e, 'decisionMaker', input.decisionMaker, 300);
  const decisionNumber = readText(t, e, 'decisionNumber', input.decisionNumber, 60);
  const decisionDate = readDay(t, e, 'decisionDate', input.decisionDate, true, OLDEST);
  const contractor = readText(t, e, 'contractor', input.contractor, 300, false);
  const budget = {
    budget_state: money(t, e, 'budgetState', input.budgetState),
    budget_commune: money(t, e, 'budgetCommune', input.budgetCommune),
    budget_community: money(t, e, 'budgetCommunity', input.budgetCommunity),
    budget_other: money(t, e, 'budgetOther', input.budgetOther),
  };
  if (!e.budgetState && Object.values(budget).every((x) => x === 0)) e.budgetState = t('oversight.err.budget');
  const villages = readText(t, e, 'villages', input.villages, 500);
  const startsOn = readDay(t, e, 'startsOn', input.startsOn, true, OLDEST);
  const endsOn = readDay(t, e, 'endsOn', input.endsOn, true, OLDEST);
  if (startsOn && endsOn && endsOn < startsOn) e.endsOn = t('oversight.err.endBeforeStart');
  if (Object.keys(e).length || !decisionDate || !startsOn || !endsOn) return invalid(e);
  const on = today(deps);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('oversight_projects')
      .values({
        commune_id: commune.id,
        name,
        investor,
        decision_maker: decisionMaker,
        decision_number: decisionNumber,
        decision_date: decisionDate,
        contractor: contractor || null,
        ...budget,
        villages,
        starts_on: startsOn,
        ends_on: endsOn,
        progress_percent: 0,
        disbursed: 0,
        status: startsOn <= on ? 'ongoing' : 'planned',
        created_at: deps.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, deps, actor, {
      action: 'oversight.project.created',
      entityType: 'oversight_project',
      entityId: row.id,
      unitId: commune.id,
      data: { name, investor, decisionNumber, ...budget, startsOn, endsOn },
    });
    return { ok: true, id: row.id };
  });
}

export type ProgressInput = { progress: string; disbursed: string; acceptedOn: string; finalAccountsOn: string; ended: boolean };

/** Progress, disbursement, acceptance and final accounts; ending the project closes its board (R-F6). */
export async function updateProgress(deps: AppDeps, t: T, actor: Actor | null, projectId: number, input: ProgressInput): Promise<Result> {
  const p = await deps.db.selectFrom('oversight_projects').selectAll().where('id', '=', projectId).executeTakeFirst();
  if (!p) return refuse('not_found');
  const commune = await deps.db.selectFrom('units').selectAll().where('id', '=', p.commune_id).executeTakeFirstOrThrow();
  if (!actor || !oversightPolicy(actor, 'manageProjects', { unitPath: commune.path })) return refuse('forbidden');
  if (p.status === 'ended') return refuse('wrong_state');
  const e: FieldErrors = {};
  const progress = /^\d{1,3}$/.test(input.progress.trim()) ? Number(input.progress.trim()) : -1;
  if (progress < 0 || progress > 100) e.progress = t('oversight.err.percent');
  const disbursed = money(t, e, 'disbursed', input.disbursed);
  const total = p.budget_state + p.budget_commune + p.budget_community + p.budget_other;
  if (!e.disbursed && disbursed > total) e.disbursed = t('oversight.err.overBudget');
  const acceptedOn = readDay(t, e, 'acceptedOn', input.acceptedOn, false, OLDEST);
  const finalOn = readDay(t, e, 'finalAccountsOn', input.finalAccountsOn, false, OLDEST);
  const on = today(deps);
  if (Object.keys(e).length) return invalid(e);
  return deps.db.transaction().execute(async (trx) => {
    const ended = input.ended;
    await trx
      .updateTable('oversight_projects')
      .set({
        progress_percent: progress,
        disbursed,
        accepted_on: acceptedOn,
        final_accounts_on: finalOn,
        status: ended ? 'ended' : p.starts_on <= on ? 'ongoing' : 'planned',
        ended_on: ended ? on : null,
      })
      .where('id', '=', p.id)
      .execute();
    // Law Art 41(1): the supervision board dissolves itself when its task ends.
    const closed = ended
      ? await trx
          .updateTable('oversight_boards')
          .set({ status: 'closed', closed_on: on })
          .where('project_id', '=', p.id)
          .where('closed_on', 'is', null)
          .executeTakeFirst()
      : null;
    await audit(trx, deps, actor, {
      action: 'oversight.project.progress',
      entityType: 'oversight_project',
      entityId: p.id,
      unitId: commune.id,
      data: { progress, disbursed, acceptedOn, finalAccountsOn: finalOn, ended, boardClosed: Number(closed?.numUpdatedRows ?? 0) },
    });
    return { ok: true };
  });
}

/** The Front sets up the project's supervision board (R-F6) and records notifying the investor (R-F7). */
export async function createSupervisionBoard(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  projectId: number,
  input: { supervisionStartsOn: string; investorNotifiedOn: string; size: string },
): Promise<Result<{ id: number }>> {
  const p = await deps.db.selectFrom('oversight_projects').selectAll().where('id', '=', projectId).executeTakeFirst();
  if (!p) return refuse('not_found');
  const commune = await deps.db.selectFrom('units').selectAll().where('id', '=', p.commune_id).executeTakeFirstOrThrow();
  if (!actor || !oversightPolicy(actor, 'manageBoards', { unitPath: commune.path })) return refuse('forbidden');
  if (p.status === 'ended') return refuse('wrong_state');
  const e: FieldErrors = {};
  const startsOn = readDay(t, e, 'supervisionStartsOn', input.supervisionStartsOn);
  const notifiedOn = readDay(t, e, 'investorNotifiedOn', input.investorNotifiedOn);
  const size = /^\d{1,2}$/.test(input.size.trim()) ? Number(input.size.trim()) : 0;
  const r = rulesOn(startsOn ?? today(deps));
  if (size < r.supervisionMin) e.size = t('oversight.err.supervisionSize', { min: r.supervisionMin });
  if (startsOn && notifiedOn && notifiedOn > latestInvestorNotice(startsOn, r))
    e.investorNotifiedOn = t('oversight.err.investorLate', { days: r.investorNoticeDays, latest: formatDate(latestInvestorNotice(startsOn, r)) });
  if (notifiedOn && notifiedOn > today(deps)) e.investorNotifiedOn = t('oversight.err.future');
  if (!startsOn || !notifiedOn || Object.keys(e).length) return invalid(e);
  return deps.db.transaction().execute(async (trx): Promise<Result<{ id: number }>> => {
    const has = await trx.selectFrom('oversight_boards').select('id').where('project_id', '=', p.id).executeTakeFirst();
    if (has) return invalid({ size: t('oversight.err.boardExists') });
    const id = await insertBoard(
      trx,
      deps,
      actor,
      {
        kind: 'investment_supervision',
        commune_id: commune.id,
        agency_id: null,
        project_id: p.id,
        status: 'forming',
        planned_size: size,
        supervision_starts_on: startsOn,
        investor_notified_on: notifiedOn,
      },
      { kind: 'investment_supervision', projectId: p.id, size, supervisionStartsOn: startsOn, investorNotifiedOn: notifiedOn },
    );
    return { ok: true, id };
  });
}
