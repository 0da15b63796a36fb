// A secret vote stays secret once it is published (issue 4 item 9; Decree 59/2023 Art 3(5)(c) for the
// meeting's secret ballot, Art 5 for the online vote): the public result page gives the totals per
// option and the working (Law 10/2022 Art 21(1)), and never a household's name next to a choice. The
// list of households that took part in an online vote (Art 5(4)(a)) is for officials only: the village
// head sees it, an anonymous visitor does not. Uses the demo's festival meeting (secret ballot at a
// meeting) and its open online vote, in which one household votes here, which the village head then
// counts and publishes once the clock has passed the close.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOn } from '../../src/modules/decisions/decisions.repo.js';
import { addDays, todayInVietnam } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

const today = todayInVietnam(new Date());
const clock = fixedClock(`${today}T02:00:00Z`); // 09:00 in Vietnam; the online vote closes in 7 days
const CHOICES = ['Đồng ý', 'Không đồng ý', 'Ý kiến khác'];
const VOTER_PHONE = '0912000002';

let server: TestServer;
let browser: Browser;
let village: { id: number; name: string };
let onlineVoteId = 0;
let voter = '';
/** Every household representative of the village, the names a secret vote must never pair with a choice. */
let representatives: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
  const db = server.deps.db;
  village = await db.selectFrom('units').select(['id', 'name']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
  const online = await db
    .selectFrom('votes')
    .select(['id', 'vote_date'])
    .where('unit_id', '=', village.id)
    .where('form', '=', 'online')
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  onlineVoteId = online.id;
  voter = (await db.selectFrom('users').select('display_name').where('phone', '=', VOTER_PHONE).executeTakeFirstOrThrow()).display_name;
  representatives = (await registerOn(db, village.id, online.vote_date)).map((h) => h.representative).filter(Boolean);
  expect(representatives).toContain(voter);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** An official's password, then the TOTP code of the server's own (fixed) clock. */
async function officialPage(username: string, next: string): Promise<Page> {
  const page = await newPage(browser);
  await signInOfficial(page, server.url, username, next, clock);
  return page;
}

/** The text of each cell of every table row on the page, spaces collapsed. */
const tableRows = (page: Page): Promise<string[][]> =>
  page.$$eval('main table tr', (rows) =>
    rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );

/** Fails when a row that names a choice also holds a household representative's name. */
async function expectNoNameBesideAChoice(page: Page): Promise<void> {
  const rows = await tableRows(page);
  const withChoice = rows.filter((cells) => cells.some((c) => CHOICES.includes(c)));
  expect(withChoice.length, 'rows with a choice on the page').toBeGreaterThan(0);
  for (const cells of withChoice) {
    const named = representatives.filter((n) => cells.some((c) => c.includes(n)));
    expect(named, `a household's name beside a choice in the row [${cells.join(' | ')}]`).toEqual([]);
  }
}

/** The totals per option as the page's table shows them: option -> number of households. */
async function totals(page: Page): Promise<Record<string, number>> {
  const rows = await tableRows(page);
  return Object.fromEntries(rows.filter((c) => CHOICES.includes(c[0]!)).map((c) => [c[0]!, Number(c[1])]));
}

const valueIn = (page: Page, heading: string, term: string) =>
  page
    .getByRole('heading', { level: 3, name: heading, exact: true })
    .locator('xpath=following-sibling::dl[1]')
    .locator('dt', { hasText: term })
    .locator('xpath=following-sibling::dd[1]');

describe('a published secret vote shows totals and the working, never who chose what', () => {
  it('the matter adopted by secret ballot at a meeting: totals per option and the working, no name beside a choice', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${village.id}/decisions`);
    await page.getByRole('link', { name: /^Địa điểm tổ chức lễ hội Lồng tồng của thôn/ }).click();
    await page.getByRole('link', { name: 'Họp cộng đồng dân cư' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Họp cộng đồng dân cư: Địa điểm tổ chức lễ hội Lồng tồng của thôn' }));
    await shows(page.getByText('Họp cộng đồng dân cư, bỏ phiếu kín'));

    const t = await totals(page);
    expect(Object.keys(t).sort()).toEqual([...CHOICES].sort());
    const present = Number(await seenText(valueIn(page, 'Cách tính kết quả', 'Số hộ có đại diện tham dự')));
    expect(t['Đồng ý']! + t['Không đồng ý']! + t['Ý kiến khác']!).toBeLessThanOrEqual(present);
    expect(await seenText(valueIn(page, 'Cách tính kết quả', 'Số hộ tán thành'))).toMatch(new RegExp(`^${t['Đồng ý']} / \\d+ \\(`));
    expect(await seenText(valueIn(page, 'Cách tính kết quả', 'Kết quả'))).toBe('Được thông qua');
    await expectNoNameBesideAChoice(page);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('a household votes in the online vote; after the close the village head counts, completes and publishes it', async () => {
    const resident = await newPage(browser);
    await resident.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/votes/${onlineVoteId}/ballot`)}`);
    const card = resident.locator('.card').filter({ has: resident.getByRole('heading', { level: 2, name: 'Người dân (số điện thoại)' }) });
    await card.getByLabel('Số điện thoại').fill(VOTER_PHONE);
    await card.getByRole('button', { name: 'Gửi mã' }).click();
    await shows(resident.getByRole('heading', { level: 1, name: 'Mã xác nhận' }));
    const sent = await server.deps.db
      .selectFrom('outbox')
      .select('params')
      .where('recipient', '=', VOTER_PHONE)
      .where('template', '=', 'otp')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await resident.getByLabel('Mã xác nhận').fill(JSON.parse(sent.params).code);
    await resident.getByRole('button', { name: 'Xác nhận' }).click();
    await resident.getByRole('radio', { name: 'Không đồng ý', exact: true }).check();
    await resident.getByRole('button', { name: 'Gửi phiếu biểu quyết' }).click();
    await shows(resident.getByRole('heading', { level: 1, name: 'Đã ghi nhận phiếu của hộ' }));
    await resident.context().close();

    clock.set(`${addDays(today, 8)}T02:00:00Z`); // the morning after the close (today + 7, 20:00)
    const head = await officialPage('truongthon.xd', `/votes/${onlineVoteId}`);
    await head.getByRole('button', { name: 'Kiểm phiếu' }).click();
    await shows(head.getByRole('status').filter({ hasText: 'Đã kiểm phiếu' }));

    // The participants list (Decree 59 Art 5(4)(a)) is the officials' own: names and addresses, no choice.
    const list = head.getByRole('heading', { level: 3, name: 'Danh sách đại diện hộ gia đình tham gia' });
    await shows(list);
    await shows(head.getByRole('cell', { name: voter, exact: true }));
    await expectNoNameBesideAChoice(head);

    await head.getByRole('link', { name: 'Lập biên bản, quyết định' }).click();
    await head.getByLabel('Nội dung đã thảo luận').fill('Biểu quyết trực tuyến theo Điều 5 Nghị định 59/2023/NĐ-CP.');
    await head.getByLabel('Quyết định của cộng đồng').fill('Giữ giờ mở loa truyền thanh như hiện nay.');
    const others = representatives.filter((n) => n !== voter);
    await head.getByLabel('Đại diện hộ gia đình ký thứ nhất').selectOption(others[10]!);
    await head.getByLabel('Đại diện hộ gia đình ký thứ hai').selectOption(others[11]!);
    await head.getByRole('button', { name: 'Lưu biên bản' }).click();
    await head.getByRole('button', { name: 'Trưởng thôn xác nhận biên bản' }).click();
    await shows(head.getByRole('status').filter({ hasText: 'Đã xác nhận biên bản.' }));

    const front = await officialPage('bancongtac.xd', `/votes/${onlineVoteId}`);
    await front.getByRole('button', { name: 'Trưởng ban công tác Mặt trận xác nhận biên bản' }).click();
    await shows(front.getByRole('status').filter({ hasText: 'Đã xác nhận biên bản.' }));
    await front.context().close();

    await head.reload();
    await head.getByRole('button', { name: 'Hoàn tất biên bản' }).click();
    await head.getByRole('button', { name: 'Ghi ngày gửi UBND xã và UBMTTQ xã' }).click();
    await head.getByRole('button', { name: 'Công bố kết quả cho nhân dân (Điều 23 khoản 2)' }).click();
    await shows(head.getByRole('status').filter({ hasText: 'Đã công bố kết quả.' }));
    await head.context().close();
  });

  it('the published online vote shows a visitor the totals and the working, but not who took part', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/units/${village.id}/decisions`);
    await page.getByRole('link', { name: /^Giờ mở loa truyền thanh của thôn/ }).click();
    await page.getByRole('link', { name: 'Biểu quyết trực tuyến' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Biểu quyết trực tuyến: Giờ mở loa truyền thanh của thôn' }));

    const t = await totals(page);
    expect(Object.keys(t).sort()).toEqual([...CHOICES].sort());
    expect(t['Không đồng ý']).toBeGreaterThanOrEqual(1);
    const took = Number(await seenText(valueIn(page, 'Cách tính kết quả', 'Số hộ đã tham gia')));
    expect(t['Đồng ý']! + t['Không đồng ý']! + t['Ý kiến khác']!).toBe(took);
    expect(await seenText(valueIn(page, 'Cách tính kết quả', 'Căn cứ'))).toBe('Điều 21 khoản 1 điểm c Luật 10/2022/QH15');
    await shows(valueIn(page, 'Cách tính kết quả', 'Điều kiện thông qua'));

    await expectNoNameBesideAChoice(page);
    expect(await page.getByRole('heading', { name: 'Danh sách đại diện hộ gia đình tham gia' }).count()).toBe(0);
    // The voter's name is nowhere on the public page (they signed nothing and are in no team).
    expect(await seenText(page.locator('main'))).not.toContain(voter);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
