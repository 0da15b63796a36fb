import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage } from './browser.js';

let server: TestServer;
let browser: any;
beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'base' }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
it('axe detects', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/sign-in`);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  console.log('passes', r.passes.length, r.passes.map((p) => p.id).join(','), 'incomplete', r.incomplete.map((p) => p.id + ':' + p.nodes.length).join(','));
  await page.evaluate(() => {
    const i = document.createElement('img');
    i.src = 'data:,';
    document.querySelector('main')!.append(i);
    const inp = document.createElement('input');
    document.querySelector('main')!.append(inp);
  });
  const err = await expectNoAxeViolations(page).then(
    () => null,
    (e) => e,
  );
  console.log(String(err?.message));
  expect(err).not.toBeNull();
});
