// Accounts, sessions, roles, audit, outbox, calendar, API tokens and the search index: the tables of
// src/platform. Invariants the database can hold are constraints (DESIGN.md "Migrations").
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('units'), dialect)
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_folded', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) =>
        c.notNull().check(sql`level in ('province','district','commune','ward','town','special_zone','village','residential_group')`),
      )
      .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('successor_id', 'integer', (c) => c.references('units.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'text')
      .addCheckConstraint('units_valid_range', sql`valid_from is null or valid_to is null or valid_from <= valid_to`)
      .execute();
    await db.schema.createIndex('units_code').on('units').columns(['code', 'valid_from']).execute();
    // A code is reused across time (02155 Yến Lạc, then Xã Na Rì): unique only with its start date.
    await sql`create unique index units_code_from on units (code, coalesce(valid_from, '0000-00-00'))`.execute(db);
    await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();
    await db.schema.createIndex('units_path').on('units').column('path').execute();

    await withId(db.schema.createTable('agencies'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('agencies_unit').on('agencies').column('unit_id').execute();

    await withId(db.schema.createTable('households'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('households_unit_code', ['unit_id', 'code'])
      .execute();

    await withId(db.schema.createTable('residents'), dialect)
      .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('birth_year', 'integer')
      .addColumn('gender', 'text')
      .addColumn('phone', 'text')
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('is_representative', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('residents_household').on('residents').column('household_id').execute();
    // One representative per household (Decree 59/2023 Art 4: the household casts one vote).
    await sql`create unique index residents_one_rep on residents (household_id) where is_representative = 1`.execute(db);

    await withId(db.schema.createTable('users'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('official','resident')`))
      .addColumn('username', 'text', (c) => c.unique())
      .addColumn('phone', 'text', (c) => c.unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('totp_secret', 'text')
      .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('users_login', sql`username is not null or phone is not null`)
      .execute();

    await withId(db.schema.createTable('role_grants'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('granted_by', 'integer', (c) => c.references('users.id'))
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
      .execute();
    await db.schema.createIndex('role_grants_user').on('role_grants').column('user_id').execute();
    await sql`create unique index role_grants_active on role_grants (user_id, role, unit_id) where revoked_at is null`.execute(db);

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('csrf_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('sign_in_failures'), dialect)
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_failures_key').on('sign_in_failures').columns(['key', 'at']).execute();

    await withId(db.schema.createTable('otp_codes'), dialect)
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('otp_codes_phone').on('otp_codes').column('phone').execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();

    await withId(db.schema.createTable('outbox'), dialect)
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','sent','failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

    await withId(db.schema.createTable('notifications'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

    await withId(db.schema.createTable('calendar_days'), dialect)
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday','compensatory','swap_off','swap_workday')`))
      .addColumn('occasion', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('all','civil_service','private_default')`))
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('source_doc', 'text', (c) => c.notNull())
      .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addUniqueConstraint('calendar_days_date_audience', ['date', 'audience', 'kind'])
      .execute();

    await withId(db.schema.createTable('api_tokens'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();

    await withId(db.schema.createTable('search_docs'), dialect)
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'integer')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('folded', 'text', (c) => c.notNull())
      .addUniqueConstraint('search_docs_entity', ['entity_type', 'entity_id'])
      .execute();
    if (dialect === 'sqlite') {
      // FTS5 over the folded column (platform/search): diacritics and đ are folded before indexing.
      await sql`create virtual table search_fts using fts5(folded, content='search_docs', content_rowid='id', tokenize='unicode61')`.execute(db);
      await sql`create trigger search_docs_ai after insert on search_docs begin
        insert into search_fts(rowid, folded) values (new.id, new.folded); end`.execute(db);
      await sql`create trigger search_docs_ad after delete on search_docs begin
        insert into search_fts(search_fts, rowid, folded) values ('delete', old.id, old.folded); end`.execute(db);
      await sql`create trigger search_docs_au after update on search_docs begin
        insert into search_fts(search_fts, rowid, folded) values ('delete', old.id, old.folded);
        insert into search_fts(rowid, folded) values (new.id, new.folded); end`.execute(db);
    } else {
      await sql`create index search_docs_tsv on search_docs using gin (to_tsvector('simple', folded))`.execute(db);
    }
  },
};
