// Monitoring benchmark (issue 9): a province of 92 communes, ~2,000 villages, 300,000 households and
// two years of activity (feedback, disclosure plans, votes, dialogues, QR ratings, audit entries,
// monitoring records), on SQLite: `danchu seed --demo` (its accounts), then `danchu seed --scale province`
// (the synthetic province SYN01, which the council observer `hdnd` is granted to read), and ten
// monitoring records per unit. Then, on the built server on 127.0.0.1:
//   1. the province dashboard (92 communes ranked, 8 quarters of trend) and a commune's, cold (a period
//      not asked before on that server: the one-minute cache cannot help), with the server's CPU time;
//      then warm, and the open data, one request at a time interleaved with GET /healthz (baseline);
//   2. with 1,000,000 more monitoring records, on a fresh server, a streamed Excel export
//      (GET /monitoring/units/<province>/indicators.xlsx) with the server's peak RSS (VmHWM).
// Figures, not pass/fail. Targets: dashboard p95 < 300 ms; export peak RSS < 200 MB.
// Environment: BENCH_REQUESTS (20), BENCH_RECORDS (1000000), BENCH_KEEP=1 (keep the database).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cpuMs, fmt, freePort, get, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-mon-'));
const dbFile = join(dir, 'bench.sqlite');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: '0' };
const hwm = (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function records(db, units, n) {
  const ins = db.prepare(
    "insert into monitoring_records (unit_id, kind, subkind, title, held_on, year, required, people, planned, spent, evidence_file_id, evidence_note, created_by, created_at) values (?,?,?,?,?,2026,?,?,?,?,null,'hồ sơ giấy','bench','2026-06-01T00:00:00Z')",
  );
  const kinds = [
    ['training', 'roster'],
    ['training', 'course'],
    ['outreach', 'conference'],
    ['commendation', 'individual'],
    ['funding', 'state_budget'],
  ];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const [kind, sub] = kinds[i % 5];
      const u = units[i % units.length];
      ins.run(
        u.id,
        kind,
        sub,
        `Hồ sơ ${i}`,
        `2026-${String(1 + (i % 11)).padStart(2, '0')}-15`,
        sub === 'roster' ? 20 : null,
        kind === 'funding' || sub === 'roster' ? null : 15,
        kind === 'funding' ? 5_000_000 : null,
        kind === 'funding' ? 4_000_000 : null,
      );
    }
  })();
}

