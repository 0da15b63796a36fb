// R-H4 (Denunciation Law Arts 8(3), 9(1)(b), 13, 47(2), 56; Law 10/2022 Art 9(2)) on both databases: a
// denunciation sent through the public form, then handled through every step. Someone holding a
// role in the unit denounced, and the person denounced, neither list, open nor act on it, and never
// see the denouncer's identity (page, API, the POST that reveals it), even with roles that handle and
// decide feedback. Those who may not see the denouncer read neither its title nor its content (Art 56). The lists, public
// pages, search index, audit log, outbox and the server's log output carry none of it. The
// chairman who may see it sees it after a POST, and the view is audit-logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { fold } from '../../src/platform/search/fold.js';
import { searchDocs } from '../../src/platform/search/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, addOfficial, at, commune, item, Officials } from './feedback-handling-helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-03-02T02:00:00Z');
const NAME = 'Phạm Thị Bímật';
const SECRETS = [NAME, fold(NAME), 'Bímật', 'bimat', '987654321', '001234567890', 'bimat.to@example.vn', 'Ngõ Kín số 9'];
const logged: string[] = [];
const realWrite = process.stdout.write.bind(process.stdout);
let s: TestServer;
let o: Officials;
let nari: { id: number; path: string };
let id: number;
let code: string;

/** Fails naming the secret and where it was found. */
function clean(where: string, text: string) {
  for (const secret of SECRETS) expect(text.includes(secret) || fold(text).includes(fold(secret)), `${secret} in ${where}`).toBe(false);
}

beforeAll(async () => {
  // The app logs through pino to stdout; a replaced write makes pino write through it (R-H4: logs).
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('{"level"')) {
      logged.push(text);
      return true;
    }
    return realWrite(chunk as never, ...(rest as []));
  }) as typeof process.stdout.write;
  s = await startTestServer({ seed: 'demo', clock, env: { LOG_LEVEL: 'info' } });
  o = new Officials(s, clock);
  nari = await commune(s, '02155');
  // Two more officials of xã Na Rì, signing in like the demo accounts: one holds the chairman's role
  // and also heads village 1 (the unit denounced), the other is a commune official denounced by name.
  const { db } = s.deps;
  const village = await db.selectFrom('units').select('id').where('code', '=', '02155-01').executeTakeFirstOrThrow();
  await addOfficial(s, 'thon1.nari', [
    ['commune_chairman', nari.id],
    ['village_head', village.id],
  ]);
  await addOfficial(s, 'phochutich.nari', [['commune_official', nari.id]]);
  // The denunciation, through the public web form as a browser sends it.
  const citizen = new Agent(s.url);
  const form = await citizen.get(`/units/${nari.id}/feedback/new`);
  const sent = await citizen.post(`/units/${nari.id}/feedback/new`, {
    _csrf: Agent.csrf(form.text),
    kind: 'denunciation',
    category: 'officials',
    villageId: String(village.id),
    title: 'Tố cáo thu tiền làm sổ đỏ',
    content: 'Trưởng thôn và phó chủ tịch xã thu tiền không có biên lai khi làm hồ sơ cấp giấy chứng nhận.',
    name: NAME,
    address: 'Ngõ Kín số 9, thôn Pác Cáp',
    phone: '0987 654 321',
    email: 'bimat.to@example.vn',
    idNumber: '001234567890',
    subjectText: 'Trưởng thôn 1 và một phó chủ tịch xã',
    notifyChannel: 'sms',
    website: '',
  });
  expect(sent.status, sent.text.slice(0, 800)).toBe(303);
  code = sent.location!.split('/').pop()!;
  id = (await db.selectFrom('feedback_items').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
  const vice = await db.selectFrom('users').select('id').where('username', '=', 'phochutich.nari').executeTakeFirstOrThrow();
  const linked = await act(await o.as('chutich.nari'), id, 'subject', { subjectUnitId: String(village.id), subjectUserId: String(vice.id) });
  expect(linked.status).toBe(303);
}, 120_000);
afterAll(async () => {
  process.stdout.write = realWrite;
  await s?.close();
});

