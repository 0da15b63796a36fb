// A village takes an amendment of its covenant from proposal to recognition, and the public reads the
// text with its versions and the readable diff (Decree 61/2023 Arts 7–15; R-E1, R-E2, R-E3, R-E4,
// R-E7, R-D4). The vote itself runs on the decisions pages (their own spec); here the meeting is
// recorded through decisions' commands and the commune recognises it in the browser. Every page passes axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finaliseVote } from '../../src/modules/decisions/commands/finalise.js';
import { confirmMinutes, saveMinutes } from '../../src/modules/decisions/commands/minutes.js';
import { recordMeeting } from '../../src/modules/decisions/commands/record-meeting.js';
import { emptySchedule, scheduleVote } from '../../src/modules/decisions/commands/schedule.js';
import { submitVote } from '../../src/modules/decisions/commands/submit.js';
import { registerOn } from '../../src/modules/decisions/decisions.repo.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { addDays } from '../../src/platform/calendar/calendar.js';
import { fixedClock } from '../../src/platform/clock.js';
import { formatDate, translator } from '../../src/platform/i18n/index.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, shows, signInOfficial } from './browser.js';

const START = '2026-12-10';
const clock = fixedClock(`${START}T02:00:00Z`);
const t = translator('vi');
let server: TestServer;
let browser: Browser;
let village: number;
let covenantUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo', clock }), launchBrowser()]);
  village = (await server.deps.db.selectFrom('units').select('id').where('code', '=', '02191-01').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const actor = async (username: string) => {
  const u = await server.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(server.deps.db, u.id)) as Actor;
};

