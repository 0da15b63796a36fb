// An anonymous citizen reports a broken bridge without an account, keeps the tracking code, and
// follows it to the commune's answer; the answer is published with personal data removed and the
// citizen rates it (issue 5 items 1, 5, 10; Law 10/2022 Arts 34–35; R-H6, R-H8). Every page on the
// way passes axe-core WCAG 2.1 AA.
import type { Browser } from 'playwright-core';
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

const TITLE = 'Cầu treo thôn Nà Deng gãy ba tấm ván';

describe('an anonymous citizen reports a broken bridge and follows it to the answer', () => {
  let code = '';

  it('R-H5: sends a report without an account from the commune page and gets a tracking code', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${naRi}`);
    await page
      .getByRole('link', { name: /Gửi phản ánh/ })
      .first()
      .click();
    await shows(page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }));
    await expectNoAxeViolations(page);
    // Sending nothing brings the form back with the errors next to the fields.
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await shows(page.getByRole('alert').first());
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Phản ánh', exact: true }).check();
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Đường, cầu, điện, nước' });
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Nội dung').fill('Cầu treo qua suối đầu thôn gãy ba tấm ván, học sinh đi qua rất nguy hiểm. Đề nghị xã sửa sớm.');
    await page.getByLabel('Địa điểm (nếu có)').fill('Cầu treo đầu thôn Nà Deng');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    // Finding 16: 10 letters after PA- from the unambiguous alphabet.
    const found = ((await page.locator('body').textContent()) ?? '').match(/PA-[2-9A-HJKMNP-Z]{10}\b/);
    expect(found).not.toBeNull();
    code = found![0];
    await shows(page.getByRole('heading', { level: 1, name: TITLE }));
    expect(await page.title()).toContain(`Theo dõi ${code}`);
    await expectNoAxeViolations(page);
    const row = await server.deps.db.selectFrom('feedback_items').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'report', anonymous: 1, channel: 'web', status: 'received', clock: 'answer' });
    await page.context().close();
  });

  it('the commune official finds it in the unit list and answers it with a public text', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'canbo.nari', `/units/${naRi}/feedback/manage`);
    await shows(page.getByRole('link', { name: code }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: code }).click();
    await shows(page.getByRole('heading', { level: 1 }).filter({ hasText: TITLE }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Nội dung trả lời gửi người gửi').fill('UBND xã đã giao thôn Nà Deng thay ván cầu trong ngày 27/11/2026.');
    await page.getByLabel('Được công khai (bản đã xoá thông tin cá nhân)').check();
    await page.getByLabel('Nội dung công khai').fill('Đã thay ba tấm ván cầu treo thôn Nà Deng.');
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await shows(page.getByText('Đã trả lời').first());
    await page.context().close();
  });

  it('R-H8: the citizen looks the code up (typed in lower case), reads the answer and rates it', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/feedback`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Mã tra cứu').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await shows(page.getByRole('heading', { level: 1, name: TITLE }));
    await shows(page.getByText('Đã thay ba tấm ván cầu treo thôn Nà Deng.'));
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await shows(page.getByText('Cảm ơn bạn đã đánh giá.'));
    const row = await server.deps.db.selectFrom('feedback_items').select(['rating', 'status']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
    expect(row.rating).toBe('satisfied');
    await page.context().close();
  });

  it('the public list of answers shows the published text', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${naRi}/feedback`);
    await shows(page.getByText('Đã thay ba tấm ván cầu treo thôn Nà Deng.'));
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
