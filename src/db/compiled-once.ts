// Kysely builds and compiles a query anew on every call: on the hot paths (online votes, feedback
// intake, the audit chain and the outbox) that was 10–15 % of the CPU (docs/performance.md). These
// statements are compiled once per database, from `sample` arguments, and then run with the call's own
// values put in the places the samples took. The compiled text depends only on the dialect, so it is
// kept per database adapter (a transaction shares its database's adapter).
import { type Compilable, type CompiledQuery, createQueryId, type Insertable, type QueryResult } from 'kysely';
import type { Conn } from './index.js';
import type { Database } from './types.js';

type Compiled = { sql: string; query: CompiledQuery['query']; slots: (number | { value: unknown })[] };

/** `sample` must hold distinct values that no constant of the query uses (e.g. -7_000_001, '\u0000a'). */
export function compiledOnce<A extends unknown[]>(build: (db: Conn, ...a: A) => Compilable<unknown>, sample: A) {
  const made = new WeakMap<object, Compiled>();
  return <R = unknown>(db: Conn, ...args: A): Promise<QueryResult<R>> => {
    const adapter = db.getExecutor().adapter;
    let c = made.get(adapter);
    if (!c) {
      const q = build(db, ...sample).compile();
      const slots = q.parameters.map((p) => (sample.includes(p) ? sample.indexOf(p) : { value: p }));
      c = { sql: q.sql, query: q.query, slots };
      made.set(adapter, c);
    }
    const parameters = c.slots.map((x) => (typeof x === 'number' ? args[x] : x.value));
    return db.executeQuery<R>({ sql: c.sql, query: c.query, parameters, queryId: createQueryId() });
  };
}

/** Sample values for a row of `n` columns: distinct strings that no real value takes. */
export const sampleRow = (n: number): unknown[] => Array.from({ length: n }, (_, i) => `\u0000sample${i}`);

/**
 * An insert of one row into `table`, compiled once per database and per set of columns (the row's keys
 * with a defined value, as Kysely's own `values` leaves out undefined ones). `returning` names the
 * columns to return, as Kysely's `returning`.
 */
export function compiledInsert<T extends keyof Database & string>(table: T, returning: readonly string[] = []) {
  type Run = ReturnType<typeof compiledOnce<unknown[]>>;
  const shapes = new Map<string, Run>();
  return <R = unknown>(db: Conn, row: Insertable<Database[T]>): Promise<QueryResult<R>> => {
    const entries = Object.entries(row as Record<string, unknown>).filter(([, v]) => v !== undefined);
    const shape = entries.map(([k]) => k).join(',');
    let run: Run | undefined = shapes.get(shape);
    if (!run) {
      const columns = entries.map(([k]) => k);
      run = compiledOnce<unknown[]>((d, ...v: unknown[]) => {
        const q = d.insertInto(table).values(Object.fromEntries(columns.map((c, i) => [c, v[i]])) as never);
        return returning.length ? q.returning(returning as never) : q;
      }, sampleRow(columns.length));
      shapes.set(shape, run);
    }
    return run<R>(db, ...entries.map(([, v]) => v));
  };
}