describe('a village takes a covenant from proposal to recognition; the public reads it with its history', () => {
  it('R-E7, R-E1: the village head proposes, names the team, writes two versions and posts the draft', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'truongthon.xd', `/units/${village}/covenants`, clock);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Đề xuất xây dựng hương ước, quy ước' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Đề xuất xây dựng hương ước, quy ước' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Tên hương ước, quy ước').fill('Hương ước thôn sửa đổi năm 2026');
    await page.getByLabel('Loại đề xuất').selectOption('amendment');
    await page.getByLabel('Hương ước, quy ước được sửa đổi hoặc thay thế').selectOption({ index: 1 });
    await page.getByLabel('Trưởng ban công tác Mặt trận đã thống nhất').fill('Ma Thị Thảo');
    await page.getByLabel('Ngày thống nhất (dd/mm/yyyy)').fill('08/12/2026');
    await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await shows(page.getByRole('heading', { level: 1, name: 'Hương ước thôn sửa đổi năm 2026' }));
    covenantUrl = new URL(page.url()).pathname;
    await expectNoAxeViolations(page);
    // R-E7: a Tày community's team needs an elder and a speaker of Tày.
    await page.locator('#f-name_1').fill('Lý Văn Minh');
    await page.getByRole('button', { name: 'Lưu' }).first().click();
    await shows(page.locator('#f-team .emsg').filter({ hasText: 'già làng' }));
    await expectNoAxeViolations(page);
    expect(await page.locator('#f-name_1').inputValue()).toBe('Lý Văn Minh');
    await page.locator('#f-name_2').fill('Hoàng Văn Pha');
    await page.locator('input[name="elder_2"]').check();
    await page.locator('input[name="speaker_2"]').check();
    await page.getByRole('button', { name: 'Lưu' }).first().click();
    await shows(page.getByRole('status').filter({ hasText: 'Đã lưu.' }));
    for (const [text, note] of [
      ['Điều 1. Mục đích\nGiữ gìn vệ sinh môi trường.\nĐiều 2. Chăn nuôi\nHộ thả rông gia súc nộp 200.000 đồng.', 'Dự thảo lần 1'],
      [
        'Điều 1. Mục đích\nGiữ gìn vệ sinh môi trường.\nĐiều 2. Chăn nuôi\nHộ thả rông gia súc được nhắc nhở tại hội nghị thôn.',
        'Tiếp thu ý kiến: bỏ phạt tiền',
      ],
    ]) {
      await page.getByLabel('Nội dung (tiếng Việt, chia theo Điều 1, Điều 2…)').fill(text!);
      await page.getByLabel('Ghi chú phiên bản (sửa gì, vì sao)').fill(note!);
      await page.getByRole('button', { name: 'Lưu' }).nth(1).click();
      await shows(page.getByRole('status').filter({ hasText: 'Đã lưu.' }));
    }
    await page.getByLabel('Số ngày niêm yết (ít nhất 30)').fill('20');
    await page.getByRole('button', { name: 'Niêm yết và mở lấy ý kiến' }).click();
    await shows(page.locator('.emsg').filter({ hasText: 'ít nhất 30 ngày' }));
    await page.getByLabel('Số ngày niêm yết (ít nhất 30)').fill('30');
    await page.getByRole('button', { name: 'Niêm yết và mở lấy ý kiến' }).click();
    await shows(page.getByRole('status').filter({ hasText: 'Đã niêm yết' }));
    await shows(page.getByText('Được biểu quyết từ ngày 10/01/2027'));
    await expectNoAxeViolations(page);
  });

  it('R-E2, R-E4, R-E3: the village meets after 30 days; the commune recognises the dossier in the browser', async () => {
    const id = Number(covenantUrl.split('/').pop());
    const matterId = (await server.deps.db.selectFrom('covenants').select('matter_id').where('id', '=', id).executeTakeFirstOrThrow()).matter_id!;
    // R-E1: posted 10/12 for 30 days, counted from 11/12 (Civil Code Art 147): comments until 09/01, the vote from 10/01.
    const day = addDays(START, 31);
    clock.set(`${day}T02:00:00Z`);
    const [head, front] = [await actor('truongthon.xd'), await actor('bancongtac.xd')];
    const at = { ...server.deps, clock };
    const s = await scheduleVote(at, t, head, matterId, {
      ...emptySchedule(),
      form: 'meeting',
      voteDate: formatDate(day),
      place: 'Nhà văn hóa thôn',
      noticeOn: formatDate(addDays(day, -3)),
      documentsOn: formatDate(addDays(day, -3)),
    });
    if (!s.ok) throw new Error(JSON.stringify(s));
    const reg = await registerOn(server.deps.db, village, day);
    const present = reg.slice(0, reg.length - 2);
    expect(
      (
        await recordMeeting(at, t, head, s.id, {
          method: 'show_of_hands',
          attendance: Object.fromEntries(present.map((h) => [String(h.id), '1'])),
          secretary: reg[1]!.representative,
          secretaryVotes: String(present.length),
          committee: '',
          committeeVotes: '',
          witnesses: '',
          counts: { '1:agree': String(present.length), '1:disagree': '0', '1:other': '0' },
        })
      ).ok,
    ).toBe(true);
    await saveMinutes(at, t, head, s.id, {
      content: 'Bàn về hương ước',
      decisionText: 'Thông qua hương ước sửa đổi',
      rep1: reg[3]!.representative,
      rep2: reg[4]!.representative,
    });
    await confirmMinutes(at, t, head, s.id, 'village_head');
    await confirmMinutes(at, t, front, s.id, 'front_head');
    await finaliseVote(at, t, head, s.id);
    expect((await submitVote(at, t, head, s.id, { submittedOn: '' })).ok).toBe(true);
    clock.set(`${addDays(day, 3)}T02:00:00Z`);
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'canbo.xuanduong', covenantUrl, clock);
    await shows(page.getByText('Chờ UBND xã công nhận'));
    await shows(page.getByRole('link', { name: /Lịch biểu quyết, biên bản/ }));
    await page.goto(`${server.url}/votes/${s.id}`); // decisions' own page: the dossier and the recognition form
    await expectNoAxeViolations(page);
    await page.getByLabel('Công nhận hoặc không công nhận').selectOption('recognise');
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.goto(`${server.url}${covenantUrl}`);
    await shows(page.getByText('Đang có hiệu lực'));
    await page.getByLabel('Ngày gửi trưởng thôn, Ban công tác Mặt trận').fill('13/01/2027');
    await page.getByLabel('Ngày công bố').fill('13/01/2027');
    await page.getByLabel('Nhà văn hóa thôn').check();
    await page.getByRole('button', { name: 'Lưu' }).first().click();
    await shows(page.locator('.emsg').filter({ hasText: 'Điều 15' }));
    await expectNoAxeViolations(page);
    await page.getByLabel('Loa truyền thanh').check();
    await page.getByRole('button', { name: 'Lưu' }).first().click();
    await shows(page.getByText(/Công bố ngày 13\/01\/2027/));
  });

  it('the public reads the text in force, its versions and what changed between them', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}${covenantUrl}`);
    await shows(page.getByRole('heading', { level: 1, name: 'Hương ước thôn sửa đổi năm 2026' }));
    await shows(page.getByText(/Được công nhận ngày 13\/01\/2027/));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'So sánh với phiên bản trước' }).click();
    await shows(page.locator('del').filter({ hasText: 'nộp 200.000 đồng.' }));
    await shows(page.locator('ins').filter({ hasText: 'được nhắc nhở tại hội nghị thôn.' }));
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/api/v1/covenants/${covenantUrl.split('/').pop()}`);
    expect(await page.textContent('body')).toContain('"status":"in_force"');
  });
});
