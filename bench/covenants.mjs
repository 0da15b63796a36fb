// Covenants benchmark (issue 8): the demo plus N more pre-2023 covenants spread over Xuân Dương's
// villages (each with 3 versions of a 40-article text), so the commune's list, one covenant page with a
// diff between long versions, the API list and the commune's Excel figures are measured at a commune's
// realistic worst. Latency one request at a time (p50/p95/p99) next to GET /healthz measured in the
// same run. Figures, not pass/fail. Targets: covenant page with its diff p95 < 50 ms; commune list < 200 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fmt, freePort, latencies, quantile, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const N = Number(process.env.BENCH_COVENANTS ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-cov-'));
const dbFile = join(dir, 'bench.sqlite');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: process.env.MICROCACHE_MS ?? '0' };

const text = (v) =>
  Array.from(
    { length: 40 },
    (_, i) =>
      `Điều ${i + 1}. Quy định số ${i + 1}\nCác hộ gia đình trong thôn thực hiện nội dung ${i + 1}${i % 7 === v ? ` (sửa đổi lần ${v})` : ''}; trưởng thôn nhắc nhở tại hội nghị thôn.`,
  ).join('\n');

async function main() {
  console.log(`Covenants benchmark: ${fmt(N)} more covenants with 3 versions of 40 articles each`);
  const seed = start('node', ['dist/src/main.js', 'seed', '--demo'], env);
  const r = await seed.exited;
  if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  const db = new Database(dbFile);
  const commune = db.prepare("select id, path from units where code = '02191' and valid_to is null").get();
  const villages = db
    .prepare('select id from units where parent_id = ?')
    .all(commune.id)
    .map((v) => v.id);
  const insC = db.prepare(
    "insert into covenants (unit_id, title, origin, kind, adopted_on, recognised_on, created_at, updated_at) values (?, ?, 'transitional', 'new', '2019-03-01', '2019-04-01', ?, ?)",
  );
  const insV = db.prepare('insert into covenant_versions (covenant_id, number, text, note, created_at) values (?, ?, ?, ?, ?)');
  let last = 0;
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const now = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      last = Number(insC.run(villages[i % villages.length], `Quy ước số ${i + 1}`, now, now).lastInsertRowid);
      for (let v = 1; v <= 3; v++) insV.run(last, v, text(v), `Phiên bản ${v}`, now);
    }
  })();
  db.close();
  const port = await freePort();
  const server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  const targets = [
    { name: 'GET /healthz (baseline)', path: '/healthz' },
    { name: 'covenant page with diff /covenants/:id?v=3&compare=2', path: `/covenants/${last}?v=3&compare=2`, target: 'p95 < 50' },
    { name: 'commune list /units/:id/covenants', path: `/units/${commune.id}/covenants`, target: '< 200' },
    { name: 'API /api/v1/covenants?unit=', path: `/api/v1/covenants?unit=${commune.id}`, json: true },
    { name: 'API /api/v1/covenants/:id', path: `/api/v1/covenants/${last}`, json: true },
  ];
  const headers = (t) => ({ accept: t.json ? 'application/json' : 'text/html', 'accept-encoding': 'gzip' });
  const lat = await latencies(
    url,
    targets.map((t) => ({ ...t, headers: headers(t) })),
    { rounds: REQUESTS, warm: 10, server, timeoutMs: 20_000 },
  );
  const base = quantile(lat[0], 0.95);
  const rows = [['request (one at a time)', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p95/baseline', 'target']];
  for (const [k, t] of targets.entries())
    rows.push([
      t.name,
      fmt(quantile(lat[k], 0.5), 1),
      fmt(quantile(lat[k], 0.95), 1),
      fmt(quantile(lat[k], 0.99), 1),
      fmt(Math.max(...lat[k]), 1),
      `${fmt(quantile(lat[k], 0.95) / base, 1)}×`,
      t.target ?? '',
    ]);
  console.log(table(rows));
  writeFigures(
    'covenants',
    targets.flatMap((t, k) => {
      if (!t.target) return [];
      const limit = Number(/<\s*([\d,]+)/.exec(t.target)[1].replace(/,/g, '')); // 'p95 < 50' → 50
      const value = t.target.startsWith('p95') ? quantile(lat[k], 0.95) : Math.max(...lat[k]);
      const name = `${t.name.split(' /')[0]} ${t.target.startsWith('p95') ? 'p95' : 'max'}`;
      return [{ name, value, unit: 'ms', target: `< ${limit}`, meets: value < limit, baseline: { name: '/healthz p95', value: base } }];
    }),
  );
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
