// The monitoring module's tables (migration 202612072020_monitoring__create-records), referenced from
// src/db/types.ts. Dates are 'YYYY-MM-DD' text, times ISO text, money integer đồng (DESIGN.md).
import type { Generated, Selectable } from 'kysely';

/** training (T-2.1, M-3.1), outreach (T-2.2, M-3.2), commendation and discipline (M-3.8), funding (Art 2). */
export const RECORD_KINDS = ['training', 'outreach', 'commendation', 'discipline', 'funding'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/** What each kind is split by: a roster (people in duty roles who must be trained) or a course; the
 * outreach form (M-3.2(a)); individual or collective; the source of funds (Art 2 F-a, F-b). */
export const SUBKINDS: Record<RecordKind, readonly string[]> = {
  training: ['roster', 'course'],
  outreach: ['conference', 'contest', 'online', 'media', 'visual'],
  commendation: ['individual', 'collective'],
  discipline: ['individual', 'collective'],
  funding: ['state_budget', 'community'],
};

export interface MonitoringRecordTable {
  id: Generated<number>;
  unit_id: number;
  kind: RecordKind;
  subkind: string;
  title: string;
  /** The day it happened (funding: the first day of its year). */
  held_on: string;
  year: number;
  /** training roster: people in duty roles who must be trained. */
  required: number | null;
  /** training course: people who must be trained who attended; outreach: participants; commendation,
   * discipline: people or collectives. */
  people: number | null;
  planned: number | null;
  spent: number | null;
  evidence_file_id: number | null;
  evidence_note: string | null;
  created_by: string;
  created_at: string;
}
export type MonitoringRecord = Selectable<MonitoringRecordTable>;

/** A council's resolution loaded as a target catalogue (catalogue.ts), kept with the text it came from. */
export interface MonitoringCatalogueTable {
  id: Generated<number>;
  key: string;
  title: string;
  text: string;
  loaded_by: string;
  loaded_at: string;
}

export interface MonitoringTables {
  monitoring_records: MonitoringRecordTable;
  monitoring_catalogues: MonitoringCatalogueTable;
}
