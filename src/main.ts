#!/usr/bin/env node
// Command line: serve, migrate, seed [--demo | --scale …], verify-audit, backup <file>, restore <file>, units import <csv>.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { createApp } from './app.js';
import type { AppDeps } from './app-deps.js';
import { ConfigError, loadConfig } from './config.js';
import { BackupError, backup, restore } from './db/backup.js';
import { openDb } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { isEmpty, seedBase, seedDemo } from './db/seed.js';
import { seedScale } from './db/seed-scale.js';
import { endExpiredTerms } from './modules/decisions/commands/election-interim.js';
import { escalateOverdue } from './modules/feedback/escalate.js';
import { escalateOverdueRecommendations } from './modules/oversight/escalate.js';
import { ImportError, importUnits, parseUnitsCsv } from './modules/units/import.js';
import { verifyAudit } from './platform/audit/audit.js';
import { DEMO_PASSWORD, DEMO_RESIDENT_PHONE } from './platform/auth/demo-accounts.js';
import { todayInVietnam } from './platform/calendar/calendar.js';
import { ensureOfficialDays } from './platform/calendar/store.js';
import { systemClock } from './platform/clock.js';
import { pruneHits } from './platform/http/rate-limit.js';
import { startOutboxWorker } from './platform/notify/outbox.js';
import { buildSenders } from './platform/notify/senders.js';

const USAGE = `danchu <command>
  serve                 migrate, seed the demo on a first start (not in production), serve HTTP
  migrate               apply pending database migrations
  seed [--demo]         official calendar and Na Rì units; --demo adds demo data of every module
  seed --scale province|national [--seed N] [--provinces K]
                        synthetic units, households and activity (docs/scaling.md); never in production
  verify-audit          recompute the audit hash chain; names the first broken entry
  backup <file>         consistent copy while the server runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump)
  restore <file>        restore a backup into the new, empty database of DATABASE_URL
  units import <csv>    import administrative units (code,name,level,parent_code,valid_from,valid_to,successor_code,note)`;

