// The covenants module's tables (Decree 61/2023/NĐ-CP). Referenced from src/db/types.ts.
import type { Generated } from 'kysely';

export interface CovenantSettingTable {
  unit_id: number;
  ethnic_minority: Generated<number>;
  ethnic_language: string | null;
  review_day: Generated<string>;
  updated_at: string;
}
export interface CovenantTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  origin: 'proposed' | 'transitional';
  kind: 'new' | 'amendment' | 'replacement';
  replaces_id: number | null;
  matter_id: number | null;
  consultation_id: number | null;
  team: Generated<string>;
  adopted_on: string | null;
  recognised_on: string | null;
  recognition_number: string | null;
  history: string | null;
  sent_on: string | null;
  channels: Generated<string>;
  published_on: string | null;
  report_received_on: string | null;
  report_text: string | null;
  answered_on: string | null;
  answer_text: string | null;
  suspended_on: string | null;
  suspension_deadline: string | null;
  suspension_reason: string | null;
  corrected_on: string | null;
  annulled_on: string | null;
  annul_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface CovenantVersionTable {
  id: Generated<number>;
  covenant_id: number;
  number: number;
  text: string;
  note: string;
  translation_language: string | null;
  translation_text: string | null;
  created_by: number | null;
  created_at: string;
}
export interface CovenantReviewTable {
  id: Generated<number>;
  covenant_id: number;
  year: number;
  held_on: string;
  outcome: 'keep' | 'amend' | 'replace';
  note: string;
  created_by: number | null;
  created_at: string;
}
export interface CovenantTables {
  covenant_settings: CovenantSettingTable;
  covenants: CovenantTable;
  covenant_versions: CovenantVersionTable;
  covenant_reviews: CovenantReviewTable;
}
