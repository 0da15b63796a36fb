// Monitoring benchmark (issue 9): a province of 92 communes, ~2,000 villages, 300,000 households and
// two years of activity (feedback, disclosure plans, votes, dialogues, QR ratings, audit entries,
// monitoring records), on SQLite. Uses `danchu seed --scale province` when the build has it, else the
// demo plus the synthetic rows generated here, and ten monitoring records per unit. Then, on the built
// server on 127.0.0.1:
//   1. the province dashboard (92 communes ranked, 8 quarters of trend), a commune's dashboard and the
//      open data: the first (cold) request, then one request at a time interleaved with GET /healthz
//      as the in-run baseline;
//   2. with 1,000,000 more monitoring records, on a fresh server, a streamed Excel export
//      (GET /monitoring/units/<province>/indicators.xlsx) with the server's peak RSS (VmHWM).
// Figures, not pass/fail. Targets: dashboard p95 < 300 ms; export peak RSS < 200 MB.
// Environment: BENCH_REQUESTS (20), BENCH_RECORDS (1000000), BENCH_KEEP=1 (keep the database).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fmt, freePort, get, start, stop, table, waitFor200 } from './lib.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'danchu-bench-mon-'));
const dbFile = join(dir, 'bench.sqlite');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', NODE_ENV: 'development', MICROCACHE_MS: '0' };
const hwm = (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function generate(db) {
  const prov = db.prepare("select id, path from units where code = '19' and valid_to is null").get();
  const communes = db.prepare("select id, path from units where parent_id = ? and level in ('commune','ward','town')").all(prov.id);
  let next = db.prepare('select max(id) m from units').get().m + 1;
  const insUnit = db.prepare(
    'insert into units (id, code, name, name_folded, level, parent_id, valid_from, valid_to, successor_id, path, is_demo, note) values (?,?,?,?,?,?,?,null,null,?,0,null)',
  );
  const insHh = db.prepare(
    'insert into households (unit_id, code, address, is_demo, valid_from, valid_to, authorised_representative) values (?,?,?,0,null,null,null)',
  );
  const villages = [];
  for (const c of communes) villages.push(...db.prepare('select id, path, parent_id from units where parent_id = ?').all(c.id));
  db.transaction(() => {
    for (let i = communes.length; i < 92; i++) {
      const id = next++;
      const path = `${prov.path}${id}/`;
      insUnit.run(id, `B${i}`, `Xã Mẫu ${i}`, `xa mau ${i}`, 'commune', prov.id, '2025-07-01', path);
      communes.push({ id, path });
    }
    for (const c of communes) {
      const have = villages.filter((v) => v.parent_id === c.id).length;
      for (let j = have; j < 22; j++) {
        const id = next++;
        const path = `${c.path}${id}/`;
        insUnit.run(id, `V${id}`, `Thôn ${j + 1}`, `thon ${j + 1}`, 'village', c.id, '2025-07-01', path);
        villages.push({ id, path, parent_id: c.id });
      }
    }
    let hh = 0;
    for (const v of villages) for (let k = 0; k < 150 && hh < 300_000; k++, hh++) insHh.run(v.id, `S${v.id}-${k}`, `Hộ ${k}, ${v.id}`);
  })();
  const disclosure = db.prepare("select id from disclosures where status = 'published' limit 1").get()?.id ?? null;
  const qr = db.prepare('select id from qr_points limit 1').get()?.id;
  const insPlan = db.prepare(
    'insert into disclosure_plan_items (unit_id, year, key, category, title, period, due_date, disclosure_id) values (?,?,?,?,?,?,?,?)',
  );
  const insFb = db.prepare(
    "insert into feedback_items (tracking_code, commune_id, kind, category, channel, title, content, anonymous, handler_unit_id, status, received_on, accept_due, due_on, answered_on, rating, created_at, updated_at) values (?,?,'petition','other','web','x','x',0,?,?,?,?,?,?,?,?,?)",
  );
  const insMatter = db.prepare(
    "insert into matters (unit_id, scope, item, kind, title, description, proposer, status, created_at, updated_at) values (?, 'village', 1, 'general', 'x', 'x', 'village_head', 'adopted', ?, ?)",
  );
  const insVote = db.prepare(
    "insert into votes (matter_id, unit_id, form, status, vote_date, notice_on, submitted_on, created_at, updated_at) values (?,?,?,'submitted',?,?,?,?,?)",
  );
  const insDlg = db.prepare(
    "insert into dialogues (unit_id, agency_id, topic, place, starts_at, year, co_organiser, status, held_on, created_by, created_at, updated_at) values (?, null, 'x', 'x', ?, ?, 'MTTQ', 'held', ?, 'bench', ?, ?)",
  );
  const insRating = db.prepare('insert into service_ratings (qr_point_id, commune_id, month, overall, created_at) values (?,?,?,?,?)');
  const insAudit = db.prepare(
    "insert into audit_log (seq, at, actor_user_id, actor_label, action, entity_type, entity_id, unit_id, data, prev_hash, hash) values (?,?,null,'bench','bench.act','bench',?,?,'{}',?,?)",
  );
  const day = (y, n) => new Date(Date.UTC(y, 0, 1 + (n % 360))).toISOString().slice(0, 10);
  let seq = db.prepare('select max(seq) m from audit_log').get().m ?? 0;
  db.transaction(() => {
    let f = 0;
    for (const y of [2025, 2026])
      for (const [ci, c] of communes.entries()) {
        for (let k = 0; k < 40; k++) insPlan.run(c.id, y, `b${k}`, 1 + (k % 8), 'x', 'year', day(y, k * 9), k % 3 === 0 ? null : disclosure);
        for (let k = 0; k < 800; k++, f++) {
          const rec = day(y, k);
          const answered = k % 5 !== 0;
          insFb.run(
            `B-${f}`,
            c.id,
            c.id,
            answered ? 'answered' : 'received',
            rec,
            day(y, k + 10),
            day(y, k + 10),
            answered ? day(y, k + (k % 7 === 0 ? 14 : 6)) : null,
            k % 4 === 0 ? 'satisfied' : null,
            `${rec}T02:00:00Z`,
            `${rec}T02:00:00Z`,
          );
        }
        if (ci % 3 !== 0) insDlg.run(c.id, `${day(y, 140)}T01:00:00Z`, y, day(y, 140), `${day(y, 120)}T00:00:00Z`, `${day(y, 140)}T00:00:00Z`);
        if (qr) for (let k = 0; k < 300; k++) insRating.run(qr, c.id, day(y, k).slice(0, 7), 1 + (k % 3), `${day(y, k)}T03:00:00Z`);
      }
    for (const y of [2025, 2026])
      for (const [i, v] of villages.entries())
        for (let k = 0; k < 2; k++) {
          const m = insMatter.run(v.id, `${day(y, 30)}T00:00:00Z`, `${day(y, 30)}T00:00:00Z`).lastInsertRowid;
          const vd = day(y, 60 + k * 150 + (i % 30));
          insVote.run(m, v.id, k === 0 ? 'meeting' : 'online', vd, day(y, 50), day(y, 63 + k * 150 + (i % 30) + (i % 9)), `${vd}T00:00:00Z`, `${vd}T00:00:00Z`);
        }
    const all = [...communes, ...villages];
    for (let k = 0; k < 300_000; k++) {
      const u = all[(k * 7919) % all.length];
      if (k % 5 === 0) continue; // some units stay inactive
      insAudit.run(++seq, `${day(2025 + (k % 2), k)}T04:00:00.000Z`, String(k), u.id, `p${seq}`, `h${seq}`);
    }
  })();
  return { prov, communes, villages };
}

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
  const scale = start('node', ['dist/src/main.js', 'seed', '--scale', 'province'], env);
  // Older builds take `seed --scale province` as a plain seed: count the communes to know.
  let scaled = (await scale.exited).code === 0;
  if (scaled) {
    const probe = new Database(dbFile, { readonly: true });
    const n = probe.prepare("select count(*) n from units u join units p on p.id = u.parent_id where p.code = '19' and u.level in ('commune','ward')").get().n;
    probe.close();
    scaled = n >= 80;
  }
  if (!scaled) {
    for (const f of ['', '-wal', '-shm']) rmSync(dbFile + f, { force: true });
    const seed = start('node', ['dist/src/main.js', 'seed', '--demo'], env);
    const r = await seed.exited;
    if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  }
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  let units;
  if (scaled) {
    const prov = db.prepare("select id, path from units where code = '19' and valid_to is null").get();
    units = db.prepare("select id from units where path like ? and level in ('commune','village')").all(`${prov.path}%`);
    console.log(`seed --scale province: ${fmt((performance.now() - t0) / 1000, 1)} s`);
  } else {
    const g = generate(db);
    units = [...g.communes, ...g.villages];
    console.log(
      `seed --scale province not in this build: generated ${fmt(g.communes.length)} communes, ${fmt(g.villages.length)} villages in ${fmt((performance.now() - t0) / 1000, 1)} s`,
    );
  }
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
  const prov = (await (await fetch(`${url}/monitoring`, { redirect: 'manual' })).headers.get('location')).split('/').pop();
  const commune = (await (await fetch(`${url}/api/v1/indicators?unit=${prov}&period=2026`)).json()).items.find((i) => i.unit.id !== Number(prov)).unit.id;
  const paths = {
    healthz: '/healthz',
    'province dashboard (92 communes, 8-quarter trend)': `/monitoring/units/${prov}?period=2026`,
    'commune dashboard (22 villages)': `/monitoring/units/${commune}?period=2026`,
    'open data JSON, province': `/api/v1/indicators?unit=${prov}&period=2026-Q2`,
  };
  const headers = { accept: 'text/html', cookie };
  // The first request of each page computes its figures (the dashboard keeps them for a minute, CACHE_MS):
  // that cold time is what a council member waits for once a minute per unit and period.
  const cold = [['first request (cold: computes every indicator)', 'ms']];
  for (const [name, p] of Object.entries(paths)) {
    const t = performance.now();
    await get(url + p, headers, 60_000);
    cold.push([name, fmt(performance.now() - t, 1)]);
  }
  console.log(table(cold));
  for (let i = 0; i < 2; i++) for (const p of Object.values(paths)) await get(url + p, headers, 60_000);
  const lat = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let i = 0; i < REQUESTS; i++)
    for (const [name, p] of Object.entries(paths)) {
      const t = performance.now();
      const r = await get(url + p, headers, 60_000);
      lat[name].push(performance.now() - t);
      if (r.status !== 200) throw new Error(`${name}: status ${r.status}\n${server.output.slice(-3000)}`);
    }
  const q = (xs, f) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))];
  for (const xs of Object.values(lat)) xs.sort((a, b) => a - b);
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
  const before = { rss: rss(pid), hwm: hwm(pid) };
  t0 = performance.now();
  const res = await fetch(`${url}/monitoring/units/${prov}/indicators.xlsx?period=2026`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`export: status ${res.status}\n${server.output.slice(-3000)}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  const secs = (performance.now() - t0) / 1000;
  console.log(
    table([
      ['streamed Excel export', 'rows', 'MB', 's', 'server RSS before MB', 'server peak RSS (VmHWM) MB'],
      ['/monitoring/units/<province>/indicators.xlsx', fmt(RECORDS), fmt(bytes / 1e6, 1), fmt(secs, 1), fmt(before.rss), fmt(hwm(pid))],
    ]),
  );

  await stop(server);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