async function deps(): Promise<AppDeps> {
  const config = loadConfig();
  const handle = openDb(config.databaseUrl);
  return { config, handle, db: handle.db, dialect: handle.dialect, clock: systemClock };
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  const d = await deps();
  try {
    switch (cmd) {
      case 'serve':
        return await serve(d);
      case 'migrate': {
        const applied = await migrateToLatest(d.handle);
        await ensureOfficialDays(d.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
        return 0;
      }
      case 'seed':
        await migrateToLatest(d.handle);
        if (args.includes('--scale')) return await scale(d, args);
        if (args.includes('--demo')) await seedDemo(d);
        else await seedBase(d);
        console.log(args.includes('--demo') ? 'Seeded the official data and the demo.' : 'Seeded the official data.');
        return 0;
      case 'verify-audit': {
        const r = await verifyAudit(d.db);
        if (r.ok) {
          console.log(`Audit chain intact: ${r.count} entries.`);
          return 0;
        }
        console.error(`Audit chain BROKEN at entry ${r.brokenSeq}: ${r.reason} (${r.count} entries verified before it).`);
        return 1;
      }
      case 'backup': {
        const file = args[0];
        if (!file) throw new UsageError('backup needs a target file: danchu backup ./backup.sqlite');
        await backup(d.handle, file);
        console.log(`Backup written to ${file}.`);
        return 0;
      }
      case 'restore': {
        if (!args[0]) throw new UsageError('restore needs a backup file: danchu restore ./backup.sqlite');
        await restore(d.handle, args[0]);
        console.log(`Restored ${args[0]}; check it with: danchu verify-audit`);
        return 0;
      }
      case 'units': {
        if (args[0] !== 'import' || !args[1]) throw new UsageError('usage: danchu units import <file.csv>');
        await migrateToLatest(d.handle);
        const rows = parseUnitsCsv(readFileSync(args[1], 'utf8'));
        const r = await importUnits(d, rows, { userId: null, label: 'cli' }, todayInVietnam(new Date()));
        console.log(`Units: ${r.created} created, ${r.updated} updated, ${rows.length - r.created - r.updated} unchanged.`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${cmd}".\n${USAGE}`);
    }
  } finally {
    if (cmd !== 'serve') await d.handle.close();
  }
}

async function serve(d: AppDeps): Promise<number> {
  // V8 lets the old generation grow to ~4× what survived the last full collection before collecting
  // again; garbage promoted under a steady stream (an Excel export of a million records) then piles up
  // for 20–70 MB before anyone frees it. 1.5× keeps a long export's peak near the server's resting
  // size for a few more full collections (5 in a million-record export, ~30 ms in all); measured in
  // docs/performance.md "Monitoring". V8 reads the flag each time it sets the next limit.
  setFlagsFromString('--heap-growing-percent=50');
  await migrateToLatest(d.handle);
  if (d.config.seedDemoOnFirstStart && (await isEmpty(d))) {
    console.log('First start: seeding the demo data…');
    await seedDemo(d);
  } else await ensureOfficialDays(d.db);
  const app = await createApp(d);
  // SMS, Zalo and e-mail are sent when configured (docs/operations.md "Notification channels").
  const stopWorker = startOutboxWorker(d.db, d.clock, 2000, (e) => app.log.error({ err: e }, 'outbox worker'), buildSenders(d.config));
  // R-B2/R-B4: a village head whose term (or interim period) has ended loses the role; checked at
  // start and every hour, since terms end on a date.
  // R-H2/R-H3: an item past its statutory deadline is escalated to the unit head once; also hourly.
  // Old rate-limit hits are pruned on the same beat.
  const hourly = () => {
    endExpiredTerms(d).catch((e) => app.log.error({ err: e }, 'ending expired terms'));
    escalateOverdue(d).catch((e) => app.log.error({ err: e }, 'escalating overdue feedback'));
    // R-F5: board recommendations unanswered after 15 days go to the commune chairman (or agency head).
    escalateOverdueRecommendations(d).catch((e) => app.log.error({ err: e }, 'escalating overdue recommendations'));
    pruneHits(d.db, d.clock.now()).catch((e) => app.log.error({ err: e }, 'pruning rate limits'));
  };
  hourly();
  const termTimer = setInterval(hourly, 3_600_000);
  termTimer.unref();
  const address = await app.listen({ port: d.config.port, host: d.config.host });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  console.log(`Dân chủ cơ sở is running at ${shown} (${d.dialect}).`);
  if (d.config.seedDemoOnFirstStart) {
    console.log(`Demo: sign in as "canbo.nari" / "${DEMO_PASSWORD}" (other accounts in the README), or as a resident with ${DEMO_RESIDENT_PHONE}.`);
  }
  const stop = async () => {
    stopWorker();
    clearInterval(termTimer);
    await app.close();
    await d.handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

/** `seed --scale province|national [--seed N] [--provinces K]` (src/db/seed-scale.ts). */
async function scale(d: AppDeps, args: string[]): Promise<number> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const name = opt('--scale');
  if (name !== 'province' && name !== 'national') throw new UsageError('usage: danchu seed --scale province|national [--seed N] [--provinces K]');
  const seed = Number(opt('--seed') ?? '1');
  const provinces = opt('--provinces') === undefined ? undefined : Number(opt('--provinces'));
  if (!Number.isInteger(seed) || (provinces !== undefined && !(Number.isInteger(provinces) && provinces > 0)))
    throw new UsageError('--seed and --provinces take whole numbers.');
  const r = await seedScale(d, { scale: name, seed, provinces, log: (s) => console.log(s) });
  console.log(
    `Synthetic ${name} (seed ${seed}): ${r.provinces} provinces, ${r.communes} communes, ${r.villages} villages, ${r.households} households, ${r.residents} residents; ` +
      `${JSON.stringify(r.activity)}; ${(r.ms / 1000).toFixed(1)} s.`,
  );
  return 0;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e) => {
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof ImportError || e instanceof BackupError) console.error(e.message);
    else console.error(e);
    process.exit(1);
  },
);
