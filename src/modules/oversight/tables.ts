// The oversight module's tables (Law 10/2022 Arts 36–45, 60–63; Decree 59/2023 Arts 12–23), referenced
// from src/db/types.ts. Dates are 'YYYY-MM-DD' text, times ISO text, flags 0/1, money integer đồng.
import type { Generated } from 'kysely';

export type BoardKind = 'commune_inspection' | 'agency_inspection' | 'investment_supervision';
export type BoardStatus = 'forming' | 'recognised' | 'closed' | 'union_performs';
export type MemberPosition = 'head' | 'deputy' | 'member';
/** Whom a seat represents: a village (commune board), the Front, the inspection board or residents
 * (supervision board, Decree 59 Art 17), or the agency's staff (agency board). */
export type MemberSeat = 'village' | 'front' | 'inspection_board' | 'resident' | 'staff';
export type PlanPeriod = 'quarter' | 'half_year' | 'year' | 'term' | 'specific';
export const DOC_KINDS = ['investment_decision', 'design', 'contract', 'acceptance', 'final_accounts', 'other'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export type AnswerKind = 'accepted' | 'partly' | 'rejected';

export interface OversightBoardTable {
  id: Generated<number>;
  kind: BoardKind;
  commune_id: number;
  agency_id: number | null;
  project_id: number | null;
  status: BoardStatus;
  planned_size: number;
  /** The staff figure the union judged the board on, on the conference day (R-F8), kept as the board's
   * history; the indicators take an agency's staff count from the workplace module only (staff-counts.ts). */
  staff_count: number | null;
  elected_on: string | null;
  recognition_due: string | null;
  recognised_on: string | null;
  term_starts_on: string | null;
  term_ends_on: string | null;
  supervision_starts_on: string | null;
  investor_notified_on: string | null;
  closed_on: string | null;
  created_at: string;
}
export interface OversightMemberTable {
  id: Generated<number>;
  board_id: number;
  full_name: string;
  resident_id: number | null;
  village_id: number | null;
  user_id: number | null;
  position: MemberPosition;
  seat: MemberSeat;
  source: 'election' | 'minutes';
  office_term_id: number | null;
  elected_on: string;
  occupation: string;
  conflict_declared: number;
  ended_on: string | null;
  end_reason: string | null;
  created_at: string;
}
export interface OversightTaskTable {
  id: Generated<number>;
  board_id: number;
  kind: 'by_election';
  village_id: number | null;
  member_id: number;
  raised_on: string;
  months_left: number;
  done_on: string | null;
}
export interface OversightPlanTable {
  id: Generated<number>;
  board_id: number;
  period: PlanPeriod;
  title: string;
  body: string;
  starts_on: string;
  ends_on: string | null;
  inspected_party: string | null;
  notified_on: string | null;
  created_by: number | null;
  created_at: string;
}
export interface OversightActivityTable {
  id: Generated<number>;
  board_id: number;
  plan_id: number | null;
  kind: 'inspection' | 'supervision';
  subject: string;
  findings: string;
  held_on: string;
  feedback_item_id: number | null;
  published: number;
  created_by: number | null;
  created_at: string;
}
export interface OversightFileTable {
  id: Generated<number>;
  activity_id: number | null;
  project_id: number | null;
  file_id: number;
  /** A project document's kind (issue 7 item 5); null for an activity's evidence. */
  doc_kind: DocKind | null;
  /** A project document shown to the public (Law Arts 11(3), 43(2)). */
  public: Generated<number>;
}
export interface OversightRecommendationTable {
  id: Generated<number>;
  activity_id: number;
  board_id: number;
  commune_id: number;
  addressee: string;
  content: string;
  sent_on: string;
  due_on: string;
  status: 'open' | 'answered';
  answer_kind: AnswerKind | null;
  answer_text: string | null;
  answered_on: string | null;
  answered_by: number | null;
  late: number;
  escalated_on: string | null;
  created_at: string;
}
export interface OversightProjectTable {
  id: Generated<number>;
  commune_id: number;
  name: string;
  investor: string;
  decision_maker: string;
  decision_number: string;
  decision_date: string;
  contractor: string | null;
  budget_state: number;
  budget_commune: number;
  budget_community: number;
  budget_other: number;
  villages: string;
  starts_on: string;
  ends_on: string;
  progress_percent: number;
  disbursed: number;
  accepted_on: string | null;
  final_accounts_on: string | null;
  status: 'planned' | 'ongoing' | 'ended';
  ended_on: string | null;
  created_at: string;
}

export interface OversightTables {
  oversight_projects: OversightProjectTable;
  oversight_boards: OversightBoardTable;
  oversight_members: OversightMemberTable;
  oversight_tasks: OversightTaskTable;
  oversight_plans: OversightPlanTable;
  oversight_activities: OversightActivityTable;
  oversight_files: OversightFileTable;
  oversight_recommendations: OversightRecommendationTable;
}
