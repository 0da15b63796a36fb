// `npm run bench` (after `npm run build`): start time, throughput and page weight of the built app,
// each next to a baseline measured in the same run on the same machine. Figures, not pass/fail;
// targets are printed alongside (docs/performance.md). The server always runs in a child process
// and the load generator (autocannon) in this one, as in a real deployment.
//
// Environment: BENCH_STARTS (default 5), BENCH_DURATION seconds per measured run (default 10),
// BENCH_WARMUP seconds (default 2), BENCH_CONNECTIONS (default 32), BENCH_JSON=<file> also writes
// the figures as JSON, BENCH_MAIN=<path to main.js> measures another build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { cpuMs, fmt, freePort, get, kb, machineLoad, machineTicks, median, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_MAIN measures another build (e.g. a copy of dist/ from before a change).
const MAIN = resolve(process.env.BENCH_MAIN ?? join(ROOT, 'dist', 'src', 'main.js'));
const RAW = join(ROOT, 'bench', 'raw-server.mjs');
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const COMMUNE_CODE = '02191'; // Xã Xuân Dương

const TARGET = { startMs: 1500, rawShare: 0.25, p99Ms: 25, pageKb: 30 };

const tmp = mkdtempSync(join(os.tmpdir(), 'danchu-bench-'));
const dbUrl = `sqlite:${join(tmp, 'bench.sqlite')}`;
const appEnv = (port) => ({ DATABASE_URL: dbUrl, PORT: String(port), LOG_LEVEL: 'warn' });
const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model };
const t0 = performance.now();

const ratio = (x, base) => `${fmt(x / base, 2)}×`;
const mark = (ok) => (ok ? 'meets' : 'MISSES');

