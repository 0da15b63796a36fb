// The short cache of anonymous pages: the same bytes again for a moment, never a signed-in page or a
// form, and never stale after a write in this process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

let s: TestServer;
let naRi: number;
beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', env: { MICROCACHE_MS: '60000' } });
  naRi = (await (await fetch(`${s.url}/api/v1/units?code=02155`)).json()).items[0].id;
});
afterAll(() => s.close());

const rename = (name: string) => s.deps.db.updateTable('units').set({ name }).where('id', '=', naRi).execute();

describe('micro-cache of anonymous responses', () => {
  it('serves an anonymous page again from memory, gzip included, until a write in this process', async () => {
    const page = () => fetch(`${s.url}/units/${naRi}`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    const first = await page();
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(await first.text()).toContain('Xã Na Rì');
    await rename('Xã Na Rì (đổi tên thử)'); // a write the process does not see
    expect(await (await page()).text()).not.toContain('đổi tên thử');
    // a signed-in user is never served from the cache
    const official = await signIn(s.url, 'canbo.nari');
    expect((await official.get(`/units/${naRi}`)).text).toContain('đổi tên thử');
    // any POST handled by this process invalidates what was cached
    const list = await official.get(`/units/${naRi}/disclosures`);
    await official.post(`/units/${naRi}/follow`, { category: '', _csrf: Agent.csrf(list.text) });
    expect(await (await page()).text()).toContain('đổi tên thử');
    await rename('Xã Na Rì');
  });
  it('never caches a page with a form token (each visitor has their own)', async () => {
    const a = new Agent(s.url);
    const b = new Agent(s.url);
    const ta = Agent.csrf((await a.get('/sign-in')).text);
    const tb = Agent.csrf((await b.get('/sign-in')).text);
    expect(ta).not.toBe(tb);
  });
});
