// Group commit on SQLite (docs/architecture.md "Group commit"). SQLite has one writer, and a commit
// costs far more than a use case's own statements (docs/performance.md: a third of a submission's CPU
// went to its commit). The use cases that arrive while the event loop turns share one transaction and
// one commit; each one runs under its own savepoint, so a use case that fails leaves nothing behind
// while the others keep their writes, and each caller gets its answer only after the commit. When the
// commit fails, every use case of the group fails with it: nothing is answered as done that is not.
// PostgreSQL takes use cases in parallel, so there each one is a transaction of its own.
// Used for online votes (decisions/commands/cast.ts) and feedback intake (feedback/commands/submit.ts).
import { CompiledQuery } from 'kysely';
import type { Conn, Dialect } from './index.js';

/** A use case run inside the (shared) transaction. `shared` lives as long as the transaction: a place
 * for reads that every use case of the group may reuse (e.g. the vote being cast). Use cases of
 * different modules may share a group: prefix the keys with the module's name. */
export type GroupWork<R> = (trx: Conn, shared: Map<unknown, unknown>) => Promise<R>;

type Waiting = { work: GroupWork<unknown>; done: (r: unknown) => void; fail: (e: unknown) => void };
const queues = new WeakMap<Conn, Waiting[]>();

const SAVEPOINT = CompiledQuery.raw('savepoint grouped');
const RELEASE = CompiledQuery.raw('release savepoint grouped');
const ROLLBACK = CompiledQuery.raw('rollback to savepoint grouped');

async function flush(db: Conn): Promise<void> {
  const batch = queues.get(db) ?? [];
  queues.delete(db);
  const results: ({ r: unknown } | { e: unknown })[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const shared = new Map<unknown, unknown>();
      for (const w of batch) {
        await trx.executeQuery(SAVEPOINT);
        try {
          results.push({ r: await w.work(trx, shared) });
        } catch (e) {
          await trx.executeQuery(ROLLBACK);
          results.push({ e });
        }
        await trx.executeQuery(RELEASE);
      }
    });
  } catch (e) {
    for (const w of batch) w.fail(e);
    return;
  }
  batch.forEach((w, i) => {
    const x = results[i]!;
    if ('r' in x) w.done(x.r);
    else w.fail(x.e);
  });
}

/**
 * Runs `work` as one use case: on SQLite inside the group's transaction under its own savepoint, on
 * PostgreSQL in a transaction of its own. Resolves once the work is committed; rejects with the work's
 * own error (its writes rolled back) or the commit's. `work` must use only `trx`: on SQLite a query on
 * the database itself would wait for the group's transaction forever.
 */
export function groupCommit<R>(deps: { db: Conn; dialect: Dialect }, work: GroupWork<R>): Promise<R> {
  if (deps.dialect !== 'sqlite') return deps.db.transaction().execute((trx) => work(trx, new Map()));
  return new Promise<R>((done, fail) => {
    let q = queues.get(deps.db);
    if (!q) {
      q = [];
      queues.set(deps.db, q);
      setImmediate(() => void flush(deps.db));
    }
    q.push({ work: work as GroupWork<unknown>, done: done as (r: unknown) => void, fail });
  });
}
