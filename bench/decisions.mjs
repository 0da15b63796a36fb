// Decisions benchmark (issue 4): (a) 10,000 households vote online on one ballot over 64 keep-alive
// connections against the built server on 127.0.0.1 with SQLite — votes/s and p99 next to GET /healthz
// on the same server in the same run, then a check that every vote was taken exactly once and that a
// second round of the same votes is refused; (b) communeTally over 1,000,000 household ballots in 2,000
// villages, next to a plain count(*) of the same table. Figures, not pass/fail; targets are printed.
// Targets: ≥ 1,500 votes/s; tally < 1 s. Run after `npm run build` (npm run bench does both).
//
// Environment: BENCH_HOUSEHOLDS (10000), BENCH_CONNECTIONS (64), BENCH_BALLOTS (1000000),
// BENCH_VILLAGES (2000), BENCH_KEEP=1 keeps the database file, BENCH_PROF=<dir> profiles the server.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { cpuMs, fmt, freePort, machineLoad, machineTicks, median, start, stop, table, waitFor200, writeFigures } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 1_000_000);
const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 2_000);
const TARGET = { votesPerSecond: 1500, tallyMs: 1000 };
/** Headline figures for the summary table (bench/table.mjs). */
const figures = [];

const dir = mkdtempSync(join(os.tmpdir(), 'danchu-bench-dec-'));
const dbFile = join(dir, 'bench.sqlite');
const SECRET = randomBytes(32).toString('hex');
const env = { DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', SESSION_SECRET: SECRET, MICROCACHE_MS: '0' };
const NOW = new Date();
const iso = (ms) => new Date(NOW.getTime() + ms).toISOString();
const sha256 = (s) => createHash('sha256').update(s).digest('hex');
// As the server computes it (src/platform/http/context.ts csrfFor).
const csrfFor = (seed) => createHmac('sha256', SECRET).update(`csrf:${seed}`).digest('base64url');
const OPTIONS = [
  ['agree', 'Đồng ý'],
  ['disagree', 'Không đồng ý'],
  ['other', 'Ý kiến khác'],
];

/** A village under the demo commune 02191, inserted directly. */
function insertVillage(db, commune, code, name) {
  const id = db
    .prepare(
      "insert into units (code, name, name_folded, level, parent_id, valid_from, valid_to, successor_id, path, is_demo, note) values (?, ?, ?, 'village', ?, null, null, null, '/', 1, 'bench')",
    )
    .run(code, name, name.toLowerCase(), commune.id).lastInsertRowid;
  db.prepare('update units set path = ? where id = ?').run(`${commune.path}${id}/`, id);
  return Number(id);
}

function insertMatterAndVote(db, unitId, scope, item, form, villageIds) {
  const at = NOW.toISOString();
  const matter = db
    .prepare(
      "insert into matters (unit_id, scope, item, kind, title, description, proposer, status, created_at, updated_at) values (?, ?, ?, 'general', ?, ?, 'village_head', 'open', ?, ?)",
    )
    .run(unitId, scope, item, 'Giờ phát loa truyền thanh buổi sáng', 'Đổi giờ phát loa từ 5 giờ 30 sang 6 giờ.', at, at).lastInsertRowid;
  const vote = db.prepare(
    "insert into votes (matter_id, unit_id, form, status, vote_date, opens_at, closes_at, notice_on, created_at, updated_at) values (?, ?, ?, 'scheduled', ?, ?, ?, ?, ?, ?)",
  );
  const opt = db.prepare('insert into vote_options (vote_id, key, label, sort) values (?, ?, ?, ?)');
  const votes = villageIds.map((v) => {
    const id = Number(vote.run(matter, v, form, at.slice(0, 10), iso(-3_600_000), iso(86_400_000), at.slice(0, 10), at, at).lastInsertRowid);
    OPTIONS.forEach(([k, l], i) => {
      opt.run(id, k, l, i);
    });
    return id;
  });
  return { matter: Number(matter), votes };
}

/** 10,000 households, each with its representative, a resident account, the role and a live session. */
function setUpVoters(db, commune) {
  const village = insertVillage(db, commune, '02191-B1', 'Thôn Đo Tải');
  const hh = db.prepare("insert into households (unit_id, code, address, is_demo) values (?, ?, 'Thôn Đo Tải, Xã Xuân Dương', 1)");
  const rs = db.prepare(
    "insert into residents (household_id, full_name, birth_year, gender, phone, relation, is_representative) values (?, ?, 1970, null, ?, 'chủ hộ', 1)",
  );
  const us = db.prepare("insert into users (kind, phone, display_name, resident_id, created_at, is_demo) values ('resident', ?, ?, ?, ?, 1)");
  const gr = db.prepare("insert into role_grants (user_id, role, unit_id, granted_at) values (?, 'household_representative', ?, ?)");
  const ss = db.prepare("insert into sessions (id, user_id, stage, csrf_secret, created_at, expires_at) values (?, ?, 'full', ?, ?, ?)");
  const voters = [];
  db.transaction(() => {
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const h = hh.run(village, `B${String(i + 1).padStart(5, '0')}`).lastInsertRowid;
      const phone = `08${String(10_000_000 + i)}`;
      const r = rs.run(h, `Người đại diện hộ ${i + 1}`, phone).lastInsertRowid;
      const u = us.run(phone, `Người đại diện hộ ${i + 1}`, r, NOW.toISOString()).lastInsertRowid;
      gr.run(u, village, NOW.toISOString());
      const token = randomBytes(32).toString('base64url');
      const seed = randomBytes(16).toString('base64url');
      ss.run(sha256(token), u, seed, NOW.toISOString(), iso(86_400_000));
      const [key] = OPTIONS[i % 3];
      const body = `_csrf=${encodeURIComponent(csrfFor(seed))}&choice=${key}${key === 'other' ? `&otherText=${encodeURIComponent(`Ý kiến số ${i}`)}` : ''}`;
      voters.push({ cookie: `dc_sid=${token}`, body });
    }
  })();
  const { votes } = insertMatterAndVote(db, village, 'village', 6, 'online', [village]);
  return { voteId: votes[0], voters };
}

