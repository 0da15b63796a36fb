// Disclosure benchmark (issue 3): 200,000 synthetic disclosures across the six communes; the commune
// list page and a folded (diacritics-free) search, latency p50/p95/p99 one request at a time, and
// requests/s at 32 connections next to a raw node:http server sending the same bytes in the same run.
// Figures, not pass/fail. Targets: list and search p95 < 30 ms on SQLite; list page ≤ 30 KB gzip.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { fmt, freePort, get, kb, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const N = Number(process.env.BENCH_DISCLOSURES ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-disc-'));
const dbFile = join(dir, 'bench.sqlite');
// Uncached by default (MICROCACHE_MS=0): these are the database's and the code's own figures.
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: process.env.MICROCACHE_MS ?? '0' };

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
const SUBJECTS = [
  'Dự toán ngân sách',
  'Quyết toán ngân sách',
  'Danh sách hộ nghèo',
  'Hỗ trợ thiên tai',
  'Đường bê tông liên thôn',
  'Thanh lý tài sản công',
  'Quy hoạch khu dân cư',
  'Danh sách nhập ngũ',
  'Phí, lệ phí',
  'Kết quả thanh tra',
  'Đóng góp xây dựng nhà văn hóa',
  'Thẻ bảo hiểm y tế',
  'Chương trình mục tiêu quốc gia',
  'Cho thuê đất công ích',
];
const PLACES = ['thôn Nà Cà', 'thôn Pác Cáp', 'thôn Bản Đính', 'thôn Khuổi Lùng', 'toàn xã', 'thôn Nà Làng', 'thôn Pò Nim', 'thôn Cốc Phấy'];
const QUERIES = [
  'ngan sach',
  'du toan',
  'ho ngheo',
  'thien tai',
  'duong be tong',
  'tai san cong',
  'quy hoach',
  'nhap ngu',
  'le phi',
  'thanh tra',
  'nha van hoa',
  'bao hiem y te',
  'muc tieu quoc gia',
  'dat cong ich',
  'na ca',
  'khuoi lung',
];

