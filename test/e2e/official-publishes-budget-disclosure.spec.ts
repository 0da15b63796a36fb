// A commune official publishes the budget estimate (Art 11(2)) with its PDF: the form refuses an
// empty submission in Vietnamese, the saved draft is published, and a visitor then sees it current
// for 30 days, on time, with a working PDF link and a QR code that leads back to the page; a search
// typed without diacritics finds it. The decision date is computed from today, so the test ages well.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/modules/disclosure/demo.js';
import { addDays, loadOfficialDays, todayInVietnam, toVnDate, WorkingCalendar } from '../../src/platform/calendar/calendar.js';
import { parseDate } from '../../src/platform/i18n/index.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

let server: TestServer;
let browser: Browser;
let dir: string;
let pdfPath: string;
let id: string;
let unitPath: string;
const title = 'Dự toán thu, chi ngân sách xã bổ sung cuối năm (kiểm thử)';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
  dir = mkdtempSync(join(tmpdir(), 'danchu-e2e-'));
  pdfPath = join(dir, 'du-toan-bo-sung.pdf');
  writeFileSync(pdfPath, demoPdf(title));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The value shown next to a term of the detail page's description list. */
const shownFor = (page: Page, term: string) => page.locator('dl.kv > dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

describe('a commune official publishes a budget disclosure that a visitor can read, download and scan', () => {
  it('refuses the empty form, then saves the draft with its PDF and publishes it', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'canbo.nari', '/communes/02155');
    await page.getByRole('link', { name: /^Tất cả nội dung công khai/ }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Công khai thông tin: Xã Na Rì' }));
    unitPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Soạn nội dung công khai mới' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Soạn nội dung công khai' }));
    await expectNoAxeViolations(page);

    // Empty: the summary links to each field, and each field carries its own message.
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const summary = await shows(page.locator('.esum'));
    for (const [name, message] of [
      ['category', 'Vui lòng chọn nhóm thông tin công khai.'],
      ['title', 'Vui lòng nhập tiêu đề.'],
    ]) {
      expect(await summary.getByRole('link', { name: message }).getAttribute('href')).toBe(`#f-${name}`);
      expect(await seenText(page.locator(`#f-${name}-err`))).toBe(message);
      expect(await page.locator(`#f-${name}`).getAttribute('aria-invalid')).toBe('true');
    }
    await expectNoAxeViolations(page);

    // The decision was signed on the last working day before today: well within 05 working days.
    const cal = new WorkingCalendar(loadOfficialDays());
    const decided = cal.addWorkingDays(todayInVietnam(new Date()), -1);
    await page.getByLabel('Nhóm thông tin (Điều 11)').selectOption('2');
    await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await page.getByLabel('Nội dung', { exact: true }).fill('Dự toán bổ sung được HĐND xã thông qua.\n\n- Tổng thu: **350** triệu đồng');
    await page.getByLabel('Số, ký hiệu', { exact: true }).fill('41/NQ-HĐND');
    await page.getByLabel('Ngày ban hành', { exact: true }).fill(toVnDate(decided));
    await page.getByRole('checkbox', { name: 'Niêm yết tại trụ sở', exact: true }).check();
    await page.getByLabel('Tệp đính kèm', { exact: true }).setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();

    await shows(page.getByRole('heading', { level: 1, name: title }));
    await shows(page.getByText('Bản nháp', { exact: true }));
    id = /^\/disclosures\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(id).not.toBe('');
    await page.getByRole('button', { name: 'Công khai', exact: true }).click();
    await shows(page.getByRole('status').getByText('Đã công khai.'));
    await page.context().close();
  });

  it('shows a visitor the current posting, its 30-day end, on time, the PDF and a QR code of the page', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/disclosures/${id}`);
    await shows(page.getByRole('heading', { level: 1, name: title }));
    await shows(page.getByText('Đang công khai', { exact: true }));
    await shows(page.getByText('Đúng hạn', { exact: true }));
    const start = parseDate(await seenText(shownFor(page, 'Công khai từ')));
    expect(start).toBe(todayInVietnam(new Date()));
    expect(await seenText(shownFor(page, 'Đến hết ngày'))).toBe(toVnDate(addDays(start!, 30)));
    await expectNoAxeViolations(page);

    const pdfHref = await page.getByRole('link', { name: 'du-toan-bo-sung.pdf' }).getAttribute('href');
    const pdf = await page.request.get(new URL(pdfHref!, server.url).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The same SVG as the library makes for the page's public URL: the QR encodes exactly that URL.
    const pageUrl = `${server.deps.config.publicUrl}/disclosures/${id}`;
    const qr = await page.request.get(`${server.url}/disclosures/${id}/qr.svg`);
    expect(qr.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await qr.text()).toBe(await QRCode.toString(pageUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
    await page.goto(`${server.url}${new URL(pageUrl).pathname}`);
    await shows(page.getByRole('heading', { level: 1, name: title }));

    await page.getByRole('link', { name: 'In bản niêm yết khổ A4 có mã QR' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'THÔNG BÁO CÔNG KHAI' }));
    await shows(page.getByText(title, { exact: true }));
    await shows(page.getByRole('img', { name: 'Mã QR dẫn tới toàn văn trên mạng' }));
    expect(new URL(page.url()).pathname).toBe(`/disclosures/${id}/poster`);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('is found by a search typed without diacritics', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}${unitPath}`);
    await page.getByRole('searchbox', { name: 'Tìm (có dấu hoặc không dấu)' }).fill('du toan');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'du toan');
    const hit = await shows(page.getByRole('link', { name: title }));
    expect(await hit.getAttribute('href')).toBe(`/disclosures/${id}`);
    await page.context().close();
  });
});
