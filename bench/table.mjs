// The one benchmark table (issue 10 item 8): every module's headline figures beside its target, its
// own baseline of the same run, and the ratio to the raw node:http server measured by bench/run.mjs
// in the same `npm run bench`. Reads the <module>.json files that bench scripts write through
// writeFigures() (bench/lib.mjs) into BENCH_TABLE_DIR (or the directory given as argument).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, table } from './lib.mjs';

const dir = process.argv[2] ?? process.env.BENCH_TABLE_DIR;
if (!dir) {
  console.error('usage: node bench/table.mjs <dir>   (or BENCH_TABLE_DIR=<dir>)');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const all = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
// The platform first (it carries the raw server), then the modules by name.
all.sort((a, b) => (a.module.startsWith('platform') ? 0 : 1) - (b.module.startsWith('platform') ? 0 : 1) || a.module.localeCompare(b.module));
const raw = all.find((m) => m.raw)?.raw;

/** A figure over the raw node:http server of the same run: latency over its p99, a rate over its req/s. */
function overRaw(f) {
  if (!raw) return 'no raw run';
  if (f.unit === 'ms') return `${fmt(f.value / raw.p99Ms, 1)}×`;
  if (f.unit === '/s') return `${fmt((100 * f.value) / raw.rps, 1)}%`;
  return '—';
}
const digits = (f) => (f.unit === '/s' ? 0 : 1);

const rows = [['module', 'figure', 'value', 'target', 'meets', 'own baseline (same run)', 'value ÷ baseline', 'vs raw node:http']];
for (const m of all)
  for (const f of m.figures)
    rows.push([
      m.module,
      f.name,
      `${fmt(f.value, digits(f))} ${f.unit}`,
      f.target,
      f.meets === null || f.meets === undefined ? '—' : f.meets ? 'yes' : 'NO',
      f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value, digits(f))} ${f.unit}` : '—',
      f.baseline ? `${fmt(f.value / f.baseline.value, 2)}×` : '—',
      overRaw(f),
    ]);
console.log('\n== Summary: every module against its target and the raw node:http server of this run ==');
if (raw)
  console.log(
    `raw node:http (bench/raw-server.mjs, commune home bytes, 32 connections): ${fmt(raw.rps)} req/s, p50 ${fmt(raw.p50Ms, 1)} ms, p99 ${fmt(raw.p99Ms, 1)} ms; ` +
      `machine busy before the run: ${raw.machineBusyBefore == null ? '?' : `${fmt(raw.machineBusyBefore)}%`}`,
  );
console.log(table(rows));
console.log('vs raw node:http: a latency (ms) over the raw p99; a rate (/s) as a share of the raw req/s.');
const missing = all.flatMap((m) => m.figures.filter((f) => f.meets === false).map((f) => `${m.module}: ${f.name}`));
console.log(missing.length ? `targets missed: ${missing.join('; ')}` : 'every figure with a target meets it.');
