// A village meeting from proposal to published result, over real HTTP on both databases
// (Law 10/2022 Arts 16–23; Decree 59/2023 Art 3; R-A1, R-A4, R-A5, R-A10, R-A12, R-A13, R-A14, R-A17).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app-deps.js';
import { postForComments, proposeCovenant, saveTeam, saveVersion } from '../../src/modules/covenants/commands/draft.js';
import { enterCommitteeCount } from '../../src/modules/decisions/commands/committee-count.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const clock = fixedClock('2026-12-10T02:00:00Z'); // Thursday 10/12/2026, 09:00 in Vietnam
let s: TestServer;
let villageId: number;
let head: Agent;
let front: Agent;
let households: { id: number; representative: string }[];

const idFrom = (location: string | null) => Number(/\/(\d+)$/.exec(location ?? '')?.[1]);

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  const v = await s.deps.db.selectFrom('units').select('id').where('code', '=', '02191-01').executeTakeFirstOrThrow();
  villageId = v.id;
  const rows = await s.deps.db
    .selectFrom('households as h')
    .innerJoin('residents as r', (j) => j.onRef('r.household_id', '=', 'h.id').on('r.is_representative', '=', 1))
    .select(['h.id', 'r.full_name'])
    .where('h.unit_id', '=', villageId)
    .orderBy('h.code')
    .execute();
  households = rows.map((r) => ({ id: r.id, representative: r.full_name }));
  head = await signIn(s.url, 'truongthon.xd', clock);
  front = await signIn(s.url, 'bancongtac.xd', clock);
}, 60_000);
afterAll(async () => s?.close());

async function propose(a: Agent, item: string, title: string) {
  const page = await a.get(`/units/${villageId}/decisions/new`);
  expect(page.status).toBe(200);
  const r = await a.post(`/units/${villageId}/decisions`, {
    _csrf: Agent.csrf(page.text),
    item,
    title,
    description: 'Nội dung',
    proposer: 'leader',
    agreementBy: 'Ma Thị Thảo',
    agreementOn: '01/12/2026',
    initiatorName: '',
  });
  expect(r.status, r.text.slice(0, 300)).toBe(303);
  return idFrom(r.location);
}

/** An item-3 matter made the only lawful way: proposed on the covenants pages' command, its draft posted
 * for 30 days from 09/11/2026 (R-E1, Decree 61/2023 Art 9(1)), comments run through 09/12, so a vote may be held from 10/12/2026. */
async function postedCovenant(title: string): Promise<number> {
  const t = translator('vi');
  const u = await s.deps.db.selectFrom('users').select('id').where('username', '=', 'truongthon.xd').executeTakeFirstOrThrow();
  const actor = (await loadActor(s.deps.db, u.id)) as Actor;
  const on = (d: string): AppDeps => ({ ...s.deps, clock: fixedClock(`${d}T02:00:00Z`) });
  const c = await proposeCovenant(on('2026-11-09'), t, actor, villageId, {
    title,
    kind: 'new',
    replacesId: '',
    proposer: 'leader',
    agreementBy: 'Ma Thị Thảo',
    agreementOn: '06/11/2026',
    initiatorName: '',
  });
  if (!c.ok) throw new Error(JSON.stringify(c));
  const team = [{ name: 'Hoàng Văn Pha', role: 'Già làng', elder: true, speaker: true }];
  expect((await saveTeam(on('2026-11-09'), t, actor, c.id, team)).ok).toBe(true);
  const text = 'Điều 1. Giữ gìn vệ sinh\nCác hộ thu gom rác đúng nơi quy định.';
  expect((await saveVersion(on('2026-11-09'), t, actor, c.id, { text, note: 'Dự thảo', translationLanguage: '', translationText: '' })).ok).toBe(true);
  expect((await postForComments(on('2026-11-09'), t, actor, c.id, { days: '30' })).ok).toBe(true);
  return (await s.deps.db.selectFrom('covenants').select('matter_id').where('id', '=', c.id).executeTakeFirstOrThrow()).matter_id!;
}

async function schedule(a: Agent, matterId: number, form: Record<string, string>) {
  const page = await a.get(`/matters/${matterId}/votes/new`);
  return a.post(`/matters/${matterId}/votes`, {
    _csrf: Agent.csrf(page.text),
    villageId: String(villageId),
    form: 'meeting',
    place: 'Nhà văn hóa thôn',
    clusters: '1',
    ...form,
  });
}

