// A village-head election from the commune's plan to the recognised head's role, through every
// command in order (Decree 59/2023 Arts 6–8; Law 10/2022 Arts 20–21; R-B1, R-B2, R-A1, R-A4, R-A12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openElection } from '../../src/modules/decisions/commands/election-open.js';
import { recordCandidates, recordElectionPlan } from '../../src/modules/decisions/commands/election-plan.js';
import { finaliseVote } from '../../src/modules/decisions/commands/finalise.js';
import { confirmMinutes, saveMinutes } from '../../src/modules/decisions/commands/minutes.js';
import { recogniseVote } from '../../src/modules/decisions/commands/recognise.js';
import { recordMeeting } from '../../src/modules/decisions/commands/record-meeting.js';
import { emptySchedule, scheduleVote } from '../../src/modules/decisions/commands/schedule.js';
import { submitVote } from '../../src/modules/decisions/commands/submit.js';
import { decisionsPolicy } from '../../src/modules/decisions/decisions.policy.js';
import { registerOn } from '../../src/modules/decisions/decisions.repo.js';
import type { Actor, Role } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { makeTestDb, type TestDb } from '../helpers.js';

const t = translator('vi');
const clock = fixedClock('2026-11-25T03:00:00Z');
const at = (iso: string) => clock.set(`${iso}T03:00:00Z`);
let tdb: TestDb;
let village: { id: number; path: string; name: string };
let official: Actor;
const organiser = (role: Role): Actor => ({
  via: 'session',
  userId: null,
  label: role,
  userKind: 'official',
  grants: [{ role, unitId: village.id, unitPath: village.path, agencyId: null }],
});

beforeAll(async () => {
  tdb = await makeTestDb({ seed: 'demo', clock });
  village = await tdb.deps.db.selectFrom('units').select(['id', 'path', 'name']).where('code', '=', '02191-05').executeTakeFirstOrThrow();
  const u = await tdb.deps.db.selectFrom('users').select('id').where('username', '=', 'canbo.xuanduong').executeTakeFirstOrThrow();
  official = (await loadActor(tdb.deps.db, u.id)) as Actor;
}, 60_000);
afterAll(async () => tdb?.drop());

