// The covenants module (Decree 61/2023/NĐ-CP; Law 10/2022 Art 15 item 3): village covenants with
// their versions, the village's settings (ethnic-minority community, review day), yearly reviews, and
// the date before which a matter may not be put to a vote (R-E1: the draft posted ≥ 30 days).
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    // A general rule of decisions: a matter whose draft is still out for comments is not voted on
    // before this date (null: no such hold).
    await db.schema.alterTable('matters').addColumn('vote_not_before', 'text').execute();

    await db.schema
      .createTable('covenant_settings')
      .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
      // R-E7 (Decree 61 Art 8(2)): an ethnic-minority community's drafting team needs an elder and a speaker.
      .addColumn('ethnic_minority', 'integer', (c) => c.notNull().defaultTo(0).check(sql`ethnic_minority in (0,1)`))
      .addColumn('ethnic_language', 'text')
      // R-E6: the yearly review day, 'MM-DD' (default 18 November, Vietnam's Great National Unity Day).
      .addColumn('review_day', 'text', (c) => c.notNull().defaultTo('11-18'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('covenants'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('proposed','transitional')`))
      // Art 13: an amendment or a replacement restarts the cycle and points at the covenant it changes.
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('new','amendment','replacement')`))
      .addColumn('replaces_id', 'integer', (c) => c.references('covenants.id'))
      .addColumn('matter_id', 'integer', (c) => c.references('matters.id'))
      .addColumn('consultation_id', 'integer', (c) => c.references('consultations.id'))
      /** JSON array of { name, role, elder, speaker }. */
      .addColumn('team', 'text', (c) => c.notNull().defaultTo('[]'))
      // Transitional entries (Law Art 91(3); Decree 61 Art 24) carry their own dates and history.
      .addColumn('adopted_on', 'text')
      .addColumn('recognised_on', 'text')
      .addColumn('recognition_number', 'text')
      .addColumn('history', 'text')
      // Art 11(3), 15: sent to the village head and the Front; published at the cultural house and more.
      .addColumn('sent_on', 'text')
      .addColumn('channels', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('published_on', 'text')
      // R-E5 (Arts 12, 14): a written report of defects, then suspension or annulment.
      .addColumn('report_received_on', 'text')
      .addColumn('report_text', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('answer_text', 'text')
      .addColumn('suspended_on', 'text')
      .addColumn('suspension_deadline', 'text')
      .addColumn('suspension_reason', 'text')
      .addColumn('corrected_on', 'text')
      .addColumn('annulled_on', 'text')
      .addColumn('annul_reason', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('covenants_origin_matter', sql`(origin = 'proposed') = (matter_id is not null)`)
      .addCheckConstraint('covenants_transitional_dates', sql`origin = 'proposed' or (adopted_on is not null and recognised_on is not null)`)
      .execute();
    await db.schema.createIndex('covenants_matter').on('covenants').column('matter_id').unique().execute();
    await db.schema.createIndex('covenants_unit').on('covenants').columns(['unit_id', 'created_at']).execute();

    await withId(db.schema.createTable('covenant_versions'), dialect)
      .addColumn('covenant_id', 'integer', (c) => c.notNull().references('covenants.id'))
      .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      // Art 6: written in Vietnamese; a translation into the ethnic language may be attached.
      .addColumn('translation_language', 'text')
      .addColumn('translation_text', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('covenant_versions_number').on('covenant_versions').columns(['covenant_id', 'number']).unique().execute();

    await withId(db.schema.createTable('covenant_reviews'), dialect)
      .addColumn('covenant_id', 'integer', (c) => c.notNull().references('covenants.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('keep','amend','replace')`))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('covenant_reviews_year').on('covenant_reviews').columns(['covenant_id', 'year']).unique().execute();
  },
};
