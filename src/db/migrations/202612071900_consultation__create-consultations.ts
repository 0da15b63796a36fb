// The consultation module ("dân bàn", Law 10/2022 Arts 25–29, 53–55): drafts open for comment article
// by article, comments from every channel, the synthesis and explanation, the persons affected by an
// adverse decision (Art 27) and the union's opinion on an agency's democracy regulation (Art 55(2)).
import { sql } from 'kysely';
import type { Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('consultations'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('commune','agency')`))
      .addColumn('matter', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('draft_text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','open','closed','issued')`))
      .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('all','villages')`))
      .addColumn('period_days', 'integer', (c) => c.notNull())
      .addColumn('short_period_law', 'text')
      .addColumn('plan_content', 'text', (c) => c.notNull())
      .addColumn('plan_forms', 'text', (c) => c.notNull())
      .addColumn('plan_timeline', 'text', (c) => c.notNull())
      .addColumn('plan_responsible', 'text', (c) => c.notNull())
      .addColumn('plan_sent_on', 'text')
      .addColumn('opens_on', 'text')
      .addColumn('closes_on', 'text')
      .addColumn('synthesis_text', 'text')
      .addColumn('majority_explanation', 'text')
      .addColumn('synthesis_published_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('union_consulted_on', 'text')
      .addColumn('union_opinion', 'text')
      .addColumn('issued_on', 'text')
      .addColumn('issued_number', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // R-D1 (Art 28(2)): a commune consultation shorter than 20 days names the law that allows it.
      .addCheckConstraint('consultations_period', sql`period_days >= 1 and (scope = 'agency' or period_days >= 20 or short_period_law is not null)`)
      // R-D2 (Art 28(3)): closed only with a published synthesis.
      .addCheckConstraint('consultations_closed_synthesis', sql`status in ('draft','open') or synthesis_published_at is not null`)
      .execute();
    await db.schema.createIndex('consultations_unit').on('consultations').columns(['unit_id', 'status', 'closes_on']).execute();
    await db.schema.createIndex('consultations_agency').on('consultations').columns(['agency_id', 'status']).execute();

    await withId(db.schema.createTable('consultation_articles'), dialect)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('heading', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addUniqueConstraint('consultation_articles_pos', ['consultation_id', 'position'])
      .execute();

    await db.schema
      .createTable('consultation_villages')
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('village_id', 'integer', (c) => c.notNull().references('units.id'))
      .addPrimaryKeyConstraint('consultation_villages_pk', ['consultation_id', 'village_id'])
      .execute();
    await db.schema
      .createTable('consultation_attachments')
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addPrimaryKeyConstraint('consultation_attachments_pk', ['consultation_id', 'file_id'])
      .execute();

    await withId(db.schema.createTable('consultation_comments'), dialect)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('article_id', 'integer', (c) => c.references('consultation_articles.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('author_name', 'text')
      .addColumn('organisation', 'text')
      .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) > 0`))
      .addColumn('public_body', 'text')
      .addColumn('hidden_reason', 'text')
      .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The draft page lists the newest comments (of one article); the synthesis counts per article.
    await db.schema.createIndex('consultation_comments_list').on('consultation_comments').columns(['consultation_id', 'id']).execute();
    await db.schema.createIndex('consultation_comments_article').on('consultation_comments').columns(['consultation_id', 'article_id', 'id']).execute();
    await db.schema.createIndex('consultation_comments_author').on('consultation_comments').columns(['author_user_id', 'consultation_id']).execute();

    await withId(db.schema.createTable('consultation_stances'), dialect)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('article_id', 'integer', (c) => c.notNull().references('consultation_articles.id'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('comment_id', 'integer', (c) => c.references('consultation_comments.id'))
      .addColumn('stance', 'text', (c) => c.notNull().check(sql`stance in ('agree','disagree')`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // One stance per resident per article (they may change it); entered ones have no user.
    await db.schema.createIndex('consultation_stances_user').on('consultation_stances').columns(['article_id', 'user_id']).unique().execute();
    await db.schema.createIndex('consultation_stances_count').on('consultation_stances').columns(['consultation_id', 'article_id', 'stance']).execute();

    await withId(db.schema.createTable('consultation_responses'), dialect)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('article_id', 'integer', (c) => c.references('consultation_articles.id'))
      .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('accepted','partly','not_accepted')`))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // One answer per group (an article, or the draft as a whole).
    await sql`create unique index consultation_responses_group on consultation_responses (consultation_id, coalesce(article_id, 0))`.execute(db);

    await withId(db.schema.createTable('consultation_affected'), dialect)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('notified_on', 'text', (c) => c.notNull())
      .addColumn('notice_method', 'text', (c) => c.notNull())
      .addColumn('views', 'text')
      .addColumn('gave_no_views', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // R-D3 (Art 27): their views are attached, or the record that they gave none.
      .addCheckConstraint('consultation_affected_views', sql`views is not null or gave_no_views = 1`)
      .execute();
  },
};
