// The workplace module's tables (Law 10/2022 Arts 35(2)(c), 49–52, 59(1)(a)): democracy regulations of
// communes and agencies, agencies' staff counts, annual staff conferences (or staff-wide ballots), the
// matters staff decide there (Art 49) and the six-monthly reviews (Art 52(3)). Referenced from
// src/db/types.ts's Database interface.
import type { Generated, Selectable } from 'kysely';

export interface WorkplaceRegulationTable {
  id: Generated<number>;
  /** The commune, or the commune of the agency. */
  unit_id: number;
  /** Null: the commune's own regulation (Art 35(2)(c)); set: the agency's (Art 59(1)(a)). */
  agency_id: number | null;
  /** 1 for the first regulation; each amendment or replacement is the next version. */
  version: number;
  kind: 'original' | 'amendment' | 'replacement';
  title: string;
  /** R-D4: the consultation (src/modules/consultation) the draft went through before issue. */
  consultation_id: number;
  issued_number: string;
  issued_on: string;
  in_force_from: string;
  signer: string;
  /** Art 35(2)(c): issued with the commune Front; Art 59(1)(a): with the agency's trade union. */
  partner: string;
  status: 'in_force' | 'superseded';
  superseded_by: number | null;
  created_by: string;
  created_at: string;
}
export type WorkplaceRegulation = Selectable<WorkplaceRegulationTable>;

export interface WorkplaceStaffCountTable {
  id: Generated<number>;
  agency_id: number;
  /** Everyone the conference counts (Art 51(2)): officials, civil servants, public employees, workers. */
  staff: number;
  counted_on: string;
  recorded_by: string;
  created_at: string;
}

export interface WorkplaceConferenceTable {
  id: Generated<number>;
  agency_id: number;
  /** The work year the conference reviews (Art 51(1): held after it ends, ≤ 03 months later). */
  work_year: number;
  held_on: string;
  /** plenary (< 100 staff), delegates (≥ 100 or dispersed), ballot (Art 50: staff-wide ballot). */
  form: 'plenary' | 'delegates' | 'ballot';
  /** 1 or 2: Art 50 allows the ballot after quorum failed at the second convocation. */
  convocation: number;
  staff: number;
  /** The base of the quorum: all staff, or the delegates convened (Art 51(2)). */
  base: number;
  present: number;
  /** valid: quorum reached; no_quorum: a failed convocation, kept on record (Art 50). */
  outcome: 'valid' | 'no_quorum';
  force_majeure: number;
  dispersed: number;
  /** Art 51(3)–(4): the agenda as held. */
  agenda: string;
  late: number;
  recorded_by: string;
  created_at: string;
}
export type WorkplaceConference = Selectable<WorkplaceConferenceTable>;

export interface WorkplaceDecisionTable {
  id: Generated<number>;
  conference_id: number;
  /** Art 49: board (elect/dismiss inspection board members), contributions, resolution, other. */
  matter: 'board' | 'contributions' | 'resolution' | 'other';
  title: string;
  votes_for: number;
  /** The base counted against: those attending, or all staff for a ballot. */
  base: number;
  needed: number;
  adopted: number;
  created_at: string;
}

export interface WorkplaceReviewTable {
  id: Generated<number>;
  conference_id: number;
  reviewed_on: string;
  result: string;
  /** Art 52(3): the result told to all staff. */
  told_staff_on: string;
  created_at: string;
}

export interface WorkplaceTables {
  workplace_regulations: WorkplaceRegulationTable;
  workplace_staff_counts: WorkplaceStaffCountTable;
  workplace_conferences: WorkplaceConferenceTable;
  workplace_decisions: WorkplaceDecisionTable;
  workplace_reviews: WorkplaceReviewTable;
}