describe('R-H4: the unit and the person denounced never see the denouncer', () => {
  it.each(['thon1.nari', 'phochutich.nari'])(
    'R-H4 (Denunciation Law Arts 8(3), 13): %s, denounced, neither lists, opens nor acts on the denunciation',
    async (username) => {
      const a = await o.as(username);
      const list = await a.get(`/units/${nari.id}/feedback/manage?kind=denunciation`);
      expect(list.status).toBe(200);
      expect(list.text).not.toContain(code);
      const page = await a.get(`/feedback/manage/${id}`);
      expect(page.status).toBe(403);
      clean(`${username}'s page`, page.text);
      const csrf = Agent.csrf((await a.get(`/units/${nari.id}/feedback/manage`)).text);
      const { version } = await item(s, id);
      const reveal = await a.post(`/feedback/manage/${id}/identity`, { _csrf: csrf });
      expect(reveal.status).toBe(403);
      clean(`${username}'s reveal`, reveal.text);
      // Nor may they settle it or change what it is about.
      for (const [verb, form] of [
        ['refuse', { refusalReason: 'Không có căn cứ.' }],
        ['step', { stepNote: 'Đã xem.' }],
        ['subject', { subjectUnitId: '', subjectUserId: '' }],
      ] as const) {
        const r = await a.post(`/feedback/manage/${id}/${verb}`, { _csrf: csrf, version: String(version), ...form });
        expect(r.status, verb).toBe(403);
      }
      expect((await item(s, id)).version).toBe(version);
    },
  );

  it('R-H4 (Art 56): an official who may not see the denouncer reads neither the title nor the content', async () => {
    for (const username of ['canbo.nari', 'mattran.nari', 'ttnd.nari']) {
      const a = await o.as(username);
      const page = await a.get(`/feedback/manage/${id}`);
      expect(page.status, username).toBe(200);
      expect(page.text).toContain('Nội dung tố cáo chỉ người có thẩm quyền giải quyết được xem');
      expect(page.text).not.toContain('thu tiền không có biên lai');
      expect(page.text).not.toContain('Tố cáo thu tiền làm sổ đỏ');
    }
    const list = await (await o.as('canbo.nari')).get(`/units/${nari.id}/feedback/manage?kind=denunciation`);
    expect(list.text).toContain(code);
    expect(list.text).not.toContain('Tố cáo thu tiền làm sổ đỏ');
    const chairman = await (await o.as('chutich.nari')).get(`/feedback/manage/${id}`);
    expect(chairman.text).toContain('thu tiền không có biên lai');
  });

  it('R-H4: the API never returns the identity, whoever holds the token', async () => {
    const admin = await signIn(s.url, 'admin', clock);
    const tp = await admin.get('/admin/tokens');
    const made = await admin.post('/admin/tokens', { name: 'chairman', role: 'commune_chairman', unitCode: '02155', _csrf: Agent.csrf(tp.text) });
    const token = /<pre>(dc_[A-Za-z0-9_-]+)<\/pre>/.exec(made.text)![1]!;
    for (const path of [`/api/v1/feedback/manage/${id}`, `/api/v1/units/${nari.id}/feedback`, `/api/v1/feedback/${code}`]) {
      const r = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status, path).toBe(200);
      clean(path, await r.text());
    }
    // Art 56: an official's token reads the denunciation without its title and content.
    const tp2 = await admin.get('/admin/tokens');
    const made2 = await admin.post('/admin/tokens', { name: 'official', role: 'commune_official', unitCode: '02155', _csrf: Agent.csrf(tp2.text) });
    const official = /<pre>(dc_[A-Za-z0-9_-]+)<\/pre>/.exec(made2.text)![1]!;
    const one = (await (await fetch(`${s.url}/api/v1/feedback/manage/${id}`, { headers: { authorization: `Bearer ${official}` } })).json()) as {
      title: string;
      content: string;
    };
    expect(one.content).toContain('chỉ người có thẩm quyền');
    expect(one.title).toBe('Tố cáo · Cán bộ, công chức');
    const listed = await fetch(`${s.url}/api/v1/units/${nari.id}/feedback?kind=denunciation`, { headers: { authorization: `Bearer ${official}` } });
    expect(await listed.text()).not.toContain('Tố cáo thu tiền làm sổ đỏ');
  });

  it('R-H4: the chairman who settles it sees it only after a POST, and the view is audit-logged', async () => {
    const chairman = await o.as('chutich.nari');
    const page = await chairman.get(`/feedback/manage/${id}`);
    clean('the chairman’s page before revealing', page.text);
    expect(page.text).toContain(`/feedback/manage/${id}/identity`);
    const before = await s.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'feedback.identity_viewed').execute();
    const shown = await chairman.post(`/feedback/manage/${id}/identity`, { _csrf: Agent.csrf(page.text) });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    for (const v of [NAME, '0987654321', '001234567890', 'Ngõ Kín số 9']) expect(shown.text).toContain(v);
    const after = await s.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'feedback.identity_viewed').execute();
    expect(after.length).toBe(before.length + 1);
    const entry = after.at(-1)!;
    expect([entry.entity_id, entry.actor_label]).toEqual([String(id), expect.stringContaining('Lương Văn Đồng')]);
  });
});

