// `npm run bench`: every benchmark in one run, then one table (bench/table.mjs). A bench script is
// picked up when it calls writeFigures() (bench/lib.mjs); bench/run.mjs goes first because its raw
// node:http server is the reference of the table, and runs twice (microcache on, then off).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const dir = process.env.BENCH_TABLE_DIR ?? mkdtempSync(join(os.tmpdir(), 'danchu-bench-table-'));
const modules = readdirSync(HERE)
  .filter((f) => f.endsWith('.mjs') && !['lib.mjs', 'run.mjs', 'all.mjs', 'table.mjs'].includes(f))
  .filter((f) => /\bwriteFigures\(/.test(readFileSync(join(HERE, f), 'utf8')))
  .sort();
const runs = [['run.mjs', {}], ['run.mjs', { MICROCACHE_MS: '0', BENCH_STARTS: '1' }], ...modules.map((f) => [f, {}])];
const failed = [];
for (const [file, env] of runs) {
  console.log(
    `\n######## node bench/${file} ${Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  const r = spawnSync(process.execPath, [join(HERE, file)], { stdio: 'inherit', env: { ...process.env, ...env, BENCH_TABLE_DIR: dir } });
  if (r.status !== 0) failed.push(file);
}
spawnSync(process.execPath, [join(HERE, 'table.mjs'), dir], { stdio: 'inherit' });
console.log(`figures as JSON: ${dir}`);
if (failed.length) {
  console.log(`FAILED: ${failed.join(', ')}`);
  process.exitCode = 1;
}