describe('village head election, end to end', () => {
  it('R-B1, R-B2: the elected head receives the role only on the commune’s recognition', async () => {
    const { deps } = tdb;
    const head = organiser('village_head');
    const front = organiser('front_committee_head');
    const register = await registerOn(deps.db, village.id, '2026-11-25');
    const total = register.length;
    const [winner, other] = register;
    const opened = await openElection(deps, t, official, { villageId: String(village.id), position: 'village_head' });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const matterId = opened.matterId;
    // Decree 59 Art 6: plan ≥ 20 days, team ≥ 10 days, notice ≥ 7 days, candidates ≥ 15 days before 20/12.
    at('2026-12-05');
    expect(
      await recordElectionPlan(deps, t, official, matterId, {
        meetingDate: '20/12/2026',
        planIssuedOn: '25/11/2026',
        teamSetOn: '05/12/2026',
        team: 'Ma Văn Tổ\nHà Thị Hai\nLục Văn Ba',
        noticeOn: '05/12/2026',
      }),
    ).toEqual({ ok: true });
    expect(
      await recordCandidates(deps, t, official, matterId, {
        meetingDate: '20/12/2026',
        candidatesSentOn: '05/12/2026',
        candidates: [String(winner!.residentId), String(other!.residentId)],
      }),
    ).toEqual({ ok: true });
    at('2026-12-15');
    // A meeting date that the timeline does not allow is refused with the article (R-B1).
    const tooSoon = await scheduleVote(deps, t, front, matterId, {
      ...emptySchedule(),
      form: 'meeting',
      voteDate: '16/12/2026',
      noticeOn: '14/12/2026',
      place: 'Nhà văn hóa',
    });
    expect(JSON.stringify(tooSoon)).toContain('Điều 6');
    // Decree 59/2023 Art 3(1): the election team (led by the Front work committee representative) runs
    // the election meeting, not the village head.
    expect(
      await scheduleVote(deps, t, head, matterId, {
        ...emptySchedule(),
        form: 'meeting',
        voteDate: '20/12/2026',
        noticeOn: '15/12/2026',
        place: 'Nhà văn hóa',
      }),
    ).toEqual({ ok: false, reason: 'forbidden' });
    const s = await scheduleVote(deps, t, front, matterId, {
      ...emptySchedule(),
      form: 'meeting',
      voteDate: '20/12/2026',
      noticeOn: '15/12/2026',
      place: 'Nhà văn hóa',
    });
    if (!s.ok) throw new Error(JSON.stringify(s));
    at('2026-12-20');
    const majority = Math.floor(total / 2) + 1;
    const present = register.slice(0, majority + 2);
    const recorded = await recordMeeting(deps, t, front, s.id, {
      method: 'secret_ballot',
      attendance: Object.fromEntries(present.map((h) => [String(h.id), '1'])),
      secretary: 'Hoàng Thị Thư',
      secretaryVotes: String(present.length),
      committee: 'Đàm Văn Một\nBế Thị Hai\nLương Văn Ba',
      committeeVotes: String(present.length),
      witnesses: `${register[5]!.representative}\n${register[6]!.representative}`,
      counts: { [`1:c${winner!.residentId}`]: String(majority), [`1:c${other!.residentId}`]: '2' },
    });
    expect(recorded).toEqual({ ok: true });
    expect(
      await saveMinutes(deps, t, front, s.id, {
        content: 'Bầu Trưởng thôn',
        decisionText: `Bầu ông/bà ${winner!.representative} làm Trưởng thôn`,
        rep1: register[3]!.representative,
        rep2: register[4]!.representative,
      }),
    ).toEqual({ ok: true });
    expect(await confirmMinutes(deps, t, head, s.id, 'village_head')).toEqual({ ok: true });
    expect(await confirmMinutes(deps, t, front, s.id, 'front_head')).toEqual({ ok: true });
    expect(await finaliseVote(deps, t, front, s.id)).toEqual({ ok: true });
    expect(await submitVote(deps, t, front, s.id, { submittedOn: '21/12/2026' })).toMatchObject({ ok: false }); // not in the future
    expect(await submitVote(deps, t, front, s.id, { submittedOn: '20/12/2026' })).toEqual({ ok: true });

    const holder = async () => {
      const u = await deps.db.selectFrom('users').select('id').where('resident_id', '=', winner!.residentId!).executeTakeFirst();
      return u ? ((await loadActor(deps.db, u.id)) as Actor) : null;
    };
    // R-B2: before recognition the winner has no authority in the system.
    const before = await holder();
    expect(before ? decisionsPolicy(before, 'runVote', { unitPath: village.path }) : false).toBe(false);
    // The village head cannot recognise; the commune can, once (a second answer is refused).
    expect(await recogniseVote(deps, t, head, s.id, { decision: 'recognise', decidedOn: '22/12/2026', reason: '' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    at('2026-12-22');
    expect(await recogniseVote(deps, t, official, s.id, { decision: 'recognise', decidedOn: '22/12/2026', reason: '' })).toEqual({ ok: true });
    expect(await recogniseVote(deps, t, official, s.id, { decision: 'refuse', decidedOn: '22/12/2026', reason: 'x' })).toEqual({
      ok: false,
      reason: 'wrong_state',
    });
    const after = await holder();
    expect(after && decisionsPolicy(after, 'runVote', { unitPath: village.path })).toBe(true);
    const term = await deps.db.selectFrom('office_terms').selectAll().where('resident_id', '=', winner!.residentId!).executeTakeFirstOrThrow();
    expect(term).toMatchObject({ unit_id: village.id, position: 'village_head', starts_on: '2026-12-22', ends_on: '2031-12-22' }); // R-B4: 60 months
    expect(await deps.db.selectFrom('matters').select(['status', 'effective_from']).where('id', '=', matterId).executeTakeFirstOrThrow()).toEqual({
      status: 'adopted',
      effective_from: '2026-12-22',
    });
  });
});
