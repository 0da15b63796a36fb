// Helpers of the benchmark (bench/run.mjs): child processes, free ports, raw HTTP requests.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port the OS says is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Starts a child process; its output is kept (for error messages) but not shown. */
export function start(cmd, args, env, opts = {}) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  children.add(child);
  child.output = '';
  child.stdout.on('data', (d) => {
    child.output += d;
  });
  child.stderr.on('data', (d) => {
    child.output += d;
  });
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** Stops a child we started (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
export async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await child.exited;
  clearTimeout(t);
  children.delete(child);
}

/**
 * One GET with node:http (no decompression, unlike fetch): status, headers and the raw body bytes.
 * A fresh connection each time (agent: false).
 */
export function get(url, headers = {}, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on('error', reject);
  });
}

/**
 * Polls `url` every `everyMs` until it answers 200; resolves with the time of that answer
 * (performance.now()). Fails when the child exits or after `limitMs`.
 */
export async function waitFor200(url, child, { everyMs = 10, limitMs = 30000 } = {}) {
  const deadline = performance.now() + limitMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before ${url} answered 200:\n${child.output}`);
    }
    const tried = performance.now();
    try {
      const r = await get(url, {}, 1000);
      if (r.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${limitMs} ms:\n${child?.output ?? ''}`);
    const wait = everyMs - (performance.now() - tried);
    if (wait > 0) await sleep(wait);
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The value at fraction `f` (0.95 for p95) of latencies sorted ascending. */
export const quantile = (sorted, f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];

/**
 * Latency of GETs one at a time: `rounds` rounds over every target, interleaved, so a slow patch of the
 * shared machine hits every row (and the /healthz baseline among them) alike; `warm` rounds first.
 * A target is { name, path (a string, or a function for a fresh path each time), headers }. Any status
 * but 200 stops the bench with the server's last output. Resolves with each target's times in ms, sorted.
 */
export async function latencies(url, targets, { rounds, warm = 10, server, timeoutMs = 10_000 }) {
  const once = async (t) => {
    const path = typeof t.path === 'function' ? t.path() : t.path;
    const s = performance.now();
    const res = await get(url + path, t.headers, timeoutMs);
    const ms = performance.now() - s;
    if (res.status !== 200) throw new Error(`${t.name} ${path}: status ${res.status}\n${server?.output.slice(-3000) ?? ''}`);
    return ms;
  };
  for (let i = 0; i < warm; i++) for (const t of targets) await once(t);
  const lat = targets.map(() => []);
  for (let i = 0; i < rounds; i++) for (const [k, t] of targets.entries()) lat[k].push(await once(t));
  return lat.map((xs) => xs.sort((a, b) => a - b));
}

export const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;

/** A plain-text table: rows of cells, the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** CPU time (user + system, ms) a process has used so far; null where /proc is missing. */
export function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks, USER_HZ = 100 on Linux
  } catch {
    return null;
  }
}

/** The machine's CPU counters (/proc/stat), to tell how much time the hypervisor stole. */
export function machineTicks() {
  try {
    const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return { total: v.reduce((a, b) => a + b, 0), idle: v[3] + v[4], steal: v[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Busy and stolen share of all CPUs between two machineTicks(). */
export function machineLoad(a, b) {
  if (!a || !b || b.total === a.total) return null;
  const d = b.total - a.total;
  return { busy: 1 - (b.idle - a.idle) / d, steal: (b.steal - a.steal) / d };
}

/**
 * The one-table convention (docs/performance.md "Summary table"). A bench script calls
 * writeFigures('<module>', [...]) once at the end with its headline figures:
 *   { name, value, unit: 'ms' | '/s' | 'KB' | '%', target: '< 30' | '≥ 1500' …, meets: boolean,
 *     baseline?: { name, value } }   // its own baseline measured in the same run, if it has one
 * When BENCH_TABLE_DIR is set they are written to <dir>/<module>.json, and bench/table.mjs prints
 * every module's figures beside their targets and the raw node:http server of the same run.
 */
export function writeFigures(module, figures, extra = {}) {
  const dir = process.env.BENCH_TABLE_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${module}.json`, `${JSON.stringify({ module, date: new Date().toISOString(), figures, ...extra }, null, 2)}\n`);
}
