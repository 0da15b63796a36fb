// The decisions JSON API (issue 4 item 10) on both databases: published results with their working,
// and token writes running the same commands as the pages (Law 10/2022 Arts 16–23; R-A1, R-A3, R-A17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-12-10T02:00:00Z');
let s: TestServer;
let village: { id: number; path: string };
let tokens: Record<string, string>;

async function token(admin: Agent, role: string, unitCode: string) {
  const tp = await admin.get('/admin/tokens');
  const created = await admin.post('/admin/tokens', { name: `${role} ${unitCode}`, role, unitCode, _csrf: Agent.csrf(tp.text) });
  const m = /<pre>(dc_[A-Za-z0-9_-]+)<\/pre>/.exec(created.text);
  expect(m, created.text.slice(0, 400)).not.toBeNull();
  return m![1]!;
}
const call = (method: string, path: string, tok: string | null, body?: unknown) =>
  fetch(`${s.url}${path}`, {
    method,
    headers: { ...(tok ? { authorization: `Bearer ${tok}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  village = await s.deps.db.selectFrom('units').select(['id', 'path']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
  const admin = await signIn(s.url, 'admin', clock);
  tokens = {
    head: await token(admin, 'village_head', '02191-01'),
    front: await token(admin, 'front_committee_head', '02191-01'),
    chairman: await token(admin, 'commune_chairman', '02191'),
    headOther: await token(admin, 'village_head', '02191-02'),
  };
}, 60_000);
afterAll(async () => s?.close());

describe('GET /api/v1/decisions', () => {
  it('R-A17: lists only published results, each with its working against all households', async () => {
    const r = await call('GET', `/api/v1/decisions?unit=${village.id}`, null);
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      items: {
        id: number;
        form: string;
        working: { householdsTotal: number; needed: number; outcome: string; article: string; approving: number } | null;
        matter: { item: number };
      }[];
    };
    expect(body.items.length).toBe(3); // the demo's road meeting, festival meeting and household ballot; the open online vote is not published
    for (const d of body.items) {
      expect(d.working).not.toBeNull();
      expect(d.working!.article).toMatch(/^Điều 21 khoản 1/);
      expect(d.working!.outcome).toBe(d.working!.approving >= d.working!.needed ? 'adopted' : 'not_adopted');
    }
    const road = body.items.find((d) => d.matter.item === 1)!;
    expect(road.working!.needed).toBe(Math.ceil((2 * road.working!.householdsTotal) / 3)); // R-A2
    const unpublished = await s.deps.db.selectFrom('votes').select('id').where('published_on', 'is', null).executeTakeFirstOrThrow();
    expect((await call('GET', `/api/v1/decisions/${unpublished.id}`, null)).status).toBe(404);
  });
});

describe('token writes', () => {
  it('R-E1 Decree 61/2023 Arts 7, 9(1): a covenant (item 3) is not proposed through the decisions API', async () => {
    const r = await call('POST', '/api/v1/matters', tokens.head!, {
      unit: village.id,
      item: 3,
      title: 'Hương ước thôn',
      agreementBy: 'Ma Thị Thảo',
      agreementOn: '2026-12-01',
    });
    expect(r.status).toBe(422);
    const problem = JSON.stringify(await r.json());
    expect(problem).toContain('Hương ước, quy ước được đề xuất tại trang Hương ước, quy ước của thôn');
    expect(problem).toContain('Điều 7, khoản 1 Điều 9 Nghị định 61/2023/NĐ-CP');
    expect(await s.deps.db.selectFrom('matters').select('id').where('title', '=', 'Hương ước thôn').execute()).toEqual([]);
  });

  it('R-A1, R-A4: a village runs a meeting through the API; errors are problem details with Vietnamese messages', async () => {
    const noToken = await call('POST', '/api/v1/matters', null, { unit: village.id, item: 6, title: 'x' });
    expect(noToken.status).toBe(401);
    const wrongVillage = await call('POST', '/api/v1/matters', tokens.headOther!, {
      unit: village.id,
      item: 6,
      title: 'Giờ họp',
      agreementBy: 'A',
      agreementOn: '01/12/2026',
    });
    expect(wrongVillage.status).toBe(403);
    const bad = await call('POST', '/api/v1/matters', tokens.head!, { unit: village.id, item: 6, title: 'Giờ họp' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('Điều 16 khoản 2');
    const m = await call('POST', '/api/v1/matters', tokens.head!, {
      unit: village.id,
      item: 6,
      title: 'Giờ họp thôn',
      agreementBy: 'Ma Thị Thảo',
      agreementOn: '2026-12-01',
    });
    expect(m.status).toBe(201);
    const matterId = ((await m.json()) as { id: number }).id;
    const v = await call('POST', `/api/v1/matters/${matterId}/votes`, tokens.head!, {
      form: 'meeting',
      voteDate: '2026-12-10',
      noticeOn: '2026-12-08',
      place: 'Nhà văn hóa',
    });
    expect(v.status).toBe(201);
    const voteId = ((await v.json()) as { id: number }).id;
    const register = await s.deps.db
      .selectFrom('households as h')
      .innerJoin('residents as r', (j) => j.onRef('r.household_id', '=', 'h.id').on('r.is_representative', '=', 1))
      .select(['h.id', 'r.full_name'])
      .where('h.unit_id', '=', village.id)
      .orderBy('h.code')
      .execute();
    const total = register.length;
    const needed = Math.floor(total / 2) + 1;
    const meeting = (agree: number) =>
      call('POST', `/api/v1/votes/${voteId}/meeting`, tokens.head!, {
        method: 'show_of_hands',
        attendance: register.map((h) => ({ household: h.id })),
        secretary: 'Nông Văn Phúc',
        secretaryVotes: total,
        counts: [
          { option: 'agree', count: agree },
          { option: 'disagree', count: total - agree },
          { option: 'other', count: 0 },
        ],
      });
    expect((await meeting(needed - 1)).status).toBe(200);
    let stored = await s.deps.db.selectFrom('votes').select(['outcome']).where('id', '=', voteId).executeTakeFirstOrThrow();
    expect(stored.outcome).toBe('not_adopted'); // one short of > 50 % of all households
    expect((await meeting(needed)).status).toBe(200);
    stored = await s.deps.db.selectFrom('votes').select(['outcome']).where('id', '=', voteId).executeTakeFirstOrThrow();
    expect(stored.outcome).toBe('adopted');
    const early = await call('POST', `/api/v1/votes/${voteId}/finalise`, tokens.head!);
    expect(early.status).toBe(422);
    expect(
      (
        await call('POST', `/api/v1/votes/${voteId}/minutes`, tokens.head!, {
          content: 'Bàn giờ họp',
          decisionText: 'Họp thôn tối thứ Sáu đầu tháng',
          rep1: register[0]!.full_name,
          rep2: register[1]!.full_name,
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', `/api/v1/votes/${voteId}/confirm`, tokens.head!, { as: 'village_head' })).status).toBe(200);
    expect((await call('POST', `/api/v1/votes/${voteId}/confirm`, tokens.head!, { as: 'front_head' })).status).toBe(403);
    expect((await call('POST', `/api/v1/votes/${voteId}/confirm`, tokens.front!, { as: 'front_head' })).status).toBe(200);
    expect((await call('POST', `/api/v1/votes/${voteId}/finalise`, tokens.head!)).status).toBe(200);
    expect((await call('GET', `/api/v1/decisions/${voteId}`, null)).status).toBe(404); // not yet published
    expect((await call('POST', `/api/v1/votes/${voteId}/publish`, tokens.head!)).status).toBe(200);
    const pub = await call('GET', `/api/v1/decisions/${voteId}`, null);
    expect(pub.status).toBe(200);
    expect(await pub.json()).toMatchObject({
      form: 'meeting',
      working: { householdsTotal: total, present: total, approving: needed, needed, threshold: 'majority', outcome: 'adopted' },
      matter: { status: 'adopted', effectiveFrom: '2026-12-10' },
    });
  });

  it('R-A3 Art 21(1): a commune-wide matter counts villages that did not vote as not approving', async () => {
    const commune = await s.deps.db.selectFrom('units').select(['id']).where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const m = await call('POST', '/api/v1/matters', tokens.chairman!, {
      unit: commune.id,
      item: 1,
      title: 'Đóng góp làm đường liên xã',
      agreementBy: 'Chủ tịch UBMTTQ xã',
      agreementOn: '2026-12-01',
    });
    expect(m.status).toBe(201);
    const matterId = ((await m.json()) as { id: number }).id;
    // Village heads schedule their own village's vote; the chairman does not hold one in a village.
    expect(
      (
        await call('POST', `/api/v1/matters/${matterId}/votes`, tokens.chairman!, {
          villageId: String(village.id),
          form: 'meeting',
          voteDate: '2026-12-10',
          noticeOn: '2026-12-08',
          place: 'Nhà văn hóa',
        })
      ).status,
    ).toBe(403);
    const page = await (await signIn(s.url, 'canbo.xuanduong', clock)).get(`/matters/${matterId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/0 trên \d+ thôn tán thành/);
  });
});
