// Decree 59/2023/NĐ-CP Art 3(1) (LAW.md §2.1): a meeting that dismisses a village head is convened and
// chaired by the head of the village Front work committee, one that elects him by the election team;
// the head being dismissed and the candidates may not schedule, run, record the counts of or confirm
// the minutes of that meeting (commands/organiser.ts). Ordinary matters keep the village head's flow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayEnterCount } from '../../src/modules/decisions/commands/committee-count.js';
import { loadVote } from '../../src/modules/decisions/commands/common.js';
import { openDismissal, openElection } from '../../src/modules/decisions/commands/election-open.js';
import { recordCandidates, recordElectionPlan } from '../../src/modules/decisions/commands/election-plan.js';
import { finaliseVote } from '../../src/modules/decisions/commands/finalise.js';
import { confirmMinutes, saveMinutes } from '../../src/modules/decisions/commands/minutes.js';
import { mayOrganise } from '../../src/modules/decisions/commands/organiser.js';
import { type MeetingInput, recordMeeting } from '../../src/modules/decisions/commands/record-meeting.js';
import { emptySchedule, scheduleVote } from '../../src/modules/decisions/commands/schedule.js';
import { registerOn } from '../../src/modules/decisions/decisions.repo.js';
import type { Actor, Role } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const t = translator('vi');
const clock = fixedClock('2026-11-25T03:00:00Z');
const at = (day: string) => clock.set(`${day}T03:00:00Z`);
let s: TestServer;
let official: Actor;

const actorOf = async (username: string) => {
  const u = await s.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(s.deps.db, u.id)) as Actor;
};
const withRole = (a: Actor, role: Role, village: { id: number; path: string }): Actor => ({
  ...a,
  grants: [...a.grants, { role, unitId: village.id, unitPath: village.path, agencyId: null }],
});
const villageOf = (code: string) => s.deps.db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
const meetingInput = (
  present: { id: number; representative: string }[],
  register: { representative: string }[],
  counts: Record<string, string>,
): MeetingInput => ({
  method: 'secret_ballot',
  attendance: Object.fromEntries(present.map((h) => [String(h.id), '1'])),
  secretary: 'Hoàng Thị Thư',
  secretaryVotes: String(present.length),
  committee: 'Đàm Văn Một\nBế Thị Hai\nLương Văn Ba',
  committeeVotes: String(present.length),
  witnesses: `${register[5]!.representative}\n${register[6]!.representative}`,
  counts,
});

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  official = await actorOf('canbo.xuanduong');
}, 60_000);
afterAll(() => s?.close());

