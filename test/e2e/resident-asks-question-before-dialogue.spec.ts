// A resident asks the commune a question before its dialogue conference (Law 10/2022 Art 32; R-G2),
// without an account: an empty question is refused next to the field; the question appears at once.
// On the conference day the chairman answers it, an official records the conference and publishes
// the minutes, and a visitor then reads the answer with who gave it, and the minutes. Every page
// passes axe (WCAG 2.1 AA). Dates follow the test server's clock, set from today, so the test ages well.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietnam, toVnDate } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

const today = todayInVietnam(new Date());
const clock = fixedClock(`${today}T03:00:00Z`);
// The demo's upcoming dialogue of Xã Na Rì is 14 days ahead at 08:00.
const conferenceDay = addDays(today, 14);
const question = 'Xã có kế hoạch lắp đèn chiếu sáng đường vào thôn Nà Cà không?';
const answer = 'Có. Năm tới xã lắp 20 đèn năng lượng mặt trời trên đường vào thôn Nà Cà.';
let server: TestServer;
let browser: Browser;
let dialogueUrl: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The card of one question on the dialogue page. */
const card = (page: Page, text: string) => page.locator('li.card').filter({ hasText: text });

describe('a resident asks before the dialogue; the chairman answers at the conference; the public reads answer and minutes', () => {
  it('a resident without an account finds the dialogue from the commune page and asks; an empty question is refused', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/communes/02155`);
    await page.getByRole('link', { name: /^Các hội nghị đối thoại của Xã Na Rì/ }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Đối thoại với Nhân dân: Xã Na Rì' }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /^Đối thoại về thu gom rác thải/ }).click();
    await shows(page.getByRole('heading', { level: 2, name: 'Gửi câu hỏi trước hội nghị' }));
    dialogueUrl = page.url();
    await expectNoAxeViolations(page);

    await page.getByLabel('Tên hiển thị (không bắt buộc)').fill('Triệu Thị Vân');
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    const summary = await shows(page.locator('.esum'));
    expect(await summary.getByRole('link', { name: 'Nhập câu hỏi của bạn.' }).getAttribute('href')).toBe('#f-text');
    expect(await seenText(page.locator('#f-text-err'))).toBe('Nhập câu hỏi của bạn.');
    expect(await page.getByLabel('Tên hiển thị (không bắt buộc)').inputValue()).toBe('Triệu Thị Vân');
    await expectNoAxeViolations(page);

    await page.getByLabel('Câu hỏi', { exact: true }).fill(question);
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await shows(page.getByRole('status').filter({ hasText: 'Đã gửi câu hỏi của bạn.' }));
    await shows(card(page, question).getByText(/^Triệu Thị Vân hỏi lúc/));
    await page.context().close();
  });

  it('on the conference day the chairman answers it, and an official records the conference and publishes the minutes', async () => {
    clock.set(`${conferenceDay}T02:30:00Z`); // 09:30 in Vietnam, during the conference
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'chutich.nari', new URL(dialogueUrl).pathname, clock);
    await card(page, question).getByRole('link', { name: 'Trả lời câu hỏi này' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Trả lời câu hỏi' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Nội dung trả lời').fill(answer);
    await page.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await shows(card(page, question).getByText(answer));
    await page.context().close();

    const official = await newPage(browser);
    await signInOfficial(official, server.url, 'canbo.nari', new URL(dialogueUrl).pathname, clock);
    await official.getByLabel('Ngày tổ chức', { exact: true }).fill(toVnDate(conferenceDay));
    await official.getByRole('button', { name: 'Ghi nhận đã tổ chức' }).click();
    await shows(official.getByRole('status').filter({ hasText: 'Đã ghi nhận hội nghị đã tổ chức.' }));
    // Minutes with nothing in them are refused next to the field.
    await official.getByRole('button', { name: 'Công khai biên bản' }).click();
    expect(await seenText(await shows(official.locator('#f-minutes-err')))).toBe('Biên bản chưa có nội dung; nhập nội dung trước khi công khai.');
    await expectNoAxeViolations(official);
    await official.getByLabel('Nội dung biên bản').fill('Hội nghị nhận 3 câu hỏi, trả lời tại chỗ; giao công chức lập dự toán đèn chiếu sáng.');
    await official.getByRole('button', { name: 'Công khai biên bản' }).click();
    await shows(official.getByRole('heading', { level: 2, name: 'Biên bản hội nghị' }));
    await official.context().close();
  });

  it('a visitor reads the answer with who gave it, and the minutes', async () => {
    const page = await newPage(browser);
    await page.goto(dialogueUrl);
    const q = card(page, question);
    await shows(q.getByText(answer));
    await shows(q.getByText(/^Lương Văn Đồng \(Chủ tịch UBND xã Na Rì\) trả lời lúc 09:30/));
    await shows(page.getByText('Hội nghị nhận 3 câu hỏi, trả lời tại chỗ; giao công chức lập dự toán đèn chiếu sáng.'));
    expect(await page.getByRole('button', { name: 'Gửi câu hỏi' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