/** Sends `n` requests over `connections` keep-alive sockets; latencies in ms and status counts. */
async function load(port, n, connections, make, check) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const lat = new Array(n);
  const statuses = {};
  let bad = 0;
  let next = 0;
  const one = (i) =>
    new Promise((resolveOne, reject) => {
      const { method, path, headers, body } = make(i);
      const t = performance.now();
      const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          lat[i] = performance.now() - t;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          const raw = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          if (!check(i, res.statusCode, text)) bad++;
          resolveOne();
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < n) await one(next++);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const q = (f) => lat[Math.min(n - 1, Math.floor(f * n))];
  return { rate: n / seconds, seconds, p50: q(0.5), p99: q(0.99), max: lat[n - 1], statuses, bad };
}

async function voting(db, commune) {
  console.log(`== (a) ${fmt(HOUSEHOLDS)} households vote online, ${CONNECTIONS} connections ==`);
  const t0 = performance.now();
  const { voteId, voters } = setUpVoters(db, commune);
  console.log(`set up ${fmt(HOUSEHOLDS)} households, accounts and sessions in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  db.close();

  const port = await freePort();
  // BENCH_PROF=<dir>: the server writes a CPU profile there when it stops.
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const server = start(process.execPath, [...prof, MAIN, 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const out = {};
  try {
    await waitFor200(`http://127.0.0.1:${port}/readyz`, server);
    const health = () => ({ method: 'GET', path: '/healthz', headers: {} });
    const voteReq = (i) => ({
      method: 'POST',
      path: `/votes/${voteId}/ballot`,
      headers: { cookie: voters[i].cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'accept-encoding': 'gzip' },
      body: voters[i].body,
    });
    await load(port, 3000, CONNECTIONS, health, () => true); // warm-up
    // Each round with the server's CPU and the share of the machine used by anything else ("other
    // CPU"): the machine is shared, and only rows where that share is small are worth comparing.
    const round = async (make, check) => {
      const m0 = machineTicks();
      const s0 = cpuMs(server.pid);
      const c0 = process.cpuUsage();
      const r = await load(port, HOUSEHOLDS, CONNECTIONS, make, check);
      const c = process.cpuUsage(c0);
      const s1 = cpuMs(server.pid);
      const m = machineLoad(m0, machineTicks());
      const serverMs = s0 === null || s1 === null ? null : s1 - s0;
      const ownShare = serverMs === null ? 0 : (serverMs + (c.user + c.system) / 1000) / (r.seconds * 1000 * os.cpus().length);
      return { ...r, serverMsPerReq: serverMs === null ? null : serverMs / HOUSEHOLDS, other: m ? Math.max(0, m.busy - ownShare) : null };
    };
    const base = await round(health, (_i, s) => s === 200);
    const votes = await round(voteReq, (_i, s, body) => s === 200 && /class="code">[0-9A-Z]{5}-[0-9A-Z]{5}</.test(body));
    const again = await round(voteReq, (_i, s, body) => s === 409 && body.includes('Hộ của bạn đã biểu quyết'));
    const row = (name, r) => [
      name,
      fmt(r.rate),
      fmt(r.p50, 1),
      fmt(r.p99, 1),
      fmt(r.max, 1),
      r.serverMsPerReq === null ? '?' : fmt(r.serverMsPerReq, 3),
      r.other === null ? '?' : `${fmt(100 * r.other)}%`,
      JSON.stringify(r.statuses),
      r.bad,
    ];
    console.log(
      table([
        [
          `${fmt(HOUSEHOLDS)} requests, ${CONNECTIONS} connections`,
          'req/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'server CPU ms/req',
          'other CPU',
          'statuses',
          'wrong',
        ],
        row('GET /healthz (baseline)', base),
        row('POST a vote (first round)', votes),
        row('POST the same votes again', again),
      ]),
    );
    console.log(`votes/baseline: ${fmt((100 * votes.rate) / base.rate, 1)}%`);
    console.log(`target ≥ ${fmt(TARGET.votesPerSecond)} votes/s: ${votes.rate >= TARGET.votesPerSecond ? 'meets' : 'MISSES'}`);
    Object.assign(out, { base, votes, again });
    figures.push({
      name: 'online votes/s',
      value: votes.rate,
      unit: '/s',
      target: `≥ ${fmt(TARGET.votesPerSecond)}`,
      meets: votes.rate >= TARGET.votesPerSecond,
      baseline: { name: 'GET /healthz', value: base.rate },
    });
  } finally {
    await stop(server);
  }
  const check = new Database(dbFile, { readonly: true });
  const receipts = check.prepare('select count(*) n from vote_receipts where vote_id = ?').get(voteId).n;
  const ballots = check.prepare('select count(*) n from vote_ballots where vote_id = ?').get(voteId).n;
  const households = check.prepare('select count(distinct household_id) n from vote_receipts where vote_id = ?').get(voteId).n;
  const counts = check.prepare('select option_key, count(*) n from vote_ballots where vote_id = ? group by option_key order by option_key').all(voteId);
  check.close();
  const exact = receipts === HOUSEHOLDS && ballots === HOUSEHOLDS && households === HOUSEHOLDS && out.votes.bad === 0 && out.again.bad === 0;
  console.log(
    `stored: ${fmt(receipts)} receipts (${fmt(households)} households), ${fmt(ballots)} ballots (${counts.map((c) => `${c.option_key} ${fmt(c.n)}`).join(', ')}); ` +
      `every vote accepted exactly once and every repeat refused: ${exact ? 'yes' : 'NO'}\n`,
  );
  if (!exact) process.exitCode = 1;
}

