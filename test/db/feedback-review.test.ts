// Fixes from the review of the feedback module (December 2026), over real HTTP on a real database
// (SQLite, or PostgreSQL with DANCHU_TEST_DB=postgres): what the public tracking page shows of a
// denunciation (R-H4), intake refused for a commune abolished by the 2025 reorganisation, the
// register download in Vietnamese, the receipt notice's deadline wording, and the manage page's
// denunciation-only fields and oversight link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, commune, complaint, denunciation, Officials, receive } from './feedback-handling-helpers.js';

const clock = fixedClock('2026-03-02T02:00:00Z');
let s: TestServer;
let o: Officials;
let nari: { id: number; path: string; name: string };

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock, env: { INTAKE_PER_MINUTE: '1000' } });
  o = new Officials(s, clock);
  nari = await commune(s, '02155');
}, 120_000);
afterAll(() => s?.close());

describe('R-H4: the public tracking page of a denunciation (Denunciation Law Arts 8(3), 9(1)(b), 47(2))', () => {
  it('R-H4: anyone with a denunciation’s code sees its status and deadlines, never its title, category, channel or notes', async () => {
    const d = await receive(s, clock, '2026-03-02', nari.id, denunciation({ title: 'Tố cáo ông Trưởng Bí Mật nhận hối lộ' }));
    const chairman = await o.as('chutich.nari');
    expect((await act(chairman, d.id, 'accept')).status).toBe(303);
    expect((await act(chairman, d.id, 'complexity', { complexity: 'complex' })).status).toBe(303);
    const extension = 'Cần xác minh sổ thu tiền tại bộ phận một cửa.';
    expect((await act(chairman, d.id, 'extend', { extensionReason: extension })).status).toBe(303);
    const step = 'Đã làm việc với công chức bị tố cáo ngày 02/03.';
    expect((await act(chairman, d.id, 'step', { stepNote: step, public: '1' })).status).toBe(303);

    const page = await new Agent(s.url).get(`/feedback/${d.code}`);
    expect(page.status).toBe(200);
    for (const secret of ['Trưởng Bí Mật', extension, step, 'Cán bộ, công chức', 'Trang web', 'Lý Văn Tố', 'Lương Văn Đồng']) {
      expect(page.text, secret).not.toContain(secret);
    }
    // What the denouncer needs: the code, status, the received date and the clock with its deadline.
    expect(page.text).toContain(d.code);
    expect(page.text).toContain('Đã thụ lý, đang giải quyết');
    expect(page.text).toContain('02/03/2026');
    expect(page.text).toContain('Hạn giải quyết');
    expect(page.text).toContain('Gia hạn');

    const api = (await (await fetch(`${s.url}/api/v1/feedback/${d.code}`)).json()) as Record<string, unknown>;
    expect([api.title, api.category, api.channel]).toEqual([null, null, null]);
    expect(JSON.stringify(api)).not.toContain(extension);
    expect(JSON.stringify(api)).not.toContain(step);
  });

  it('a complaint’s tracking page still shows its title and category', async () => {
    const c = await receive(s, clock, '2026-03-02', nari.id, complaint({ title: 'Khiếu nại quyết định thu hồi đất thửa 12', knownOn: '20/02/2026' }));
    const page = await new Agent(s.url).get(`/feedback/${c.code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Khiếu nại quyết định thu hồi đất thửa 12');
    expect(page.text).toContain('Đất đai');
  });
});