async function signIn(url, username) {
  const page = await fetch(`${url}/sign-in`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const r = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: 'danchu-demo', _csrf: csrf }).toString(),
  });
  return [cookie, ...r.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

async function main() {
  console.log('Monitoring benchmark: a province of 92 communes, ~2,000 villages, 300,000 households, two years');
  let t0 = performance.now();
  // The demo first (its accounts: the council observer `hdnd`), then the synthetic province beside it.
  for (const args of [['--demo'], ['--scale', 'province']]) {
    const seed = start('node', ['dist/src/main.js', 'seed', ...args], env);
    const r = await seed.exited;
    if (r.code !== 0) throw new Error(`seed ${args.join(' ')} failed:\n${seed.output}`);
  }
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  const prov = db.prepare("select id, path from units where code like 'SYN%' and level = 'province'").get();
  const units = db.prepare("select id from units where path like ? and level in ('commune','village')").all(`${prov.path}%`);
  // The council observer reads the synthetic province as it reads its own (a grant as an admin gives it).
  const hdnd = db.prepare("select id from users where username = 'hdnd'").get().id;
  db.prepare('insert into role_grants (user_id, role, unit_id, granted_at) values (?, ?, ?, ?)').run(
    hdnd,
    'council_observer',
    prov.id,
    new Date().toISOString(),
  );
  console.log(`seed --demo, seed --scale province: ${fmt(units.length)} communes and villages in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  t0 = performance.now();
  // Two years of a province: ten records per unit (rosters, courses, outreach, commendations, funding).
  records(db, units, units.length * 10);
  db.pragma('optimize');
  const counts = ['households', 'feedback_items', 'votes', 'audit_log', 'monitoring_records'].map(
    (t) => `${t} ${fmt(db.prepare(`select count(*) n from ${t}`).get().n)}`,
  );
  db.close();
  console.log(counts.join(', '));

  let port = await freePort();
  let server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  let url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  let cookie = await signIn(url, 'hdnd');
  const commune = (await (await fetch(`${url}/api/v1/indicators?unit=${prov.id}&period=2026`)).json()).items.find((i) => i.unit.id !== prov.id).unit.id;
  const headers = { accept: 'text/html', cookie };
  // Cold: the dashboard keeps its figures a minute per unit and period (CACHE_MS), so each request for a
  // period not asked before on this server computes every indicator. Ten periods (2025, 2026 and their
  // quarters) per server, on two fresh servers: 20 cold requests each for the province and a commune,
  // with the server's CPU time per request (the machine is shared: wall times suffer, CPU less).
  const periods = ['2026', '2025', ...[2026, 2025].flatMap((y) => [1, 2, 3, 4].map((n) => `${y}-Q${n}`))];
  const coldLat = { province: [], commune: [] };
  const coldCpu = { province: [], commune: [] };
  const firsts = [];
  for (let round = 0; round < 2; round++) {
    if (round) {
      await stop(server);
      port = await freePort();
      server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
      url = `http://127.0.0.1:${port}`;
      await waitFor200(`${url}/readyz`, server);
      headers.cookie = cookie = await signIn(url, 'hdnd');
    }
    // The first dashboard after a start also compiles the code and fills SQLite's cache: measured apart
    // (period 2024, not one of the ten), so the cold figures are those of a server that has been running.
    const t = performance.now();
    await get(`${url}/monitoring/units/${prov.id}?period=2024`, headers, 60_000);
    firsts.push(performance.now() - t);
    for (const period of periods)
      for (const [name, id] of [
        ['province', prov.id],
        ['commune', commune],
      ]) {
        const c0 = cpuMs(server.pid);
        const t = performance.now();
        const r = await get(`${url}/monitoring/units/${id}?period=${period}`, headers, 60_000);
        coldLat[name].push(performance.now() - t);
        coldCpu[name].push(cpuMs(server.pid) - c0);
        if (r.status !== 200) throw new Error(`${name} ${period}: status ${r.status}\n${server.output.slice(-3000)}`);
      }
  }
  const q = (xs, f) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(f * xs.length))];
  const coldRows = [['cold dashboard (20 requests: 10 periods × 2 fresh servers)', 'p50 ms', 'p95 ms', 'max ms', 'server CPU p50 ms', 'CPU p95 ms']];
  for (const name of ['province', 'commune'])
    coldRows.push([
      name === 'province' ? 'province (92 communes ranked, 8-quarter trend)' : 'commune (its villages)',
      fmt(q(coldLat[name], 0.5), 1),
      fmt(q(coldLat[name], 0.95), 1),
      fmt(Math.max(...coldLat[name]), 1),
      fmt(q(coldCpu[name], 0.5)),
      fmt(q(coldCpu[name], 0.95)),
    ]);
  console.log(table(coldRows));
  console.log(`first province dashboard after a start (period 2024): ${firsts.map((x) => `${fmt(x)} ms`).join(', ')}`);
  // Warm: the same pages again (figures kept a minute), with /healthz interleaved as the in-run baseline.
  const paths = {
    healthz: '/healthz',
    'province dashboard (cached figures)': `/monitoring/units/${prov.id}?period=2026`,
    'commune dashboard (cached figures)': `/monitoring/units/${commune}?period=2026`,
    'open data JSON, province (always computed)': `/api/v1/indicators?unit=${prov.id}&period=2026-Q2`,
  };
  for (let i = 0; i < 2; i++) for (const p of Object.values(paths)) await get(url + p, headers, 60_000);
  const lat = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let i = 0; i < REQUESTS; i++)
    for (const [name, p] of Object.entries(paths)) {
      const t = performance.now();
      const r = await get(url + p, headers, 60_000);
      lat[name].push(performance.now() - t);
      if (r.status !== 200) throw new Error(`${name}: status ${r.status}\n${server.output.slice(-3000)}`);
    }
  const base = q(lat.healthz, 0.5);
  const rows = [[`request (one at a time, ${REQUESTS} each, signed in as hdnd)`, 'p50 ms', 'p95 ms', 'p99 ms', 'p50 / healthz p50']];
  for (const [name, xs] of Object.entries(lat))
    rows.push([name, fmt(q(xs, 0.5), 1), fmt(q(xs, 0.95), 1), fmt(q(xs, 0.99), 1), `${fmt(q(xs, 0.5) / base, 1)}×`]);
  console.log(table(rows));
  await stop(server);

  // The export on a fresh server, over 1,000,000 records of the province.
  const db2 = new Database(dbFile);
  t0 = performance.now();
  records(db2, units, RECORDS);
  db2.close();
  console.log(`${fmt(RECORDS)} more monitoring records in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  port = await freePort();
  server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  const pid = server.pid;
  cookie = await signIn(url, 'hdnd');
  // VmHWM is the process's peak since it started (the sign-in's password hash included): reset it
  // (proc(5) clear_refs "5") so that the figure is the peak during the export itself.
  const before = { rss: rss(pid), hwm: hwm(pid) };
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  let sampled = 0;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, rss(pid));
  }, 100);
  const c0 = cpuMs(pid);
  t0 = performance.now();
  const res = await fetch(`${url}/monitoring/units/${prov.id}/indicators.xlsx?period=2026`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`export: status ${res.status}\n${server.output.slice(-3000)}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const peak = hwm(pid);
  const after = rss(pid);
  const cpu = cpuMs(pid) - c0;
  console.log(
    table([
      [
        'streamed Excel export',
        'rows',
        'MB',
        's',
        'server CPU s',
        'RSS before MB',
        'peak since start before MB',
        'peak during export (VmHWM) MB',
        'RSS after MB',
      ],
      [
        '/monitoring/units/<province>/indicators.xlsx',
        fmt(RECORDS),
        fmt(bytes / 1e6, 1),
        fmt(secs, 1),
        fmt(cpu / 1000, 1),
        fmt(before.rss),
        fmt(before.hwm),
        fmt(Math.max(peak, sampled)),
        fmt(after),
      ],
    ]),
  );
  const cold = (name) => q(coldLat[name], 0.95);
  writeFigures('monitoring', [
    {
      name: 'province dashboard, cold p95 (no cache)',
      value: Math.round(cold('province')),
      unit: 'ms',
      target: '< 300',
      meets: cold('province') < 300,
      baseline: { name: 'healthz p50', value: Math.round(base * 10) / 10 },
    },
    { name: 'commune dashboard, cold p95', value: Math.round(cold('commune')), unit: 'ms', target: '—', meets: true },
    { name: 'province dashboard, server CPU per cold request p95', value: Math.round(q(coldCpu.province, 0.95)), unit: 'ms', target: '—', meets: true },
    {
      name: `Excel export of ${fmt(RECORDS)} records, server peak RSS`,
      value: Math.round(Math.max(peak, sampled)),
      unit: 'MB',
      target: '< 200',
      meets: Math.max(peak, sampled) < 200,
    },
  ]);

  await stop(server);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
