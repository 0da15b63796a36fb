// After the answer (review finding 9) over real HTTP on a real database with a fixed clock: only a
// petition, report or question is reopened at the commune (Law 10/2022 Art 35(2)(b)); a complaint
// shows the Complaints Law Art 33 window for a second complaint or a court action (30 days, 45 in a
// remote area) and a denunciation the Denunciation Law Art 37 route upward, instead of a reopen form.
// Ratings stay in the history; the statistics count each item's latest rating.
import type { Updateable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackItemTable } from '../../src/db/types.js';
import { submitFeedback } from '../../src/modules/feedback/commands/submit.js';
import { emptyFeedbackInput } from '../../src/modules/feedback/intake-input.js';
import { monthlyStats } from '../../src/modules/feedback/stats.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';

const clock = fixedClock('2026-11-20T03:00:00Z'); // Fri 20/11/2026, 10:00 in Vietnam
let s: TestServer;
let naRi: number;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock, env: { INTAKE_PER_MINUTE: '1000' } });
  naRi = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(() => s?.close());

const who = { name: 'Hà Văn Khiếu', address: 'Thôn Pác Cáp, xã Na Rì' };
async function item(over: Record<string, string>): Promise<string> {
  const r = await submitFeedback(s.deps, translator('vi'), null, emptyFeedbackInput(naRi, { category: 'land', title: 'Mẫu', content: 'Mẫu', ...over }), 'api');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.code;
}
const row = (code: string) => s.deps.db.selectFrom('feedback_items').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
/** The state the answer command leaves (answered, with the commune's reopen period). */
const answered = (code: string, set: Updateable<FeedbackItemTable> = {}) =>
  s.deps.db
    .updateTable('feedback_items')
    .set({ status: 'answered', answer: 'Trả lời của xã.', answered_on: '2026-11-19', reopen_until: '2026-12-19', ...set })
    .where('tracking_code', '=', code)
    .execute();
async function post(code: string, action: 'rating' | 'reopen', form: Record<string, string>) {
  const a = new Agent(s.url);
  const page = await a.get(`/units/${naRi}/feedback/new`);
  return a.post(`/feedback/${code}/${action}`, { ...form, _csrf: Agent.csrf(page.text) });
}
const page = async (code: string) => (await new Agent(s.url).get(`/feedback/${code}`)).text;