describe('R-H4: handled to the end, nothing outside the sealed table names the denouncer', () => {
  it('R-H4: a public text with the denouncer’s phone is refused; the conclusion is published without it', async () => {
    at(clock, '2026-03-03');
    const chairman = await o.as('chutich.nari');
    expect((await act(chairman, id, 'accept')).status).toBe(303);
    expect((await act(chairman, id, 'complexity', { complexity: 'complex' })).status).toBe(303);
    expect((await act(chairman, id, 'extend', { extensionReason: 'Cần xác minh tại Văn phòng đăng ký đất đai.' })).status).toBe(303);
    expect((await act(chairman, id, 'step', { stepNote: 'Đã làm việc với người bị tố cáo.', public: '1' })).status).toBe(303);
    const leak = await act(chairman, id, 'answer', {
      answer: 'Kết luận gửi bà Phạm Thị Bímật.',
      publicAnswer: 'Người tố cáo (ĐT 0987.654.321) phản ánh đúng.',
    });
    expect(leak.status).toBe(422);
    expect(leak.text).toContain('còn thông tin cá nhân của người gửi');
    const concl = 'Kết luận: tố cáo đúng; yêu cầu hoàn trả tiền thu sai và kiểm điểm cá nhân vi phạm.';
    expect((await act(chairman, id, 'answer', { answer: 'Kết luận đã gửi người tố cáo.', publicAnswer: concl })).status).toBe(303);
    expect((await act(chairman, id, 'publish', { publicAnswer: concl, publishWhere: 'Niêm yết tại trụ sở UBND xã' })).status).toBe(303);
    expect((await item(s, id)).published_on).toBe('2026-03-03');
  });

  it('R-H4: list, public and audit pages, the search index, audit log, outbox, events and server logs hold none of it', async () => {
    const chairman = await o.as('chutich.nari');
    const admin = await signIn(s.url, 'admin', clock);
    const pages: [Agent, string][] = [
      [chairman, `/units/${nari.id}/feedback/manage`],
      [chairman, `/units/${nari.id}/feedback/manage?kind=denunciation&due=open`],
      [chairman, `/audit/feedback_item/${id}`],
      [chairman, '/notifications'],
      [new Agent(s.url), `/feedback/${code}`],
      [new Agent(s.url), `/units/${nari.id}/feedback`],
      [new Agent(s.url), `/units/${nari.id}/feedback/stats`],
      [admin, '/dev/outbox'],
    ];
    for (const [a, path] of pages) {
      const r = await a.get(path);
      expect(r.status, path).toBe(200);
      clean(path, r.text);
    }
    const { db } = s.deps;
    for (const r of await db.selectFrom('search_docs').selectAll().execute()) clean('search_docs', JSON.stringify(r));
    for (const q of [NAME, '0987654321', '001234567890']) expect(await searchDocs(db, s.deps.dialect, q), q).toEqual([]);
    for (const r of await db.selectFrom('audit_log').selectAll().execute()) clean('audit_log', JSON.stringify(r));
    for (const r of await db.selectFrom('feedback_events').selectAll().execute()) clean('feedback_events', JSON.stringify(r));
    clean('feedback_items', JSON.stringify(await item(s, id)));
    const outbox = await db.selectFrom('outbox').selectAll().execute();
    for (const r of outbox) clean('outbox', JSON.stringify(r));
    const sms = outbox.filter((r) => r.channel === 'sms' && JSON.parse(r.params).code === code);
    expect(sms.length).toBeGreaterThanOrEqual(5); // receipt, acceptance, extension, step, answer, publication
    expect(sms.every((r) => r.recipient.startsWith('v1.'))).toBe(true);
    const sealed = await db.selectFrom('feedback_identities').select('sealed').where('item_id', '=', id).executeTakeFirstOrThrow();
    clean('the sealed identity', sealed.sealed);
    // The server did log (so the check below looked at something), and never the identity.
    const log = logged.join('');
    expect(log).toContain('"statusCode"');
    expect(log).toContain('/feedback/manage');
    clean('the server log', log);
  });
});
