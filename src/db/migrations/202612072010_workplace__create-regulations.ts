// The workplace module: democracy regulations of communes (Law 10/2022 Art 35(2)(c)) and agencies
// (Art 59(1)(a)) with their versions, agencies' staff counts, annual staff conferences or staff-wide
// ballots (Arts 50–51; R-G3), the matters staff decide (Art 49) and six-monthly reviews (Art 52(3)).
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('workplace_regulations'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('original','amendment','replacement')`))
      .addColumn('title', 'text', (c) => c.notNull())
      // R-D4 (Art 25(7); Art 55(2)): no regulation without its consultation record.
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('issued_number', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('in_force_from', 'text', (c) => c.notNull())
      .addColumn('signer', 'text', (c) => c.notNull())
      .addColumn('partner', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_force','superseded')`))
      .addColumn('superseded_by', 'integer', (c) => c.references('workplace_regulations.id'))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // One version number per holder; at most one regulation in force per commune and per agency.
    // (The commune's own regulation has agency_id null: coalesce makes it one key on both databases.)
    await sql`create unique index workplace_regulations_version on workplace_regulations (unit_id, coalesce(agency_id, 0), version)`.execute(db);
    await sql`create unique index workplace_regulations_in_force on workplace_regulations (unit_id, coalesce(agency_id, 0)) where status = 'in_force'`.execute(
      db,
    );

    await withId(db.schema.createTable('workplace_staff_counts'), dialect)
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('staff', 'integer', (c) => c.notNull().check(sql`staff >= 1`))
      .addColumn('counted_on', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('workplace_staff_counts_agency').on('workplace_staff_counts').columns(['agency_id', 'counted_on']).execute();

    await withId(db.schema.createTable('workplace_conferences'), dialect)
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('work_year', 'integer', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull().check(sql`form in ('plenary','delegates','ballot')`))
      .addColumn('convocation', 'integer', (c) => c.notNull().check(sql`convocation in (1, 2)`))
      .addColumn('staff', 'integer', (c) => c.notNull().check(sql`staff >= 1`))
      .addColumn('base', 'integer', (c) => c.notNull().check(sql`base >= 1`))
      .addColumn('present', 'integer', (c) => c.notNull().check(sql`present >= 0 and present <= base`))
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('valid','no_quorum')`))
      .addColumn('force_majeure', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('dispersed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('workplace_conferences_agency').on('workplace_conferences').columns(['agency_id', 'work_year']).execute();

    await withId(db.schema.createTable('workplace_decisions'), dialect)
      .addColumn('conference_id', 'integer', (c) => c.notNull().references('workplace_conferences.id'))
      .addColumn('matter', 'text', (c) => c.notNull().check(sql`matter in ('board','contributions','resolution','other')`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('votes_for', 'integer', (c) => c.notNull().check(sql`votes_for >= 0 and votes_for <= base`))
      .addColumn('base', 'integer', (c) => c.notNull())
      .addColumn('needed', 'integer', (c) => c.notNull())
      .addColumn('adopted', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('workplace_decisions_conference').on('workplace_decisions').column('conference_id').execute();

    await withId(db.schema.createTable('workplace_reviews'), dialect)
      .addColumn('conference_id', 'integer', (c) => c.notNull().references('workplace_conferences.id'))
      .addColumn('reviewed_on', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('told_staff_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('workplace_reviews_conference').on('workplace_reviews').columns(['conference_id', 'reviewed_on']).execute();
  },
};
