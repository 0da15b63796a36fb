// A newcomer finds their commune from the home page and learns where it came from: on 01/07/2025
// Xã Xuân Dương was formed from Đổng Xá, Liêm Thủy and the old Xuân Dương (Resolution 1676/NQ-UBTVQH15
// item 70). Someone who only knows the old name, typed without diacritics, still finds the new one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { launchBrowser, newPage, seenText, shows } from './browser.js';

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

describe('a newcomer browses a commune and its history', () => {
  beforeAll(async () => {
    page = await newPage(browser);
  });

  it('picks Xã Xuân Dương under Tỉnh Thái Nguyên on the home page and sees its demo villages', async () => {
    await page.goto(`${server.url}/`);
    const province = await shows(page.getByRole('region', { name: 'Tỉnh Thái Nguyên' }));
    await province.getByRole('link', { name: 'Xã Xuân Dương', exact: true }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Xã Xuân Dương' }));
    expect(await page.title()).toContain('Xã Xuân Dương');

    // The villages on the page are exactly the commune's villages in the database, each marked as demo data.
    const xd = await server.deps.db.selectFrom('units').select('id').where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    expect(page.url()).toBe(`${server.url}/units/${xd.id}`);
    const villagesInDb = await server.deps.db.selectFrom('units').select(['name', 'is_demo']).where('parent_id', '=', xd.id).orderBy('name').execute();
    expect(villagesInDb.length).toBeGreaterThan(0);
    expect(villagesInDb.every((v) => v.is_demo === 1)).toBe(true);

    const villages = page.getByRole('region', { name: 'Thôn, tổ dân phố' });
    const items = villages.getByRole('listitem');
    const texts = (await items.allInnerTexts()).map((s) => s.trim());
    expect(texts).toHaveLength(villagesInDb.length);
    for (const text of texts) expect(text).toMatch(/Dữ liệu mẫu$/);
    const names = await villages.getByRole('link').allInnerTexts();
    expect(names.map((n) => n.trim()).sort()).toEqual(villagesInDb.map((v) => v.name).sort());
  });

  it('reads in its history that it was formed from Đổng Xá, Liêm Thủy and Xuân Dương', async () => {
    const history = page.getByRole('region', { name: 'Lịch sử' });
    await shows(history.getByText('Thành lập từ'));
    const predecessors = history.getByRole('listitem');
    const lines = (await predecessors.allInnerTexts()).map((s) => s.trim());
    expect(lines).toHaveLength(3);
    for (const [name, code] of [
      ['Xã Đổng Xá', '02194'],
      ['Xã Liêm Thủy', '02197'],
      ['Xã Xuân Dương', '02191'],
    ]) {
      expect(lines).toContainEqual(expect.stringContaining(`${name} → Xã Xuân Dương từ 01/07/2025`));
      await shows(history.getByRole('link', { name: `${name}, ${code}` }));
    }
  });

  it('finds Xã Đổng Xá by typing "dong xa" without diacritics, and learns it became Xã Xuân Dương on 01/07/2025', async () => {
    await page.goto(`${server.url}/`);
    const search = page.getByRole('search');
    await search.getByLabel('Tìm xã, phường, thôn').fill('dong xa');
    await search.getByRole('button', { name: 'Tìm' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Kết quả tìm kiếm' }));
    expect(new URL(page.url()).searchParams.get('q')).toBe('dong xa');

    await page.getByRole('main').getByRole('link', { name: 'Xã Đổng Xá', exact: true }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Xã Đổng Xá' }));
    const history = page.getByRole('region', { name: 'Lịch sử' });
    expect(await seenText(history)).toContain('Xã Đổng Xá → Xã Xuân Dương từ 01/07/2025');

    // The successor link leads to the commune as it is today.
    await history.getByRole('link', { name: 'Xã Xuân Dương', exact: true }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Xã Xuân Dương' }));
    await shows(page.getByRole('region', { name: 'Thôn, tổ dân phố' }));
  });
});
