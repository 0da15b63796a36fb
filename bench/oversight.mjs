// Oversight benchmark (issue 7): 100,000 synthetic recommendations of Xã Na Rì's People's Inspection
// Board (one activity per five; about 10 % overdue, 60 % answered) and 2,000 projects in the six
// communes (300 in Na Rì), inserted into a demo database before the built server starts on 127.0.0.1
// with SQLite. Pages one request at a time, each interleaved with GET /healthz on the same server as the
// baseline: the public project register, the public commune oversight page (published open and
// answered recommendations), the overdue list of a signed-in commune chairman, and GET /api/v1/projects.
// Figures, not pass/fail. Target: every page p95 < 50 ms.
// Environment: BENCH_RECS (100000), BENCH_PROJECTS (2000), BENCH_REQUESTS (300), BENCH_KEEP=1.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fmt, freePort, latencies, quantile, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const RECS = Number(process.env.BENCH_RECS ?? 100_000);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 2_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-ov-'));
const dbFile = join(dir, 'bench.sqlite');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: '0' };
const NOW = new Date();
const day = (offset) => new Date(NOW.getTime() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

function load() {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  const naRi = db.prepare("select id from units where code = '02155' and level = 'commune' and valid_to is null").get().id;
  const communes = db
    .prepare("select id from units where level = 'commune' and valid_to is null")
    .all()
    .map((x) => x.id);
  const board = db.prepare("select id from oversight_boards where commune_id = ? and kind = 'commune_inspection'").get(naRi).id;
  const iso = NOW.toISOString();
  const insA = db.prepare(
    "insert into oversight_activities (board_id, plan_id, kind, subject, findings, held_on, feedback_item_id, published, created_by, created_at) values (?, null, 'inspection', ?, ?, ?, null, ?, null, ?)",
  );
  const insR =
    db.prepare(`insert into oversight_recommendations (activity_id, board_id, commune_id, addressee, content, sent_on, due_on, status, answer_kind, answer_text, answered_on, answered_by, late, escalated_on, created_at)
    values (?, ?, ?, 'UBND xã Na Rì', ?, ?, ?, ?, ?, ?, ?, null, ?, null, ?)`);
  const insP =
    db.prepare(`insert into oversight_projects (commune_id, name, investor, decision_maker, decision_number, decision_date, contractor, budget_state, budget_commune, budget_community, budget_other, villages, starts_on, ends_on, progress_percent, disbursed, status, created_at)
    values (?, ?, 'UBND xã', 'Chủ tịch UBND xã', ?, ?, null, ?, ?, ?, 0, 'Nà Cà', ?, ?, ?, ?, ?, ?)`);
  let x = 4242;
  const rand = (n) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const t0 = performance.now();
  db.transaction(() => {
    let activity = 0;
    for (let i = 0; i < RECS; i++) {
      const sentAgo = rand(1500) + 1;
      if (i % 5 === 0)
        activity = Number(insA.run(board, `Kiểm tra số ${i / 5}`, 'Kết quả kiểm tra tổng hợp.', day(-sentAgo), rand(10) ? 1 : 0, iso).lastInsertRowid);
      const sent = day(-sentAgo);
      const due = day(-sentAgo + 15);
      const r = rand(100);
      // 60 % answered; of the rest, those due before today are overdue (about 10 % of all with these draws).
      const answered = r < 60 || (r < 90 && sentAgo > 15);
      const answeredOn = answered ? day(-sentAgo + 1 + rand(20)) : null;
      insR.run(
        activity,
        board,
        naRi,
        `Kiến nghị số ${i}`,
        sent,
        due,
        answered ? 'answered' : 'open',
        answered ? 'accepted' : null,
        answered ? 'Đã tiếp thu.' : null,
        answeredOn,
        answered && answeredOn > due ? 1 : 0,
        iso,
      );
    }
    for (let i = 0; i < PROJECTS; i++) {
      const c = i < 300 ? naRi : communes[i % communes.length];
      const start = day(-rand(1000));
      insP.run(
        c,
        `Dự án số ${i}`,
        `${i}/QĐ-UBND`,
        start,
        500_000_000 + rand(1000) * 1_000_000,
        100_000_000,
        rand(200) * 1_000_000,
        start,
        day(rand(400)),
        rand(101),
        rand(500) * 1_000_000,
        rand(3) ? 'ongoing' : 'ended',
        iso,
      );
    }
  })();
  const overdue = db.prepare("select count(*) n from oversight_recommendations where commune_id = ? and status = 'open' and due_on < ?").get(naRi, day(0)).n;
  const chair = db.prepare("select u.id from users u where u.username = 'chutich.nari'").get().id;
  const token = randomBytes(32).toString('base64url');
  db.prepare("insert into sessions (id, user_id, stage, csrf_secret, created_at, expires_at) values (?, ?, 'full', ?, ?, ?)").run(
    createHash('sha256').update(token).digest('hex'),
    chair,
    randomBytes(16).toString('base64url'),
    iso,
    new Date(NOW.getTime() + 3_600_000).toISOString(),
  );
  db.pragma('optimize');
  db.close();
  return { naRi, overdue, cookie: `dc_sid=${token}`, loadS: (performance.now() - t0) / 1000 };
}

async function main() {
  console.log(`Oversight benchmark: ${fmt(RECS)} recommendations, ${fmt(PROJECTS)} projects`);
  const seed = start('node', ['dist/src/main.js', 'seed', '--demo'], env);
  const r = await seed.exited;
  if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  const { naRi, overdue, cookie, loadS } = load();
  console.log(`inserted in ${fmt(loadS, 1)} s; ${fmt(overdue)} overdue recommendations in Xã Na Rì`);
  const port = await freePort();
  const server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  const html = { accept: 'text/html', 'accept-encoding': 'gzip' };
  const pages = {
    'project register (public)': [`/units/${naRi}/projects`, html],
    'commune oversight page (public)': [`/units/${naRi}/oversight`, html],
    'overdue list (chairman)': [`/units/${naRi}/oversight/recommendations?state=overdue`, { ...html, cookie }],
    'GET /api/v1/projects': [`/api/v1/projects?unit=${naRi}`, { accept: 'application/json', 'accept-encoding': 'gzip' }],
  };
  const targets = [{ name: '/healthz', path: '/healthz', headers: {} }, ...Object.entries(pages).map(([name, [path, headers]]) => ({ name, path, headers }))];
  const [base, ...lats] = await latencies(url, targets, { rounds: REQUESTS, warm: 30, server });
  const rows = [[`request (one at a time, ${REQUESTS} each)`, 'p50 ms', 'p95 ms', 'p99 ms', '/healthz p95 ms', 'p95 ratio', 'target']];
  const figures = [];
  for (const [k, name] of Object.keys(pages).entries()) {
    const lat = lats[k];
    rows.push([
      name,
      fmt(quantile(lat, 0.5), 1),
      fmt(quantile(lat, 0.95), 1),
      fmt(quantile(lat, 0.99), 1),
      fmt(quantile(base, 0.95), 1),
      `${fmt(quantile(lat, 0.95) / quantile(base, 0.95), 1)}×`,
      'p95 < 50',
    ]);
    figures.push({
      name: `${name} p95`,
      value: quantile(lat, 0.95),
      unit: 'ms',
      target: '< 50',
      meets: quantile(lat, 0.95) < 50,
      baseline: { name: '/healthz p95', value: quantile(base, 0.95) },
    });
  }
  console.log(table(rows));
  writeFigures('oversight', figures);
  await stop(server);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
