// Rows -> view models for the oversight pages.
import type { T } from '../../platform/i18n/index.js';
import type { Board } from './commands/common.js';
import type { membersOf, projectsOf } from './oversight.repo.js';
import type { BoardSummary } from './views/commune.js';
import type { MemberView } from './views/parts.js';
import type { ProjectView } from './views/projects.js';

type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];
export const memberView = (m: MemberRow): MemberView => ({
  id: m.id,
  name: m.full_name,
  position: m.position,
  seat: m.seat,
  village: m.village_name,
  source: m.source,
  electedOn: m.elected_on,
});

const ORDER = { head: 0, deputy: 1, member: 2 } as const;
export const byPosition = (a: MemberView, b: MemberView) =>
  ORDER[a.position as 'head'] - ORDER[b.position as 'head'] || (a.village ?? '').localeCompare(b.village ?? '', 'vi');

export function boardSummary(b: Board & { agency_name?: string | null; project_name?: string | null }, members: MemberRow[]): BoardSummary {
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    name: b.agency_name ?? b.project_name ?? null,
    termStarts: b.term_starts_on,
    termEnds: b.term_ends_on,
    members: members
      .filter((m) => m.board_id === b.id)
      .map(memberView)
      .sort(byPosition),
  };
}

export const boardTitle = (t: T, b: { kind: string }, name: string | null) =>
  `${t(`oversight.kind.${b.kind}` as 'oversight.kind.commune_inspection')}${name ? `: ${name}` : ''}`;

type ProjectRow = Awaited<ReturnType<typeof projectsOf>>[number];
export function projectView(p: Omit<ProjectRow, 'board_id' | 'board_status'> & { board_id?: number | null; board_status?: string | null }): ProjectView {
  const budget = { state: p.budget_state, commune: p.budget_commune, community: p.budget_community, other: p.budget_other };
  return {
    id: p.id,
    name: p.name,
    investor: p.investor,
    decisionMaker: p.decision_maker,
    decisionNumber: p.decision_number,
    decisionDate: p.decision_date,
    contractor: p.contractor,
    budget: { ...budget, total: budget.state + budget.commune + budget.community + budget.other },
    villages: p.villages,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    progress: p.progress_percent,
    disbursed: p.disbursed,
    acceptedOn: p.accepted_on,
    finalAccountsOn: p.final_accounts_on,
    status: p.status,
    boardId: p.board_id ?? null,
    boardStatus: p.board_status ?? null,
  };
}
