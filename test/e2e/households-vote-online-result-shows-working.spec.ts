// Three households of the demo village vote on its open online vote (Decree 59/2023 Art 5; Law
// 10/2022 Art 19(3)): each representative signs in with a code sent to their phone (the development
// outbox stands in for the SMS), votes, and gets a receipt code; one checks it; a second ballot from
// the same household is refused (R-A9). Before the close nobody sees the counts (issue 4 item 9);
// after it the village head counts, and the page shows the working against ALL households of the
// village (Art 21(1)(c), R-A4), not only those that voted. The server's clock is fixed and moved past
// the close, as the week of a real vote would pass.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdsTotalOn } from '../../src/modules/decisions/decisions.repo.js';
import { addDays, todayInVietnam } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { formatDateTime } from '../../src/platform/i18n/index.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, seenText, shows, signInOfficial } from './browser.js';

// 09:00 in Vietnam today: the demo's online vote opened yesterday and closes in 7 days at 20:00.
const today = todayInVietnam(new Date());
const clock = fixedClock(`${today}T02:00:00Z`);
const matterTitle = 'Giờ mở loa truyền thanh của thôn';
const PHONES = ['0912345678', '0912000002', '0912000003'] as const;
const CHOICES = ['Đồng ý', 'Đồng ý', 'Không đồng ý'] as const;

let server: TestServer;
let browser: Browser;
let village: { id: number; name: string };
let voteId = '';
let before = { voted: 0, agree: 0 };
const receipts: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
  village = await server.deps.db.selectFrom('units').select(['id', 'name']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
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

/** Phone number, then the code read from the development outbox (it stands in for the SMS). */
async function phoneSignIn(page: Page, phone: string): Promise<void> {
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Người dân (số điện thoại)' }) });
  await card.getByLabel('Số điện thoại').fill(phone);
  await card.getByRole('button', { name: 'Gửi mã' }).click();
  await shows(page.getByRole('heading', { level: 1, name: 'Mã xác nhận' }));
  const outboxLink = await shows(page.getByRole('link', { name: 'Xem mã trong hộp thư gửi phát triển' }));
  const outbox = await page.context().newPage();
  await outbox.goto(new URL((await outboxLink.getAttribute('href'))!, server.url).toString());
  const row = await shows(outbox.getByRole('row').filter({ hasText: phone }).first());
  const code = /\b(\d{6})\b/.exec(await seenText(row))?.[1];
  expect(code, `a 6-digit code for ${phone} in the outbox`).toMatch(/^\d{6}$/);
  await outbox.close();
  await page.getByLabel('Mã xác nhận').fill(code!);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await shows(page.getByRole('banner').getByRole('button', { name: /^Đăng xuất/ }));
}

/** The first household finds the vote as a resident would: the village's decisions, the matter, the vote, its ballot. */
async function residentFindsBallot(phone: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/units/${village.id}/decisions`)}`);
  await phoneSignIn(page, phone);
  await shows(page.getByRole('heading', { level: 1, name: `Dân bàn và quyết định: ${village.name}` }));
  await page.getByRole('link', { name: new RegExp(`^${matterTitle}`) }).click();
  await page.getByRole('link', { name: 'Biểu quyết trực tuyến' }).click();
  await shows(page.getByRole('heading', { level: 1, name: `Biểu quyết trực tuyến: ${matterTitle}` }));
  await page.getByRole('link', { name: 'Bỏ phiếu của hộ' }).click();
  await shows(page.getByRole('heading', { level: 1, name: `Biểu quyết: ${matterTitle}` }));
  voteId = /^\/votes\/(\d+)\/ballot$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
  expect(voteId).not.toBe('');
  return page;
}

