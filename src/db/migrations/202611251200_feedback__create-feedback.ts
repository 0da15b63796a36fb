// The feedback module ("dân kiểm tra, giám sát", Law 10/2022 Arts 34–35): petitions, reports,
// complaints, denunciations and questions with their statutory clocks; citizen reception; the
// one-stop desk's QR ratings and the province's dossier status pushes.
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    // Per-commune settings the law leaves open: remote-area deadlines (Complaints Law Arts 28, 33),
    // how long a citizen may reopen an answer.
    await db.schema
      .createTable('feedback_settings')
      .addColumn('commune_id', 'integer', (c) => c.primaryKey().references('units.id'))
      .addColumn('remote_area', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reopen_days', 'integer', (c) => c.notNull().defaultTo(30))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // Routing by category (R-H7; issue 5 item 3): a commune may send a category to a village, an agency
    // or the People's Inspection Board instead of the code's default.
    await db.schema
      .createTable('feedback_routing')
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('handler', 'text', (c) => c.notNull().check(sql`handler in ('commune','village','agency','inspection_board')`))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addPrimaryKeyConstraint('feedback_routing_pk', ['commune_id', 'category'])
      .execute();

    // A QR code: at a place (a bridge, the cultural house), a one-stop desk or a reception officer.
    await withId(db.schema.createTable('qr_points'), dialect)
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('place','desk','officer')`))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('officer_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('qr_points_commune').on('qr_points').columns(['commune_id', 'kind']).execute();

    await withId(db.schema.createTable('feedback_items'), dialect)
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('petition','report','complaint','denunciation','question')`))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('place_text', 'text')
      .addColumn('village_id', 'integer', (c) => c.references('units.id'))
      .addColumn('qr_point_id', 'integer', (c) => c.references('qr_points.id'))
      // R-H5: no identifiable author. The identity itself lives sealed in feedback_identities.
      .addColumn('anonymous', 'integer', (c) => c.notNull())
      // Who handles it now: a unit (commune or village), optionally an agency of it, or the board.
      .addColumn('handler_unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('handler_agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('handler_board', 'integer', (c) => c.notNull().defaultTo(0))
      // A denunciation names whom it is about: never shown the denouncer (R-H4).
      .addColumn('subject_unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('subject_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('subject_text', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received','accepted','answered','refused','forwarded','closed')`))
      .addColumn('received_on', 'text', (c) => c.notNull())
      // R-H1 (Complaints Law Art 9): when the complainant learnt of the decision, and excluded days.
      .addColumn('known_on', 'text')
      .addColumn('excluded_days', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('excluded_reason', 'text')
      .addColumn('late_days', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('remote_area', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('complexity', 'text', (c) => c.notNull().defaultTo('normal').check(sql`complexity in ('normal','complex','very_complex')`))
      .addColumn('multi_site', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('forward_due', 'text')
      .addColumn('accept_due', 'text')
      .addColumn('accepted_on', 'text')
      .addColumn('extensions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('resolve_due', 'text')
      // The clock that runs now (accept / resolve / answer / publish) and its deadline: lists sort by it.
      .addColumn('clock', 'text')
      .addColumn('due_on', 'text')
      .addColumn('escalated_on', 'text')
      .addColumn('answer', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('forwarded_to', 'text')
      .addColumn('publishable', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('public_answer', 'text')
      .addColumn('publish_due', 'text')
      .addColumn('published_on', 'text')
      .addColumn('rating', 'text', (c) => c.check(sql`rating in ('satisfied','not_satisfied')`))
      .addColumn('rating_comment', 'text')
      .addColumn('rated_at', 'text')
      .addColumn('reopen_until', 'text')
      .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notify_channel', 'text', (c) => c.notNull().defaultTo('none').check(sql`notify_channel in ('none','sms','zalo','email','in_app')`))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addCheckConstraint('feedback_anonymous_denunciation', sql`not (kind = 'denunciation' and anonymous = 1)`)
      .execute();
    // The work lists and escalation read only items whose clock runs (clock is not null): partial
    // indexes keep every list one range, however many answered items a commune has.
    await db.schema
      .createIndex('feedback_handler_due')
      .on('feedback_items')
      .columns(['handler_unit_id', 'due_on'])
      .where(sql.ref('clock'), 'is not', null)
      .execute();
    await db.schema
      .createIndex('feedback_commune_due')
      .on('feedback_items')
      .columns(['commune_id', 'due_on'])
      .where(sql.ref('clock'), 'is not', null)
      .execute();
    // Covers the monthly statistics (stats.ts): one range, no table reads.
    await db.schema
      .createIndex('feedback_commune_received')
      .on('feedback_items')
      .columns(['commune_id', 'received_on', 'status', 'due_on', 'answered_on', 'accept_due', 'resolve_due', 'rating'])
      .execute();
    await db.schema.createIndex('feedback_published').on('feedback_items').columns(['commune_id', 'published_on']).execute();
    await db.schema.createIndex('feedback_user').on('feedback_items').columns(['user_id']).execute();
    // R-H4: lists hide a denunciation from the person and the unit it names; these find them cheaply.
    await db.schema.createIndex('feedback_subject_user').on('feedback_items').columns(['subject_user_id']).execute();
    await db.schema.createIndex('feedback_subject_unit').on('feedback_items').columns(['subject_unit_id']).execute();

    // R-H4 (Denunciation Law Arts 8(3), 9(1)(b), 56): the author's identity (name, address, phone,
    // e-mail, ID number, signature image) sealed with AES-256-GCM, apart from the item.
    await db.schema
      .createTable('feedback_identities')
      .addColumn('item_id', 'integer', (c) => c.primaryKey().references('feedback_items.id'))
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('signature_sealed', 'text')
      .execute();

    // The history: every hand-over, step, answer, rating and reopening (issue 5 items 3, 5).
    await withId(db.schema.createTable('feedback_events'), dialect)
      .addColumn('item_id', 'integer', (c) => c.notNull().references('feedback_items.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('to_unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('note', 'text')
      // Shown to the citizen on the tracking page (false for internal steps).
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feedback_events_item').on('feedback_events').columns(['item_id', 'id']).execute();

    await db.schema
      .createTable('feedback_attachments')
      .addColumn('item_id', 'integer', (c) => c.notNull().references('feedback_items.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('feedback_attachments_pk', ['item_id', 'file_id'])
      .execute();

    // R-H6 (Citizen Reception Law Arts 15(2), 18(2)): reception days of the commune chairman and agency heads.
    await withId(db.schema.createTable('reception_days'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('host_role', 'text', (c) => c.notNull().check(sql`host_role in ('commune_chairman','agency_head')`))
      .addColumn('host_name', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('slot_minutes', 'integer', (c) => c.notNull().defaultTo(15))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reception_days_unit').on('reception_days').columns(['unit_id', 'day']).execute();
    await withId(db.schema.createTable('reception_bookings'), dialect)
      .addColumn('reception_day_id', 'integer', (c) => c.notNull().references('reception_days.id'))
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('booking_code', 'text', (c) => c.notNull().unique())
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked','cancelled','received','no_show')`))
      .addColumn('item_id', 'integer', (c) => c.references('feedback_items.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('reception_bookings_slot', ['reception_day_id', 'slot'])
      .execute();

    // M-3.5(b): one-minute ratings of a desk or officer; one rating per dossier code.
    await withId(db.schema.createTable('service_ratings'), dialect)
      .addColumn('qr_point_id', 'integer', (c) => c.notNull().references('qr_points.id'))
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('overall', 'integer', (c) => c.notNull().check(sql`overall between 1 and 3`))
      .addColumn('time_score', 'integer', (c) => c.check(sql`time_score between 1 and 3`))
      .addColumn('attitude_score', 'integer', (c) => c.check(sql`attitude_score between 1 and 3`))
      .addColumn('correctness_score', 'integer', (c) => c.check(sql`correctness_score between 1 and 3`))
      .addColumn('costs_score', 'integer', (c) => c.check(sql`costs_score between 1 and 3`))
      .addColumn('dossier_code', 'text', (c) => c.unique())
      .addColumn('comment', 'text')
      .addColumn('item_id', 'integer', (c) => c.references('feedback_items.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('service_ratings_point_month').on('service_ratings').columns(['qr_point_id', 'month']).execute();
    await db.schema.createIndex('service_ratings_commune_month').on('service_ratings').columns(['commune_id', 'month']).execute();

    // The province's one-stop system pushes dossier status changes (signed); the citizen is told.
    await db.schema
      .createTable('one_stop_dossiers')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('procedure_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received','in_progress','more_documents','done','returned')`))
      .addColumn('sealed_contact', 'text')
      .addColumn('notify_channel', 'text', (c) => c.notNull().defaultTo('sms'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await withId(db.schema.createTable('one_stop_events'), dialect)
      .addColumn('dossier_code', 'text', (c) => c.notNull().references('one_stop_dossiers.code'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('one_stop_events_dossier').on('one_stop_events').columns(['dossier_code', 'id']).execute();

    // Rate limits across processes (anti-stuffing of ratings, spam bursts of submissions).
    await withId(db.schema.createTable('rate_hits'), dialect)
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_hits_key_at').on('rate_hits').columns(['key', 'at']).execute();
  },
};
