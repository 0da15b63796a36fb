// The dialogue module: the commune People's Committee's dialogue conferences with residents, held
// with the commune Front (Law 10/2022 Art 32; R-G2), leaders' dialogues with staff inside an agency
// (Art 59(1)(b)), and each village's annual community conference (Art 33; Decree 59/2023 Arts 10–11; R-G1).
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    // A dialogue conference of a commune, or (agency_id set) a leaders' dialogue with an agency's staff.
    await withId(db.schema.createTable('dialogues'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      // The calendar year in Vietnam time of starts_at (R-G2 counts per calendar year).
      .addColumn('year', 'integer', (c) => c.notNull())
      // Art 32: held with the commune Front; in an agency, with the trade union (Art 59(1)(b)).
      .addColumn('co_organiser', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled','held')`))
      .addColumn('held_on', 'text')
      .addColumn('attendance', 'text')
      .addColumn('minutes', 'text')
      .addColumn('minutes_published_at', 'text')
      .addColumn('minutes_published_by', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('dialogues_held', sql`status = 'scheduled' or held_on is not null`)
      .addCheckConstraint('dialogues_minutes', sql`minutes_published_at is null or (status = 'held' and minutes is not null)`)
      .execute();
    await db.schema.createIndex('dialogues_unit_year').on('dialogues').columns(['unit_id', 'year', 'starts_at']).execute();

    // A question: asked online beforehand (signed in or not) or entered by an official with its channel.
    await withId(db.schema.createTable('dialogue_questions'), dialect)
      .addColumn('dialogue_id', 'integer', (c) => c.notNull().references('dialogues.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      // The name the asker chose to show (optional); the account is kept apart and never shown.
      .addColumn('asker_name', 'text')
      .addColumn('asker_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('answered_by_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('answered_at', 'text')
      // Abusive content is hidden with a reason, never deleted.
      .addColumn('hidden_reason', 'text')
      .addCheckConstraint('dialogue_questions_answer', sql`(answer is null) = (answered_at is null)`)
      .execute();
    await db.schema.createIndex('dialogue_questions_dialogue').on('dialogue_questions').columns(['dialogue_id', 'id']).execute();

    // A village's annual community conference: plan, agreements, notice, the Decree 59 Art 11 agenda, result report.
    await withId(db.schema.createTable('village_conferences'), dialect)
      .addColumn('village_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('conference_on', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('tasks', 'text', (c) => c.notNull())
      .addColumn('plan_sent_on', 'text', (c) => c.notNull())
      .addColumn('notice_on', 'text', (c) => c.notNull())
      .addColumn('notice_method', 'text', (c) => c.notNull())
      .addColumn('committee_agreed_on', 'text')
      .addColumn('committee_agreed_by', 'text')
      .addColumn('front_agreed_on', 'text')
      .addColumn('front_agreed_by', 'text')
      .addColumn('board_agreed_on', 'text')
      .addColumn('board_agreed_by', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned','held','reported')`))
      .addColumn('held_on', 'text')
      .addColumn('households_present', 'integer')
      .addColumn('secretary', 'text')
      .addColumn('head_report', 'text')
      .addColumn('front_report', 'text')
      .addColumn('board_report', 'text')
      .addColumn('discussion', 'text')
      .addColumn('explanation', 'text')
      .addColumn('adopted', 'text')
      .addColumn('commendations', 'text')
      .addColumn('conclusion', 'text')
      .addColumn('result_report', 'text')
      .addColumn('result_sent_on', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('village_conferences_held', sql`status = 'planned' or held_on is not null`)
      .addCheckConstraint('village_conferences_reported', sql`status <> 'reported' or result_sent_on is not null`)
      .execute();
    // R-G1: one annual conference per village and year.
    await db.schema.createIndex('village_conferences_one_a_year').on('village_conferences').columns(['village_id', 'year']).unique().execute();
    await db.schema.createIndex('village_conferences_commune').on('village_conferences').columns(['commune_id', 'year']).execute();

    // Reports kept as files (Word, PDF, a photo of the signed page) beside their text.
    await db.schema
      .createTable('village_conference_files')
      .addColumn('conference_id', 'integer', (c) => c.notNull().references('village_conferences.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addColumn('part', 'text', (c) => c.notNull().check(sql`part in ('head_report','front_report','board_report','result_report')`))
      .addPrimaryKeyConstraint('village_conference_files_pk', ['conference_id', 'file_id'])
      .execute();
  },
};
