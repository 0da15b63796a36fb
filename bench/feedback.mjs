// Feedback benchmark (issue 5): 1,000,000 synthetic items over two years in the province's 92 communes
// (bench/feedback-data.mjs, feedback-db.mjs), inserted before the built server starts on 127.0.0.1
// with SQLite. Pages one request at a time, interleaved with GET /healthz on the same server: officials'
// overdue view and list (a signed-in commune official), monthly statistics, commune home, published
// answers, tracking page (p50/p95/p99). Intake: POST /api/v1/feedback (JSON) from 64 keep-alive
// connections for 20 s next to GET /healthz, then a check that every 2xx submission is stored exactly
// once with its outbox notice. Figures, not pass/fail. Targets: overdue view and commune list
// p95 < 50 ms; monthly statistics < 200 ms; intake ≥ 500 submissions/s with notices queued.
// Environment: BENCH_ITEMS (1000000), BENCH_COMMUNES (92), BENCH_VILLAGES (8 per synthetic commune),
// BENCH_HISTORY (0.5: share of items with their whole history; others have their receipt event),
// BENCH_TRAIL=0 (skip each item's search entry and audit entry, which submit.ts writes; faster loading),
// BENCH_MEASURED (8 communes), BENCH_REQUESTS (300 per page), BENCH_CONNECTIONS (64), BENCH_INTAKE_SECONDS
// (20), BENCH_ANALYZE=1 (ANALYZE after loading; the app never runs it), BENCH_KEEP=1 (keep the database),
// BENCH_PROF=<dir> (server CPU profile), BENCH_JSON=<file>, BENCH_MAIN=<main.js of another build>,
// BENCH_REUSE=<directory kept by BENCH_KEEP=1> (intake only, on a copy of that file and with its DATA_KEY:
// runs of two builds on the same data without loading it again, for an interleaved A/B comparison).
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { insertItems, isoDay, rng } from './feedback-data.mjs';
import { checkIntake, insertCommunes, insertOfficial, receiptTrail } from './feedback-db.mjs';
import { closedLoop, openSockets, quantiles, request, submission } from './feedback-http.mjs';
import { cpuMs, fmt, freePort, machineLoad, machineTicks, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_MAIN measures another build (e.g. a patched copy of dist/ for an A/B comparison).
const MAIN = resolve(process.env.BENCH_MAIN ?? join(ROOT, 'dist', 'src', 'main.js'));
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 92);
const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 8);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 0.5);
const TRAIL = process.env.BENCH_TRAIL !== '0';
const MEASURED = Number(process.env.BENCH_MEASURED ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const INTAKE_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 20);
const TARGET = { listP95Ms: 50, statsMs: 200, intakePerSecond: 500 };
/** Headline figures for the summary table (bench/table.mjs). */
const figures = [];

const dir = mkdtempSync(join(os.tmpdir(), 'danchu-bench-fb-'));
const dbFile = join(dir, 'bench.sqlite');
const REUSE = process.env.BENCH_REUSE ? resolve(process.env.BENCH_REUSE) : null;
const DATA_KEY = REUSE ? Buffer.from(readFileSync(join(REUSE, 'data-key'), 'utf8'), 'base64') : randomBytes(32);
// Uncached (MICROCACHE_MS=0): the database's and the code's own figures. The intake limit per client
// address (default 20 a minute) is set out of reach: each bench socket sends several a second.
const INTAKE_PER_MINUTE = 100_000_000;
const env = {
  DATABASE_URL: `sqlite:${dbFile}`,
  LOG_LEVEL: 'warn',
  SESSION_SECRET: randomBytes(32).toString('hex'),
  DATA_KEY: DATA_KEY.toString('base64'),
  MICROCACHE_MS: '0',
  INTAKE_PER_MINUTE: String(INTAKE_PER_MINUTE),
};
const NOW = new Date();
const out = { date: NOW.toISOString(), node: process.version, cpus: os.cpus().length, items: ITEMS, communes: COMMUNES };

