// A village head takes an "other self-management matter" (Law 10/2022 Art 15 item 6) from proposal to
// published result: the proposal records the agreement with the Front work committee head (Art 16(2)),
// a meeting announced too late is refused next to the notice field with its article (R-A10, Decree
// 59/2023 Art 3(3)), a count above attendance is refused (Art 20(2)(b)), the minutes are confirmed by
// both heads (R-A1, Art 20(2)(g)), finalised, sent, published (Art 23(2)) and downloaded as a Word
// file (Decree 59 form 03). An anonymous visitor then reads the result with its working (Art 21(1)(c),
// R-A4). The server's clock is fixed and moved forward to the meeting day, as a real village lives it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietnam, toVnDate } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

// 09:00 in Vietnam today, so that every date the test types is a whole day away from midnight.
const today = todayInVietnam(new Date());
const clock = fixedClock(`${today}T02:00:00Z`);
const meetingDay = addDays(today, 3);
const title = 'Giờ tổ chức vệ sinh đường làng hằng tháng, kiểm thử';

let server: TestServer;
let browser: Browser;
let village: { id: number; name: string };
let frontHead: string;
let voteId = '';
let present = 0;
let householdsTotal = 0;
/** The village head's browser on the first day (proposal and scheduling). */
let head: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
  village = await server.deps.db.selectFrom('units').select(['id', 'name']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
  frontHead = (await server.deps.db.selectFrom('users').select('display_name').where('username', '=', 'bancongtac.xd').executeTakeFirstOrThrow()).display_name;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** An official's password, then the TOTP code of the server's own (fixed) clock. */
async function signIn(username: string, next: string): Promise<Page> {
  const page = await newPage(browser);
  await signInOfficial(page, server.url, username, next, clock);
  return page;
}

const flash = (page: Page, text: string) => shows(page.getByRole('status').filter({ hasText: text }));
/** The value next to a term in the description list that follows a heading. */
const valueIn = (page: Page, heading: string, term: string) =>
  page
    .getByRole('heading', { level: 3, name: heading, exact: true })
    .locator('xpath=following-sibling::dl[1]')
    .locator('dt', { hasText: term })
    .locator('xpath=following-sibling::dd[1]');

describe('a village head runs an item-6 meeting from proposal to published minutes', () => {
  it('proposes the matter with the agreement of the Front work committee head (Art 16(2))', async () => {
    head = await signIn('truongthon.xd', `/units/${village.id}/decisions`);
    const page = head;
    await shows(page.getByRole('heading', { level: 1, name: `Dân bàn và quyết định: ${village.name}` }));
    await page.getByRole('link', { name: 'Đề xuất việc để cộng đồng quyết định' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Đề xuất việc để cộng đồng quyết định' }));
    await expectNoAxeViolations(page);
    // R-E1 (Decree 61/2023 Arts 7, 9(1)): a covenant is proposed on the covenants page, where its draft is posted first.
    expect(await page.locator('#f-item option[value="3"]').count()).toBe(0);
    await shows(page.getByRole('link', { name: `Trang Hương ước, quy ước của ${village.name}` }));

    await page.getByLabel('Loại việc (Điều 15)').selectOption('6');
    await page.getByLabel('Việc cần quyết định').fill(title);
    await page.getByLabel('Nội dung, phương án').fill('Mỗi hộ cử một người dọn vệ sinh đường làng vào sáng Chủ nhật đầu tiên của tháng.');
    await page.getByLabel('Người đã thống nhất', { exact: false }).fill(frontHead);
    await page.getByLabel('Ngày thống nhất').fill(toVnDate(addDays(today, -2)));
    await page.getByRole('button', { name: 'Gửi đề xuất' }).click();

    await shows(page.getByRole('heading', { level: 1, name: title }));
    await flash(page, 'Đã ghi đề xuất.');
    const agreement = page.locator('dl.kv > dt', { hasText: 'Thống nhất với Mặt trận' }).locator('xpath=following-sibling::dd[1]');
    expect(await seenText(agreement)).toBe(`${frontHead}, ${toVnDate(addDays(today, -2))}`);
  });

  it('R-A10 refuses a notice given less than 02 days before the meeting, next to the field with the article, keeping what was typed', async () => {
    const page = head;
    await page.getByRole('link', { name: `Tổ chức biểu quyết: ${village.name}` }).click();
    await shows(page.getByRole('heading', { level: 1, name: `Tổ chức biểu quyết: ${title}` }));

    const tomorrow = toVnDate(addDays(today, 1));
    await page.getByLabel('Hình thức').selectOption('meeting');
    await page.getByLabel('Ngày thông báo đến các hộ và niêm yết').fill(toVnDate(today));
    await page.getByLabel('Ngày họp / ngày phát phiếu').fill(tomorrow);
    await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn');
    await page.getByRole('button', { name: 'Lên lịch' }).click();

    const message = `Phải trước ít nhất 2 ngày: chậm nhất ngày ${toVnDate(addDays(today, -1))} (Điều 3 khoản 3 Nghị định 59/2023/NĐ-CP).`;
    const summary = await shows(page.locator('.esum'));
    expect(await summary.getByRole('link', { name: message }).getAttribute('href')).toBe('#f-noticeOn');
    expect(await seenText(page.locator('#f-noticeOn-err'))).toBe(message);
    const notice = page.getByLabel('Ngày thông báo đến các hộ và niêm yết');
    expect(await notice.getAttribute('aria-invalid')).toBe('true');
    expect(((await notice.getAttribute('aria-describedby')) ?? '').split(' ')).toContain('f-noticeOn-err');
    expect(await notice.inputValue()).toBe(toVnDate(today));
    expect(await page.getByLabel('Ngày họp / ngày phát phiếu').inputValue()).toBe(tomorrow);
    expect(await page.getByLabel('Địa điểm').inputValue()).toBe('Nhà văn hóa thôn');
    await expectNoAxeViolations(page);

    // The fix: the meeting moves to three days after the notice.
    await page.getByLabel('Ngày họp / ngày phát phiếu').fill(toVnDate(meetingDay));
    await page.getByRole('button', { name: 'Lên lịch' }).click();
    await shows(page.getByRole('heading', { level: 1, name: `Họp cộng đồng dân cư: ${title}` }));
    await flash(page, 'Đã lên lịch biểu quyết.');
    voteId = /^\/votes\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(voteId).not.toBe('');
    await page.context().close();
  });

  it('records the meeting on its day: a count above attendance is refused next to its field (Art 20(2)(b))', async () => {
    clock.set(`${meetingDay}T12:00:00Z`); // 19:00 on the meeting day, after the meeting
    const page = await signIn('truongthon.xd', `/votes/${voteId}`);
    await page.getByRole('link', { name: 'Ghi kết quả cuộc họp' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Ghi kết quả cuộc họp' }));

    const boxes = page.locator('#f-attendance input[type="checkbox"]');
    householdsTotal = await boxes.count();
    expect(householdsTotal).toBeGreaterThan(20);
    present = Math.ceil(householdsTotal / 2) + 7; // enough for more than half of ALL households to approve
    for (let i = 0; i < present; i++) await boxes.nth(i).check();
    await page.getByLabel('Thư ký cuộc họp').fill('Hoàng Thị Lan');
    await page.getByLabel('Số đại diện hộ tán thành chọn thư ký').fill(String(present - 1));
    await page.getByLabel('Cách biểu quyết cuộc họp đã chọn').selectOption('show_of_hands');
    await page.getByLabel('Đồng ý', { exact: true }).fill(String(present + 1));
    await page.getByLabel('Không đồng ý', { exact: true }).fill('0');
    await page.getByLabel('Ý kiến khác', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Ghi kết quả' }).click();

    const message = `Không được lớn hơn số hộ dự họp (${present}).`;
    await shows(page.locator('.esum'));
    expect(await seenText(page.locator('#f-count_1_agree-err'))).toBe(message);
    const agree = page.getByLabel('Đồng ý', { exact: true });
    expect(await agree.getAttribute('aria-invalid')).toBe('true');
    expect(await agree.inputValue()).toBe(String(present + 1));
    // What was typed is kept: the ticks, the secretary and the method.
    expect(await page.locator('#f-attendance input[type="checkbox"]:checked').count()).toBe(present);
    expect(await page.getByLabel('Thư ký cuộc họp').inputValue()).toBe('Hoàng Thị Lan');
    expect(await page.getByLabel('Cách biểu quyết cuộc họp đã chọn').inputValue()).toBe('show_of_hands');
    await expectNoAxeViolations(page);

    await agree.fill(String(present - 4));
    await page.getByLabel('Không đồng ý', { exact: true }).fill('3');
    await page.getByLabel('Ý kiến khác', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Ghi kết quả' }).click();
    await flash(page, 'Đã ghi kết quả.');
    expect(new URL(page.url()).pathname).toBe(`/votes/${voteId}`);

    await page.getByRole('link', { name: 'Lập biên bản, quyết định' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Biên bản, quyết định của cộng đồng (Điều 20)' }));
    await page.getByLabel('Nội dung đã thảo luận').fill('Trưởng thôn trình bày; các hộ thảo luận và biểu quyết giơ tay.');
    await page.getByLabel('Quyết định của cộng đồng').fill('Mỗi hộ cử một người dọn vệ sinh đường làng sáng Chủ nhật đầu tiên hằng tháng.');
    await page.getByLabel('Đại diện hộ gia đình ký thứ nhất').selectOption({ index: 1 });
    await page.getByLabel('Đại diện hộ gia đình ký thứ hai').selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Lưu biên bản' }).click();
    await flash(page, 'Đã lưu.');
    await page.getByRole('button', { name: 'Trưởng thôn xác nhận biên bản' }).click();
    await flash(page, 'Đã xác nhận biên bản.');
    await page.context().close();
  });

  it('R-A1: the Front work committee head confirms, then the village head finalises, records sending and publishes', async () => {
    const front = await signIn('bancongtac.xd', `/votes/${voteId}`);
    await front.getByRole('button', { name: 'Trưởng ban công tác Mặt trận xác nhận biên bản' }).click();
    await flash(front, 'Đã xác nhận biên bản.');
    await shows(front.getByText('Đã đủ bốn xác nhận.'));
    await front.context().close();

    const page = await signIn('truongthon.xd', `/votes/${voteId}`);
    await page.getByRole('button', { name: 'Hoàn tất biên bản' }).click();
    await flash(page, 'Biên bản đã hoàn tất.');
    expect(await page.getByLabel('Ngày gửi').inputValue()).toBe(toVnDate(meetingDay));
    await page.getByRole('button', { name: 'Ghi ngày gửi UBND xã và UBMTTQ xã' }).click();
    await flash(page, 'Đã ghi ngày gửi.');
    await page.getByRole('button', { name: 'Công bố kết quả cho nhân dân (Điều 23 khoản 2)' }).click();
    await flash(page, 'Đã công bố kết quả.');
    await shows(page.getByText(`Đã công bố ngày ${toVnDate(meetingDay)}`));

    // The Word file of Decree 59 form 03, from the page's own link.
    const link = page.getByRole('link', { name: 'Văn bản quyết định của cộng đồng (Mẫu 03) (tệp Word)' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/votes/${voteId}/decision.docx`);
    const docx = await page.request.get(new URL(href!, server.url).href);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toMatch(/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
    expect(docx.headers()['content-disposition'] ?? '').toMatch(/attachment;.*\.docx/);
    expect((await docx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.context().close();
  });

  it('R-A4: an anonymous visitor finds the published result and its working against all households (Art 21(1)(c))', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${village.id}/decisions`);
    await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
    await shows(page.getByRole('heading', { level: 1, name: title }));
    await page.getByRole('link', { name: 'Họp cộng đồng dân cư' }).click();
    await shows(page.getByRole('heading', { level: 1, name: `Họp cộng đồng dân cư: ${title}` }));

    const approving = present - 4;
    const needed = Math.floor(householdsTotal / 2) + 1;
    const pct = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format((approving * 100) / householdsTotal);
    const working = 'Cách tính kết quả';
    expect(await seenText(valueIn(page, working, 'Tổng số hộ gia đình'))).toBe(String(householdsTotal));
    expect(await seenText(valueIn(page, working, 'Số hộ có đại diện tham dự'))).toBe(String(present));
    expect(await seenText(valueIn(page, working, 'Số hộ tán thành'))).toBe(`${approving} / ${householdsTotal} (${pct}%)`);
    expect(await seenText(valueIn(page, working, 'Điều kiện thông qua'))).toBe(`Trên 1/2 tổng số hộ: cần ít nhất ${needed} hộ`);
    expect(await seenText(valueIn(page, working, 'Kết quả'))).toBe('Được thông qua');
    expect(await seenText(valueIn(page, working, 'Căn cứ'))).toBe('Điều 21 khoản 1 điểm c Luật 10/2022/QH15');
    await shows(page.getByText(`Đã công bố ngày ${toVnDate(meetingDay)}`));
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
