#!/usr/bin/env node
// Browser tests (vitest project `e2e`, test/e2e/**/*.spec.ts) in a real Chromium. Called by
// `npm test` after the unit and database tests, and by `npm run test:e2e`.
//
// Chromium is looked up at $CHROMIUM_PATH, then /usr/bin/chromium, then /usr/bin/chromium-browser.
// Without it the browser tests are skipped LOUDLY (exit 0) on a developer machine, but fail the
// run (exit 1) when CI=true: a CI run that silently tested no page would be a lie.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p) => typeof p === 'string' && p !== '');

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const chromium = candidates.find(isExecutableFile);
if (process.env.CHROMIUM_PATH && !isExecutableFile(process.env.CHROMIUM_PATH)) {
  process.stderr.write(`WARNING: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file${chromium ? `; using ${chromium} instead` : ''}.\n`);
}
const isCi = /^(1|true|yes)$/i.test(process.env.CI ?? '');

if (!chromium) {
  const rule = '!'.repeat(78);
  const looked = candidates.map((p) => `!!!   - ${p}`).join('\n');
  process.stderr.write(
    [
      '',
      rule,
      rule,
      '!!!',
      '!!!   BROWSER TESTS SKIPPED: Chromium not found; install with apt-get install -y chromium',
      '!!!',
      '!!!   Looked at ($CHROMIUM_PATH, then the usual places):',
      looked,
      '!!!',
      '!!!   No page was opened in a browser: sign-in, permissions and accessibility (WCAG 2.1 AA)',
      '!!!   were NOT checked. Install Chromium, or set CHROMIUM_PATH=/path/to/chromium.',
      isCi ? '!!!   CI=true: this is a failure (exit 1).' : '!!!   (Exit 0 on a developer machine; with CI=true this run would fail.)',
      '!!!',
      rule,
      rule,
      '',
      '',
    ].join('\n'),
  );
  process.exit(isCi ? 1 : 0);
}

const args = ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)];
process.stdout.write(`Browser tests with Chromium at ${chromium}\n`);
const result = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
if (result.error) {
  process.stderr.write(`Could not start vitest: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