/** Inserts everything and picks the measured communes: the largest and MEASURED − 1 others at random. */
function load() {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -500000');
  const t0 = performance.now();
  const { communes } = insertCommunes(db, COMMUNES, VILLAGES);
  const actor = db.prepare("select id from users where kind = 'official' order by id limit 1").get().id;
  const today = isoDay(NOW.getTime() + 7 * 3_600_000); // Vietnam's date (UTC+7)
  const { counts, sample } = insertItems(db, {
    n: ITEMS,
    communes,
    today,
    dataKey: DATA_KEY,
    actorUserId: actor,
    history: HISTORY,
    receipt: TRAIL ? receiptTrail(db) : undefined,
  });
  if (process.env.BENCH_ANALYZE) db.exec('analyze');
  const loadS = (performance.now() - t0) / 1000;
  const per = db
    .prepare(
      `select commune_id id, count(*) n, sum(status in ('received','accepted')) open, sum(status in ('received','accepted') and due_on < ?) overdue
       from feedback_items group by commune_id order by n desc`,
    )
    .all(today);
  const r = rng(11);
  const rest = per.slice(1);
  const chosen = [per[0]];
  while (chosen.length < Math.min(MEASURED, per.length)) chosen.push(rest.splice(r.int(rest.length), 1)[0]);
  const officials = chosen.map((c, k) => ({ ...c, ...insertOfficial(db, { unitId: c.id, role: 'commune_official', username: `bench.fb${k}`, now: NOW }) }));
  db.close();
  const ns = per.map((p) => p.n);
  console.log(
    `inserted ${fmt(counts.items)} items (${Object.entries(counts.status)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(
        ', ',
      )}), ${fmt(counts.events)} events, ${fmt(counts.identities)} sealed identities${TRAIL ? ', a search and an audit entry each,' : ''} in ${fmt(loadS, 1)} s`,
  );
  console.log(
    `${per.length} communes: ${fmt(Math.min(...ns))}–${fmt(Math.max(...ns))} items each; open ${fmt(counts.open)} (overdue ${fmt(counts.overdue)}) in all` +
      `${process.env.BENCH_ANALYZE ? '; ANALYZE run' : '; no ANALYZE (as deployed)'}`,
  );
  console.log(`measured communes: ${officials.map((o) => `${o.id} (${fmt(o.n)} items, ${fmt(o.open)} open, ${fmt(o.overdue)} overdue)`).join(', ')}`);
  out.load = { seconds: loadS, counts, measured: officials.map(({ id, n, open, overdue }) => ({ id, n, open, overdue })) };
  return { communes, officials, sample, today };
}