async function recordMeeting(a: Agent, voteId: number, present: number, counts: Record<string, string>, extra: Record<string, string> = {}) {
  const page = await a.get(`/votes/${voteId}/meeting`);
  expect(page.status).toBe(200);
  const att = Object.fromEntries(households.slice(0, present).map((h) => [`att_${h.id}`, '1']));
  return a.post(`/votes/${voteId}/meeting`, {
    _csrf: Agent.csrf(page.text),
    method: 'show_of_hands',
    secretary: 'Hoàng Văn Nam',
    secretaryVotes: String(present),
    ...att,
    ...counts,
    ...extra,
  });
}

describe('village meeting', () => {
  it('R-A10 Decree 59 Art 3(3): a notice less than 2 days before the meeting is refused with the article', async () => {
    const m = await propose(head, '6', 'Làm đường bê tông nội thôn');
    const r = await schedule(head, m, { voteDate: '10/12/2026', noticeOn: '09/12/2026' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Điều 3 khoản 3 Nghị định 59/2023/NĐ-CP');
    expect(r.text).toContain('08/12/2026');
    expect(r.text).toContain('value="09/12/2026"'); // the form comes back with what was typed
  });

  it('R-E1 Decree 61/2023 Arts 7, 9(1): the proposal form offers no covenant, links the covenants page, and refuses item 3', async () => {
    const page = await head.get(`/units/${villageId}/decisions/new`);
    expect(page.text).not.toContain('<option value="3"');
    expect(page.text).toContain(`href="/units/${villageId}/covenants"`);
    const before = await s.deps.db
      .selectFrom('matters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await head.post(`/units/${villageId}/decisions`, {
      _csrf: Agent.csrf(page.text),
      item: '3',
      title: 'Hương ước thôn không qua niêm yết',
      description: '',
      proposer: 'leader',
      agreementBy: 'Ma Thị Thảo',
      agreementOn: '01/12/2026',
      initiatorName: '',
    });
    expect(r.status).toBe(400);
    // The message next to the field (the same words also stand as the field's hint).
    expect(r.text).toMatch(
      /id="f-item-err">Hương ước, quy ước được đề xuất tại trang Hương ước, quy ước của thôn[^<]*Điều 7, khoản 1 Điều 9 Nghị định 61\/2023\/NĐ-CP/,
    );
    expect(r.text).toContain('value="Hương ước thôn không qua niêm yết"'); // the form comes back with what was typed
    const after = await s.deps.db
      .selectFrom('matters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('R-E1 Decree 61/2023 Art 9(1): an item-3 matter with no posting (proposed before this rule) is never put to a vote', async () => {
    // A row as the decisions page made them before covenants had to come through the covenants module.
    const legacy = await s.deps.db
      .insertInto('matters')
      .values({
        unit_id: villageId,
        scope: 'village',
        item: 3,
        kind: 'general',
        position: null,
        title: 'Hương ước thôn chưa niêm yết',
        description: '',
        proposer: 'village_head',
        agreement_by: 'Ma Thị Thảo',
        agreement_on: '2026-11-20',
        initiator_name: null,
        status: 'open',
        created_by: null,
        created_at: '2026-11-20T02:00:00.000Z',
        updated_at: '2026-11-20T02:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await schedule(head, legacy.id, { voteDate: '10/12/2026', noticeOn: '07/12/2026', documentsOn: '07/12/2026' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('chưa có dự thảo được niêm yết lấy ý kiến ít nhất 30 ngày');
    expect(r.text).toContain('khoản 1 Điều 9 Nghị định 61/2023/NĐ-CP');
    expect(await s.deps.db.selectFrom('votes').select('id').where('matter_id', '=', legacy.id).execute()).toEqual([]);
  });

  it('R-A6 Art 17(2): a covenant cannot be decided online', async () => {
    const m = await postedCovenant('Sửa đổi hương ước thôn');
    const r = await schedule(head, m, {
      form: 'online',
      openDate: '12/12/2026',
      openTime: '07:00',
      closeDate: '14/12/2026',
      closeTime: '17:00',
      noticeOn: '10/12/2026',
      team: 'A\nB\nC',
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain('khoản 6 Điều 15');
  });

  it('R-A7 Decree 59/2023 Art 5(1)(b), 5(2)(a): the no-meeting agreement and the report to the commune come before the online vote starts', async () => {
    const m = await propose(head, '6', 'Chọn ngày tổng vệ sinh đường thôn');
    const online = {
      form: 'online',
      openDate: '14/12/2026',
      openTime: '07:00',
      closeDate: '15/12/2026',
      closeTime: '17:00',
      noticeOn: '10/12/2026',
      team: 'Ma Văn Tổ\nHà Thị Hai\nLục Văn Ba',
      pollYes: String(households.length),
    };
    const late = await schedule(head, m, { ...online, noMeetingAgreedOn: '15/12/2026', authoritiesNotifiedOn: '20/12/2026' });
    expect(late.status).toBe(400);
    // Each message beside its field, with the latest allowed date and the article; the form comes back as typed.
    expect(late.text).toMatch(/id="f-noMeetingAgreedOn-err"[^>]*>[^<]*chậm nhất ngày 14\/12\/2026 \(điểm b khoản 1 Điều 5 Nghị định 59\/2023\/NĐ-CP\)/);
    expect(late.text).toMatch(/id="f-authoritiesNotifiedOn-err"[^>]*>[^<]*chậm nhất ngày 14\/12\/2026 \(điểm a khoản 2 Điều 5 Nghị định 59\/2023\/NĐ-CP\)/);
    expect(late.text).toContain('value="20/12/2026"');
    expect(late.text).toContain('value="15/12/2026"');
    expect(await s.deps.db.selectFrom('votes').select('id').where('matter_id', '=', m).execute()).toEqual([]);
    // On the start day or before, the same form schedules the vote.
    const ok = await schedule(head, m, { ...online, noMeetingAgreedOn: '11/12/2026', authoritiesNotifiedOn: '14/12/2026' });
    expect(ok.status, ok.text.slice(0, 500)).toBe(303);
  });

  it('R-A4, R-A5, R-A1, R-A13, R-A17: a meeting from notice to published minutes', async () => {
    const total = households.length;
    const m = await propose(head, '6', 'Quy định giờ sinh hoạt văn nghệ');
    const sch = await schedule(head, m, { voteDate: '10/12/2026', noticeOn: '08/12/2026' });
    expect(sch.status, sch.text.slice(0, 500)).toBe(303);
    const voteId = idFrom(sch.location);
    const present = Math.floor(total / 2) + 2;
    // Counts above attendance are refused.
    const tooMany = await recordMeeting(head, voteId, present, { count_1_agree: String(present + 1), count_1_disagree: '0', count_1_other: '0' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain(`(${present})`);
    // R-A5: the secretary needs more than half of those present.
    const weak = await recordMeeting(
      head,
      voteId,
      present,
      { count_1_agree: '1', count_1_disagree: '0', count_1_other: '0' },
      { secretaryVotes: String(Math.floor(present / 2)) },
    );
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('Điều 3 khoản 5');
    // R-A4: exactly the least majority of ALL households adopts; absent households stay in the denominator.
    const needed = Math.floor(total / 2) + 1;
    const ok = await recordMeeting(head, voteId, present, { count_1_agree: String(needed), count_1_disagree: String(present - needed), count_1_other: '0' });
    expect(ok.status, ok.text.slice(0, 500)).toBe(303);
    const vote = await s.deps.db.selectFrom('votes').selectAll().where('id', '=', voteId).executeTakeFirstOrThrow();
    expect(vote).toMatchObject({ status: 'counted', households_total: total, present, outcome: 'adopted' });
    expect(JSON.parse(vote.working ?? '{}')).toMatchObject({ householdsTotal: total, approving: needed, needed, adopted: true });

    // R-A1: the decision cannot be finalised while a part is missing.
    let page = await head.get(`/votes/${voteId}`);
    const early = await head.post(`/votes/${voteId}/finalise`, { _csrf: Agent.csrf(page.text) });
    expect(early.status).toBe(400);
    expect(early.text).toContain('Điều 20 khoản 2 điểm g');
    page = await head.get(`/votes/${voteId}/minutes`);
    const reps = households.slice(0, 2).map((h) => h.representative);
    const min = await head.post(`/votes/${voteId}/minutes`, {
      _csrf: Agent.csrf(page.text),
      content: 'Bàn về giờ sinh hoạt',
      decisionText: 'Sinh hoạt văn nghệ tối thứ Bảy',
      rep1: reps[0]!,
      rep2: reps[1]!,
    });
    expect(min.status).toBe(303);
    for (const [a, as] of [
      [head, 'village_head'],
      [front, 'front_head'],
    ] as const) {
      page = await a.get(`/votes/${voteId}`);
      expect((await a.post(`/votes/${voteId}/confirm`, { _csrf: Agent.csrf(page.text), as })).status).toBe(303);
    }
    // The Front work committee head may not confirm in the village head's place.
    page = await front.get(`/votes/${voteId}`);
    expect((await front.post(`/votes/${voteId}/confirm`, { _csrf: Agent.csrf(page.text), as: 'village_head' })).status).toBe(403);
    page = await head.get(`/votes/${voteId}`);
    expect((await head.post(`/votes/${voteId}/finalise`, { _csrf: Agent.csrf(page.text) })).status).toBe(303);
    const matter = await s.deps.db.selectFrom('matters').selectAll().where('id', '=', m).executeTakeFirstOrThrow();
    expect(matter).toMatchObject({ status: 'adopted', effective_from: '2026-12-10' }); // item 6 at village scope: from the vote (Art 21(2))

    // R-A13: the village's list shows the decision as due at the commune by 17/12/2026.
    const due = await head.get(`/units/${villageId}/decisions`);
    expect(due.text).toContain('Gửi UBND xã, UBMTTQ xã');
    expect(due.text).toContain('17/12/2026');
    // Anonymous residents see nothing until the result is published (R-A17).
    const anon = new Agent(s.url);
    expect((await anon.get(`/units/${villageId}/decisions`)).text).not.toContain('Quy định giờ sinh hoạt văn nghệ');
    page = await head.get(`/votes/${voteId}`);
    expect(page.text).toContain('17/12/2026'); // R-A13: due 5 working days after 10/12/2026
    expect((await head.post(`/votes/${voteId}/submit`, { _csrf: Agent.csrf(page.text), submittedOn: '10/12/2026' })).status).toBe(303);
    page = await head.get(`/votes/${voteId}`);
    expect((await head.post(`/votes/${voteId}/publish`, { _csrf: Agent.csrf(page.text) })).status).toBe(303);
    const pub = await anon.get(`/votes/${voteId}`);
    expect(pub.status).toBe(200);
    expect(pub.text).toContain('Sinh hoạt văn nghệ tối thứ Bảy');
    expect((await anon.get(`/units/${villageId}/decisions`)).text).toContain('Quy định giờ sinh hoạt văn nghệ');
  });

  it('R-A14 Art 21(2): a covenant waits for the commune People’s Committee; a refusal needs reasons', async () => {
    const total = households.length;
    const m = await postedCovenant('Hương ước thôn 2026');
    const sch = await schedule(head, m, { voteDate: '10/12/2026', noticeOn: '07/12/2026', documentsOn: '07/12/2026' });
    expect(sch.status, sch.text.slice(0, 400)).toBe(303);
    const voteId = idFrom(sch.location);
    const present = total;
    expect((await recordMeeting(head, voteId, present, { count_1_agree: String(total), count_1_disagree: '0', count_1_other: '0' })).status).toBe(303);
    let page = await head.get(`/votes/${voteId}/minutes`);
    const reps = households.slice(2, 4).map((h) => h.representative);
    await head.post(`/votes/${voteId}/minutes`, {
      _csrf: Agent.csrf(page.text),
      content: 'Hương ước',
      decisionText: 'Thông qua hương ước',
      rep1: reps[0]!,
      rep2: reps[1]!,
    });
    for (const [a, as] of [
      [head, 'village_head'],
      [front, 'front_head'],
    ] as const) {
      page = await a.get(`/votes/${voteId}`);
      await a.post(`/votes/${voteId}/confirm`, { _csrf: Agent.csrf(page.text), as });
    }
    page = await head.get(`/votes/${voteId}`);
    await head.post(`/votes/${voteId}/finalise`, { _csrf: Agent.csrf(page.text) });
    expect((await s.deps.db.selectFrom('matters').select('status').where('id', '=', m).executeTakeFirstOrThrow()).status).toBe('open');
    page = await head.get(`/votes/${voteId}`);
    await head.post(`/votes/${voteId}/submit`, { _csrf: Agent.csrf(page.text), submittedOn: '10/12/2026' });
    // The village head cannot recognise; the commune official can.
    page = await head.get(`/votes/${voteId}`);
    expect(
      (await head.post(`/votes/${voteId}/recognise`, { _csrf: Agent.csrf(page.text), decision: 'recognise', decidedOn: '10/12/2026', reason: '' })).status,
    ).toBe(403);
    const official = await signIn(s.url, 'canbo.xuanduong', clock);
    page = await official.get(`/votes/${voteId}`);
    const noReason = await official.post(`/votes/${voteId}/recognise`, {
      _csrf: Agent.csrf(page.text),
      decision: 'refuse',
      decidedOn: '10/12/2026',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Điều 21 khoản 2');
    page = await official.get(`/votes/${voteId}`);
    expect(
      (await official.post(`/votes/${voteId}/recognise`, { _csrf: Agent.csrf(page.text), decision: 'recognise', decidedOn: '10/12/2026', reason: '' })).status,
    ).toBe(303);
    expect(await s.deps.db.selectFrom('matters').select(['status', 'effective_from']).where('id', '=', m).executeTakeFirstOrThrow()).toEqual({
      status: 'adopted',
      effective_from: '2026-12-10',
    });
  });

  it('Decree 59 Art 3(5)(c): a counting committee member enters the secret-ballot count; others may not', async () => {
    const t = translator('vi');
    const m = await propose(head, '6', 'Chọn ngày hội làng');
    const sch = await schedule(head, m, { voteDate: '10/12/2026', noticeOn: '08/12/2026' });
    const voteId = idFrom(sch.location);
    const present = households.length;
    const member = households[0]!.representative; // the demo resident (phone 0912345678) sits on the committee
    const rec = await recordMeeting(
      head,
      voteId,
      present,
      { count_1_agree: '', count_1_disagree: '', count_1_other: '' },
      {
        method: 'secret_ballot',
        committee: `${member}\nĐàm Văn Hai\nBế Thị Ba`,
        committeeVotes: String(present),
        witnesses: `${households[5]!.representative}\n${households[6]!.representative}`,
      },
    );
    expect(rec.status, rec.text.slice(0, 300)).toBe(303);
    expect(await s.deps.db.selectFrom('votes').select(['status', 'outcome']).where('id', '=', voteId).executeTakeFirstOrThrow()).toEqual({
      status: 'scheduled',
      outcome: null,
    });
    const page = await head.get(`/votes/${voteId}`);
    expect(page.text).toContain(`/votes/${voteId}/committee-count`);
    expect((await head.get(`/votes/${voteId}/committee-count`)).status).toBe(200);
    const actorByPhone = async (phone: string) =>
      (await loadActor(s.deps.db, (await s.deps.db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id)) as Actor;
    const outsider = await actorByPhone('0912000002');
    const counts = { '1:agree': String(present - 1), '1:disagree': '1', '1:other': '0' };
    expect(await enterCommitteeCount(s.deps, t, outsider, voteId, counts)).toEqual({ ok: false, reason: 'forbidden' });
    const committee = await actorByPhone('0912345678');
    const tooMany = await enterCommitteeCount(s.deps, t, committee, voteId, { ...counts, '1:agree': String(present + 1) });
    expect(tooMany).toMatchObject({ ok: false, errors: { count_1_agree: expect.stringContaining(`(${present})`) } });
    expect(await enterCommitteeCount(s.deps, t, committee, voteId, counts)).toEqual({ ok: true });
    expect(await s.deps.db.selectFrom('votes').select(['status', 'outcome']).where('id', '=', voteId).executeTakeFirstOrThrow()).toEqual({
      status: 'counted',
      outcome: 'adopted',
    });
    expect(await enterCommitteeCount(s.deps, t, committee, voteId, counts)).toEqual({ ok: false, reason: 'wrong_state' });
  });
});
