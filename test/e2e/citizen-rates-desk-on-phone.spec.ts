// A citizen scans the QR code on the one-stop desk with a phone and rates the service in one minute
// (R-H8; Law 10/2022 Arts 34(1), 35(2)(a); resolution M-3.5(b)); the reception, QR, poster, index and
// dossier pages pass axe-core WCAG 2.1 AA, for visitors and for the commune's officials.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, shows, signInOfficial } from './browser.js';

let server: TestServer;
let browser: Browser;
let naRi: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
  naRi = (await server.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const deskToken = async () =>
  (await server.deps.db.selectFrom('qr_points').select('token').where('commune_id', '=', naRi).where('kind', '=', 'desk').executeTakeFirstOrThrow()).token;

describe('a citizen rates the one-stop desk on a phone (R-H8)', () => {
  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    page = await context.newPage();
  });

  it('R-H8: the rating page fits a phone, its three choices are big touch targets, and it passes axe', async () => {
    await page.goto(`${server.url}/q/${await deskToken()}`);
    await shows(page.getByRole('heading', { level: 1, name: 'Đánh giá trong 1 phút' }));
    await expectNoAxeViolations(page);
    const choice = page.locator('label.card').filter({ hasText: 'Hài lòng' }).first();
    const box = await choice.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThan(300);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });

  it('R-H8: sending without a choice shows the error summary (axe-clean), then a choice is sent', async () => {
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await shows(page.getByRole('alert'));
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Hài lòng' }).first().check();
    // Na Rì's dossiers come from the one-stop system, so the code must be one of them (review C.18).
    const dossier = await server.deps.db.selectFrom('one_stop_dossiers').select('code').where('commune_id', '=', naRi).executeTakeFirstOrThrow();
    await page.getByLabel('Mã hồ sơ').fill(dossier.code);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Cảm ơn bạn đã đánh giá' }));
    await expectNoAxeViolations(page);
    const row = await server.deps.db.selectFrom('service_ratings').selectAll().where('dossier_code', '=', dossier.code).executeTakeFirstOrThrow();
    expect(row.overall).toBe(3);
  });
});

describe('reception, QR and index pages pass axe-core WCAG 2.1 AA', () => {
  it('a visitor: the reception calendar, booking a slot, the booking page and a dossier page', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${naRi}/reception`);
    await shows(page.getByRole('heading', { level: 1, name: /Lịch tiếp công dân/ }));
    await expectNoAxeViolations(page);
    await page
      .getByRole('link', { name: /^Đặt lịch/ })
      .last()
      .click();
    await shows(page.getByRole('heading', { level: 1, name: 'Đặt lịch tiếp công dân' }));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Đặt lịch' }).click();
    await shows(page.getByRole('alert'));
    await expectNoAxeViolations(page);
    await page.locator('input[name="slot"]:not([disabled])').first().check();
    await page.getByLabel('Họ và tên').fill('Đinh Văn Sáu');
    await page.getByLabel('Số điện thoại').fill('0912000888');
    await page.getByLabel('Nội dung bạn muốn trình bày').fill('Hỏi về hỗ trợ làm nhà cho hộ nghèo.');
    await page.getByRole('button', { name: 'Đặt lịch' }).click();
    await shows(page.getByRole('heading', { level: 1, name: /^Lịch hẹn TD-/ }));
    await expectNoAxeViolations(page);
    const dossier = await server.deps.db.selectFrom('one_stop_dossiers').select('code').executeTakeFirstOrThrow();
    await page.goto(`${server.url}/dossiers/${encodeURIComponent(dossier.code)}`);
    await shows(page.getByRole('heading', { level: 1, name: /^Hồ sơ / }));
    await expectNoAxeViolations(page);
  });

  it("the chairman: the calendar with its form, a day's bookings, the receive form, QR points, a poster and the satisfaction index", async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'chutich.nari', `/units/${naRi}/reception`);
    await page.goto(`${server.url}/units/${naRi}/reception`);
    await shows(page.getByRole('heading', { level: 2, name: 'Thêm ngày tiếp công dân' }));
    await expectNoAxeViolations(page);
    const booked = await server.deps.db
      .selectFrom('reception_bookings as b')
      .innerJoin('reception_days as d', 'd.id', 'b.reception_day_id')
      .select('d.id')
      .where('d.unit_id', '=', naRi)
      .where('d.host_role', '=', 'commune_chairman')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/reception/manage/days/${booked.id}`);
    await shows(page.getByRole('heading', { level: 1, name: /^Tiếp công dân / }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Tiếp nhận' }).first().click();
    await shows(page.getByRole('heading', { level: 1, name: 'Ghi nhận nội dung tiếp công dân' }));
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/units/${naRi}/qr`);
    await shows(page.getByRole('heading', { level: 1, name: /Mã QR đánh giá và phản ánh/ }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'In áp phích' }).first().click();
    await shows(page.getByRole('heading', { level: 1 }));
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/units/${naRi}/ratings`);
    await shows(page.getByRole('heading', { level: 1, name: /Chỉ số hài lòng/ }));
    await expectNoAxeViolations(page);
  });
});
