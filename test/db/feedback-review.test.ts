// Fixes from the review of the feedback module (December 2026), over real HTTP on a real database
// (SQLite, or PostgreSQL with DANCHU_TEST_DB=postgres): what the public tracking page shows of a
// denunciation (R-H4), intake refused for a commune abolished by the 2025 reorganisation, the
// register download in Vietnamese, the receipt notice's deadline wording, and the manage page's
// denunciation-only fields and oversight link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { act, at, commune, complaint, denunciation, Officials, receive, report, userId } from './feedback-handling-helpers.js';

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

describe('intake refuses a commune abolished in the 2025 reorganisation (Resolution 1683/NQ-UBTVQH15; R-I1)', () => {
  const MESSAGE =
    'Xã Kim Hỷ đã chấm dứt hoạt động từ ngày 01/07/2025 do sắp xếp đơn vị hành chính, nên không nhận phản ánh, kiến nghị nữa. Vui lòng gửi đến Xã Văn Lang.';
  const kimHy = () => s.deps.db.selectFrom('units').select('id').where('code', '=', '02146').executeTakeFirstOrThrow();
  const count = async () =>
    Number(
      (
        await s.deps.db
          .selectFrom('feedback_items')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const body = { kind: 'petition', category: 'infrastructure', title: 'Đề nghị sửa đường thôn Nà Làng', content: 'Đường thôn Nà Làng sạt lở sau mưa.' };

  it('the web form of Xã Kim Hỷ says where to send instead, and a POST is refused with the form refilled', async () => {
    const { id } = await kimHy();
    const successor = await commune(s, '02143');
    const a = new Agent(s.url);
    const form = await a.get(`/units/${id}/feedback/new`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(MESSAGE);
    expect(form.text).toContain(`href="/units/${successor.id}/feedback/new"`);
    expect(form.text).not.toContain(`action="/units/${id}/feedback/new"`);
    expect(form.text).not.toContain('Gửi đến Ủy ban nhân dân Xã Kim Hỷ');
    const before = await count();
    // The page has no form; a browser that kept an old one still posts (the CSRF seed is per visitor).
    const csrf = Agent.csrf((await a.get(`/units/${successor.id}/feedback/new`)).text);
    const sent = await a.post(`/units/${id}/feedback/new`, { _csrf: csrf, ...body, notifyChannel: 'none', website: '' });
    expect(sent.status).toBe(422);
    expect(sent.text).toContain(MESSAGE);
    expect(sent.text).toContain('href="#f-commune"');
    expect(sent.text).toContain('Đường thôn Nà Làng sạt lở sau mưa.');
    expect(await count()).toBe(before);
    // The successor's own form is open.
    expect((await a.get(`/units/${successor.id}/feedback/new`)).text).not.toContain('chấm dứt hoạt động');
  });

  it('the API refuses Xã Kim Hỷ by id and by its code with 400 and the message naming Xã Văn Lang', async () => {
    const { id } = await kimHy();
    const before = await count();
    for (const where of [{ commune: id }, { communeCode: '02146' }]) {
      const r = await fetch(`${s.url}/api/v1/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...where, ...body }),
      });
      expect(r.status, JSON.stringify(where)).toBe(400);
      const problem = (await r.json()) as { errors: Record<string, string> };
      expect(problem.errors.commune).toBe(MESSAGE);
    }
    expect(await count()).toBe(before);
    // 02143 today is the new Xã Văn Lang, which receives.
    const ok = await fetch(`${s.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ communeCode: '02143', ...body }),
    });
    expect(ok.status).toBe(201);
  });
});

describe('the receipt notice names the deadline that runs (Denunciation Law Art 24; Complaints Law Art 27; Law 10/2022 Art 35)', () => {
  it('a denunciation’s SMS gives its initial-handling deadline, a complaint’s its acceptance, a petition’s its answer; none says “Hạn giải quyết”', async () => {
    const sent = [
      ['denunciation', await receive(s, clock, '2026-03-02', nari.id, denunciation()), 'Hạn xử lý ban đầu: '],
      ['complaint', await receive(s, clock, '2026-03-02', nari.id, complaint({ knownOn: '20/02/2026' })), 'Hạn thụ lý: '],
      [
        'petition',
        await receive(s, clock, '2026-03-02', nari.id, {
          kind: 'petition',
          category: 'infrastructure',
          title: 'Đề nghị làm đèn',
          content: 'Làm thêm đèn đường.',
          phone: '0912777003',
          notifyChannel: 'sms',
        }),
        'Hạn trả lời: ',
      ],
    ] as const;
    const outbox = await s.deps.db.selectFrom('outbox').select(['channel', 'params']).where('channel', '=', 'sms').execute();
    for (const [kind, r, wording] of sent) {
      const row = await s.deps.db.selectFrom('feedback_items').select('due_on').where('id', '=', r.id).executeTakeFirstOrThrow();
      const notice = outbox.map((o) => JSON.parse(o.params) as { code: string; body: string }).find((p) => p.code === r.code);
      expect(notice?.body, kind).toContain(`${wording}${row.due_on!.split('-').reverse().join('/')}.`);
      expect(notice?.body, kind).not.toContain('Hạn giải quyết');
    }
  });
});

describe('the manage page offers “Đối tượng bị tố cáo” only for a denunciation (Denunciation Law Arts 2, 8(3))', () => {
  it('a complaint’s page has no denounced unit or person fields, and a subject link on it is refused (409); a denunciation’s has them', async () => {
    const chairman = await o.as('chutich.nari');
    const c = await receive(s, clock, '2026-03-02', nari.id, complaint({ knownOn: '20/02/2026' }));
    const page = await chairman.get(`/feedback/manage/${c.id}`);
    expect(page.status).toBe(200);
    for (const text of ['Đối tượng bị tố cáo', 'Người bị tố cáo', 'Đơn vị bị tố cáo', `/feedback/manage/${c.id}/subject`])
      expect(page.text, text).not.toContain(text);
    const linked = await act(chairman, c.id, 'subject', { subjectUnitId: '', subjectUserId: String(await userId(s, 'canbo.nari')) });
    expect(linked.status).toBe(409);
    const d = await receive(s, clock, '2026-03-02', nari.id, denunciation());
    const dp = await chairman.get(`/feedback/manage/${d.id}`);
    expect(dp.text).toContain(`/feedback/manage/${d.id}/subject`);
    expect(dp.text).toContain('Người bị tố cáo');
  });
});

describe('the link to record a board activity from a report is shown only to who may record it (Law 10/2022 Arts 39, 43, 45(3))', () => {
  const BUTTON = 'ghi hoạt động giám sát từ phản ánh này';
  it('Art 45(3): a commune official who routed a report to the project’s supervision board does not get the link; the board’s member does', async () => {
    at(clock, '2026-12-07');
    const road = await s.deps.db
      .selectFrom('oversight_projects')
      .select('id')
      .where('commune_id', '=', nari.id)
      .where('name', 'like', 'Bê tông hóa%')
      .executeTakeFirstOrThrow();
    const r = await receive(s, clock, '2026-12-07', nari.id, report({ title: 'Rãnh thoát nước đoạn cuối chưa làm' }));
    const off = await o.as('canbo.nari');
    expect((await act(off, r.id, 'route', { target: `project:${road.id}` })).status).toBe(303);
    const href = `/units/${nari.id}/oversight/inspect?feedback=${r.code}&amp;project=${road.id}`;
    const official = await off.get(`/feedback/manage/${r.id}`);
    expect(official.status).toBe(200);
    expect(official.text).not.toContain(BUTTON);
    expect(official.text).not.toContain(href);
    const member = await (await o.as('gsdt.nari')).get(`/feedback/manage/${r.id}`);
    expect(member.text).toContain(BUTTON);
    expect(member.text).toContain(href);
  });

  it('Art 39: a report routed to the People’s Inspection Board links for its member, not for the commune official', async () => {
    at(clock, '2026-12-07');
    const r = await receive(s, clock, '2026-12-07', nari.id, report({ title: 'Việc thu quỹ ở thôn cần kiểm tra' }));
    const off = await o.as('canbo.nari');
    expect((await act(off, r.id, 'route', { target: 'board' })).status).toBe(303);
    const href = `/units/${nari.id}/oversight/inspect?feedback=${r.code}"`;
    expect((await off.get(`/feedback/manage/${r.id}`)).text).not.toContain(href);
    expect((await (await o.as('ttnd.nari')).get(`/feedback/manage/${r.id}`)).text).toContain(href);
  });
});