async function main() {
  console.log(`Disclosure benchmark: ${fmt(N)} synthetic disclosures`);
  const seed = start('node', ['dist/src/main.js', 'seed', '--demo'], env);
  const r = await seed.exited;
  if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);

  const t0 = performance.now();
  const db = new Database(dbFile);
  const communes = db
    .prepare("select id from units where level = 'commune' and valid_to is null")
    .all()
    .map((x) => x.id);
  const user = db.prepare("select id from users where username = 'canbo.nari'").get().id;
  const insD =
    db.prepare(`insert into disclosures (unit_id, agency_id, scope, category, status, version, title, body, decision_number, decision_date, decision_signer, audience, posting_start, posting_end, year, created_by, created_at, published_at, updated_at)
    values (?, null, 'commune', ?, 'published', 1, ?, ?, ?, ?, 'Chủ tịch UBND xã', 'all', ?, ?, ?, ?, ?, ?, ?)`);
  const insS = db.prepare("insert into search_docs (entity_type, entity_id, unit_id, title, folded) values ('disclosure', ?, ?, ?, ?)");
  let x = 12345;
  const rand = (n) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const unit = communes[i % communes.length];
      const category = 1 + rand(14);
      const year = 2020 + rand(7);
      const month = String(1 + rand(12)).padStart(2, '0');
      const day = String(1 + rand(28)).padStart(2, '0');
      const date = `${year}-${month}-${day}`;
      const title = `${SUBJECTS[rand(SUBJECTS.length)]} ${PLACES[rand(PLACES.length)]} số ${i}`;
      const body = `Nội dung công khai về ${title.toLowerCase()} theo Điều 11 Luật Thực hiện dân chủ ở cơ sở.`;
      const at = `${date}T02:00:00.000Z`;
      const id = insD.run(unit, category, title, body, `${i}/QĐ-UBND`, date, date, null, year, user, at, at, at).lastInsertRowid;
      insS.run(String(id), unit, title, fold(`${title} ${body} ${i}/qd-ubnd u${unit} c${category}`));
    }
  })();
  db.pragma('optimize');
  db.close();
  console.log(`inserted in ${fmt((performance.now() - t0) / 1000, 1)} s`);

  const port = await freePort();
  const server = start('node', ['dist/src/main.js', 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/readyz`, server);
  const commune = communes[0];
  const paths = {
    list: () => `/units/${commune}/disclosures?page=${1 + rand(5)}${rand(2) ? `&category=${1 + rand(14)}` : ''}`,
    search: () => `/units/${commune}/disclosures?q=${encodeURIComponent(QUERIES[rand(QUERIES.length)])}`,
    api: () => `/api/v1/disclosures?unit=${commune}&q=${encodeURIComponent(QUERIES[rand(QUERIES.length)])}`,
  };
  const headers = { accept: 'text/html', 'accept-encoding': 'gzip' };
  for (let i = 0; i < 50; i++) for (const p of Object.values(paths)) await get(url + p(), headers);

  const rows = [['request (one at a time, 300 each)', 'p50 ms', 'p95 ms', 'p99 ms', 'target']];
  const results = {};
  for (const [name, p] of Object.entries(paths)) {
    const lat = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const res = await get(url + p(), headers, 10_000);
      lat.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${name} ${url}: status ${res.status}\n${server.output.slice(-3000)}`);
    }
    lat.sort((a, b) => a - b);
    const q = (f) => lat[Math.min(lat.length - 1, Math.floor(f * lat.length))];
    results[name] = { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
    rows.push([name, fmt(q(0.5), 1), fmt(q(0.95), 1), fmt(q(0.99), 1), name === 'api' ? '' : 'p95 < 30']);
  }
  console.log(table(rows));

  // Throughput next to a raw server with the same bytes.
  const fixed = { list: `/units/${commune}/disclosures`, search: `/units/${commune}/disclosures?q=ngan+sach` };
  const captured = {};
  for (const [name, p] of Object.entries(fixed)) {
    const res = await get(url + p, headers);
    captured[p] = {
      status: res.status,
      contentType: res.headers['content-type'],
      contentEncoding: res.headers['content-encoding'],
      bodyBase64: res.body.toString('base64'),
    };
    results[`${name}Bytes`] = res.headers['content-encoding'] === 'gzip' ? res.body.length : gzipSync(res.body).length;
  }
  const spec = join(dir, 'raw.json');
  writeFileSync(spec, JSON.stringify(captured));
  const rawPort = await freePort();
  const raw = start('node', ['bench/raw-server.mjs', spec], { PORT: String(rawPort) });
  await new Promise((r) => setTimeout(r, 300));
  const load = (base, path) =>
    new Promise((resolve, reject) => autocannon({ url: base + path, connections: 32, duration: 5, headers }, (e, out) => (e ? reject(e) : resolve(out))));
  const tput = [['32 connections, 5 s', 'app req/s', 'raw req/s', 'app/raw', 'app p99 ms']];
  for (const [name, p] of Object.entries(fixed)) {
    const a = await load(url, p);
    const b = await load(`http://127.0.0.1:${rawPort}`, p);
    tput.push([name, fmt(a.requests.average), fmt(b.requests.average), `${fmt((100 * a.requests.average) / b.requests.average, 1)}%`, fmt(a.latency.p99, 1)]);
    results[`${name}Rps`] = { app: a.requests.average, raw: b.requests.average };
  }
  console.log(table(tput));
  console.log(`list page: ${kb(results.listBytes)} gzip (target ≤ 30 KB, CSS cached separately)`);
  writeFigures('disclosure', [
    { name: 'list page p95', value: results.list.p95, unit: 'ms', target: '< 30', meets: results.list.p95 < 30 },
    { name: 'search p95', value: results.search.p95, unit: 'ms', target: '< 30', meets: results.search.p95 < 30 },
    { name: 'API search p95', value: results.api.p95, unit: 'ms', target: '—', meets: null },
    {
      name: 'list page req/s',
      value: results.listRps.app,
      unit: '/s',
      target: '—',
      meets: null,
      baseline: { name: 'raw node:http, same bytes', value: results.listRps.raw },
    },
    { name: 'list page, gzip', value: results.listBytes / 1024, unit: 'KB', target: '≤ 30', meets: results.listBytes <= 30 * 1024 },
  ]);
  await stop(raw);
  await stop(server);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