async function tally(commune) {
  console.log(`== (b) communeTally: ${fmt(BALLOTS)} household ballots across ${fmt(VILLAGES)} villages ==`);
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const t0 = performance.now();
  const villages = [];
  db.transaction(() => {
    for (let i = 0; i < VILLAGES; i++) villages.push(insertVillage(db, commune, `02191-T${i}`, `Thôn thử ${i}`));
  })();
  const { matter, votes } = insertMatterAndVote(db, commune.id, 'commune', 1, 'household_ballot', villages);
  const ins = db.prepare('insert into vote_ballots (vote_id, receipt_hash, option_key, other_text) values (?, ?, ?, null)');
  const per = Math.floor(BALLOTS / VILLAGES);
  const keys = ['agree', 'agree', 'disagree', 'other'];
  db.transaction(() => {
    votes.forEach((v, vi) => {
      const n = vi === votes.length - 1 ? BALLOTS - per * (VILLAGES - 1) : per;
      // Random hashes, inserted in key order so that loading is quick; the order tells nothing.
      const rows = Array.from({ length: n }, () => randomBytes(32).toString('hex')).sort();
      for (const h of rows) ins.run(v, h, keys[h.charCodeAt(0) & 3]);
    });
  })();
  db.pragma('optimize');
  console.log(`inserted in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  db.close();

  const { openDb } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'db', 'index.js')).href);
  const { communeTally } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'modules', 'decisions', 'tally.js')).href);
  const { sql } = await import('kysely');
  const handle = openDb(`sqlite:${dbFile}`);
  const runs = { tally: [], count: [] };
  let result;
  let total;
  for (let i = 0; i < 6; i++) {
    let t = performance.now();
    result = await communeTally(handle.db, matter);
    runs.tally.push(performance.now() - t);
    t = performance.now();
    total = (await sql`select count(*) as n from vote_ballots`.execute(handle.db)).rows[0].n;
    runs.count.push(performance.now() - t);
  }
  await handle.close();
  const sum = result.reduce((a, v) => a + Object.values(v.counts).reduce((x, y) => x + y, 0), 0);
  const tMed = median(runs.tally.slice(1));
  const cMed = median(runs.count.slice(1));
  console.log(
    table([
      ['query (first run, then median of 5)', 'first ms', 'median ms', 'rows'],
      [`communeTally(matter) → ${fmt(result.length)} village votes`, fmt(runs.tally[0], 1), fmt(tMed, 1), fmt(sum)],
      ['select count(*) from vote_ballots (baseline)', fmt(runs.count[0], 1), fmt(cMed, 1), fmt(total)],
    ]),
  );
  console.log(`tally/baseline: ${fmt(tMed / cMed, 2)}×; target < ${fmt(TARGET.tallyMs)} ms: ${Math.max(...runs.tally) < TARGET.tallyMs ? 'meets' : 'MISSES'}`);
  figures.push({
    name: `commune tally, ${fmt(BALLOTS)} ballots (median)`,
    value: tMed,
    unit: 'ms',
    target: `< ${fmt(TARGET.tallyMs)} (max)`,
    meets: Math.max(...runs.tally) < TARGET.tallyMs,
    baseline: { name: 'count(*) of ballots', value: cMed },
  });
  if (sum !== BALLOTS || result.length !== VILLAGES) {
    console.log(`WRONG: counted ${sum} ballots in ${result.length} votes`);
    process.exitCode = 1;
  }
}

async function main() {
  console.log(`Decisions benchmark — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'})`);
  const seed = start(process.execPath, [MAIN, 'seed', '--demo'], env);
  const r = await seed.exited;
  if (r.code !== 0) throw new Error(`seed failed:\n${seed.output}`);
  const db = new Database(dbFile);
  const commune = db.prepare("select id, path from units where code = '02191' and valid_to is null").get();
  await voting(db, commune);
  await tally(commune);
  writeFigures('decisions', figures);
  if (process.env.BENCH_KEEP) console.log(`kept ${dbFile}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