async function main() {
  console.log(`danchu benchmark of ${MAIN} — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ${os.platform()}`);
  // Other work on the machine skews every figure below: say so up front.
  const m0 = machineTicks();
  await new Promise((r) => setTimeout(r, 1000));
  const idle = machineLoad(m0, machineTicks());
  const busyPct = idle ? 100 * idle.busy : null;
  console.log(`database: ${dbUrl}`);
  console.log(
    `machine busy before the run: ${busyPct === null ? '?' : `${fmt(busyPct)}%`}${busyPct > 10 ? ' — other work is running, figures will be noisy' : ''}\n`,
  );
  results.machineBusyBefore = busyPct;

  // Seeded once; every start below reuses it (serve migrates nothing and seeds nothing then).
  const seed = start(process.execPath, [MAIN, 'seed', '--demo'], { DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' });
  const seeded = await seed.exited;
  if (seeded.code !== 0) throw new Error(`seed --demo failed (${seeded.code}):\n${seed.output}`);

  await startTime();
  await throughputAndSize();

  console.log(`\nTotal wall time ${fmt((performance.now() - t0) / 1000, 1)} s (without the build).`);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
  summary();
}

/** The platform's row of the summary table, and the raw node:http figures every other row is divided by. */
function summary() {
  const { start: st, throughput: tp, size } = results;
  const home = tp.communeHome;
  const api = tp.apiUnit;
  const cached = process.env.MICROCACHE_MS === '0' ? ' (no microcache)' : '';
  const figures = [
    {
      name: `commune home req/s${cached}`,
      value: home.app.rps,
      unit: '/s',
      target: `≥ ${TARGET.rawShare * 100}% of raw`,
      meets: home.share >= TARGET.rawShare,
      baseline: { name: 'raw node:http', value: home.raw.rps },
    },
    {
      name: `commune home p99${cached}`,
      value: home.app.p99,
      unit: 'ms',
      target: `< ${TARGET.p99Ms}`,
      meets: home.app.p99 < TARGET.p99Ms,
      baseline: { name: 'raw node:http', value: home.raw.p99 },
    },
    {
      name: `API unit p99${cached}`,
      value: api.app.p99,
      unit: 'ms',
      target: `< ${TARGET.p99Ms}`,
      meets: api.app.p99 < TARGET.p99Ms,
      baseline: { name: 'raw node:http', value: api.raw.p99 },
    },
  ];
  if (!cached) {
    figures.unshift({
      name: 'start to ready (median)',
      value: st.appMedianMs,
      unit: 'ms',
      target: `< ${TARGET.startMs} (max)`,
      meets: st.appMaxMs < TARGET.startMs,
      baseline: { name: 'node:http start', value: st.rawMedianMs },
    });
    figures.push({
      name: 'home + API pages + CSS, gzip',
      value: size.allGz / 1024,
      unit: 'KB',
      target: `≤ ${TARGET.pageKb}`,
      meets: size.allGz <= TARGET.pageKb * 1024,
    });
  }
  // The raw server of this run: what the table divides every module's figure by.
  writeFigures(
    cached ? 'platform-nocache' : 'platform',
    figures,
    cached ? {} : { raw: { rps: home.raw.rps, p50Ms: home.raw.p50, p99Ms: home.raw.p99, machineBusyBefore: results.machineBusyBefore } },
  );
}

// 1. Spawn to the first 200 on /readyz, against a bare node:http server spawned the same way.
async function startTime() {
  console.log(`== 1. Start to ready (${STARTS} starts each, poll every 10 ms) ==`);
  const rawCode = "require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT)";
  const app = [];
  const raw = [];
  // Interleaved, so that a slow patch of the machine hits both series alike.
  for (let i = 0; i < STARTS; i++) {
    raw.push(await timeToReady([process.execPath, '-e', rawCode], {}, '/'));
    app.push(await timeToReady([process.execPath, MAIN, 'serve'], null, '/readyz'));
  }
  const appMed = median(app);
  const rawMed = median(raw);
  console.log(
    table([
      ['server', 'median ms', 'max ms', 'all runs (ms)'],
      ['danchu serve → /readyz', fmt(appMed), fmt(Math.max(...app)), app.map((x) => fmt(x)).join(' ')],
      ['node:http baseline → /', fmt(rawMed), fmt(Math.max(...raw)), raw.map((x) => fmt(x)).join(' ')],
    ]),
  );
  console.log(
    `ratio app/baseline (median): ${ratio(appMed, rawMed)}; target < ${TARGET.startMs} ms: ${mark(Math.max(...app) < TARGET.startMs)} (max ${fmt(Math.max(...app))} ms)\n`,
  );
  results.start = { appMs: app, rawMs: raw, appMedianMs: appMed, appMaxMs: Math.max(...app), rawMedianMs: rawMed, ratio: appMed / rawMed };
}

async function timeToReady([cmd, ...args], env, path) {
  const port = await freePort();
  const fullEnv = env ?? appEnv(port);
  const spawned = performance.now();
  const child = start(cmd, args, { ...fullEnv, PORT: String(port) });
  try {
    const ready = await waitFor200(`http://127.0.0.1:${port}${path}`, child, { everyMs: 10 });
    return ready - spawned;
  } finally {
    await stop(child);
  }
}

// 2 and 3. One seeded server for the load runs and the page weights.
async function throughputAndSize() {
  const port = await freePort();
  const app = start(process.execPath, [MAIN, 'serve'], appEnv(port));
  const rawPort = await freePort();
  let raw;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor200(`${base}/readyz`, app);
    const found = await get(`${base}/api/v1/units?code=${COMMUNE_CODE}`);
    const id = JSON.parse(found.body.toString('utf8')).items?.[0]?.id;
    if (!id) throw new Error(`no unit with code ${COMMUNE_CODE}: ${found.body}`);

    const targets = [
      { name: `commune home /units/${id}`, key: 'communeHome', path: `/units/${id}`, headers: { 'accept-encoding': 'gzip', accept: 'text/html' } },
      { name: `API /api/v1/units/${id}`, key: 'apiUnit', path: `/api/v1/units/${id}`, headers: {} },
    ];
    // The baseline serves the app's own bytes, captured once.
    const spec = {};
    for (const t of targets) {
      const r = await get(`${base}${t.path}`, t.headers);
      if (r.status !== 200) throw new Error(`${t.path} answered ${r.status}`);
      t.bytes = r.body.length;
      t.encoding = r.headers['content-encoding'] ?? null;
      spec[t.path] = { status: 200, contentType: r.headers['content-type'], contentEncoding: t.encoding, bodyBase64: r.body.toString('base64') };
    }
    const specFile = join(tmp, 'raw-responses.json');
    writeFileSync(specFile, JSON.stringify(spec));
    raw = start(process.execPath, [RAW, specFile], { PORT: String(rawPort) });
    await waitFor200(`http://127.0.0.1:${rawPort}${targets[0].path}`, raw);

    console.log(`== 2. Throughput (${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s measured, each) ==`);
    const rows = [['endpoint', 'server', 'bytes', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'server CPU ms/req', 'non-2xx', 'errors', 'other CPU', 'steal']];
    results.throughput = {};
    for (const t of targets) {
      const a = await load(`${base}${t.path}`, t.headers, app.pid);
      const r = await load(`http://127.0.0.1:${rawPort}${t.path}`, t.headers, raw.pid);
      const enc = t.encoding ? ` (${t.encoding})` : '';
      const row = (name, x) => [
        name,
        `${t.bytes}${enc}`,
        fmt(x.rps),
        fmt(x.p50, 1),
        fmt(x.p99, 1),
        fmt(x.max, 0),
        x.cpuMsPerReq === null ? '?' : fmt(x.cpuMsPerReq, 3),
        x.non2xx,
        x.errors,
        x.others === null ? '?' : `${fmt(100 * x.others)}%`,
        x.steal === null ? '?' : `${fmt(100 * x.steal)}%`,
      ];
      rows.push([t.name, ...row('danchu', a)]);
      rows.push(['', ...row('raw node:http', r)]);
      results.throughput[t.key] = { path: t.path, bytes: t.bytes, encoding: t.encoding, app: a, raw: r, share: a.rps / r.rps };
    }
    console.log(table(rows));
    for (const t of targets) {
      const x = results.throughput[t.key];
      console.log(
        `${t.name}: app/raw req/s ${ratio(x.app.rps, x.raw.rps)} (${fmt((100 * x.app.rps) / x.raw.rps)}% of raw); p99 ${fmt(x.app.p99, 1)} ms vs raw ${fmt(x.raw.p99, 1)} ms`,
      );
    }
    const home = results.throughput.communeHome;
    console.log(
      `targets — commune home ≥ ${TARGET.rawShare * 100}% of raw: ${mark(home.share >= TARGET.rawShare)}; ` +
        `p99 < ${TARGET.p99Ms} ms: home ${mark(home.app.p99 < TARGET.p99Ms)}, API ${mark(results.throughput.apiUnit.app.p99 < TARGET.p99Ms)}\n`,
    );

    await pageWeight(base, id);
  } finally {
    if (raw) await stop(raw);
    await stop(app);
  }
}

async function load(url, headers, serverPid) {
  const opts = { url, headers, connections: CONNECTIONS, pipelining: 1 };
  await autocannon({ ...opts, duration: WARMUP });
  const cpu0 = cpuMs(serverPid);
  const self0 = process.cpuUsage();
  const m0 = machineTicks();
  const r = await autocannon({ ...opts, duration: DURATION });
  const cpu1 = cpuMs(serverPid);
  const self = process.cpuUsage(self0);
  const m1 = machineTicks();
  const m = machineLoad(m0, m1);
  // CPU the machine spent on anything but the server and this load generator, as a share of all
  // its CPUs (includes kernel time not charged to a process, so a few % is normal).
  let others = null;
  if (m && cpu0 !== null && cpu1 !== null) {
    const capacityMs = ((m1.total - m0.total) * 1000) / 100;
    const ours = cpu1 - cpu0 + (self.user + self.system) / 1000;
    others = Math.max(0, (m.busy * capacityMs - ours) / capacityMs);
  }
  return {
    cpuMsPerReq: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / r.requests.total,
    steal: m ? m.steal : null,
    machineBusy: m ? m.busy : null,
    others,
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

// 3. What a first visit downloads: the page, gzip-compressed as served, plus the stylesheet.
async function pageWeight(base, id) {
  console.log('== 3. Page weight (gzip as served; the CSS is the page\'s <link rel="stylesheet">) ==');
  const headers = { 'accept-encoding': 'gzip', accept: 'text/html' };
  const fetchGz = async (path) => {
    const r = await get(`${base}${path}`, headers);
    if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
    const served = r.headers['content-encoding'] === 'gzip';
    const plain = served ? gunzipSync(r.body) : r.body;
    const gz = served ? r.body.length : gzipSync(plain).length;
    return { path, plain: plain.length, gz, servedGzip: served, text: plain.toString('utf8') };
  };
  const pages = [await fetchGz('/'), await fetchGz(`/units/${id}`)];
  const hrefs = [
    ...new Set(
      pages.flatMap((p) => [...p.text.matchAll(/<link\b[^>]*>/g)].filter((m) => /rel="?stylesheet/.test(m[0])).map((m) => m[0].match(/href="([^"]+)"/)?.[1])),
    ),
  ].filter(Boolean);
  const css = [];
  for (const href of hrefs) css.push(await fetchGz(href));
  const cssGz = css.reduce((s, c) => s + c.gz, 0);
  const cssPlain = css.reduce((s, c) => s + c.plain, 0);

  const rows = [['resource', 'uncompressed', 'gzip', 'gzip/plain', 'served gzip']];
  for (const r of [...pages, ...css])
    rows.push([r.path, kb(r.plain), kb(r.gz), `${fmt((100 * r.gz) / r.plain)}%`, r.servedGzip ? 'yes' : 'NO (bench gzipped it)']);
  console.log(table(rows));
  results.size = { pages: [], css: css.map(({ text: _t, ...c }) => c) };
  for (const p of pages) {
    const total = p.gz + cssGz;
    console.log(
      `${p.path} + CSS: ${kb(total)} gzip (uncompressed ${kb(p.plain + cssPlain)}, ${ratio(total, p.plain + cssPlain)}); ${fmt((100 * total) / (TARGET.pageKb * 1024))}% of the ≤ ${TARGET.pageKb} KB target: ${mark(total <= TARGET.pageKb * 1024)}`,
    );
    const { text: _t, ...rest } = p;
    results.size.pages.push({ ...rest, withCssGz: total });
  }
  const all = pages.reduce((s, p) => s + p.gz, 0) + cssGz;
  console.log(`both pages + CSS once: ${kb(all)} gzip; ≤ ${TARGET.pageKb} KB: ${mark(all <= TARGET.pageKb * 1024)}`);
  results.size.allGz = all;
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(tmp, { recursive: true, force: true }));
