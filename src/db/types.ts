// Table types for Kysely. Times are ISO-8601 UTC text; dates are 'YYYY-MM-DD' text; flags are 0/1
// integers, so that one query runs unchanged on SQLite and PostgreSQL (DESIGN.md "Both databases").
import type { Generated, Insertable, Selectable } from 'kysely';
import type { ConsultationTables } from '../modules/consultation/tables.js';
import type { CovenantTables } from '../modules/covenants/tables.js';
import type { DialogueTables } from '../modules/dialogue/tables.js';
import type { MonitoringTables } from '../modules/monitoring/tables.js';
import type { OversightTables } from '../modules/oversight/tables.js';
import type { WorkplaceTables } from '../modules/workplace/tables.js';

export type Flag = 0 | 1;

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_folded: string;
  level: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  path: string;
  is_demo: number;
  note: string | null;
}
export interface AgencyTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  kind: string;
  is_demo: number;
}
export interface HouseholdTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  address: string;
  is_demo: number;
  valid_from: string | null;
  valid_to: string | null;
  authorised_representative: string | null;
}
export interface ResidentTable {
  id: Generated<number>;
  household_id: number;
  full_name: string;
  birth_year: number | null;
  gender: string | null;
  phone: string | null;
  relation: string;
  is_representative: number;
}
export interface UserTable {
  id: Generated<number>;
  kind: 'official' | 'resident';
  username: string | null;
  phone: string | null;
  display_name: string;
  password_hash: string | null;
  totp_secret: string | null;
  resident_id: number | null;
  created_at: string;
  disabled_at: string | null;
  is_demo: Generated<number>;
}
export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number;
  agency_id: number | null;
  granted_by: number | null;
  granted_at: string;
  revoked_at: string | null;
  revoked_by: number | null;
}
export interface SessionTable {
  id: string;
  user_id: number;
  stage: 'totp' | 'full';
  csrf_secret: string;
  created_at: string;
  expires_at: string;
}
export interface SignInFailureTable {
  id: Generated<number>;
  key: string;
  at: string;
}
export interface OtpCodeTable {
  id: Generated<number>;
  phone: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  used_at: string | null;
}
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_id: number | null;
  data: string;
  prev_hash: string;
  hash: string;
}
export interface OutboxTable {
  id: Generated<number>;
  channel: string;
  recipient: string;
  template: string;
  params: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}
export interface CalendarDayTable {
  id: Generated<number>;
  date: string;
  kind: string;
  occasion: string;
  audience: string;
  legal_basis: string;
  source_doc: string;
  provisional: number;
  created_by: number | null;
}
export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: string;
  unit_id: number;
  created_by: number;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}
export interface SearchDocTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: string;
  unit_id: number | null;
  title: string;
  folded: string;
}

export interface FileTable {
  id: Generated<number>;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  created_by: number | null;
  created_at: string;
}
export interface DisclosureTable {
  id: Generated<number>;
  unit_id: number;
  agency_id: number | null;
  scope: 'commune' | 'agency';
  category: number;
  status: 'draft' | 'published' | 'ended' | 'withdrawn';
  version: Generated<number>;
  title: string;
  body: string;
  decision_number: string | null;
  decision_date: string | null;
  decision_signer: string | null;
  audience: 'all' | 'villages';
  posting_start: string | null;
  posting_end: string | null;
  late_reason: string | null;
  status_reason: string | null;
  year: number;
  created_by: number | null;
  created_at: string;
  published_at: string | null;
  updated_at: string;
}
export interface DisclosureVersionTable {
  id: Generated<number>;
  disclosure_id: number;
  version: number;
  snapshot: string;
  change_note: string | null;
  created_by: number | null;
  created_at: string;
}
export interface DisclosureVillageTable {
  disclosure_id: number;
  unit_id: number;
}
export interface DisclosureFormTable {
  id: Generated<number>;
  disclosure_id: number;
  form: string;
  start_date: string;
  end_date: string | null;
  detail: string | null;
  village_id: number | null;
  recorded_by: number | null;
  created_at: string;
}
export interface DisclosureAttachmentTable {
  disclosure_id: number;
  file_id: number;
  version: number;
}
export interface DisclosureFollowTable {
  id: Generated<number>;
  user_id: number;
  unit_id: number;
  category: number | null;
  created_at: string;
}
export interface DisclosurePlanItemTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  key: string;
  category: number;
  title: string;
  period: string;
  due_date: string;
  disclosure_id: number | null;
}
export interface InfoRequestTable {
  id: Generated<number>;
  unit_id: number;
  tracking_code: string;
  requester_name: string;
  requester_contact: string;
  channel: 'electronic' | 'post' | 'onsite';
  content: string;
  received_on: string;
  due_date: string;
  extended_until: string | null;
  extension_reason: string | null;
  status: 'open' | 'answered' | 'refused';
  answer: string | null;
  refusal_reason: string | null;
  closed_on: string | null;
  publish_answer: Generated<number>;
  created_by: number | null;
  created_at: string;
}

