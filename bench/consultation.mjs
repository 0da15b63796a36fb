// Consultation benchmark (issue 6): the demo's open draft regulation of Xã Na Rì and its closed
// consultation, each given 10,000 more comments (and 3,000 agree/disagree each) spread over their
// articles. Latency one request at a time (p50/p95/p99) next to GET /healthz measured in the same
// run, and the compressed size of the draft page. Figures, not pass/fail. Targets: the draft page with
// its first page of comments p95 < 30 ms and ≤ 50 KB gzip; the synthesis view < 200 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { fmt, freePort, get, kb, latencies, quantile, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const N = Number(process.env.BENCH_COMMENTS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const TARGET = { pageP95Ms: 30, pageKb: 50, synthesisMs: 200 };
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-cons-'));
const dbFile = join(dir, 'bench.sqlite');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: process.env.MICROCACHE_MS ?? '0' };

const PHRASES = [
  'Đề nghị niêm yết cả tại nhà văn hóa thôn',
  'Nên thông báo qua loa truyền thanh',
  'Thời hạn trả lời cần rút ngắn',
  'Nhất trí với dự thảo',
  'Cần ghi rõ trách nhiệm của trưởng thôn',
  'Đề nghị tổ chức đối thoại vào buổi tối',
  'Bổ sung việc phổ biến bằng tiếng Tày, tiếng Dao',
];
const CHANNELS = ['online', 'meeting', 'household_form', 'suggestion_box', 'hotline', 'portal', 'social_network'];

function load(db, consultationId, seed) {
  const articles = db
    .prepare('select id from consultation_articles where consultation_id = ?')
    .all(consultationId)
    .map((a) => a.id);
  let x = seed;
  const rand = (n) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const insC = db.prepare(
    'insert into consultation_comments (consultation_id, article_id, channel, author_user_id, author_name, organisation, body, public_body, hidden_reason, entered_by, created_at) values (?, ?, ?, null, null, null, ?, null, null, null, ?)',
  );
  const insS = db.prepare(
    'insert into consultation_stances (consultation_id, article_id, user_id, comment_id, stance, updated_at) values (?, ?, null, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const article = rand(8) === 0 ? null : articles[rand(articles.length)];
      const body = `${PHRASES[rand(PHRASES.length)]} (ý kiến số ${i + 1}); ${PHRASES[rand(PHRASES.length)].toLowerCase()}.`;
      const id = insC.run(
        consultationId,
        article,
        CHANNELS[rand(CHANNELS.length)],
        body,
        new Date(Date.UTC(2026, 10, 24, 0, 0, i)).toISOString(),
      ).lastInsertRowid;
      if (article && i % 10 < 3) insS.run(consultationId, article, id, rand(3) === 0 ? 'disagree' : 'agree', '2026-11-24T00:00:00Z');
    }
  })();
  return articles;
}

async function main() {
  console.log(`Consultation benchmark: ${fmt(N)} comments on each of two consultations`);
  const seed = start('node', ['dist/src/main.js', 'seed', '--demo'], env);
  const r = await seed.exited;
  if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  const t0 = performance.now();
  const db = new Database(dbFile);
  const open = db.prepare("select id from consultations where status = 'open' and scope = 'commune' order by id limit 1").get().id;
  const closed = db.prepare("select id from consultations where status = 'closed' order by id limit 1").get().id;
  const articles = load(db, open, 12345);
  load(db, closed, 54321);
  db.pragma('optimize');
  db.close();
  console.log(`inserted ${fmt(2 * N)} comments in ${fmt((performance.now() - t0) / 1000, 1)} s`);

  const port = await freePort();
  const server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  let x = 99;
  const rand = (n) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const targets = [
    { name: 'GET /healthz (baseline)', path: () => '/healthz' },
    { name: 'draft page /consultations/:id', path: () => `/consultations/${open}`, target: `p95 < ${TARGET.pageP95Ms}` },
    { name: "one article's comments ?article=", path: () => `/consultations/${open}?article=${articles[rand(articles.length)]}` },
    { name: 'an older page ?before=', path: () => `/consultations/${open}?before=${1 + rand(N)}` },
    { name: 'synthesis /consultations/:id/synthesis', path: () => `/consultations/${closed}/synthesis`, target: `< ${TARGET.synthesisMs}` },
    { name: 'API /api/v1/consultations/:id', path: () => `/api/v1/consultations/${closed}`, json: true },
    { name: 'Word report …/synthesis.docx', path: () => `/consultations/${closed}/synthesis.docx` },
  ];
  const headers = (t) => ({ accept: t.json ? 'application/json' : 'text/html', 'accept-encoding': 'gzip' });
  const lat = await latencies(
    url,
    targets.map((t) => ({ ...t, headers: headers(t) })),
    { rounds: REQUESTS, warm: 30, server },
  );
  const base = quantile(lat[0], 0.95);
  const rows = [['request (one at a time)', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p95/baseline', 'target']];
  const res = {};
  targets.forEach((t, k) => {
    res[t.name] = { p95: quantile(lat[k], 0.95), max: Math.max(...lat[k]) };
    rows.push([
      t.name,
      fmt(quantile(lat[k], 0.5), 1),
      fmt(quantile(lat[k], 0.95), 1),
      fmt(quantile(lat[k], 0.99), 1),
      fmt(Math.max(...lat[k]), 1),
      `${fmt(quantile(lat[k], 0.95) / base, 1)}×`,
      t.target ?? '',
    ]);
  });
  console.log(table(rows));
  const page = await get(`${url}/consultations/${open}`, headers({}));
  const bytes = page.headers['content-encoding'] === 'gzip' ? page.body.length : gzipSync(page.body).length;
  const mark = (ok) => (ok ? 'meets' : 'MISSES');
  console.log(
    `draft page: ${kb(bytes)} gzip (target ≤ ${TARGET.pageKb} KB): ${mark(bytes <= TARGET.pageKb * 1024)}; p95 < ${TARGET.pageP95Ms} ms: ${mark(res[targets[1].name].p95 < TARGET.pageP95Ms)}; ` +
      `synthesis max < ${TARGET.synthesisMs} ms: ${mark(res[targets[4].name].max < TARGET.synthesisMs)}`,
  );
  const draft = res[targets[1].name];
  const synthesis = res[targets[4].name];
  writeFigures('consultation', [
    {
      name: 'draft page p95',
      value: draft.p95,
      unit: 'ms',
      target: `< ${TARGET.pageP95Ms}`,
      meets: draft.p95 < TARGET.pageP95Ms,
      baseline: { name: '/healthz p95', value: base },
    },
    {
      name: 'synthesis max',
      value: synthesis.max,
      unit: 'ms',
      target: `< ${TARGET.synthesisMs}`,
      meets: synthesis.max < TARGET.synthesisMs,
      baseline: { name: '/healthz p95', value: base },
    },
    { name: 'draft page, gzip', value: bytes / 1024, unit: 'KB', target: `≤ ${TARGET.pageKb}`, meets: bytes <= TARGET.pageKb * 1024 },
  ]);
  await stop(server);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
