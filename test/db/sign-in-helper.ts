// Signs a demo account in through the real forms (password, then TOTP when the role needs it).
import { expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/platform/auth/demo-accounts.js';
import { totpCode } from '../../src/platform/auth/totp.js';
import type { Clock } from '../../src/platform/clock.js';
import { Agent } from '../helpers.js';

export async function signIn(base: string, username: string, clock?: Clock): Promise<Agent> {
  const a = new Agent(base);
  const page = await a.get('/sign-in');
  const r = await a.post('/sign-in', { username, password: DEMO_PASSWORD, _csrf: Agent.csrf(page.text) });
  expect(r.status, `sign-in of ${username}`).toBe(303);
  if (r.location?.startsWith('/sign-in/totp')) {
    const p = await a.get('/sign-in/totp');
    const ok = await a.post('/sign-in/totp', { code: await totpCode(DEMO_TOTP_SECRET, clock?.now() ?? new Date()), _csrf: Agent.csrf(p.text) });
    expect(ok.status, `TOTP of ${username}`).toBe(303);
  }
  return a;
}
