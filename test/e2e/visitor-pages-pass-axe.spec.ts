// Public services must be usable by people with disabilities (Law 51/2010 on persons with
// disabilities, Art. 43 — accessible information technology; WCAG 2.1 AA as the measurable bar).
// axe-core checks each page as the browser renders it, public pages and the admin's pages alike.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, shows, signInOfficial } from './browser.js';

let server: TestServer;
let browser: Browser;
let xuanDuongId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
  const xd = await server.deps.db.selectFrom('units').select('id').where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow();
  xuanDuongId = xd.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page, checks it is the page meant (status and heading), then runs axe on it. */
async function check(page: Page, path: string, status: number, heading: string | RegExp): Promise<void> {
  const res = await page.goto(`${server.url}${path}`);
  expect(res?.status(), `status of ${path}`).toBe(status);
  await shows(page.getByRole('heading', { level: 1, name: heading }).first());
  await expectNoAxeViolations(page);
}

describe('a visitor (not signed in): public pages pass axe-core WCAG 2.1 AA', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
  });

  const pages: [string, () => string, number, string | RegExp][] = [
    ['home page', () => '/', 200, 'Chọn xã, phường của bạn'],
    ['administrative units', () => '/units', 200, 'Đơn vị hành chính'],
    ['Xã Xuân Dương', () => `/units/${xuanDuongId}`, 200, 'Xã Xuân Dương'],
    ['search results for "dong xa"', () => '/search?q=dong+xa', 200, 'Kết quả tìm kiếm'],
    ['sign-in', () => '/sign-in', 200, 'Đăng nhập'],
    ['API documentation', () => '/api/docs', 200, 'API dữ liệu'],
    ['a page that does not exist (404)', () => '/khong-co-trang-nay', 404, 'Đã có lỗi'],
  ];
  for (const [name, path, status, heading] of pages) {
    it(name, async () => check(page, path(), status, heading));
  }

  it('sign-in showing a field error and the error summary', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await shows(page.getByRole('alert'));
    await expectNoAxeViolations(page);
  });

  it('the code page, then the development outbox holding the code sent', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Mã xác nhận' }));
    await expectNoAxeViolations(page);
    await check(page, '/dev/outbox', 200, 'Hộp thư gửi (môi trường phát triển)');
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
  });

  it('the home page in English', async () => {
    await page.goto(`${server.url}/lang/en?next=/`);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The switch sticks: the next visit to / is in English too.
    await page.goto(`${server.url}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shows(page.getByRole('link', { name: 'Tiếng Việt' }));
    await expectNoAxeViolations(page);
  });
});

describe('the provincial admin (signed in with TOTP): admin pages pass axe-core WCAG 2.1 AA', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
    await signInOfficial(page, server.url, 'admin');
  }, 60_000);

  const pages: [string, number, string | RegExp][] = [
    ['/admin', 200, 'Quản trị'],
    ['/admin/roles', 200, 'Phân quyền'],
    ['/admin/tokens', 200, 'Khóa API'],
    ['/admin/calendar', 200, /^Lịch ngày nghỉ \d{4}$/],
  ];
  it("Xã Na Rì's household register, and a village's", async () => {
    const naRi = await server.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    await check(page, `/units/${naRi.id}/households`, 200, 'Sổ hộ gia đình: Xã Na Rì');
    await page.getByRole('table').getByRole('link').first().click();
    await shows(page.getByRole('columnheader', { name: 'Mã hộ' }));
    await expectNoAxeViolations(page);
  });

  for (const [path, status, heading] of pages) {
    it(path, async () => {
      await check(page, path, status, heading);
      // Signed in as the admin, not bounced to the sign-in page.
      expect(new URL(page.url()).pathname).toBe(path);
      await shows(page.getByRole('button', { name: /^Đăng xuất/ }));
    });
  }
});