export type MatterItem = 1 | 2 | 3 | 4 | 5 | 6;
export type VoteForm = 'meeting' | 'household_ballot' | 'online';
export type VoteStatus = 'scheduled' | 'counted' | 'finalised' | 'submitted' | 'recognised' | 'refused' | 'annulled';
export interface MatterTable {
  id: Generated<number>;
  unit_id: number;
  scope: 'village' | 'commune';
  item: MatterItem;
  kind: 'general' | 'election' | 'dismissal';
  position: 'village_head' | 'inspection_board' | 'supervision_board' | null;
  title: string;
  description: string;
  proposer: 'village_head' | 'commune_chairman' | 'initiative';
  agreement_by: string | null;
  agreement_on: string | null;
  initiator_name: string | null;
  front_approved_on: string | null;
  forwarded_on: string | null;
  /** R-E1: not put to a vote before this date (a draft still out for comments); set by covenants. */
  vote_not_before: string | null;
  status: 'collecting' | 'open' | 'adopted' | 'not_adopted' | 'annulled';
  effective_from: string | null;
  annul_ground: string | null;
  annul_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface MatterConsentTable {
  id: Generated<number>;
  matter_id: number;
  household_id: number;
  given_on: string;
  source: 'online' | 'paper';
  recorded_by: number | null;
}
export interface VoteTable {
  id: Generated<number>;
  matter_id: number;
  unit_id: number;
  form: VoteForm;
  method: 'show_of_hands' | 'secret_ballot' | null;
  ballot_case: 'commune_choice' | 'failed_meeting' | 'village_decision' | null;
  status: VoteStatus;
  vote_date: string;
  place: string | null;
  opens_at: string | null;
  closes_at: string | null;
  notice_on: string;
  documents_on: string | null;
  plan_issued_on: string | null;
  plan_sent_on: string | null;
  /** JSON array of names; the first is the leader (the Front work committee representative). */
  team: Generated<string>;
  no_meeting_agreed_on: string | null;
  authorities_notified_on: string | null;
  poll_yes: number | null;
  cluster_plan_approved_on: string | null;
  clusters: Generated<number>;
  seats: Generated<number>;
  households_total: number | null;
  present: number | null;
  secretary: string | null;
  secretary_votes: number | null;
  /** JSON array of names. */
  committee: Generated<string>;
  committee_votes: number | null;
  /** JSON array of names. */
  witnesses: Generated<string>;
  outcome: 'adopted' | 'not_adopted' | null;
  /** JSON of the result's working (rules/threshold.ts Working). */
  working: string | null;
  content: string | null;
  decision_text: string | null;
  confirm_village_head: string | null;
  confirm_front_head: string | null;
  confirm_rep1: string | null;
  confirm_rep2: string | null;
  finalised_on: string | null;
  submitted_on: string | null;
  recognised_on: string | null;
  refusal_reason: string | null;
  published_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface VoteOptionTable {
  vote_id: number;
  key: string;
  label: string;
  resident_id: number | null;
  sort: number;
}
export interface VoteCountTable {
  vote_id: number;
  cluster: number;
  option_key: string;
  count: number;
}
export interface VoteAttendanceTable {
  vote_id: number;
  household_id: number;
  cluster: number;
}
export interface VoteReceiptTable {
  vote_id: number;
  household_id: number;
  channel: 'online' | 'paper';
}
export interface VoteBallotTable {
  vote_id: number;
  receipt_hash: string;
  option_key: string;
  other_text: string | null;
}
export interface ElectionTable {
  matter_id: number;
  plan_issued_on: string | null;
  team_set_on: string | null;
  team: Generated<string>;
  notice_on: string | null;
  candidates_sent_on: string | null;
  /** JSON [{ residentId, name }]. */
  candidates: Generated<string>;
  dismissal_ground: 'resignation' | 'front_proposal' | 'petition' | null;
  petition_households: number | null;
  holder_resident_id: number | null;
  new_election_due: string | null;
}
export interface OfficeTermTable {
  id: Generated<number>;
  unit_id: number;
  position: string;
  resident_id: number;
  user_id: number | null;
  interim: Generated<number>;
  matter_id: number | null;
  starts_on: string;
  ends_on: string | null;
  ended_on: string | null;
  grant_id: number | null;
}

export type FeedbackKind = 'petition' | 'report' | 'complaint' | 'denunciation' | 'question';
export type FeedbackStatus = 'received' | 'accepted' | 'answered' | 'refused' | 'forwarded' | 'closed';
export type FeedbackClock = 'forward' | 'accept' | 'initial' | 'resolve' | 'answer' | 'publish';
export type NotifyChannel = 'none' | 'sms' | 'zalo' | 'email' | 'in_app';
export interface FeedbackSettingTable {
  commune_id: number;
  remote_area: number;
  reopen_days: number;
  updated_at: string;
}
export interface FeedbackRoutingTable {
  commune_id: number;
  category: string;
  handler: 'commune' | 'village' | 'agency' | 'inspection_board';
  agency_id: number | null;
}
export interface QrPointTable {
  id: Generated<number>;
  token: string;
  commune_id: number;
  unit_id: number;
  kind: 'place' | 'desk' | 'officer';
  name: string;
  officer_user_id: number | null;
  active: Generated<number>;
  created_at: string;
}
export interface FeedbackItemTable {
  id: Generated<number>;
  tracking_code: string;
  commune_id: number;
  kind: FeedbackKind;
  category: string;
  channel: string;
  title: string;
  content: string;
  place_text: string | null;
  village_id: number | null;
  qr_point_id: number | null;
  anonymous: number;
  handler_unit_id: number;
  handler_agency_id: number | null;
  handler_board: Generated<number>;
  /** With handler_board = 1: the project whose supervision board handles it (issue 7 item 6). */
  handler_project_id: number | null;
  subject_unit_id: number | null;
  subject_user_id: number | null;
  subject_text: string | null;
  status: FeedbackStatus;
  received_on: string;
  known_on: string | null;
  excluded_days: Generated<number>;
  excluded_reason: string | null;
  late_days: Generated<number>;
  remote_area: Generated<number>;
  complexity: Generated<'normal' | 'complex' | 'very_complex'>;
  multi_site: Generated<number>;
  forward_due: string | null;
  accept_due: string | null;
  accepted_on: string | null;
  extensions: Generated<number>;
  resolve_due: string | null;
  clock: FeedbackClock | null;
  due_on: string | null;
  escalated_on: string | null;
  answer: string | null;
  answered_on: string | null;
  refusal_reason: string | null;
  forwarded_to: string | null;
  publishable: Generated<number>;
  public_answer: string | null;
  publish_due: string | null;
  published_on: string | null;
  rating: 'satisfied' | 'not_satisfied' | null;
  rating_comment: string | null;
  rated_at: string | null;
  reopen_until: string | null;
  reopen_count: Generated<number>;
  notify_channel: Generated<NotifyChannel>;
  user_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}
export interface FeedbackIdentityTable {
  item_id: number;
  sealed: string;
  signature_sealed: string | null;
}
export interface FeedbackEventTable {
  id: Generated<number>;
  item_id: number;
  at: string;
  kind: string;
  from_unit_id: number | null;
  to_unit_id: number | null;
  note: string | null;
  public: Generated<number>;
  actor_user_id: number | null;
  actor_label: string;
}
export interface FeedbackAttachmentTable {
  item_id: number;
  file_id: number;
  public: Generated<number>;
}
export interface ReceptionDayTable {
  id: Generated<number>;
  unit_id: number;
  agency_id: number | null;
  host_role: 'commune_chairman' | 'agency_head';
  host_name: string;
  day: string;
  start_time: string;
  end_time: string;
  place: string;
  slot_minutes: Generated<number>;
  created_by: number | null;
  created_at: string;
}
export interface ReceptionBookingTable {
  id: Generated<number>;
  reception_day_id: number;
  slot: string;
  booking_code: string;
  sealed: string;
  status: 'booked' | 'cancelled' | 'received' | 'no_show';
  item_id: number | null;
  created_at: string;
}
export interface ServiceRatingTable {
  id: Generated<number>;
  qr_point_id: number;
  commune_id: number;
  month: string;
  overall: number;
  time_score: number | null;
  attitude_score: number | null;
  correctness_score: number | null;
  costs_score: number | null;
  dossier_code: string | null;
  comment: string | null;
  item_id: number | null;
  created_at: string;
}
export type DossierStatus = 'received' | 'in_progress' | 'more_documents' | 'done' | 'returned';
export interface OneStopDossierTable {
  code: string;
  commune_id: number;
  procedure_name: string;
  status: DossierStatus;
  sealed_contact: string | null;
  notify_channel: Generated<string>;
  updated_at: string;
}
export interface OneStopEventTable {
  id: Generated<number>;
  dossier_code: string;
  status: string;
  at: string;
  note: string | null;
}
export interface RateHitTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface Database extends ConsultationTables, CovenantTables, DialogueTables, MonitoringTables, OversightTables, WorkplaceTables {
  units: UnitTable;
  agencies: AgencyTable;
  households: HouseholdTable;
  residents: ResidentTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  otp_codes: OtpCodeTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  notifications: NotificationTable;
  calendar_days: CalendarDayTable;
  api_tokens: ApiTokenTable;
  search_docs: SearchDocTable;
  files: FileTable;
  disclosures: DisclosureTable;
  disclosure_versions: DisclosureVersionTable;
  disclosure_villages: DisclosureVillageTable;
  disclosure_forms: DisclosureFormTable;
  disclosure_attachments: DisclosureAttachmentTable;
  disclosure_follows: DisclosureFollowTable;
  disclosure_plan_items: DisclosurePlanItemTable;
  info_requests: InfoRequestTable;
  matters: MatterTable;
  matter_consents: MatterConsentTable;
  votes: VoteTable;
  vote_options: VoteOptionTable;
  vote_counts: VoteCountTable;
  vote_attendance: VoteAttendanceTable;
  vote_receipts: VoteReceiptTable;
  vote_ballots: VoteBallotTable;
  elections: ElectionTable;
  office_terms: OfficeTermTable;
  feedback_settings: FeedbackSettingTable;
  feedback_routing: FeedbackRoutingTable;
  qr_points: QrPointTable;
  feedback_items: FeedbackItemTable;
  feedback_identities: FeedbackIdentityTable;
  feedback_events: FeedbackEventTable;
  feedback_attachments: FeedbackAttachmentTable;
  reception_days: ReceptionDayTable;
  reception_bookings: ReceptionBookingTable;
  service_ratings: ServiceRatingTable;
  one_stop_dossiers: OneStopDossierTable;
  one_stop_events: OneStopEventTable;
  rate_hits: RateHitTable;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type User = Selectable<UserTable>;