describe('complaints and denunciations are not reopened (finding 9)', () => {
  it('Complaints Law Art 33: an answered complaint shows the second-complaint or court window to 19/12/2026 (30 days) and no reopen form; a reopen is refused and nothing changes', async () => {
    const code = await item({ kind: 'complaint', knownOn: '01/11/2026', ...who });
    await answered(code, { accepted_on: '2026-10-25', resolve_due: '2026-11-24', clock: 'resolve', extensions: 1 });
    const text = await page(code);
    expect(text).not.toContain('name="reason"');
    expect(text).toContain('khiếu nại lần hai');
    expect(text).toContain('đến hết ngày 19/12/2026 (Luật Khiếu nại Điều 33)');
    const before = await row(code);
    const r = await post(code, 'reopen', { reason: 'Chưa đồng ý.' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Luật Khiếu nại Điều 33');
    // The Art 30 cap and the first-instance record are untouched.
    expect(await row(code)).toMatchObject({ status: 'answered', accepted_on: '2026-10-25', extensions: 1, version: before.version, reopen_count: 0 });
    const api = (await (await fetch(`${s.url}/api/v1/feedback/${code}`)).json()) as Record<string, unknown>;
    expect(api).toMatchObject({ reopenUntil: null, nextStep: { kind: 'complaint', from: '2026-11-19', until: '2026-12-19', lapsed: false } });
  });

  it('Complaints Law Art 33: in a remote area the window is 45 days (03/01/2027); a complaint whose resolution deadline lapsed shows the window from the deadline', async () => {
    const remote = await item({ kind: 'complaint', knownOn: '01/11/2026', ...who });
    await answered(remote, { remote_area: 1 });
    const text = await page(remote);
    expect(text).toContain('đến hết ngày 03/01/2027');
    expect(text).toContain('Thời hạn là 45 ngày vì xã thuộc vùng sâu, vùng xa');
    const lapsed = await item({ kind: 'complaint', knownOn: '01/10/2026', ...who });
    await s.deps.db
      .updateTable('feedback_items')
      .set({ status: 'accepted', accepted_on: '2026-10-10', clock: 'resolve', resolve_due: '2026-11-10', due_on: '2026-11-10' })
      .where('tracking_code', '=', lapsed)
      .execute();
    const late = await page(lapsed);
    expect(late).toContain('Thời hạn giải quyết đã hết ngày 10/11/2026');
    expect(late).toContain('đến hết ngày 10/12/2026');
    const passed = await item({ kind: 'complaint', knownOn: '01/08/2026', ...who });
    await answered(passed, { answered_on: '2026-09-01' });
    expect(await page(passed)).toContain('Thời hạn khiếu nại lần hai theo Luật Khiếu nại Điều 33 đã hết ngày 01/10/2026.');
  });

  it('Denunciation Law Art 37: a settled denunciation shows the route to the body above and no reopen form, even while its conclusion is still to be published; a reopen is refused', async () => {
    const code = await item({ kind: 'denunciation', category: 'officials', subjectText: 'Công chức X', ...who });
    await answered(code, { accepted_on: '2026-10-20', clock: 'publish', due_on: '2026-11-27' });
    const text = await page(code);
    expect(text).not.toContain('name="reason"');
    expect(text).toContain('tố cáo tiếp');
    expect(text).toContain('Luật Tố cáo Điều 37');
    const r = await post(code, 'reopen', { reason: 'Giải quyết chưa đúng.' });
    expect(r.status).toBe(422);
    expect(r.text).toContain('Luật Tố cáo Điều 37');
    // The Art 40 publication duty stays.
    expect(await row(code)).toMatchObject({ status: 'answered', clock: 'publish', due_on: '2026-11-27', reopen_count: 0 });
  });
});

describe('ratings across a reopening (finding 9; R-H8)', () => {
  it('R-H8: a reopened petition keeps its rating in the history and as its latest until the new answer is rated; the statistics count the latest rating only', async () => {
    const stats = async () => (await monthlyStats(s.deps.db, naRi, 2026, '2026-11-20')).find((m) => m.month === '2026-11')!;
    const base = await stats();
    const code = await item({ kind: 'petition', category: 'infrastructure' });
    await answered(code);
    expect((await post(code, 'rating', { rating: 'not_satisfied', comment: 'Đèn vẫn tắt' })).status).toBe(303);
    expect((await post(code, 'reopen', { reason: 'Đèn vẫn tắt.' })).status).toBe(303);
    expect(await row(code)).toMatchObject({ status: 'received', rating: 'not_satisfied', rating_comment: 'Đèn vẫn tắt' });
    const reopened = await stats();
    expect(reopened.notSatisfied - base.notSatisfied).toBe(1);
    expect(reopened.satisfied - base.satisfied).toBe(0);
    // The next answer may be rated again; the form comes back and the new rating replaces the old.
    await answered(code, { answered_on: '2026-11-20', reopen_until: '2026-12-20' });
    expect(await page(code)).toContain('Bạn có hài lòng với câu trả lời không?');
    expect((await post(code, 'rating', { rating: 'satisfied', comment: '' })).status).toBe(303);
    expect((await post(code, 'rating', { rating: 'not_satisfied', comment: '' })).status).toBe(422);
    expect((await row(code)).rating).toBe('satisfied');
    const after = await stats();
    expect([after.satisfied - base.satisfied, after.notSatisfied - base.notSatisfied]).toEqual([1, 0]);
    const f = await row(code);
    const rated = await s.deps.db.selectFrom('feedback_events').select('note').where('item_id', '=', f.id).where('kind', '=', 'rated').orderBy('id').execute();
    expect(rated.map((e) => e.note)).toEqual(['Không hài lòng: Đèn vẫn tắt', 'Hài lòng']);
    const statsPage = (await new Agent(s.url).get(`/units/${naRi}/feedback/stats?year=2026`)).text;
    expect(statsPage).toContain('Mỗi việc tính lần đánh giá gần nhất');
  });
});
