// A commune official publishes and decides, so a password alone is not enough: after it the
// sign-in asks for the 6-digit code of an authenticator app (TOTP). A wrong code is refused in
// Vietnamese, next to the field and in the error summary, and no session is opened.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/auth/demo-accounts.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { freshTotpCode, launchBrowser, newPage, seenText, shows } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function passwordStep(page: Page): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: 'Đăng nhập' }).click();
  await shows(page.getByRole('heading', { level: 1, name: 'Đăng nhập' }));
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Cán bộ, công chức' }) });
  await card.getByLabel('Tên đăng nhập').fill('canbo.nari');
  await card.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await card.getByRole('button', { name: 'Đăng nhập' }).click();
  await shows(page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' }));
  expect(new URL(page.url()).pathname).toBe('/sign-in/totp');
  // The password alone does not sign in.
  expect(await page.getByRole('button', { name: /^Đăng xuất/ }).count()).toBe(0);
}

describe('a commune official signs in with a password and a TOTP code', () => {
  it('types the current code of the authenticator and ends signed in, back where they started', async () => {
    const page = await newPage(browser);
    await passwordStep(page);
    await page.getByLabel('Mã xác nhận').fill(await freshTotpCode());
    await page.getByRole('button', { name: 'Xác nhận' }).click();

    const signOut = await shows(page.getByRole('banner').getByRole('button', { name: /^Đăng xuất/ }));
    expect(await seenText(signOut)).toContain('Hoàng Thị Lan');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).count()).toBe(0);
    await page.context().close();
  });

  it('is refused with a wrong code: the Vietnamese error is next to the field and in the summary, and no session opens', async () => {
    const page = await newPage(browser);
    await passwordStep(page);
    const good = await freshTotpCode();
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Mã xác nhận').fill(wrong);
    await page.getByRole('button', { name: 'Xác nhận' }).click();

    const message = 'Mã xác thực không đúng hoặc đã hết hạn.';
    const summary = await shows(page.getByRole('alert'));
    await shows(summary.getByRole('heading', { name: 'Có lỗi cần sửa' }));
    // The summary links to the field, so a keyboard or screen-reader user gets to it in one step.
    const link = await shows(summary.getByRole('link', { name: message }));
    expect(await link.getAttribute('href')).toBe('#f-code');

    const field = page.getByLabel('Mã xác nhận');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('f-code-err');
    expect(await seenText(page.locator('#f-code-err'))).toBe(message);

    expect(await page.getByRole('button', { name: /^Đăng xuất/ }).count()).toBe(0);
    // Still on the TOTP step: the right code now signs in.
    await field.fill(await freshTotpCode());
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await shows(page.getByRole('button', { name: /^Đăng xuất/ }));
    await page.context().close();
  });
});
