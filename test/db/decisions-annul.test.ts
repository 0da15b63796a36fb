// Art 22 of Law 10/2022 on both databases: the commune People's Committee annuls an unlawful decision
// or, for a procedural defect, asks the community to decide again; the village head and the commune
// Front are told; nothing annulled goes on to recognition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annulMatter } from '../../src/modules/decisions/commands/annul.js';
import { emptySchedule, scheduleVote } from '../../src/modules/decisions/commands/schedule.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { makeTestDb, type TestDb } from '../helpers.js';

const t = translator('vi');
const clock = fixedClock('2026-11-25T03:00:00Z');
let tdb: TestDb;
let chairman: Actor;
let head: Actor;

beforeAll(async () => {
  tdb = await makeTestDb({ seed: 'demo', clock });
  const commune = await tdb.deps.db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('code', '=', '02191')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  chairman = {
    via: 'session',
    userId: null,
    label: 'Chủ tịch UBND xã Xuân Dương',
    userKind: 'official',
    grants: [{ role: 'commune_chairman', unitId: commune.id, unitPath: commune.path, agencyId: null }],
  };
  const u = await tdb.deps.db.selectFrom('users').select('id').where('username', '=', 'truongthon.xd').executeTakeFirstOrThrow();
  head = (await loadActor(tdb.deps.db, u.id)) as Actor;
}, 60_000);
afterAll(async () => tdb?.drop());

const matterNamed = (title: string) => tdb.deps.db.selectFrom('matters').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

describe('Art 22 annulment', () => {
  it('Art 22(1)(b): a procedural defect sends the decision back; the community decides again', async () => {
    const m = await matterNamed('Mức đóng góp làm đường bê tông liên xóm');
    expect(m.status).toBe('adopted');
    expect(await annulMatter(tdb.deps, t, head, m.id, { ground: 'procedure', reason: 'Thiếu tài liệu gửi hộ', amend: true })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    const wrong = await annulMatter(tdb.deps, t, chairman, m.id, { ground: 'unlawful', reason: 'x', amend: true });
    expect(wrong).toMatchObject({ ok: false, errors: { ground: expect.stringContaining('Điều 22 khoản 1 điểm b') } });
    expect(
      await annulMatter(tdb.deps, t, chairman, m.id, { ground: 'procedure', reason: 'Tài liệu không được gửi đến từng hộ trước 02 ngày', amend: true }),
    ).toEqual({ ok: true });
    const after = await matterNamed(m.title);
    expect(after).toMatchObject({ status: 'open', effective_from: null, annul_ground: 'procedure' });
    const votes = await tdb.deps.db.selectFrom('votes').select('status').where('matter_id', '=', m.id).execute();
    expect(votes.every((v) => v.status === 'annulled')).toBe(true);
    // The village head is told (Art 22(2)).
    const notices = await tdb.deps.db.selectFrom('outbox').select(['recipient', 'params']).where('template', '=', 'notice').execute();
    expect(notices.some((n) => n.recipient === String(head.userId) && n.params.includes(m.title))).toBe(true);
    // The community decides again by a new vote.
    const again = await scheduleVote(tdb.deps, t, head, m.id, {
      ...emptySchedule(),
      form: 'meeting',
      voteDate: '30/11/2026',
      noticeOn: '25/11/2026',
      documentsOn: '25/11/2026',
      place: 'Nhà văn hóa',
    });
    expect(again.ok).toBe(true);
  });

  it('Art 22(1)(a): an unlawful decision is annulled, with its reason; it cannot be annulled twice', async () => {
    const m = await matterNamed('Thu, chi quỹ khuyến học của thôn năm 2027');
    expect(await annulMatter(tdb.deps, t, chairman, m.id, { ground: 'unlawful', reason: '' })).toMatchObject({
      ok: false,
      errors: { reason: expect.any(String) },
    });
    expect(await annulMatter(tdb.deps, t, chairman, m.id, { ground: 'unlawful', reason: 'Mức thu trái quy định' })).toEqual({ ok: true });
    expect(await matterNamed(m.title)).toMatchObject({ status: 'annulled', effective_from: null, annul_reason: 'Mức thu trái quy định' });
    expect(await annulMatter(tdb.deps, t, chairman, m.id, { ground: 'unlawful', reason: 'lại' })).toEqual({ ok: false, reason: 'wrong_state' });
  });
});
