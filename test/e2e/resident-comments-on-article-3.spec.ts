// A resident comments on Article 3 of a draft commune democracy regulation; the official answers,
// publishes the synthesis and closes; the public reads the synthesis and the Word report opens
// (issue 6 items 1–3, 8; R-D1, R-D2; Law 10/2022 Arts 25(7), 28–29). Every page passes axe-core.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT_PHONE } from '../../src/platform/auth/demo-accounts.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { unzip } from '../unzip.js';
import { expectNoAxeViolations, launchBrowser, newPage, shows, signInOfficial } from './browser.js';

const clock = fixedClock('2026-12-01T03:00:00Z');
let server: TestServer;
let browser: Browser;
let xd: number;
let consultationUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
  xd = (await server.deps.db.selectFrom('units').select('id').where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TITLE = 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Xuân Dương';
const DRAFT =
  'Điều 1. Phạm vi\nQuy chế áp dụng trên địa bàn xã.\nĐiều 2. Đối tượng\nCông dân cư trú trên địa bàn xã.\nĐiều 3. Hình thức công khai\nNiêm yết tại trụ sở UBND xã.';
const COMMENT = 'Đề nghị niêm yết cả tại nhà văn hóa các thôn.';

async function signInResident(page: Page) {
  await page.goto(`${server.url}/sign-in`);
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Người dân (số điện thoại)' }) });
  await card.getByLabel('Số điện thoại').fill(DEMO_RESIDENT_PHONE);
  await card.getByRole('button', { name: 'Gửi mã' }).click();
  await shows(page.getByRole('heading', { level: 1, name: 'Mã xác nhận' }));
  const m = await server.deps.db.selectFrom('outbox').select('params').where('template', '=', 'otp').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await page.getByLabel('Mã xác nhận').fill(JSON.parse(m.params).code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await shows(page.getByRole('banner').getByRole('button', { name: /^Đăng xuất/ }));
}

describe('a resident comments on Article 3 of a draft democracy regulation, and follows it to the synthesis', () => {
  it('R-D1: the official prepares the draft (a short period without a cited law is refused) and opens it', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'canbo.xuanduong', `/units/${xd}/consultations`, clock);
    await page.getByRole('link', { name: 'Lấy ý kiến về một dự thảo mới' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Lấy ý kiến về một dự thảo' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Nội dung lấy ý kiến (Điều 25)').selectOption('item7');
    await page.getByLabel('Tên dự thảo').fill(TITLE);
    await page.getByLabel('Toàn văn dự thảo').fill(DRAFT);
    await page.getByLabel('Số ngày lấy ý kiến kể từ ngày công bố').fill('15');
    await page.getByLabel('Nội dung kế hoạch').fill('Lấy ý kiến Nhân dân theo từng điều.');
    await page.getByLabel('Cổng, trang thông tin điện tử của xã').check();
    await page.getByLabel('Thời gian thực hiện').fill('20 ngày');
    await page.getByLabel('Người, bộ phận chịu trách nhiệm').fill('Văn phòng UBND xã');
    await page.getByLabel('Ngày gửi kế hoạch cho Thường trực HĐND và Ủy ban MTTQ xã').fill('30/11/2026');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await shows(page.getByRole('alert'));
    expect(await page.getByRole('alert').textContent()).toContain('ít hơn 20 ngày');
    expect(await page.getByLabel('Tên dự thảo').inputValue()).toBe(TITLE);
    await expectNoAxeViolations(page);
    await page.getByLabel('Số ngày lấy ý kiến kể từ ngày công bố').fill('20');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await shows(page.getByRole('heading', { level: 1, name: TITLE }));
    await page.getByRole('button', { name: 'Công bố và bắt đầu lấy ý kiến (20 ngày)' }).click();
    await shows(page.getByText('còn 21 ngày'));
    await expectNoAxeViolations(page);
    consultationUrl = page.url().replace(/[?#].*$/, '');
    await page.context().close();
  });

  it('the resident finds it on the commune page and comments on Article 3, disagreeing with it', async () => {
    const page = await newPage(browser);
    await signInResident(page);
    await page.goto(`${server.url}/units/${xd}`);
    await page.getByRole('link', { name: TITLE }).click();
    await shows(page.getByRole('heading', { level: 3, name: 'Điều 3. Hình thức công khai' }));
    await expectNoAxeViolations(page);
    // An empty comment comes back with the message next to the field.
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await shows(page.getByText('Nhập nội dung góp ý.').first());
    await expectNoAxeViolations(page);
    // The link under Article 3 brings the form with Article 3 already chosen.
    await page.getByRole('link', { name: 'Góp ý về Điều 3' }).click();
    expect(await page.getByLabel('Góp ý về').locator('option:checked').textContent()).toBe('Điều 3. Hình thức công khai');
    await page.getByLabel('Nội dung góp ý').fill(COMMENT);
    await page.getByRole('radio', { name: 'Không tán thành' }).check();
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await shows(page.getByText('Cảm ơn bạn đã góp ý.'));
    await shows(page.getByText(COMMENT));
    await shows(page.locator('#a-' + (await articleId(3))).getByText('0 tán thành, 1 không tán thành'));
    await page.context().close();
  });

  it('R-D2: after the period the official answers Article 3, publishes the synthesis and closes', async () => {
    clock.set('2026-12-22T03:00:00Z');
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'canbo.xuanduong', consultationUrl.replace(server.url, ''), clock);
    // Closing first is refused: no synthesis yet (Art 28(3)).
    await page.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).click();
    await shows(page.getByText('Chưa thể kết thúc: phải công bố kết quả tổng hợp và giải trình trước (khoản 3 Điều 28).').first());
    // The moderation page of the resident's comment (nothing is changed here).
    await page.getByRole('link', { name: 'Kiểm duyệt' }).first().click();
    await shows(page.getByRole('heading', { level: 1, name: 'Kiểm duyệt ý kiến' }));
    await shows(page.getByText(COMMENT).first());
    await expectNoAxeViolations(page);
    await page.goto(consultationUrl);
    await page.getByRole('link', { name: 'Tổng hợp, tiếp thu, giải trình' }).click();
    await expectNoAxeViolations(page);
    const group = page.locator(`#g-${await articleId(3)}`);
    await group.getByRole('radio', { name: 'Tiếp thu', exact: true }).check();
    await group.getByLabel(/^Tóm tắt ý kiến/).fill('Đề nghị niêm yết cả tại nhà văn hóa thôn.');
    await group.getByLabel(/^Giải trình/).fill('Tiếp thu: bổ sung niêm yết tại nhà văn hóa các thôn vào Điều 3.');
    await group.getByRole('button', { name: 'Lưu trả lời' }).click();
    await shows(page.getByText('Đã lưu câu trả lời.'));
    await page.getByLabel('Báo cáo tổng hợp').fill('Đã nhận 1 ý kiến trực tuyến về Điều 3.');
    await page.getByRole('button', { name: 'Công bố tổng hợp và giải trình' }).click();
    await shows(page.getByText('Đã công bố kết quả tổng hợp và giải trình.'));
    await page.goto(consultationUrl);
    await page.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).click();
    await shows(page.getByText('Đã kết thúc lấy ý kiến.'));
    await page.context().close();
  });

  it('the public reads the synthesis from the list of closed consultations, and the Word report opens', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${xd}/consultations`);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();
    await shows(page.getByRole('heading', { level: 1, name: `Tổng hợp, tiếp thu, giải trình: ${TITLE}` }));
    await shows(page.getByText('Tiếp thu: bổ sung niêm yết tại nhà văn hóa các thôn vào Điều 3.'));
    await expectNoAxeViolations(page);
    const href = await page.getByRole('link', { name: 'Tải báo cáo (Word)' }).getAttribute('href');
    const res = await page.request.get(new URL(href!, server.url).toString());
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    const xml = unzip(Buffer.from(await res.body()))
      .get('word/document.xml')!
      .toString('utf8');
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('Điều 3. Hình thức công khai');
    expect(xml).toContain('Tiếp thu: tiếp thu.');
    await page.context().close();
  });
});

async function articleId(position: number) {
  const c = await server.deps.db.selectFrom('consultations').select('id').where('title', '=', TITLE).executeTakeFirstOrThrow();
  return (
    await server.deps.db
      .selectFrom('consultation_articles')
      .select('id')
      .where('consultation_id', '=', c.id)
      .where('position', '=', position)
      .executeTakeFirstOrThrow()
  ).id;
}
