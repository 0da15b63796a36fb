// Workplace benchmark (issue 8, second half): 3,000 synthetic agencies spread over the province's
// communes (500 in Xã Na Rì), 70 % with a democracy regulation in force (and one superseded version
// each), a staff count each and 80 % with a staff conference on last year, inserted into a demo database
// before the built server starts on 127.0.0.1 with SQLite. Requests one at a time, each interleaved with
// GET /healthz on the same server as the baseline: the public register of Xã Na Rì, GET
// /api/v1/regulations for the commune and for the whole province. Figures, not pass/fail.
// Target: the commune register p95 < 50 ms; the province API p95 < 200 ms.
// Environment: BENCH_AGENCIES (3000), BENCH_REQUESTS (200), BENCH_KEEP=1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fmt, freePort, latencies, quantile, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 3_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-wp-'));
const dbFile = join(dir, 'bench.sqlite');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: '0' };
const year = new Date().getUTCFullYear();

function load() {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  const naRi = db.prepare("select id, path from units where code = '02155' and level = 'commune' and valid_to is null").get();
  const province = Number(naRi.path.split('/')[1]);
  const communes = db
    .prepare("select id from units where level in ('commune','ward') and valid_to is null")
    .all()
    .map((x) => x.id);
  const consultation = db.prepare('select id from consultations limit 1').get().id;
  const iso = new Date().toISOString();
  const insA = db.prepare("insert into agencies (unit_id, name, kind, is_demo) values (?, ?, 'school', 1)");
  const insR =
    db.prepare(`insert into workplace_regulations (unit_id, agency_id, version, kind, title, consultation_id, issued_number, issued_on, in_force_from, signer, partner, status, superseded_by, created_by, created_at)
    values (?, ?, ?, ?, 'Quy chế dân chủ', ?, ?, ?, ?, 'Thủ trưởng', 'Công đoàn', ?, null, 'bench', ?)`);
  const insS = db.prepare("insert into workplace_staff_counts (agency_id, staff, counted_on, recorded_by, created_at) values (?, ?, ?, 'bench', ?)");
  const insC =
    db.prepare(`insert into workplace_conferences (agency_id, work_year, held_on, form, convocation, staff, base, present, outcome, force_majeure, dispersed, agenda, late, recorded_by, created_at)
    values (?, ?, ?, 'plenary', 1, ?, ?, ?, 'valid', 0, 0, 'Tổng kết', 0, 'bench', ?)`);
  let x = 4242;
  const rand = (n) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < AGENCIES; i++) {
      const unit = i < 500 ? naRi.id : communes[i % communes.length];
      const a = Number(insA.run(unit, `Cơ quan số ${i}`).lastInsertRowid);
      const staff = 5 + rand(120);
      insS.run(a, staff, `${year - 2}-01-05`, iso);
      insS.run(a, staff + 1, `${year - 1}-01-05`, iso);
      if (rand(10) < 7) {
        insR.run(unit, a, 1, 'original', consultation, `${i}/QĐ`, `${year - 3}-05-01`, `${year - 3}-05-01`, 'superseded', iso);
        insR.run(unit, a, 2, 'replacement', consultation, `${i}b/QĐ`, `${year - 1}-05-01`, `${year - 1}-05-01`, 'in_force', iso);
      }
      if (rand(10) < 8) insC.run(a, year - 1, `${year}-01-20`, staff, staff, staff, iso);
    }
  })();
  db.pragma('optimize');
  db.close();
  return { naRi: naRi.id, province, loadS: (performance.now() - t0) / 1000 };
}

async function main() {
  console.log(`Workplace benchmark: ${fmt(AGENCIES)} agencies`);
  const seed = start('node', ['dist/src/main.js', 'seed', '--demo'], env);
  const r = await seed.exited;
  if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  const { naRi, province, loadS } = load();
  console.log(`inserted in ${fmt(loadS, 1)} s`);
  const port = await freePort();
  const server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  const html = { accept: 'text/html', 'accept-encoding': 'gzip' };
  const json = { accept: 'application/json', 'accept-encoding': 'gzip' };
  const pages = {
    'register of Xã Na Rì (public, 504 rows)': [`/units/${naRi}/regulations`, html, 'p95 < 50'],
    'GET /api/v1/regulations?unit=<Na Rì>': [`/api/v1/regulations?unit=${naRi}`, json, 'p95 < 50'],
    'GET /api/v1/regulations?unit=<province>': [`/api/v1/regulations?unit=${province}`, json, 'p95 < 200'],
  };
  const targets = [{ name: '/healthz', path: '/healthz', headers: {} }, ...Object.entries(pages).map(([name, [path, headers]]) => ({ name, path, headers }))];
  const [base, ...lats] = await latencies(url, targets, { rounds: REQUESTS, warm: 20, server, timeoutMs: 20_000 });
  const figures = [];
  const rows = [[`request (one at a time, ${REQUESTS} each)`, 'p50 ms', 'p95 ms', 'p99 ms', '/healthz p95 ms', 'p95 ratio', 'target']];
  for (const [k, [name, [, , target]]] of Object.entries(pages).entries()) {
    const lat = lats[k];
    rows.push([
      name,
      fmt(quantile(lat, 0.5), 1),
      fmt(quantile(lat, 0.95), 1),
      fmt(quantile(lat, 0.99), 1),
      fmt(quantile(base, 0.95), 1),
      `${fmt(quantile(lat, 0.95) / quantile(base, 0.95), 1)}×`,
      target,
    ]);
    const limit = Number(/<\s*([\d,]+)/.exec(target)[1].replace(/,/g, '')); // 'p95 < 50' → 50
    const p95 = quantile(lat, 0.95);
    figures.push({
      name: `${name} p95`,
      value: p95,
      unit: 'ms',
      target: `< ${limit}`,
      meets: p95 < limit,
      baseline: { name: '/healthz p95', value: quantile(base, 0.95) },
    });
  }
  console.log(table(rows));
  writeFigures('workplace', figures);
  await stop(server);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
