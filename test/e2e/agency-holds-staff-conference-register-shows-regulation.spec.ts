// An agency holds its annual staff conference (Law 10/2022 Arts 50–52; R-G3) and the register shows its
// democracy regulation in force (Art 59(1)(a); T-2.4). The server's clock is moved to 25 January of next
// year after the demo is seeded, so the school's conference on this year is due and not yet held. The
// head finds the register from the commune page; a conference below two thirds is refused citing
// Art 51(2) with the form as typed; at quorum it is recorded with its resolution; a visitor then sees
// the school with its regulation in force and its conference held. Every page passes axe (WCAG 2.1 AA).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

const today = todayInVietnam(new Date());
const workYear = Number(today.slice(0, 4));
const clock = fixedClock(`${today}T03:00:00Z`);
let server: TestServer;
let browser: Browser;
let registerPath: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
  clock.set(`${workYear + 1}-01-25T03:00:00Z`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an agency holds its staff conference and the register shows its regulation in force', () => {
  it('the head records the conference: below the quorum refused citing Art 51(2), at the quorum recorded with its resolution', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'hieutruong.nari', '/communes/02155', clock);
    await page.getByRole('link', { name: 'Sổ theo dõi quy chế thực hiện dân chủ của xã và các cơ quan, đơn vị' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Quy chế thực hiện dân chủ: Xã Na Rì' }));
    registerPath = new URL(page.url()).pathname;
    const schoolRow = page.getByRole('row').filter({ hasText: 'Trường Tiểu học' });
    await shows(schoolRow.getByText('Chưa đến hạn'));
    await expectNoAxeViolations(page);
    await schoolRow.getByRole('link').click();
    await shows(page.getByRole('heading', { level: 1, name: /^Dân chủ trong cơ quan: Trường Tiểu học/ }));
    await shows(page.getByText('24 người'));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Ghi nhận hội nghị' }).click();
    await shows(page.getByRole('heading', { level: 1, name: /^Ghi nhận hội nghị cán bộ, công chức, viên chức/ }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Năm công tác được tổng kết').fill(String(workYear));
    await page.getByLabel('Ngày họp').fill(`20/01/${workYear + 1}`);
    await page.getByLabel('Số người có mặt (hoặc số phiếu thu về)').fill('15');
    await page.getByLabel('Nội dung, chương trình hội nghị').fill('Kiểm điểm kế hoạch năm học; báo cáo của Hiệu trưởng; thông qua nghị quyết.');
    await page.getByRole('button', { name: 'Ghi nhận hội nghị' }).click();
    const message =
      'Hội nghị không hợp lệ: có mặt 15/24, cần ít nhất 16 (hai phần ba, khoản 2 Điều 51). Nếu đúng là không đủ số lượng, chọn kết quả «Không đủ số lượng tham dự».';
    expect(await seenText(await shows(page.locator('#f-present-err')))).toBe(message);
    expect(await page.getByLabel('Ngày họp').inputValue()).toBe(`20/01/${workYear + 1}`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Số người có mặt (hoặc số phiếu thu về)').fill('18');
    await page.getByRole('button', { name: 'Ghi nhận hội nghị' }).click();
    await shows(page.getByRole('status').filter({ hasText: 'Đã ghi nhận hội nghị.' }));
    await shows(page.getByText('18/24 có mặt; cần ít nhất 16 (hai phần ba, khoản 2 Điều 51)'));
    await page.getByLabel('Nội dung cụ thể').fill(`Nghị quyết Hội nghị năm ${workYear}`);
    await page.getByLabel('Số người tán thành').fill('17');
    await page.getByRole('button', { name: 'Ghi nhận kết quả biểu quyết' }).click();
    await shows(page.getByRole('status').filter({ hasText: 'Thông qua: 17/18 tán thành' }));
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('a visitor sees the school with its regulation in force and its conference held; the health station flagged', async () => {
    const page = await newPage(browser);
    await page.goto(server.url + registerPath);
    const schoolRow = page.getByRole('row').filter({ hasText: 'Trường Tiểu học' });
    await shows(schoolRow.getByText('Đang có hiệu lực'));
    await shows(schoolRow.getByText('Đã tổ chức'));
    await shows(page.getByRole('row').filter({ hasText: 'Trạm Y tế' }).getByText('Chưa có quy chế đang có hiệu lực'));
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
