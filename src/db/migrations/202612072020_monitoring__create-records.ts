// The monitoring module (issue 9): records no other module holds, entered by officials with evidence
// (training T-2.1/M-3.1, outreach M-3.2, commendation and discipline M-3.8, funding Art 2), and the
// target catalogues of councils' resolutions loaded beside the default one.
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('monitoring_records'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('training','outreach','commendation','discipline','funding')`))
      .addColumn('subkind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.check(sql`required is null or required >= 0`))
      .addColumn('people', 'integer', (c) => c.check(sql`people is null or people >= 0`))
      // Money in integer đồng (DESIGN.md); bigint so a province's yearly budget fits on PostgreSQL.
      .addColumn('planned', 'bigint', (c) => c.check(sql`planned is null or planned >= 0`))
      .addColumn('spent', 'bigint', (c) => c.check(sql`spent is null or spent >= 0`))
      .addColumn('evidence_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('evidence_note', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // Every record is entered with evidence: a file, or where the file is kept on paper.
      .addCheckConstraint('monitoring_records_evidence', sql`evidence_file_id is not null or evidence_note is not null`)
      .addCheckConstraint('monitoring_records_funding', sql`kind <> 'funding' or (planned is not null and spent is not null)`)
      .execute();
    await db.schema.createIndex('monitoring_records_kind').on('monitoring_records').columns(['kind', 'held_on', 'unit_id']).execute();
    // A unit's records of a kind in a period (the outreach probe per unit, the records page).
    await db.schema.createIndex('monitoring_records_unit').on('monitoring_records').columns(['unit_id', 'kind', 'held_on']).execute();

    // T-2.3 (units active on the platform) probes the audit log per unit and period.
    await db.schema.createIndex('audit_unit_at').on('audit_log').columns(['unit_id', 'at']).execute();

    await withId(db.schema.createTable('monitoring_catalogues'), dialect)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('loaded_by', 'text', (c) => c.notNull())
      .addColumn('loaded_at', 'text', (c) => c.notNull())
      .execute();
  },
};
