// Issue 9: a provincial council observer (resolution Article 3: the council supervises) opens the
// monitoring dashboard, finds the communes ranked furthest behind first, drills into the weakest one,
// and downloads its periodic report (Word, Decree 30/2020 layout) and the Excel workbook of every
// indicator, both read back here. The pages pass axe-core (WCAG 2.1 AA).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/auth/demo-accounts.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { expectNoAxeViolations, launchBrowser, newPage, shows } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the council observer drills into the weakest commune and takes the reports', () => {
  it('dashboard → weakest commune → Word and Excel', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/monitoring')}`);
    const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Cán bộ, công chức' }) });
    await card.getByLabel('Tên đăng nhập').fill('hdnd');
    await card.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await card.getByRole('button', { name: 'Đăng nhập' }).click();
    await shows(page.getByRole('heading', { level: 1, name: /Theo dõi thực hiện dân chủ ở cơ sở: Tỉnh Thái Nguyên/ }));
    await expectNoAxeViolations(page);
    // The communes' table beside the chart: ranked by attainment, lowest first.
    const table = page.locator('table', { has: page.getByText('Bảng số liệu của biểu đồ: mức đạt của từng đơn vị') });
    const cells = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    const scores = cells.filter((c) => c.endsWith('%')).map((c) => Number(c.replace('%', '')));
    expect(scores.length).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThan(scores.at(-1)!);
    const weakest = (await table.locator('tbody tr').first().locator('a').textContent())!.trim();
    await table.locator('tbody tr').first().getByRole('link').click();
    await shows(page.getByRole('heading', { level: 1, name: `Theo dõi thực hiện dân chủ ở cơ sở: ${weakest}` }));
    await expectNoAxeViolations(page);

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải báo cáo định kỳ/ }).click()]);
    const xml = unzip(readFileSync((await docx.path())!))
      .get('word/document.xml')!
      .toString('utf8');
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', weakest.toUpperCase(), 'Chỉ tiêu T-2.1', 'Nơi nhận:']) expect(xml).toContain(s);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải bảng chỉ số/ }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const rows = (wb.getWorksheet('Chỉ số')!.getSheetValues().filter(Boolean) as unknown[][]).slice(1);
    expect(rows.some((r) => r[2] === 'monitoring.training_coverage' && r[5] === weakest && typeof r[7] === 'number')).toBe(true);
    expect(rows.some((r) => r[2] === 'covenants.in_force' && r[5] === weakest && typeof r[7] === 'number')).toBe(true);
    expect(wb.getWorksheet('Hồ sơ')!.rowCount).toBeGreaterThan(1);
  }, 120_000);
});
