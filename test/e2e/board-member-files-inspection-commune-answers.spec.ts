// A People's Inspection Board member of Xã Na Rì files an inspection with a recommendation to the
// commune (a recommendation without its addressee is refused next to the field first); the commune
// chairman answers it (partly, which needs the reason) within its 15-day clock (R-F5; Law 10/2022
// Art 40(1)(c)); a visitor then reads the recommendation and the answer on the commune's public page.
// Every page passes axe (WCAG 2.1 AA).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/modules/disclosure/demo.js';
import { addDays, loadOfficialDays, todayInVietnam, toVnDate, WorkingCalendar } from '../../src/platform/calendar/calendar.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

let server: TestServer;
let browser: Browser;
let activityPath: string;
const subject = 'Kiểm tra việc sửa chữa nhà văn hóa thôn (kiểm thử)';
const recommendation = 'Công khai dự toán và quyết toán sửa chữa nhà văn hóa tại bảng tin thôn.';
const answer = 'Đã niêm yết dự toán; quyết toán sẽ công khai khi công trình được nghiệm thu.';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a board member files an inspection, the commune answers, the public sees both', () => {
  it('the board member records the inspection with a recommendation', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'ttnd.nari', '/communes/02155');
    await page.getByRole('link', { name: 'Các Ban và kiến nghị' }).click();
    await shows(page.getByRole('heading', { level: 1, name: /^Ban Thanh tra nhân dân và giám sát đầu tư: Xã Na Rì/ }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Xem Ban, kế hoạch, hoạt động và báo cáo' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Ban Thanh tra nhân dân xã' }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Ghi hoạt động kiểm tra, giám sát' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Ghi hoạt động kiểm tra, giám sát' }));
    await expectNoAxeViolations(page);

    await page.getByLabel('Nội dung kiểm tra, giám sát').fill(subject);
    await page.getByLabel('Kết quả, phát hiện').fill('Nhà văn hóa đã lợp lại mái; bảng tin thôn chưa có dự toán sửa chữa.');
    await page.getByLabel('Kiến nghị 1: nội dung').fill(recommendation);
    await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
    // The addressee is missing: the message sits next to the field, and what was typed stays.
    expect(await seenText(page.locator('#f-rec0Addressee-err'))).toBe('Vui lòng nhập nội dung này.');
    expect(await page.getByLabel('Kiến nghị 1: nội dung').inputValue()).toBe(recommendation);
    await expectNoAxeViolations(page);

    await page.getByLabel('Kiến nghị 1: gửi đơn vị').fill('UBND xã Na Rì');
    await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
    await shows(page.getByRole('heading', { level: 1, name: subject }));
    const today = todayInVietnam(new Date());
    await shows(page.getByText('Đang chờ trả lời', { exact: true }));
    // 15 days not counting the day of sending, moved to the next working day when it falls on a day off.
    const due = new WorkingCalendar(loadOfficialDays()).addWorkingDays(addDays(today, 15), 0);
    await shows(page.getByText(`Gửi ngày ${toVnDate(today)}; hạn trả lời ${toVnDate(due)}`, { exact: true }));
    activityPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('the commune chairman answers: partly, with the reason', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'chutich.nari', activityPath);
    await shows(page.getByRole('heading', { level: 1, name: subject }));
    await page.getByRole('link', { name: 'Trả lời kiến nghị này' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Trả lời kiến nghị gửi UBND xã Na Rì' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Kết quả', { exact: true }).selectOption('partly');
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    expect(await seenText(page.locator('#f-text-err'))).toBe('Khi không tiếp thu hoặc chỉ tiếp thu một phần, vui lòng nêu lý do.');
    await expectNoAxeViolations(page);
    await page.getByLabel('Nội dung trả lời').fill(answer);
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await shows(page.getByRole('heading', { level: 1, name: subject }));
    await shows(page.getByText('Đã ghi trả lời kiến nghị.'));
    await page.context().close();
  });

  it('a visitor reads the recommendation and the answer on the commune page', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/communes/02155`);
    await page.getByRole('link', { name: 'Các Ban và kiến nghị' }).click();
    const item = page.locator('li', { hasText: recommendation });
    await shows(item.getByText('Đã trả lời', { exact: true }));
    await shows(item.getByText('Tiếp thu một phần'));
    await shows(item.getByText(answer));
    await shows(item.getByRole('link', { name: subject }));
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}${activityPath}`);
    await shows(page.getByRole('heading', { level: 1, name: subject }));
    expect(await page.getByRole('link', { name: 'Trả lời kiến nghị này' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('issue 7 item 5: project documents (Law 10/2022 Arts 41–43, 11(3))', () => {
  it('the commune official attaches a public acceptance record; a visitor downloads it from the project page', async () => {
    const road = await server.deps.db.selectFrom('oversight_projects').select('id').where('name', 'like', 'Bê tông hóa%').executeTakeFirstOrThrow();
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'canbo.nari', `/projects/${road.id}`);
    await shows(page.getByRole('heading', { level: 2, name: 'Hồ sơ, tài liệu dự án' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Loại tài liệu').selectOption('acceptance');
    await page.getByLabel('Tệp tài liệu').setInputFiles({ name: 'bien-ban-nghiem-thu-e2e.pdf', mimeType: 'application/pdf', buffer: demoPdf('Bien ban') });
    await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
    await shows(page.getByText('Đã lưu 1 tài liệu.'));
    const visitor = await newPage(browser);
    await visitor.goto(`${server.url}/projects/${road.id}`);
    const link = visitor.getByRole('link', { name: 'bien-ban-nghiem-thu-e2e.pdf' });
    await shows(link);
    expect(await seenText(visitor.locator('#h-docs + ul'))).toContain('Biên bản nghiệm thu');
    expect(await visitor.locator('body').textContent()).not.toContain('hop-dong-thi-cong.pdf');
    await expectNoAxeViolations(visitor);
  });
});
