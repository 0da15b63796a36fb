// Law 10/2022 Art 12(3): a commune discloses within 05 working days of the decision. An official
// publishes today a decision signed 10 working days ago, giving the reason; the provincial council
// observer (Art 14(3) oversight) sees it on the commune's compliance page as late by the working
// days past the deadline, with that reason. Dates come from the working calendar, relative to today.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitByCode } from '../../src/modules/units/units.repo.js';
import { DEMO_PASSWORD } from '../../src/platform/auth/demo-accounts.js';
import { loadOfficialDays, todayInVietnam, toVnDate, WorkingCalendar } from '../../src/platform/calendar/calendar.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, freshTotpCode, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

let server: TestServer;
let browser: Browser;
let naRi: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
  const unit = await unitByCode(server.deps.db, '02155', todayInVietnam(new Date()));
  if (!unit) throw new Error('demo commune 02155 (Xã Na Rì) missing');
  naRi = unit.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Like signInOfficial, but the TOTP step is taken only if asked: a council observer only reads, and
 * signs in with a password alone (TOTP_ROLES, src/platform/auth/policy.ts). */
async function signInObserver(page: Page, username: string, next: string): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Cán bộ, công chức' }) });
  await card.getByLabel('Tên đăng nhập').fill(username);
  await card.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await card.getByRole('button', { name: 'Đăng nhập' }).click();
  const totp = page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' });
  const signOut = page.getByRole('button', { name: /^Đăng xuất/ });
  await shows(totp.or(signOut));
  if (await totp.isVisible()) {
    await page.getByLabel('Mã xác nhận').fill(await freshTotpCode());
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
  await shows(signOut);
}

describe('the council observer sees a late disclosure on the commune compliance page', () => {
  it('lists the late item with its decision date, deadline, working days late and reason', async () => {
    const cal = new WorkingCalendar(loadOfficialDays());
    const today = todayInVietnam(new Date());
    const decided = cal.addWorkingDays(today, -10);
    const deadline = cal.addWorkingDays(decided, 5);
    const daysLate = cal.workingDaysBetween(deadline, today);
    expect(daysLate).toBeGreaterThan(0);
    const title = 'Kết quả huy động Nhân dân đóng góp làm đường thôn (kiểm thử)';
    const reason = 'Chờ thôn tổng hợp danh sách hộ đóng góp';

    const official = await newPage(browser);
    await signInOfficial(official, server.url, 'canbo.nari', `/units/${naRi}/disclosures/new`);
    await shows(official.getByRole('heading', { level: 1, name: 'Soạn nội dung công khai' }));
    await official.getByLabel('Nhóm thông tin (Điều 11)').selectOption('5');
    await official.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await official.getByLabel('Số, ký hiệu', { exact: true }).fill('77/TB-UBND');
    await official.getByLabel('Ngày ban hành', { exact: true }).fill(toVnDate(decided));
    await official.getByLabel(/^Lý do công khai chậm/).fill(reason);
    await official.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await shows(official.getByRole('heading', { level: 1, name: title }));
    const id = /^\/disclosures\/(\d+)$/.exec(new URL(official.url()).pathname)?.[1];
    expect(id).toBeTruthy();
    await official.getByRole('button', { name: 'Công khai', exact: true }).click();
    await shows(official.getByRole('status').getByText('Đã công khai.'));
    await shows(official.getByText(`Chậm ${daysLate} ngày làm việc`, { exact: true }));
    await official.context().close();

    const council = await newPage(browser);
    await signInObserver(council, 'hdnd', `/units/${naRi}/disclosures/compliance`);
    await shows(council.getByRole('heading', { level: 1, name: /^Tình hình thực hiện kế hoạch công khai năm \d{4}: Xã Na Rì$/ }));
    await shows(council.getByRole('heading', { level: 2, name: 'Nội dung công khai chậm so với thời hạn 05 ngày làm việc' }));
    const lateTable = council.getByRole('table').filter({ has: council.getByRole('columnheader', { name: 'Chậm', exact: true }) });
    const row = await shows(lateTable.getByRole('row').filter({ has: council.getByRole('link', { name: title, exact: true }) }));
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.map((c) => c.trim())).toEqual([
      `${title}\nNhóm 5 · Đang công khai`,
      toVnDate(decided),
      toVnDate(deadline),
      toVnDate(today),
      `${daysLate} ngày làm việc`,
      reason,
    ]);
    expect(await seenText(row)).toContain(reason);
    await expectNoAxeViolations(council);

    await council.goto(`${server.url}/units/${naRi}/disclosures/register`);
    // The quarter's register, public by law (Art 13(2)), lists it too.
    expect(await (await shows(council.getByRole('link', { name: title, exact: true }))).getAttribute('href')).toBe(`/disclosures/${id}`);
    await expectNoAxeViolations(council);

    await council.goto(`${server.url}/units/${naRi}/disclosures/plan`);
    await shows(council.getByRole('heading', { level: 1 }));
    await expectNoAxeViolations(council);
    await council.context().close();
  });
});
