// Dialogue benchmark (issue 6): a commune dialogue with 5,000 questions (half answered), inserted
// into the demo database before the built server starts on 127.0.0.1 with SQLite. One request at a
// time, 300 each, interleaved with GET /healthz on the same server as the in-run baseline: the public
// dialogue page (first page of 50 questions and page 50), the commune's dialogue list, the JSON API.
// Prints p50/p95/p99, the ratio of each p50 to /healthz's p50, and the gzip size of the dialogue page.
// Figures, not pass/fail. Target: the public dialogue page p95 < 30 ms and ≤ 30 KB gzip (DESIGN.md).
// Environment: BENCH_QUESTIONS (5000), BENCH_REQUESTS (300), BENCH_KEEP=1 (keep the database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { fmt, freePort, get, kb, latencies, quantile, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const N = Number(process.env.BENCH_QUESTIONS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-dlg-'));
const dbFile = join(dir, 'bench.sqlite');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: '0' };

async function main() {
  console.log(`Dialogue benchmark: one dialogue with ${fmt(N)} questions`);
  const seed = start('node', ['dist/src/main.js', 'seed', '--demo'], env);
  const r = await seed.exited;
  if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  const db = new Database(dbFile);
  const d = db.prepare("select id, unit_id, starts_at from dialogues where agency_id is null and status = 'scheduled' order by id limit 1").get();
  const ins = db.prepare(
    'insert into dialogue_questions (dialogue_id, text, asker_name, asker_user_id, channel, entered_by, created_at, answer, answered_by, answered_by_user_id, answered_at) values (?, ?, ?, null, ?, null, ?, ?, ?, null, ?)',
  );
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const at = new Date(Date.parse(d.starts_at) - (N - i) * 60_000).toISOString();
      const answered = i % 2 === 0;
      ins.run(
        d.id,
        `Câu hỏi số ${i} về đường giao thông, nước sạch và hỗ trợ hộ nghèo của thôn ${i % 12}: khi nào xã giải quyết?`,
        i % 3 === 0 ? null : `Người hỏi ${i}`,
        i % 4 === 0 ? 'suggestion_box' : 'web',
        at,
        answered ? `Trả lời câu hỏi số ${i}: UBND xã đã đưa vào kế hoạch năm sau và sẽ thông báo cụ thể tại các thôn.` : null,
        answered ? 'Chủ tịch UBND xã' : null,
        answered ? at : null,
      );
    }
  })();
  db.pragma('optimize');
  db.close();
  console.log(`inserted in ${fmt((performance.now() - t0) / 1000, 1)} s`);

  const port = await freePort();
  const server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  const paths = {
    healthz: '/healthz',
    'dialogue page 1': `/dialogues/${d.id}`,
    'dialogue page 50': `/dialogues/${d.id}?page=50`,
    'commune dialogue list': `/units/${d.unit_id}/dialogues`,
    'API /api/v1/dialogues/{id}': `/api/v1/dialogues/${d.id}`,
  };
  const headers = { accept: 'text/html', 'accept-encoding': 'gzip' };
  const sorted = await latencies(
    url,
    Object.entries(paths).map(([name, path]) => ({ name, path, headers })),
    { rounds: REQUESTS, warm: 30, server },
  );
  const lat = Object.fromEntries(Object.keys(paths).map((name, k) => [name, sorted[k]]));
  const base = quantile(lat.healthz, 0.5);
  const rows = [[`request (one at a time, ${REQUESTS} each)`, 'p50 ms', 'p95 ms', 'p99 ms', 'p50 / healthz p50']];
  for (const [name, xs] of Object.entries(lat))
    rows.push([name, fmt(quantile(xs, 0.5), 1), fmt(quantile(xs, 0.95), 1), fmt(quantile(xs, 0.99), 1), `${fmt(quantile(xs, 0.5) / base, 1)}×`]);
  console.log(table(rows));
  const page = await get(`${url}/dialogues/${d.id}`, headers);
  const bytes = page.headers['content-encoding'] === 'gzip' ? page.body.length : gzipSync(page.body).length;
  console.log(`dialogue page with 50 of ${fmt(N)} questions: ${kb(bytes)} gzip (target ≤ 30 KB, CSS cached separately)`);
  const page1 = quantile(lat['dialogue page 1'], 0.95);
  writeFigures('dialogue', [
    {
      name: `dialogue page p95 (${fmt(N)} questions)`,
      value: page1,
      unit: 'ms',
      target: '< 30',
      meets: page1 < 30,
      baseline: { name: '/healthz p95', value: quantile(lat.healthz, 0.95) },
    },
    { name: 'dialogue page, gzip', value: bytes / 1024, unit: 'KB', target: '≤ 30', meets: bytes <= 30 * 1024 },
  ]);
  await stop(server);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
