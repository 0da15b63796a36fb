// The disclosure module ("dân biết", Law 10/2022 Arts 11–14, 46–48) and the platform's stored files.
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('files'), dialect)
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('disclosures'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('commune','agency')`))
      .addColumn('category', 'integer', (c) => c.notNull().check(sql`category between 1 and 14`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','ended','withdrawn')`))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('decision_number', 'text')
      .addColumn('decision_date', 'text')
      .addColumn('decision_signer', 'text')
      .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('all','villages')`))
      .addColumn('posting_start', 'text')
      .addColumn('posting_end', 'text')
      .addColumn('late_reason', 'text')
      .addColumn('status_reason', 'text')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('disclosures_agency_scope', sql`(scope = 'agency') = (agency_id is not null)`)
      .addCheckConstraint('disclosures_posting_range', sql`posting_end is null or posting_start is null or posting_start <= posting_end`)
      .execute();
    await db.schema.createIndex('disclosures_list').on('disclosures').columns(['unit_id', 'scope', 'status', 'posting_start']).execute();
    await db.schema.createIndex('disclosures_category').on('disclosures').columns(['unit_id', 'category', 'year']).execute();
    await db.schema.createIndex('disclosures_agency').on('disclosures').columns(['agency_id', 'status']).execute();

    await withId(db.schema.createTable('disclosure_versions'), dialect)
      .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('change_note', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('disclosure_versions_one', ['disclosure_id', 'version'])
      .execute();

    await db.schema
      .createTable('disclosure_villages')
      .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addPrimaryKeyConstraint('disclosure_villages_pk', ['disclosure_id', 'unit_id'])
      .execute();

    await withId(db.schema.createTable('disclosure_forms'), dialect)
      .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('detail', 'text')
      .addColumn('village_id', 'integer', (c) => c.references('units.id'))
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('disclosure_forms_disclosure').on('disclosure_forms').column('disclosure_id').execute();

    await db.schema
      .createTable('disclosure_attachments')
      .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('disclosure_attachments_pk', ['disclosure_id', 'file_id'])
      .execute();

    await withId(db.schema.createTable('disclosure_follows'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('category', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index disclosure_follows_one on disclosure_follows (user_id, unit_id, coalesce(category, 0))`.execute(db);
    await db.schema.createIndex('disclosure_follows_unit').on('disclosure_follows').column('unit_id').execute();

    await withId(db.schema.createTable('disclosure_plan_items'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('category', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('disclosure_id', 'integer', (c) => c.references('disclosures.id'))
      .addUniqueConstraint('disclosure_plan_items_one', ['unit_id', 'year', 'key'])
      .execute();

    await withId(db.schema.createTable('info_requests'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('requester_name', 'text', (c) => c.notNull())
      .addColumn('requester_contact', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('electronic','post','onsite')`))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('extended_until', 'text')
      .addColumn('extension_reason', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','answered','refused')`))
      .addColumn('answer', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('publish_answer', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('info_requests_unit').on('info_requests').columns(['unit_id', 'status']).execute();
  },
};
