// A village head plans the village's annual conference (Law 10/2022 Art 33; Decree 59/2023 Arts 10–11;
// R-G1): a notice less than 05 days before is refused next to the field with the article; the commune
// official records the People's Committee's agreement; the Front work committee head records the
// conference along its agenda and sends the result report; a visitor sees the commune's villages with
// this one reported and the others flagged. Every page passes axe (WCAG 2.1 AA). The server's clock is
// moved to 10 January of next year after the demo is seeded, so that the village has no conference yet.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

const today = todayInVietnam(new Date());
const year = Number(today.slice(0, 4)) + 1;
const clock = fixedClock(`${today}T03:00:00Z`);
let server: TestServer;
let browser: Browser;
let communeId: number;
let conferenceUrl: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
  communeId = (await server.deps.db.selectFrom('units').select('id').where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
  clock.set(`${year}-01-10T03:00:00Z`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a village's annual conference from plan to result report", () => {
  it('the village head finds the plan from the commune page; a 3-day notice is refused citing Decree 59 Art 11(1)(c)', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'truongthon.xd', '/communes/02191', clock);
    await page.getByRole('link', { name: `Hội nghị thôn năm ${year}` }).click();
    await shows(page.getByRole('heading', { level: 1, name: `Hội nghị thôn năm ${year}: Xã Xuân Dương` }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Lập kế hoạch' }).click();
    await shows(page.getByRole('heading', { level: 1, name: /^Kế hoạch hội nghị năm của/ }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Ngày hội nghị').fill(`20/01/${year}`);
    await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn');
    await page.getByLabel('Nội dung', { exact: true }).fill('Tổng kết năm; báo cáo của Ban công tác Mặt trận và Ban Thanh tra nhân dân; bình xét khen thưởng.');
    await page.getByLabel('Phân công nhiệm vụ').fill('Trưởng thôn chuẩn bị báo cáo; Ban công tác Mặt trận chuẩn bị danh sách khen thưởng.');
    await page.getByLabel('Ngày gửi kế hoạch đến xã').fill(`08/01/${year}`);
    await page.getByLabel('Ngày thông báo đến các hộ').fill(`17/01/${year}`);
    await page.getByLabel('Hình thức thông báo').selectOption('loudspeaker');
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    const message = `Phải trước ít nhất 5 ngày: chậm nhất ngày 15/01/${year} (Điều 11 khoản 1 điểm c Nghị định 59/2023/NĐ-CP).`;
    expect(await seenText(await shows(page.locator('#f-noticeOn-err')))).toBe(message);
    expect(await page.getByLabel('Địa điểm').inputValue()).toBe('Nhà văn hóa thôn');
    await expectNoAxeViolations(page);
    await page.getByLabel('Ngày thông báo đến các hộ').fill(`15/01/${year}`);
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await shows(page.getByRole('status').filter({ hasText: 'Đã lưu kế hoạch hội nghị thôn.' }));
    conferenceUrl = page.url();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the commune official records the People's Committee's agreement", async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'canbo.xuanduong', new URL(conferenceUrl).pathname, clock);
    await page.getByLabel('Ngày Ủy ban nhân dân xã thống nhất kế hoạch').fill(`09/01/${year}`);
    await page.getByRole('button', { name: 'Ghi nhận thống nhất' }).click();
    await shows(page.getByText(`Ủy ban nhân dân xã: thống nhất ngày 09/01/${year}`));
    await page.context().close();
  });

  it('the Front work committee head records the conference along its agenda and the result report', async () => {
    clock.set(`${year}-01-20T14:00:00Z`); // 21:00 in Vietnam, after the conference
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'bancongtac.xd', new URL(conferenceUrl).pathname, clock);
    await shows(page.getByRole('heading', { level: 2, name: /^Ghi nhận hội nghị theo trình tự/ }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Ngày tổ chức').fill(`20/01/${year}`);
    await page.getByLabel('Số hộ dự').fill('38');
    await page.getByLabel('Thư ký hội nghị').fill('Lý Thị Mai');
    await page.getByLabel('Báo cáo của Trưởng thôn', { exact: true }).fill('Thôn hoàn thành các chỉ tiêu của năm.');
    await page.getByLabel('Báo cáo của Ban công tác Mặt trận', { exact: true }).fill('Các việc thuộc Điều 15 đều được đưa ra bàn và quyết định.');
    await page.getByLabel('Báo cáo của thành viên Ban Thanh tra nhân dân', { exact: true }).fill('Thu, chi quỹ thôn đúng, đã công khai.');
    await page.getByRole('button', { name: 'Lưu hội nghị' }).click();
    await shows(page.getByRole('heading', { level: 2, name: `Hội nghị đã tổ chức ngày 20/01/${year}` }));
    await shows(page.getByText('Thư ký: Lý Thị Mai'));
    await page.getByLabel('Báo cáo kết quả', { exact: true }).fill('Hội nghị có 38 hộ dự, thông qua kế hoạch năm.');
    await page.getByLabel('Ngày gửi').fill(`20/01/${year}`);
    await page.getByRole('button', { name: 'Ghi nhận đã gửi báo cáo' }).click();
    await shows(page.getByText(`Đã gửi ngày 20/01/${year}.`));
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('a visitor sees the village reported and the other villages not yet held', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${communeId}/village-conferences`);
    await shows(page.getByRole('cell', { name: 'Đã tổ chức, đã báo cáo xã' }));
    expect(await page.getByRole('cell', { name: 'Chưa tổ chức' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
