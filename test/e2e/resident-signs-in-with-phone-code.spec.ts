// A resident has no password: they type their phone number, receive a 6-digit code (in development
// it lands in the outbox page /dev/outbox instead of an SMS) and type it back. A malformed number
// is explained in Vietnamese, with what they typed kept in the field.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { launchBrowser, newPage, seenText, shows } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function residentCard(page: Page) {
  return page.locator('.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Người dân (số điện thoại)' }) });
}

describe('a resident signs in with a code sent to their phone', () => {
  it('types 0912 345 678, reads the code from the development outbox, types it and ends signed in', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/sign-in`);
    const card = residentCard(page);
    await card.getByLabel('Số điện thoại').fill('0912 345 678');
    await card.getByRole('button', { name: 'Gửi mã' }).click();

    await shows(page.getByRole('heading', { level: 1, name: 'Mã xác nhận' }));
    expect(await seenText(page.getByRole('status'))).toContain('Nếu số này đã đăng ký với xã, mã đã được gửi đến 0912345678');

    // What a newcomer does: open the development outbox (linked from the code page) in another tab.
    const outboxLink = await shows(page.getByRole('link', { name: 'Xem mã trong hộp thư gửi phát triển' }));
    const outbox = await page.context().newPage();
    await outbox.goto(new URL((await outboxLink.getAttribute('href'))!, server.url).toString());
    const row = await shows(outbox.getByRole('row').filter({ hasText: '0912345678' }).first());
    const code = /\b(\d{6})\b/.exec(await seenText(row))?.[1];
    expect(code, 'a 6-digit code in the outbox row').toMatch(/^\d{6}$/);

    // The outbox shows what was really sent: the same code as the message in the database.
    const sent = await server.deps.db
      .selectFrom('outbox')
      .select(['params'])
      .where('recipient', '=', '0912345678')
      .where('template', '=', 'otp')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(sent.params).code).toBe(code);
    await outbox.close();

    await page.getByLabel('Mã xác nhận').fill(code!);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    const signOut = await shows(page.getByRole('banner').getByRole('button', { name: /^Đăng xuất/ }));
    const resident = await server.deps.db.selectFrom('users').select('display_name').where('phone', '=', '0912345678').executeTakeFirstOrThrow();
    expect(await seenText(signOut)).toContain(resident.display_name);
    await page.context().close();
  });

  it('is told in Vietnamese that "12345" is not a phone number, with "12345" kept in the field', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/sign-in`);
    await residentCard(page).getByLabel('Số điện thoại').fill('12345');
    await residentCard(page).getByRole('button', { name: 'Gửi mã' }).click();

    const message = 'Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678).';
    const summary = await shows(page.getByRole('alert'));
    expect(await summary.getByRole('link', { name: message }).getAttribute('href')).toBe('#f-phone');

    const field = residentCard(page).getByLabel('Số điện thoại');
    expect(await field.inputValue()).toBe('12345');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(((await field.getAttribute('aria-describedby')) ?? '').split(' ')).toContain('f-phone-err');
    expect(await seenText(page.locator('#f-phone-err'))).toBe(message);

    // No code was sent, and nobody is signed in.
    const sent = await server.deps.db.selectFrom('outbox').select('id').where('recipient', 'like', '%12345').execute();
    expect(sent).toHaveLength(0);
    expect(await page.getByRole('button', { name: /^Đăng xuất/ }).count()).toBe(0);
    await page.context().close();
  });
});
