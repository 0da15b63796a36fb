// The oversight module (Law 10/2022 Arts 36–45, 60–63; Decree 59/2023 Arts 12–23): People's Inspection
// Boards of communes and agencies, Community Investment Supervision Boards, the project register,
// plans, activities and recommendations with their 15-day answer clock (R-F1…R-F8).
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    // The investment project register (issue 7 item 5; Law Art 41(1)). Money in integer đồng.
    await withId(db.schema.createTable('oversight_projects'), dialect)
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('investor', 'text', (c) => c.notNull())
      .addColumn('decision_maker', 'text', (c) => c.notNull())
      .addColumn('decision_number', 'text', (c) => c.notNull())
      .addColumn('decision_date', 'text', (c) => c.notNull())
      .addColumn('contractor', 'text')
      .addColumn('budget_state', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`budget_state >= 0`))
      .addColumn('budget_commune', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`budget_commune >= 0`))
      .addColumn('budget_community', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`budget_community >= 0`))
      .addColumn('budget_other', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`budget_other >= 0`))
      .addColumn('villages', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('progress_percent', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress_percent between 0 and 100`))
      .addColumn('disbursed', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`disbursed >= 0`))
      .addColumn('accepted_on', 'text')
      .addColumn('final_accounts_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned','ongoing','ended')`))
      .addColumn('ended_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oversight_projects_commune').on('oversight_projects').columns(['commune_id', 'starts_on']).execute();

    await withId(db.schema.createTable('oversight_boards'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('commune_inspection','agency_inspection','investment_supervision')`))
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('project_id', 'integer', (c) => c.references('oversight_projects.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('forming','recognised','closed','union_performs')`))
      // The number of members the Front (Decree 59 Art 13(2)) or the staff conference fixes.
      .addColumn('planned_size', 'integer', (c) => c.notNull().check(sql`planned_size >= 0`))
      .addColumn('staff_count', 'integer')
      .addColumn('elected_on', 'text')
      .addColumn('recognition_due', 'text')
      .addColumn('recognised_on', 'text')
      .addColumn('term_starts_on', 'text')
      .addColumn('term_ends_on', 'text')
      .addColumn('supervision_starts_on', 'text')
      .addColumn('investor_notified_on', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      // R-F6: a supervision board belongs to exactly one project; R-F8: an agency board to its agency.
      .addCheckConstraint('oversight_boards_project', sql`(kind = 'investment_supervision') = (project_id is not null)`)
      .addCheckConstraint('oversight_boards_agency', sql`(kind = 'agency_inspection') = (agency_id is not null)`)
      .execute();
    await db.schema.createIndex('oversight_boards_one_per_project').on('oversight_boards').column('project_id').unique().execute();
    // One open commune board per commune and one open board per agency (Law Arts 36, 60).
    await db.schema
      .createIndex('oversight_boards_one_commune')
      .on('oversight_boards')
      .column('commune_id')
      .unique()
      .where(sql.ref('kind'), '=', 'commune_inspection')
      .where(sql.ref('closed_on'), 'is', null)
      .execute();
    await db.schema
      .createIndex('oversight_boards_one_agency')
      .on('oversight_boards')
      .column('agency_id')
      .unique()
      .where(sql.ref('closed_on'), 'is', null)
      .where(sql.ref('agency_id'), 'is not', null)
      .execute();

    await withId(db.schema.createTable('oversight_members'), dialect)
      .addColumn('board_id', 'integer', (c) => c.notNull().references('oversight_boards.id'))
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
      .addColumn('village_id', 'integer', (c) => c.references('units.id'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('position', 'text', (c) => c.notNull().check(sql`position in ('head','deputy','member')`))
      .addColumn('seat', 'text', (c) => c.notNull().check(sql`seat in ('village','front','inspection_board','resident','staff')`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('election','minutes')`))
      .addColumn('office_term_id', 'integer', (c) => c.references('office_terms.id'))
      .addColumn('elected_on', 'text', (c) => c.notNull())
      .addColumn('occupation', 'text', (c) => c.notNull())
      .addColumn('conflict_declared', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ended_on', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oversight_members_board').on('oversight_members').columns(['board_id', 'ended_on']).execute();
    // R-F3 (Law Art 36(2)): a by-election to organise under the Front's guidance.
    await withId(db.schema.createTable('oversight_tasks'), dialect)
      .addColumn('board_id', 'integer', (c) => c.notNull().references('oversight_boards.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('by_election')`))
      .addColumn('village_id', 'integer', (c) => c.references('units.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('oversight_members.id'))
      .addColumn('raised_on', 'text', (c) => c.notNull())
      .addColumn('months_left', 'integer', (c) => c.notNull())
      .addColumn('done_on', 'text')
      .execute();

    await withId(db.schema.createTable('oversight_plans'), dialect)
      .addColumn('board_id', 'integer', (c) => c.notNull().references('oversight_boards.id'))
      .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('quarter','half_year','year','term','specific')`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('inspected_party', 'text')
      .addColumn('notified_on', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oversight_plans_board').on('oversight_plans').columns(['board_id', 'starts_on']).execute();

    await withId(db.schema.createTable('oversight_activities'), dialect)
      .addColumn('board_id', 'integer', (c) => c.notNull().references('oversight_boards.id'))
      .addColumn('plan_id', 'integer', (c) => c.references('oversight_plans.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('inspection','supervision')`))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('feedback_item_id', 'integer', (c) => c.references('feedback_items.id'))
      // The board makes its results public (Decree 59 Arts 14, 18: results notified in writing).
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oversight_activities_board').on('oversight_activities').columns(['board_id', 'held_on']).execute();

    await withId(db.schema.createTable('oversight_files'), dialect)
      .addColumn('activity_id', 'integer', (c) => c.references('oversight_activities.id'))
      .addColumn('project_id', 'integer', (c) => c.references('oversight_projects.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addCheckConstraint('oversight_files_owner', sql`(activity_id is null) <> (project_id is null)`)
      .execute();
    await db.schema.createIndex('oversight_files_activity').on('oversight_files').column('activity_id').execute();
    await db.schema.createIndex('oversight_files_project').on('oversight_files').column('project_id').execute();

    // R-F5 (Law Arts 40(1)(c), 45(2)(c), 63(1)(c)): each recommendation and its 15-day answer.
    await withId(db.schema.createTable('oversight_recommendations'), dialect)
      .addColumn('activity_id', 'integer', (c) => c.notNull().references('oversight_activities.id'))
      .addColumn('board_id', 'integer', (c) => c.notNull().references('oversight_boards.id'))
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('addressee', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('sent_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','answered')`))
      .addColumn('answer_kind', 'text', (c) => c.check(sql`answer_kind in ('accepted','partly','rejected')`))
      .addColumn('answer_text', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
      .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('escalated_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('oversight_rec_answered', sql`(status = 'answered') = (answer_kind is not null and answered_on is not null)`)
      .execute();
    await db.schema.createIndex('oversight_rec_commune_due').on('oversight_recommendations').columns(['commune_id', 'status', 'due_on']).execute();
    // Published answers, newest first (the commune's public page).
    await db.schema.createIndex('oversight_rec_commune_answered').on('oversight_recommendations').columns(['commune_id', 'status', 'answered_on']).execute();
    await db.schema.createIndex('oversight_rec_activity').on('oversight_recommendations').column('activity_id').execute();
  },
};
