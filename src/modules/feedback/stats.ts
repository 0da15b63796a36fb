// Monthly statistics of a commune's feedback (issue 5 item 10; Law 10/2022 Art 35(2)(a)): received,
// answered on time, answered late, open past their deadline, and the citizens' satisfaction. One
// grouped query over the (commune_id, received_on) index, so a year of a commune is one range scan
// even at 1,000,000 items (bench/feedback.mjs: < 200 ms on SQLite).
import { sql } from 'kysely';
import type { Conn } from '../../db/index.js';

export type MonthStats = {
  /** 'YYYY-MM' of receipt. */
  month: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Still open (received or accepted) and past the deadline of the clock that runs now. */
  overdue: number;
  satisfied: number;
  notSatisfied: number;
};

/** Satisfaction index: the share of rated answers rated "satisfied" (null when none was rated). */
export const satisfactionPercent = (s: Pick<MonthStats, 'satisfied' | 'notSatisfied'>): number | null =>
  s.satisfied + s.notSatisfied === 0 ? null : Math.round((100 * s.satisfied) / (s.satisfied + s.notSatisfied));

/**
 * Months of `year` in which the commune received items, oldest first. An answer is on time when it
 * came no later than its deadline: the resolution deadline of an accepted complaint or denunciation,
 * otherwise the first deadline (acceptance, initial handling, or the 10-working-day answer).
 * Items forwarded or refused without an answer count as received only.
 */
export async function monthlyStats(db: Conn, communeId: number, year: number, today: string): Promise<MonthStats[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const deadline = sql`coalesce(resolve_due, accept_due)`;
  const r = await sql<Record<keyof MonthStats, string | number>>`
    select substr(received_on, 1, 7) as month,
      count(*) as received,
      sum(case when answered_on is not null then 1 else 0 end) as answered,
      sum(case when answered_on is not null and answered_on <= ${deadline} then 1 else 0 end) as "answeredOnTime",
      sum(case when answered_on is not null and answered_on > ${deadline} then 1 else 0 end) as "answeredLate",
      sum(case when status in ('received', 'accepted') and due_on < ${today} then 1 else 0 end) as overdue,
      sum(case when rating = 'satisfied' then 1 else 0 end) as satisfied,
      sum(case when rating = 'not_satisfied' then 1 else 0 end) as "notSatisfied"
    from feedback_items
    where commune_id = ${communeId} and received_on >= ${from} and received_on < ${to}
    group by substr(received_on, 1, 7)
    order by month`.execute(db);
  // PostgreSQL returns count/sum as bigint strings; SQLite as numbers.
  return r.rows.map((x) => ({
    month: String(x.month),
    received: Number(x.received),
    answered: Number(x.answered),
    answeredOnTime: Number(x.answeredOnTime),
    answeredLate: Number(x.answeredLate),
    overdue: Number(x.overdue),
    satisfied: Number(x.satisfied),
    notSatisfied: Number(x.notSatisfied),
  }));
}

/** The year's totals, for the page's last row and the commune home section. */
export function totals(rows: MonthStats[]): Omit<MonthStats, 'month'> {
  const t = { received: 0, answered: 0, answeredOnTime: 0, answeredLate: 0, overdue: 0, satisfied: 0, notSatisfied: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  return t;
}

/** Counts for the commune home page: items being handled and published answers, each one index
 * range (feedback_commune_due, feedback_published). */
export async function communeCounts(db: Conn, communeId: number) {
  const [open, published] = await Promise.all([
    db
      .selectFrom('feedback_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('commune_id', '=', communeId)
      // Items with a running clock (partial index feedback_commune_due).
      .where('clock', 'is not', null)
      .where('due_on', 'is not', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('feedback_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('commune_id', '=', communeId)
      // published_on is only ever set together with publishable = 1 (commands/answer.ts).
      .where('published_on', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { open: Number(open.n), published: Number(published.n) };
}
