// The dialogue module's tables (migration 202612071910_dialogue__create-dialogues). Times are ISO UTC
// text, dates 'YYYY-MM-DD' text, as everywhere (src/db/types.ts).
import type { Generated, Selectable } from 'kysely';

export type DialogueStatus = 'scheduled' | 'held';
export interface DialogueTable {
  id: Generated<number>;
  unit_id: number;
  agency_id: number | null;
  topic: string;
  place: string;
  starts_at: string;
  year: number;
  co_organiser: string;
  status: DialogueStatus;
  held_on: string | null;
  attendance: string | null;
  minutes: string | null;
  minutes_published_at: string | null;
  minutes_published_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface DialogueQuestionTable {
  id: Generated<number>;
  dialogue_id: number;
  text: string;
  asker_name: string | null;
  asker_user_id: number | null;
  channel: string;
  entered_by: string | null;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_by_user_id: number | null;
  answered_at: string | null;
  hidden_reason: string | null;
}
export type ConferenceStatus = 'planned' | 'held' | 'reported';
export interface VillageConferenceTable {
  id: Generated<number>;
  village_id: number;
  commune_id: number;
  year: number;
  conference_on: string;
  start_time: string;
  place: string;
  content: string;
  tasks: string;
  plan_sent_on: string;
  notice_on: string;
  notice_method: string;
  committee_agreed_on: string | null;
  committee_agreed_by: string | null;
  front_agreed_on: string | null;
  front_agreed_by: string | null;
  board_agreed_on: string | null;
  board_agreed_by: string | null;
  status: ConferenceStatus;
  held_on: string | null;
  households_present: number | null;
  secretary: string | null;
  head_report: string | null;
  front_report: string | null;
  board_report: string | null;
  discussion: string | null;
  explanation: string | null;
  adopted: string | null;
  commendations: string | null;
  conclusion: string | null;
  result_report: string | null;
  result_sent_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export interface VillageConferenceFileTable {
  conference_id: number;
  file_id: number;
  part: 'head_report' | 'front_report' | 'board_report' | 'result_report';
}

export interface DialogueTables {
  dialogues: DialogueTable;
  dialogue_questions: DialogueQuestionTable;
  village_conferences: VillageConferenceTable;
  village_conference_files: VillageConferenceFileTable;
}
export type Dialogue = Selectable<DialogueTable>;
export type DialogueQuestion = Selectable<DialogueQuestionTable>;
export type VillageConference = Selectable<VillageConferenceTable>;