/** The pages, one request at a time, interleaved (a slow patch of the machine hits every row alike). */
async function pages(port, serverPid, { officials, sample }) {
  console.log(`\n== Pages: ${REQUESTS} requests each, one at a time, over ${officials.length} communes ==`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const html = { accept: 'text/html', 'accept-encoding': 'gzip' };
  const r = rng(23);
  const year = Number(isoDay(NOW.getTime()).slice(0, 4));
  const targets = [
    { name: 'GET /healthz (baseline)', make: () => ({ path: '/healthz' }) },
    {
      name: 'overdue view …/feedback/manage?due=overdue',
      target: `p95 < ${TARGET.listP95Ms}`,
      official: true,
      make: (o) => ({ path: `/units/${o.id}/feedback/manage?due=overdue` }),
    },
    { name: 'commune list …/feedback/manage', target: `p95 < ${TARGET.listP95Ms}`, official: true, make: (o) => ({ path: `/units/${o.id}/feedback/manage` }) },
    { name: 'commune list, page 2–5', official: true, make: (o) => ({ path: `/units/${o.id}/feedback/manage?page=${2 + r.int(4)}` }) },
    { name: 'monthly statistics …/feedback/stats', target: `< ${TARGET.statsMs}`, make: (o) => ({ path: `/units/${o.id}/feedback/stats` }) },
    { name: 'statistics of last year ?year=', make: (o) => ({ path: `/units/${o.id}/feedback/stats?year=${year - 1}` }) },
    { name: 'commune home /units/:id (feedback section)', make: (o) => ({ path: `/units/${o.id}` }) },
    { name: 'published answers /units/:id/feedback', make: (o) => ({ path: `/units/${o.id}/feedback` }) },
    { name: 'tracking page /feedback/:code', make: () => ({ path: `/feedback/${r.pick(sample).code}` }) },
    { name: 'API GET /api/v1/feedback/:code', json: true, make: () => ({ path: `/api/v1/feedback/${r.pick(sample).code}` }) },
  ];
  const run = async (t, o) => {
    const req = t.make(o);
    const headers = { ...(t.json ? { accept: 'application/json', 'accept-encoding': 'gzip' } : html), ...(t.official ? { cookie: o.cookie } : {}) };
    const res = await request(agent, port, { ...req, headers });
    if (res.status !== 200) throw new Error(`${req.path}: status ${res.status}\n${res.text.slice(0, 500)}`);
    return res;
  };
  for (let i = 0; i < 20; i++) for (const t of targets) await run(t, officials[i % officials.length]); // warm-up
  const lat = targets.map(() => []);
  const bytes = targets.map(() => 0);
  const m0 = machineTicks();
  const s0 = cpuMs(serverPid);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const o = officials[i % officials.length];
    for (const [k, t] of targets.entries()) {
      const res = await run(t, o);
      lat[k].push(res.ms);
      bytes[k] += res.bytes;
    }
  }
  agent.destroy();
  // The share of the machine used by anything but the server and this process: near 0 % means a clean run.
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const m = machineLoad(m0, machineTicks());
  const s1 = cpuMs(serverPid);
  const own = s0 === null || s1 === null ? 0 : (s1 - s0 + (c.user + c.system) / 1000) / (wallMs * os.cpus().length);
  out.pagesOtherCpu = m ? Math.max(0, m.busy - own) : null;
  const base = quantiles(lat[0]);
  const rows = [['request', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p95/baseline', 'gzip KB', 'target']];
  out.pages = {};
  targets.forEach((t, k) => {
    const q = quantiles(lat[k]);
    out.pages[t.name] = { ...q, bytes: bytes[k] / REQUESTS };
    rows.push([
      t.name,
      fmt(q.p50, 1),
      fmt(q.p95, 1),
      fmt(q.p99, 1),
      fmt(q.max, 1),
      `${fmt(q.p95 / base.p95, 1)}×`,
      fmt(bytes[k] / REQUESTS / 1024, 1),
      t.target ?? '',
    ]);
  });
  console.log(table(rows));
  console.log(`other CPU during these requests: ${out.pagesOtherCpu === null ? '?' : `${fmt(100 * out.pagesOtherCpu)}%`}`);
  const p = (name) => out.pages[targets.find((t) => t.name.startsWith(name)).name];
  const mark = (ok) => (ok ? 'meets' : 'MISSES');
  console.log(
    `targets — overdue view p95 < ${TARGET.listP95Ms} ms: ${mark(p('overdue').p95 < TARGET.listP95Ms)}; commune list p95 < ${TARGET.listP95Ms} ms: ${mark(p('commune list …').p95 < TARGET.listP95Ms)}; ` +
      `monthly statistics < ${TARGET.statsMs} ms: ${mark(p('monthly').max < TARGET.statsMs)} (max ${fmt(p('monthly').max, 1)} ms)`,
  );
  const b = { name: '/healthz p95', value: base.p95 };
  figures.push(
    { name: 'overdue view p95', value: p('overdue').p95, unit: 'ms', target: `< ${TARGET.listP95Ms}`, meets: p('overdue').p95 < TARGET.listP95Ms, baseline: b },
    {
      name: 'commune list p95',
      value: p('commune list …').p95,
      unit: 'ms',
      target: `< ${TARGET.listP95Ms}`,
      meets: p('commune list …').p95 < TARGET.listP95Ms,
      baseline: b,
    },
    {
      name: 'monthly statistics max',
      value: p('monthly').max,
      unit: 'ms',
      target: `< ${TARGET.statsMs}`,
      meets: p('monthly').max < TARGET.statsMs,
      baseline: b,
    },
  );
}

async function intake(port, serverPid, communes) {
  console.log(`\n== Intake: POST /api/v1/feedback (JSON), ${CONNECTIONS} connections from ${CONNECTIONS} client addresses, ${INTAKE_SECONDS} s ==`);
  console.log(`INTAKE_PER_MINUTE=${fmt(INTAKE_PER_MINUTE)} in the server's environment, so that the per-address limit (default 20) does not stop the bench`);
  const r = rng(31);
  const accepted = [];
  const bodies = [];
  const post = (k) => {
    bodies[k] = submission(r, communes, k);
    return {
      method: 'POST',
      path: '/api/v1/feedback',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(bodies[k]),
    };
  };
  const keep = (k, res) => {
    if (res.status >= 200 && res.status < 300) accepted.push({ code: JSON.parse(res.text).code, body: bodies[k] });
    bodies[k] = undefined;
  };
  const health = () => ({ path: '/healthz' });
  const agents = await openSockets(port, CONNECTIONS);
  await closedLoop(agents, port, serverPid, 2, health);
  const base = await closedLoop(agents, port, serverPid, 5, health);
  const warm = await closedLoop(agents, port, serverPid, 2, post, keep);
  const sub = await closedLoop(agents, port, serverPid, INTAKE_SECONDS, post, keep);
  for (const a of agents) a.destroy();
  const row = (name, x) => [
    name,
    fmt(x.n),
    fmt(x.rate),
    fmt(x.p50, 1),
    fmt(x.p99, 1),
    fmt(x.max, 0),
    x.serverMsPerReq === null ? '?' : fmt(x.serverMsPerReq, 3),
    x.other === null ? '?' : `${fmt(100 * x.other)}%`,
    JSON.stringify(x.statuses),
  ];
  console.log(
    table([
      [`${CONNECTIONS} connections`, 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'server CPU ms/req', 'other CPU', 'statuses'],
      row('GET /healthz (baseline), 5 s', base),
      row('POST /api/v1/feedback, warm-up 2 s', warm),
      row(`POST /api/v1/feedback, ${INTAKE_SECONDS} s`, sub),
    ]),
  );
  console.log(
    `submissions/baseline: ${fmt((100 * sub.rate) / base.rate, 1)}%; target ≥ ${TARGET.intakePerSecond} submissions/s sustained: ${sub.rate >= TARGET.intakePerSecond ? 'meets' : 'MISSES'}`,
  );
  out.intake = { base, warm, sub };
  figures.push({
    name: 'submissions/s sustained',
    value: sub.rate,
    unit: '/s',
    target: `≥ ${TARGET.intakePerSecond}`,
    meets: sub.rate >= TARGET.intakePerSecond,
    baseline: { name: 'GET /healthz', value: base.rate },
  });
  return accepted;
}

/** Every acknowledged submission is stored exactly once, as sent, and has its receipt notice in the outbox. */
function check(accepted, before) {
  const db = new Database(dbFile, { readonly: true });
  const c = checkIntake(db, accepted, before);
  db.close();
  console.log(
    `stored: ${fmt(c.stored)} new items and ${fmt(c.identities)} sealed identities for ${fmt(c.acknowledged)} acknowledged submissions; ` +
      `stored exactly once ${fmt(c.storedOnce)}, as sent ${fmt(c.asSent)}, with exactly one notice on its channel ${fmt(c.withNotice)} ` +
      `(recipient sealed ${fmt(c.sealed)}); stored without a 2xx: ${fmt(c.unacknowledged)}; outbox ${JSON.stringify(c.outbox)}`,
  );
  console.log(`every 2xx submission stored exactly once with its notice: ${c.exact ? 'yes' : 'NO'}`);
  out.check = c;
  if (!c.exact) process.exitCode = 1;
}

async function seedAndLoad() {
  const seed = start(process.execPath, [MAIN, 'seed', '--demo'], env);
  const seeded = await seed.exited;
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  return load();
}

/** BENCH_REUSE: a copy of a kept file, so that every run starts from the same data. */
function reuse() {
  copyFileSync(join(REUSE, 'bench.sqlite'), dbFile);
  const db = new Database(dbFile, { readonly: true });
  const villagesOf = db.prepare("select id from units where parent_id = ? and level = 'village' and valid_to is null");
  const communes = db
    .prepare("select id, path from units where level = 'commune' and valid_to is null order by id")
    .all()
    .map((c) => ({ ...c, villages: villagesOf.all(c.id).map((v) => v.id) }));
  const n = db.prepare('select count(*) n from feedback_items').get().n;
  db.close();
  console.log(`reusing ${REUSE}: ${fmt(n)} items, ${communes.length} communes (intake only)`);
  return { communes };
}

async function main() {
  console.log(
    `Feedback benchmark — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}); ${fmt(ITEMS)} items, ${COMMUNES} communes`,
  );
  const data = REUSE ? reuse() : await seedAndLoad();
  const ro = new Database(dbFile, { readonly: true });
  const before = { item: ro.prepare('select max(id) n from feedback_items').get().n ?? 0, outbox: ro.prepare('select max(id) n from outbox').get().n ?? 0 };
  ro.close();

  const port = await freePort();
  // BENCH_PROF=<dir>: the server writes a CPU profile there when it stops.
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const server = start(process.execPath, [...prof, MAIN, 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  let accepted;
  try {
    await waitFor200(`http://127.0.0.1:${port}/readyz`, server, { limitMs: 120_000 });
    if (!REUSE) await pages(port, server.pid, data);
    accepted = await intake(port, server.pid, data.communes);
  } finally {
    await stop(server);
  }
  check(accepted, before);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(out, null, 2)}\n`);
  writeFigures('feedback', figures);
  if (process.env.BENCH_KEEP) {
    writeFileSync(join(dir, 'data-key'), DATA_KEY.toString('base64'));
    console.log(`kept ${dbFile} (BENCH_REUSE=${dir})`);
  } else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
