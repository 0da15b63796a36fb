// The consultation module's tables ("dân bàn": Law 10/2022 Arts 25–29 in communes, Arts 53–55 in
// agencies). Referenced from src/db/types.ts's Database interface.
import type { Generated } from 'kysely';

export interface ConsultationTable {
  id: Generated<number>;
  unit_id: number;
  agency_id: number | null;
  scope: 'commune' | 'agency';
  /** Art 25 item (item1 … item9) in a commune; an Art 53 matter in an agency. */
  matter: string;
  title: string;
  summary: string;
  /** The draft as typed or pasted; its articles are in consultation_articles. */
  draft_text: string;
  status: 'draft' | 'open' | 'closed' | 'issued';
  audience: 'all' | 'villages';
  period_days: number;
  /** R-D1: a period under 20 days only with the law that allows it (Art 28(2)). */
  short_period_law: string | null;
  plan_content: string;
  plan_forms: string;
  plan_timeline: string;
  plan_responsible: string;
  /** R-D1: the plan sent to the commune People's Council and the Front (Art 28(1)). */
  plan_sent_on: string | null;
  opens_on: string | null;
  closes_on: string | null;
  synthesis_text: string | null;
  majority_explanation: string | null;
  synthesis_published_at: string | null;
  closed_at: string | null;
  union_consulted_on: string | null;
  union_opinion: string | null;
  issued_on: string | null;
  issued_number: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface ConsultationArticleTable {
  id: Generated<number>;
  consultation_id: number;
  position: number;
  label: string;
  heading: string;
  body: string;
}
export interface ConsultationVillageTable {
  consultation_id: number;
  village_id: number;
}
export interface ConsultationAttachmentTable {
  consultation_id: number;
  file_id: number;
}
export interface ConsultationCommentTable {
  id: Generated<number>;
  consultation_id: number;
  article_id: number | null;
  channel: string;
  author_user_id: number | null;
  /** Who gave it, as entered by an official: shown only to officials (Art 9(2)). */
  author_name: string | null;
  organisation: string | null;
  body: string;
  /** The text shown publicly after moderation removed personal data (null: the body as given). */
  public_body: string | null;
  hidden_reason: string | null;
  entered_by: number | null;
  created_at: string;
}
export interface ConsultationStanceTable {
  id: Generated<number>;
  consultation_id: number;
  article_id: number;
  user_id: number | null;
  comment_id: number | null;
  stance: 'agree' | 'disagree';
  updated_at: string;
}
export interface ConsultationResponseTable {
  id: Generated<number>;
  consultation_id: number;
  article_id: number | null;
  answer: 'accepted' | 'partly' | 'not_accepted';
  summary: string;
  explanation: string;
  updated_at: string;
}
export interface ConsultationAffectedTable {
  id: Generated<number>;
  consultation_id: number;
  name: string;
  notified_on: string;
  notice_method: string;
  views: string | null;
  gave_no_views: number;
  explanation: string;
  created_at: string;
}

export interface ConsultationTables {
  consultations: ConsultationTable;
  consultation_articles: ConsultationArticleTable;
  consultation_villages: ConsultationVillageTable;
  consultation_attachments: ConsultationAttachmentTable;
  consultation_comments: ConsultationCommentTable;
  consultation_stances: ConsultationStanceTable;
  consultation_responses: ConsultationResponseTable;
  consultation_affected: ConsultationAffectedTable;
}