/** The others open the ballot's link (as passed round by the village) and sign in from its button. */
async function residentOpensBallotLink(phone: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${server.url}/votes/${voteId}/ballot`);
  await page.getByRole('link', { name: 'Đăng nhập để biểu quyết' }).click();
  await phoneSignIn(page, phone);
  await shows(page.getByRole('heading', { level: 1, name: `Biểu quyết: ${matterTitle}` }));
  expect(new URL(page.url()).pathname).toBe(`/votes/${voteId}/ballot`);
  return page;
}

const residentName = async (phone: string) =>
  (await server.deps.db.selectFrom('users').select('display_name').where('phone', '=', phone).executeTakeFirstOrThrow()).display_name;

/** Ticks a choice and sends the ballot; returns the receipt code shown once. */
async function vote(page: Page, choice: string): Promise<string> {
  await page.getByRole('radio', { name: choice, exact: true }).check();
  await page.getByRole('button', { name: 'Gửi phiếu biểu quyết' }).click();
  await shows(page.getByRole('heading', { level: 1, name: 'Đã ghi nhận phiếu của hộ' }));
  const code = await seenText(page.getByRole('status').locator('.code'));
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  return code;
}

/** The value next to a term in the description list that follows a level-3 heading. */
const valueIn = (page: Page, heading: string, term: string) =>
  page
    .getByRole('heading', { level: 3, name: heading, exact: true })
    .locator('xpath=following-sibling::dl[1]')
    .locator('dt', { hasText: term })
    .locator('xpath=following-sibling::dd[1]');

describe('three households vote online; the result appears only after the close, with its working', () => {
  it('R-A9: each representative votes once with a phone code and gets a receipt code that checks out; a second ballot is refused', async () => {
    for (const [i, phone] of PHONES.entries()) {
      const page = i === 0 ? await residentFindsBallot(phone) : await residentOpensBallotLink(phone);
      if (i === 0) {
        // What the store held before our three households: for the working expected after the close.
        const db = server.deps.db;
        const voted = await db.selectFrom('vote_receipts').select('household_id').where('vote_id', '=', Number(voteId)).execute();
        const agree = await db
          .selectFrom('vote_ballots')
          .select('option_key')
          .where('vote_id', '=', Number(voteId))
          .where('option_key', '=', 'agree')
          .execute();
        before = { voted: voted.length, agree: agree.length };
        await expectNoAxeViolations(page);
      }
      // The first representative also has the ballot open in a second tab (a phone and a computer).
      const second = i === 0 ? await page.context().newPage() : null;
      await second?.goto(`${server.url}/votes/${voteId}/ballot`);
      receipts.push(await vote(page, CHOICES[i]!));

      if (second) {
        await second.getByRole('radio', { name: 'Không đồng ý', exact: true }).check();
        await second.getByRole('button', { name: 'Gửi phiếu biểu quyết' }).click();
        await shows(second.getByText('Hộ của bạn đã biểu quyết trong đợt này.', { exact: false }));
        expect(await second.getByRole('button', { name: 'Gửi phiếu biểu quyết' }).count()).toBe(0);
        // Coming back to the ballot later, the form is no longer offered.
        await second.goto(`${server.url}/votes/${voteId}/ballot`);
        await shows(second.getByText('Hộ của bạn đã biểu quyết trong đợt này.', { exact: false }));
        expect(await second.getByRole('radio').count()).toBe(0);
      }
      if (i === 2) {
        // The last one checks the receipt straight away, from the link under the code.
        await page.getByRole('link', { name: 'Kiểm tra phiếu bằng mã biên nhận' }).click();
        await shows(page.getByRole('heading', { level: 1, name: 'Kiểm tra phiếu bằng mã biên nhận' }));
        expect(new URL(page.url()).pathname).toBe(`/votes/${voteId}/receipt`);
        await page.getByLabel('Mã biên nhận').fill(receipts[2]!.toLowerCase());
        await page.getByRole('button', { name: 'Kiểm tra' }).click();
        const answer = await shows(page.getByRole('status').filter({ hasText: 'Phiếu của hộ đã được ghi nhận trong hòm phiếu' }));
        // Secret ballot (Law 10/2022 Art 9(5)): the code confirms the ballot is stored, not what it chose.
        expect(await seenText(answer)).toContain('Chưa kiểm phiếu');
        expect(await seenText(answer)).not.toContain('Không đồng ý');
        expect(await seenText(answer)).not.toContain(await residentName(phone));
        await expectNoAxeViolations(page);
      }
      await page.context().close();
    }
    expect(new Set(receipts).size).toBe(3);
    const voted = await server.deps.db.selectFrom('vote_receipts').select('household_id').where('vote_id', '=', Number(voteId)).execute();
    expect(voted.length).toBe(before.voted + 3);
  });

  it('hides the counts from everyone until the close (issue 4 item 9)', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/votes/${voteId}`);
    const { closes_at } = await server.deps.db.selectFrom('votes').select('closes_at').where('id', '=', Number(voteId)).executeTakeFirstOrThrow();
    await shows(page.getByText(`Kết quả được giữ kín đến khi kết thúc lúc ${formatDateTime(closes_at!)}.`, { exact: true }));
    expect(await page.getByRole('columnheader', { name: 'Số hộ' }).count()).toBe(0);
    await shows(page.getByText('Kết quả chưa được tính.'));
    await page.context().close();
  });

  it('R-A4: after the close the village head counts, and the vote page shows the working against all households', async () => {
    clock.set(`${addDays(today, 8)}T02:00:00Z`); // the morning after the close (today + 7, 20:00)
    const page = await officialPage('truongthon.xd', `/votes/${voteId}`);
    await page.getByRole('button', { name: 'Kiểm phiếu' }).click();
    await shows(page.getByRole('status').filter({ hasText: 'Đã kiểm phiếu; kết quả đã được tính.' }));

    const vote = await server.deps.db.selectFrom('votes').select(['vote_date']).where('id', '=', Number(voteId)).executeTakeFirstOrThrow();
    const total = await householdsTotalOn(server.deps.db, village.id, vote.vote_date);
    const voted = before.voted + 3;
    const approving = before.agree + 2;
    const needed = Math.floor(total / 2) + 1;
    const pct = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format((approving * 100) / total);
    const working = 'Cách tính kết quả';
    expect(await seenText(valueIn(page, working, 'Tổng số hộ gia đình'))).toBe(String(total));
    expect(await seenText(valueIn(page, working, 'Số hộ đã tham gia'))).toBe(String(voted));
    expect(await seenText(valueIn(page, working, 'Số hộ tán thành'))).toBe(`${approving} / ${total} (${pct}%)`);
    expect(await seenText(valueIn(page, working, 'Điều kiện thông qua'))).toBe(`Trên 1/2 tổng số hộ: cần ít nhất ${needed} hộ`);
    expect(await seenText(valueIn(page, working, 'Kết quả'))).toBe(approving >= needed ? 'Được thông qua' : 'Không được thông qua');
    expect(await seenText(valueIn(page, working, 'Căn cứ'))).toBe('Điều 21 khoản 1 điểm c Luật 10/2022/QH15');
    // The counts per option are shown now, each against all households.
    const agreeRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Đồng ý', exact: true }) });
    expect(await seenText(agreeRow.getByRole('cell').first())).toBe(String(approving));
    await expectNoAxeViolations(page);
    await page.context().close();

    // Until the village head publishes it (Art 23(2)), a visitor is told the result is being finalised.
    const visitor = await newPage(browser);
    await visitor.goto(`${server.url}/votes/${voteId}`);
    await shows(visitor.getByText('Kết quả đang được hoàn thiện và sẽ được Trưởng thôn công bố (Điều 23 khoản 2).'));
    expect(await visitor.getByRole('heading', { name: working }).count()).toBe(0);
    await expectNoAxeViolations(visitor);
    await visitor.context().close();
  });
});
