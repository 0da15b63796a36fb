// Issue 9 item 4 "province → commune → village / agency" and item 3 (records with evidence): a council
// observer opens the province dashboard, drills into Xã Na Rì, finds its agencies beside the villages
// with their figures, opens the school's page (its indicators against the targets, "không áp dụng"
// where an indicator has no meaning for an agency), goes back and opens the PDF evidence of the
// commune's duty roster. Every page passes axe-core (WCAG 2.1 AA).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { expectNoAxeViolations, launchBrowser, newPage, shows, signInOfficial } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: 'demo' }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the council observer drills from a commune to an agency and opens the evidence', () => {
  it('province → Xã Na Rì → the school → back → the roster PDF', async () => {
    const page = await newPage(browser);
    await signInOfficial(page, server.url, 'hdnd', '/monitoring');
    await shows(page.getByRole('heading', { level: 1, name: /Theo dõi thực hiện dân chủ ở cơ sở: Tỉnh Thái Nguyên/ }));
    await page.getByRole('link', { name: 'Xã Na Rì', exact: true }).first().click();
    await shows(page.getByRole('heading', { level: 1, name: 'Theo dõi thực hiện dân chủ ở cơ sở: Xã Na Rì' }));
    await expectNoAxeViolations(page);

    // The agencies beside the villages, one column each, with the regulation figure (T-2.4).
    const agencies = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Cơ quan, đơn vị' }) });
    const school = agencies.getByRole('link', { name: /^Trường Tiểu học và THCS/ });
    await shows(school);
    const regulation = agencies.getByRole('row', { name: /quy chế thực hiện dân chủ còn hiệu lực/ });
    expect(await regulation.getByRole('cell').allTextContents()).toContain('1/1 (100%)');
    const schoolName = (await school.textContent())!.trim();
    await school.click();
    await shows(page.getByRole('heading', { level: 1, name: `Theo dõi thực hiện dân chủ ở cơ sở: ${schoolName}` }));
    const row = page.getByRole('row', { name: /hội nghị cán bộ, công chức đúng hạn/ });
    expect(await row.getByRole('cell').allTextContents()).toContain('1/1 (100%)');
    expect(
      await page
        .getByRole('row', { name: /Tỷ lệ người phải tập huấn/ })
        .getByRole('cell')
        .allTextContents(),
    ).toContain('không áp dụng');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Cơ quan, đơn vị thuộc Xã Na Rì' }).click();
    const evidence = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Hồ sơ và minh chứng trong kỳ' }) });
    const link = evidence.getByRole('link', { name: /^Quyết định danh sách người được giao nhiệm vụ/ });
    await shows(link);
    // The browser's own request with the observer's session: the PDF, shown inline under its name.
    const res = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^inline; /);
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});
