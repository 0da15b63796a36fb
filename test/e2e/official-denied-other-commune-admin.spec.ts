// A commune's household register is personal data (Decree 13/2023): a commune official sees their
// own commune's register, never another commune's. canbo.nari works for Xã Na Rì (02155); Xã Văn
// Lang (02143) is the neighbouring commune of the same former district.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { launchBrowser, newPage, shows, signInOfficial } from './browser.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The id of the commune holding `code` today, as the public API gives it. */
async function communeId(code: string): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/units?code=${code}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: { id: number; code: string; level: string; current: boolean }[] };
  expect(body.items).toHaveLength(1);
  expect(body.items[0]).toMatchObject({ code, level: 'commune', current: true });
  return body.items[0]!.id;
}

describe("a commune official and another commune's household register", () => {
  let vanLang: number;
  let naRi: number;

  beforeAll(async () => {
    [vanLang, naRi] = await Promise.all([communeId('02143'), communeId('02155')]);
    page = await newPage(browser);
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const anon = await newPage(browser);
    await anon.goto(`${server.url}/units/${naRi}/households`);
    await shows(anon.getByRole('heading', { level: 1, name: 'Đăng nhập' }));
    expect(new URL(anon.url()).searchParams.get('next')).toBe(`/units/${naRi}/households`);
    expect(await anon.content()).not.toContain('Mã hộ');
    await anon.context().close();
  });

  it("canbo.nari is refused Xã Văn Lang's register with 403 and a Vietnamese message", async () => {
    await signInOfficial(page, server.url, 'canbo.nari');
    const res = await page.goto(`${server.url}/units/${vanLang}/households`);
    expect(res?.status()).toBe(403);
    await shows(page.getByRole('main').getByText('Bạn không có quyền'));
    // Nothing of the register leaks: not the title, not a village, not a household.
    const html = await page.content();
    expect(html).not.toContain('Sổ hộ gia đình: Xã Văn Lang');
    const vanLangVillages = await server.deps.db.selectFrom('units').select('name').where('parent_id', '=', vanLang).execute();
    expect(vanLangVillages.length).toBeGreaterThan(0);
    for (const v of vanLangVillages) expect(html).not.toContain(`>${v.name}<`);
    // Still signed in: a refusal is not a sign-out.
    await shows(page.getByRole('button', { name: /^Đăng xuất/ }));
  });

  it("canbo.nari opens Xã Na Rì's own register (200) and sees its villages", async () => {
    const res = await page.goto(`${server.url}/units/${naRi}/households`);
    expect(res?.status()).toBe(200);
    await shows(page.getByRole('heading', { level: 1, name: 'Sổ hộ gia đình: Xã Na Rì' }));
    const villages = await server.deps.db.selectFrom('units').select('name').where('parent_id', '=', naRi).orderBy('name').execute();
    expect(villages.length).toBeGreaterThan(0);
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(villages.length + 1);
    for (const v of villages) await shows(page.getByRole('table').getByRole('link', { name: v.name, exact: true }));

    // One step down, a village's register lists its households.
    await page.getByRole('table').getByRole('link', { name: villages[0]!.name, exact: true }).click();
    await shows(page.getByRole('heading', { level: 1, name: `Sổ hộ gia đình: ${villages[0]!.name}` }));
    expect(await page.getByRole('columnheader', { name: 'Mã hộ' }).count()).toBe(1);
  });
});
