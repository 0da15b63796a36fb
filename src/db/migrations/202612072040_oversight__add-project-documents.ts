// Issue 7 items 5 and 6: the project register's documents (Law 10/2022 Arts 41–43; disclosure of
// investment, Art 11(3)) and residents' reports routed to a project's supervision board (Art 45(3)).
import { sql } from 'kysely';
import type { Migration } from './helpers.js';

export const migration: Migration = {
  async up(db) {
    // A project document's kind, and whether it is public (most are, Arts 11(3), 43(2); not every one).
    await db.schema
      .alterTable('oversight_files')
      .addColumn('doc_kind', 'text', (c) => c.check(sql`doc_kind in ('investment_decision', 'design', 'contract', 'acceptance', 'final_accounts', 'other')`))
      .execute();
    await db.schema
      .alterTable('oversight_files')
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Feedback routed to the board of this project (handler_board = 1); null: the commune's People's Inspection Board.
    await db.schema
      .alterTable('feedback_items')
      .addColumn('handler_project_id', 'integer', (c) => c.references('oversight_projects.id'))
      .execute();
  },
};