describe('Decree 59/2023 Art 3(1): the dismissal meeting is not the dismissed head’s', () => {
  it('Art 3(1), Art 9: the head being dismissed may not schedule, record or confirm; the Front work committee head runs it and the commune signs the village-head line', async () => {
    const { db } = s.deps;
    const village = await villageOf('02191-01');
    const register = await registerOn(db, village.id, '2026-11-25');
    // The demo village head's account belongs to a resident of the village who holds the office.
    const holder = register[0]!;
    const headUser = await db.selectFrom('users').select('id').where('username', '=', 'truongthon.xd').executeTakeFirstOrThrow();
    await db.updateTable('users').set({ resident_id: holder.residentId }).where('id', '=', headUser.id).execute();
    await db
      .insertInto('office_terms')
      .values({ unit_id: village.id, position: 'village_head', resident_id: holder.residentId!, user_id: headUser.id, starts_on: '2024-01-10', ends_on: null })
      .execute();
    const opened = await openDismissal(s.deps, t, official, {
      villageId: String(village.id),
      position: 'village_head',
      ground: 'resignation',
      petitionHouseholds: '',
      holderResidentId: String(holder.residentId),
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const matterId = opened.matterId;
    const head = await actorOf('truongthon.xd');
    const front = await actorOf('bancongtac.xd');
    const schedule = { ...emptySchedule(), form: 'meeting', voteDate: '28/11/2026', noticeOn: '25/11/2026', place: 'Nhà văn hóa thôn' };

    // The village head's role does not run a dismissal meeting; a head who is also the Front work
    // committee head is refused in Vietnamese, with the article (the commune chairman convenes then).
    expect(await scheduleVote(s.deps, t, head, matterId, schedule)).toEqual({ ok: false, reason: 'forbidden' });
    const both = withRole(head, 'front_committee_head', village);
    const refused = await scheduleVote(s.deps, t, both, matterId, schedule);
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('miễn nhiệm');
    expect(JSON.stringify(refused)).toContain('khoản 1 Điều 3 Nghị định 59/2023/NĐ-CP');

    const scheduled = await scheduleVote(s.deps, t, front, matterId, schedule);
    if (!scheduled.ok) throw new Error(JSON.stringify(scheduled));
    const voteId = scheduled.id;

    // The pages: the head is offered no step and is told why; the Front work committee head is.
    const headAgent = await signIn(s.url, 'truongthon.xd', clock);
    const headPage = await headAgent.get(`/votes/${voteId}`);
    expect(headPage.status).toBe(200);
    expect(headPage.text).not.toContain(`href="/votes/${voteId}/meeting"`);
    expect(headPage.text).toContain('trưởng thôn bị đề nghị miễn nhiệm');
    expect((await headAgent.get(`/votes/${voteId}/meeting`)).status).toBe(403);
    expect((await headAgent.get(`/matters/${matterId}`)).text).not.toContain(`/matters/${matterId}/votes/new`);
    const frontPage = await (await signIn(s.url, 'bancongtac.xd', clock)).get(`/votes/${voteId}`);
    expect(frontPage.text).toContain(`href="/votes/${voteId}/meeting"`);

    at('2026-11-28');
    const majority = Math.floor(register.length / 2) + 1;
    const present = register.slice(0, majority + 2);
    const input = meetingInput(present, register, { '1:agree': String(majority), '1:disagree': '2' });
    const byHead = await recordMeeting(s.deps, t, both, voteId, input);
    expect(JSON.stringify(byHead)).toContain('miễn nhiệm');
    expect(await recordMeeting(s.deps, t, front, voteId, input)).toEqual({ ok: true });
    expect(
      await saveMinutes(s.deps, t, front, voteId, {
        content: 'Miễn nhiệm Trưởng thôn',
        decisionText: 'Miễn nhiệm Trưởng thôn theo đơn xin thôi',
        rep1: register[3]!.representative,
        rep2: register[4]!.representative,
      }),
    ).toEqual({ ok: true });
    // The dismissed head signs nothing of his own dismissal, even as village head; the commune signs that line.
    expect(JSON.stringify(await confirmMinutes(s.deps, t, head, voteId, 'village_head'))).toContain('miễn nhiệm');
    const anyHead = withRole({ via: 'session', userId: null, label: 'Trưởng thôn', userKind: 'official', grants: [] }, 'village_head', village);
    expect(JSON.stringify(await confirmMinutes(s.deps, t, anyHead, voteId, 'village_head'))).toContain('UBND xã xác nhận');
    expect(await confirmMinutes(s.deps, t, both, voteId, 'front_head')).toMatchObject({ ok: false });
    expect(await confirmMinutes(s.deps, t, official, voteId, 'village_head')).toEqual({ ok: true });
    expect(await confirmMinutes(s.deps, t, front, voteId, 'front_head')).toEqual({ ok: true });
    expect(await finaliseVote(s.deps, t, head, voteId)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await finaliseVote(s.deps, t, front, voteId)).toEqual({ ok: true });
    // The record names that line for what it is.
    const record = await (await signIn(s.url, 'bancongtac.xd', clock)).get(`/votes/${voteId}`);
    expect(record.text).toContain('Đại diện UBND xã (cuộc họp miễn nhiệm trưởng thôn)');
  });
});

describe('Decree 59/2023 Art 3(1), 6(1)(b): a candidate does not run the election he stands in', () => {
  it('Art 3(1), 6(1)(b): an incumbent candidate may not schedule, record counts or enter the committee count; the election team leader may', async () => {
    const { db } = s.deps;
    const village = await villageOf('02191-05');
    at('2026-11-25');
    const register = await registerOn(db, village.id, '2026-11-25');
    const [incumbent, other] = register;
    const opened = await openElection(s.deps, t, official, { villageId: String(village.id), position: 'village_head' });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const matterId = opened.matterId;
    at('2026-12-05');
    expect(
      await recordElectionPlan(s.deps, t, official, matterId, {
        meetingDate: '20/12/2026',
        planIssuedOn: '25/11/2026',
        teamSetOn: '05/12/2026',
        team: 'Ma Văn Tổ\nHà Thị Hai\nLục Văn Ba',
        noticeOn: '05/12/2026',
      }),
    ).toEqual({ ok: true });
    expect(
      await recordCandidates(s.deps, t, official, matterId, {
        meetingDate: '20/12/2026',
        candidatesSentOn: '05/12/2026',
        candidates: [String(incumbent!.residentId), String(other!.residentId)],
      }),
    ).toEqual({ ok: true });
    // The incumbent's account, with every role that could run a village meeting.
    const row = await db
      .insertInto('users')
      .values({
        kind: 'resident',
        phone: null,
        username: 'ungcu.tt05',
        display_name: incumbent!.representative,
        resident_id: incumbent!.residentId,
        created_at: clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base: Actor = { via: 'session', userId: row.id, label: incumbent!.representative, userKind: 'official', grants: [] };
    const candidate = withRole(withRole(base, 'village_head', village), 'front_committee_head', village);
    const leader: Actor = withRole({ via: 'session', userId: null, label: 'Ma Văn Tổ', userKind: 'official', grants: [] }, 'front_committee_head', village);
    at('2026-12-15');
    const schedule = { ...emptySchedule(), form: 'meeting', voteDate: '20/12/2026', noticeOn: '15/12/2026', place: 'Nhà văn hóa' };
    const refused = await scheduleVote(s.deps, t, candidate, matterId, schedule);
    expect(JSON.stringify(refused)).toContain('người ứng cử');
    const scheduled = await scheduleVote(s.deps, t, leader, matterId, schedule);
    if (!scheduled.ok) throw new Error(JSON.stringify(scheduled));
    const ctx = (await loadVote(db, scheduled.id))!;
    expect(await mayOrganise(db, candidate, ctx.matter, ctx.village, 'runVote')).toBe(false);
    expect(await mayOrganise(db, candidate, ctx.matter, ctx.village, 'confirmAsVillageHead')).toBe(false);
    expect(await mayOrganise(db, leader, ctx.matter, ctx.village, 'runVote')).toBe(true);

    at('2026-12-20');
    const present = register.slice(0, Math.floor(register.length / 2) + 3);
    // Recorded without counts: the counting committee enters them; a candidate may not.
    const input = meetingInput(present, register, {});
    expect(JSON.stringify(await recordMeeting(s.deps, t, candidate, scheduled.id, input))).toContain('người ứng cử');
    expect(await recordMeeting(s.deps, t, leader, scheduled.id, input)).toEqual({ ok: true });
    const counted = (await loadVote(db, scheduled.id))!;
    expect(await mayEnterCount(db, candidate, counted)).toBe(false);
    expect(await mayEnterCount(db, leader, counted)).toBe(true);
  });
});

describe('ordinary matters keep the village head’s flow (Law 10/2022 Art 18(1))', () => {
  it('Art 18(1): the village head runs a vote on an item-6 matter', async () => {
    const village = await villageOf('02191-01');
    const head = await actorOf('truongthon.xd');
    const m = await s.deps.db
      .selectFrom('matters')
      .select(['id', 'kind', 'position'])
      .where('unit_id', '=', village.id)
      .where('kind', '=', 'general')
      .executeTakeFirstOrThrow();
    expect(await mayOrganise(s.deps.db, head, { ...m, kind: 'general' }, village, 'runVote')).toBe(true);
    expect(await mayOrganise(s.deps.db, head, { ...m, kind: 'general' }, village, 'confirmAsVillageHead')).toBe(true);
  });
});
