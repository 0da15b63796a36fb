import type { Config } from './config.js';
import type { Db, DbHandle, Dialect } from './db/index.js';
import type { Clock } from './platform/clock.js';

/** What the composition root hands to modules: each takes only what it uses. */
export type AppDeps = { config: Config; db: Db; dialect: Dialect; handle: DbHandle; clock: Clock };
