// Shared by the browser specs: a headless Chromium (playwright-core, no bundled browser), an axe-core
// WCAG 2.1 AA check with a readable failure, and the official's sign-in (password, then TOTP).
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/platform/auth/demo-accounts.js';
import { totpCode } from '../../src/platform/auth/totp.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the networking flags Chromium's own connections are refused on this machine.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies) per actor, Vietnamese by default as a commune's browser would be. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  return context.newPage();
}

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails with every WCAG 2.1 A/AA violation on the page: rule id, help, impact and the elements. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  if (violations.length === 0) return;
  const report = violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `      - ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`).join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`axe-core: ${violations.length} WCAG 2.1 AA violation(s) on ${page.url()}\n${report}`);
}

/** An official signs in on /sign-in's "Cán bộ, công chức" card and passes the TOTP step when the role has one. */
/** `clock`: a test server's fixed clock, whose time the TOTP code must match (default: the wall clock). */
export async function signInOfficial(page: Page, baseUrl: string, username: string, next = '/', clock?: { now(): Date }): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Cán bộ, công chức' }) });
  await card.getByLabel('Tên đăng nhập').fill(username);
  await card.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await card.getByRole('button', { name: 'Đăng nhập' }).click();
  const totp = page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' });
  const signedIn = page.getByRole('button', { name: /^Đăng xuất/ });
  await totp.or(signedIn).first().waitFor();
  if (await totp.isVisible()) {
    await page.getByLabel('Mã xác nhận').fill(clock ? await totpCode(DEMO_TOTP_SECRET, clock.now()) : await freshTotpCode());
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
  await shows(signedIn);
}

/**
 * Waits until exactly one element matches and is visible (playwright-core has no `expect`; vitest's
 * does not retry). Fails with the locator in the message when it never appears.
 */
export async function shows(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/** The demo secret's current code, taken far enough from a 30 s step edge to still be valid when typed. */
export async function freshTotpCode(): Promise<string> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > 25_000) await new Promise((r) => setTimeout(r, 30_500 - intoStep));
  return totpCode(DEMO_TOTP_SECRET, new Date());
}

/** The text a user sees in an element (rendered, hidden parts left out), trimmed. */
export async function seenText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property: what a user sees.
  return (await locator.innerText()).trim();
}
