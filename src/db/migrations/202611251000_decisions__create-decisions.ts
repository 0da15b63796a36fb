// The decisions module ("dân bàn và quyết định", Law 10/2022 Arts 15–24; Decree 59/2023 Arts 3–9)
// and the household register's history (Art 21(1): the denominator is the register on the vote date).
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    // A household is on its village's register from valid_from (null: since the register began) until
    // valid_to (exclusive; null: still there). A move ends the row and opens one in the new village.
    await db.schema.alterTable('households').addColumn('valid_from', 'text').execute();
    await db.schema.alterTable('households').addColumn('valid_to', 'text').execute();
    // Art 18(2): a member the household authorises when no adult member can represent it.
    await db.schema.alterTable('households').addColumn('authorised_representative', 'text').execute();

    // A matter of Art 15 items 1–6, at village or commune scope, and who proposed it (Art 16).
    await withId(db.schema.createTable('matters'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('village','commune')`))
      .addColumn('item', 'integer', (c) => c.notNull().check(sql`item between 1 and 6`))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('general','election','dismissal')`))
      .addColumn('position', 'text', (c) => c.check(sql`position in ('village_head','inspection_board','supervision_board')`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('proposer', 'text', (c) => c.notNull().check(sql`proposer in ('village_head','commune_chairman','initiative')`))
      .addColumn('agreement_by', 'text')
      .addColumn('agreement_on', 'text')
      .addColumn('initiator_name', 'text')
      .addColumn('front_approved_on', 'text')
      .addColumn('forwarded_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('collecting','open','adopted','not_adopted','annulled')`))
      .addColumn('effective_from', 'text')
      .addColumn('annul_ground', 'text')
      .addColumn('annul_reason', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('matters_unit').on('matters').columns(['unit_id', 'status']).execute();

    // R-A15 (Art 16(3)): one consent per household, valid for 3 months from given_on.
    await withId(db.schema.createTable('matter_consents'), dialect)
      .addColumn('matter_id', 'integer', (c) => c.notNull().references('matters.id'))
      .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
      .addColumn('given_on', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('online','paper')`))
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
      .addUniqueConstraint('matter_consents_one', ['matter_id', 'household_id'])
      .execute();

    // One village's deciding of a matter by one form (Art 17). A commune-scope matter has one per village.
    await withId(db.schema.createTable('votes'), dialect)
      .addColumn('matter_id', 'integer', (c) => c.notNull().references('matters.id'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('form', 'text', (c) => c.notNull().check(sql`form in ('meeting','household_ballot','online')`))
      .addColumn('method', 'text', (c) => c.check(sql`method in ('show_of_hands','secret_ballot')`))
      .addColumn('ballot_case', 'text', (c) => c.check(sql`ballot_case in ('commune_choice','failed_meeting','village_decision')`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled','counted','finalised','submitted','recognised','refused','annulled')`))
      .addColumn('vote_date', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('opens_at', 'text')
      .addColumn('closes_at', 'text')
      .addColumn('notice_on', 'text', (c) => c.notNull())
      .addColumn('documents_on', 'text')
      .addColumn('plan_issued_on', 'text')
      .addColumn('plan_sent_on', 'text')
      .addColumn('team', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('no_meeting_agreed_on', 'text')
      .addColumn('authorities_notified_on', 'text')
      .addColumn('poll_yes', 'integer')
      .addColumn('cluster_plan_approved_on', 'text')
      .addColumn('clusters', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('seats', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('households_total', 'integer')
      .addColumn('present', 'integer')
      .addColumn('secretary', 'text')
      .addColumn('secretary_votes', 'integer')
      .addColumn('committee', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('committee_votes', 'integer')
      .addColumn('witnesses', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('adopted','not_adopted')`))
      .addColumn('working', 'text')
      .addColumn('content', 'text')
      .addColumn('decision_text', 'text')
      .addColumn('confirm_village_head', 'text')
      .addColumn('confirm_front_head', 'text')
      .addColumn('confirm_rep1', 'text')
      .addColumn('confirm_rep2', 'text')
      .addColumn('finalised_on', 'text')
      .addColumn('submitted_on', 'text')
      .addColumn('recognised_on', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('published_on', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('votes_matter').on('votes').column('matter_id').execute();
    await db.schema.createIndex('votes_unit').on('votes').columns(['unit_id', 'status']).execute();
    // One unfinished vote per matter and village, even when two organisers schedule at the same moment.
    await sql`create unique index votes_one_open on votes (matter_id, unit_id) where status in ('scheduled', 'counted')`.execute(db);

    // The choices: agree / disagree / other opinion, or the candidates of an election.
    await db.schema
      .createTable('vote_options')
      .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
      .addColumn('sort', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('vote_options_pk', ['vote_id', 'key'])
      .execute();

    // Counts entered at a meeting (show of hands, or the counting committee's count of paper ballots), per cluster.
    await db.schema
      .createTable('vote_counts')
      .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
      .addColumn('cluster', 'integer', (c) => c.notNull())
      .addColumn('option_key', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
      .addPrimaryKeyConstraint('vote_counts_pk', ['vote_id', 'cluster', 'option_key'])
      .execute();

    // Attendance per household at a meeting (Art 20(2)(b)), in one cluster.
    await db.schema
      .createTable('vote_attendance')
      .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
      .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
      .addColumn('cluster', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('vote_attendance_pk', ['vote_id', 'household_id'])
      .execute();

    // Secret ballots (issue 4 item 9): the receipt says a household voted and stops a second vote
    // (Art 19(3)); the ballot holds the choice and no reference to the household, no id and no time,
    // and is keyed by the hash of a receipt code only the household holds.
    await db.schema
      .createTable('vote_receipts')
      .addColumn('vote_id', 'integer', (c) => c.notNull().references('votes.id'))
      .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('online','paper')`))
      .addPrimaryKeyConstraint('vote_receipts_pk', ['vote_id', 'household_id'])
      .execute();
    // WITHOUT ROWID on SQLite: rows are stored in key order (a random hash), so storage order does not
    // betray the order of voting.
    const ballots = sql`create table vote_ballots (
      vote_id integer not null references votes(id),
      receipt_hash text not null,
      option_key text not null,
      other_text text,
      primary key (vote_id, receipt_hash, option_key)
    )`;
    await (dialect === 'sqlite' ? sql`${ballots} without rowid` : ballots).execute(db);
    await db.schema.createIndex('vote_ballots_tally').on('vote_ballots').columns(['vote_id', 'option_key']).execute();

    // Elections and dismissals (Decree 59/2023 Arts 6–9; issue 4 items 7–8).
    await db.schema
      .createTable('elections')
      .addColumn('matter_id', 'integer', (c) => c.primaryKey().references('matters.id'))
      .addColumn('plan_issued_on', 'text')
      .addColumn('team_set_on', 'text')
      .addColumn('team', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notice_on', 'text')
      .addColumn('candidates_sent_on', 'text')
      // JSON [{ residentId, name }]: the official candidate list (Art 6(2)), ≥ 1 candidate.
      .addColumn('candidates', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('dismissal_ground', 'text', (c) => c.check(sql`dismissal_ground in ('resignation','front_proposal','petition')`))
      .addColumn('petition_households', 'integer')
      .addColumn('holder_resident_id', 'integer', (c) => c.references('residents.id'))
      .addColumn('new_election_due', 'text')
      .execute();

    // Who holds a village office and for how long (R-B2, R-B3, R-B4): the village_head role is granted
    // from a recognised term and revoked when it ends.
    await withId(db.schema.createTable('office_terms'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('resident_id', 'integer', (c) => c.notNull().references('residents.id'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('interim', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('matter_id', 'integer', (c) => c.references('matters.id'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('grant_id', 'integer', (c) => c.references('role_grants.id'))
      .execute();
    await db.schema.createIndex('office_terms_unit').on('office_terms').columns(['unit_id', 'position']).execute();
  },
};
