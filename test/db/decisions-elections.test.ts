// Village-head and board elections and dismissals (issue 4 items 7–8; Decree 59/2023 Arts 6–9;
// R-B1…R-B4) on a real database, through the commands and the real HTTP pages. The meeting's vote rows
// (counted, submitted) are written directly as fixtures, and applyRecognition is called inside a
// transaction as the recognise command does after setting the vote 'recognised'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/types.js';
import { ruleSetOn } from '../../src/law/rule-sets.js';
import { applyRecognition } from '../../src/modules/decisions/commands/election-effects.js';
import { appointInterim, endExpiredTerms } from '../../src/modules/decisions/commands/election-interim.js';
import { openDismissal, openElection } from '../../src/modules/decisions/commands/election-open.js';
import { electionScheduleCheck, recordCandidates, recordElectionPlan } from '../../src/modules/decisions/commands/election-plan.js';
import { decisionsPolicy } from '../../src/modules/decisions/decisions.policy.js';
import { electionResult } from '../../src/modules/decisions/rules/threshold.js';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import type { Actor } from '../../src/platform/auth/policy.js';
import { loadActor } from '../../src/platform/auth/session.js';
import { fixedClock } from '../../src/platform/clock.js';
import { translator } from '../../src/platform/i18n/index.js';
import { fold } from '../../src/platform/search/fold.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const NOW = '2026-11-25T03:00:00Z'; // Wed 25/11/2026, 10:00 in Vietnam
const TODAY = '2026-11-25';
const clock = fixedClock(NOW);
const t = translator('vi');
let s: TestServer;
let commune: Unit;
let official: Actor;
const db = () => s.deps.db;

/** A village of `n` households with one member each; the last ten have no phone. */
async function village(code: string, n = 100) {
  const name = `Thôn Thử ${code}`;
  const row = await db()
    .insertInto('units')
    .values({
      code: `02191-${code}`,
      name,
      name_folded: fold(name),
      level: 'village',
      parent_id: commune.id,
      valid_from: '2026-07-01',
      path: '/',
      is_demo: 0,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${commune.path}${row.id}/`;
  await db().updateTable('units').set({ path }).where('id', '=', row.id).execute();
  const hh = await db()
    .insertInto('households')
    .values(Array.from({ length: n }, (_, i) => ({ unit_id: row.id, code: `H${String(i + 1).padStart(3, '0')}`, address: name, is_demo: 0 })))
    .returning(['id', 'code'])
    .execute();
  hh.sort((a, b) => a.code.localeCompare(b.code));
  const people = await db()
    .insertInto('residents')
    .values(
      hh.map((h, i) => ({
        household_id: h.id,
        full_name: `Nông Văn Bình ${code}-${i + 1}`,
        birth_year: 1980,
        gender: 'nam',
        phone: i < n - 10 ? `09${code.padStart(2, '0')}${String(i + 1).padStart(6, '0')}` : null,
        relation: 'chủ hộ',
        is_representative: 1,
      })),
    )
    .returning(['id', 'full_name', 'phone'])
    .execute();
  people.sort((a, b) => a.id - b.id);
  const unit = await db().selectFrom('units').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  return { unit, people };
}

/** The meeting's vote row as the lead's schedule/record/submit commands leave it. */
async function meeting(
  matterId: number,
  villageId: number,
  voteDate: string,
  status: 'scheduled' | 'submitted',
  candidates: { id: number; name: string; approving: number }[] = [],
) {
  const working =
    status === 'scheduled'
      ? null
      : candidates.length
        ? electionResult(
            {
              item: 4,
              householdsTotal: 100,
              present: 80,
              seats: 1,
              candidates: candidates.map((c) => ({ key: `c${c.id}`, label: c.name, residentId: c.id, approving: c.approving })),
            },
            ruleSetOn(voteDate),
          )
        : {
            kind: 'majority',
            householdsTotal: 100,
            present: 80,
            approving: 70,
            needed: 51,
            adopted: true,
            article: 'Điều 21 khoản 1 điểm c Luật 10/2022/QH15',
          };
  const iso = clock.now().toISOString();
  const r = await db()
    .insertInto('votes')
    .values({
      matter_id: matterId,
      unit_id: villageId,
      form: 'meeting',
      method: 'secret_ballot',
      status,
      vote_date: voteDate,
      notice_on: '2026-11-01',
      households_total: status === 'scheduled' ? null : 100,
      present: status === 'scheduled' ? null : 80,
      outcome: working ? (working.adopted ? 'adopted' : 'not_adopted') : null,
      working: working ? JSON.stringify(working) : null,
      submitted_on: status === 'submitted' ? voteDate : null,
      created_at: iso,
      updated_at: iso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** What the recognise command does for an election or dismissal matter, in one transaction. */
async function recognise(voteId: number, on = TODAY) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable('votes').set({ status: 'recognised', recognised_on: on }).where('id', '=', voteId).execute();
      const vote = await trx.selectFrom('votes').selectAll().where('id', '=', voteId).executeTakeFirstOrThrow();
      // Assumed of the lead's recognise command: the matter is adopted and in force from recognition.
      await trx.updateTable('matters').set({ status: 'adopted', effective_from: on }).where('id', '=', vote.matter_id).execute();
      const matter = await trx.selectFrom('matters').selectAll().where('id', '=', vote.matter_id).executeTakeFirstOrThrow();
      await applyRecognition(trx, s.deps, vote, matter, official, clock.now());
    });
}

const grantsOf = async (userId: number) => (await loadActor(db(), userId))?.grants ?? [];
const userOf = (residentId: number) => db().selectFrom('users').selectAll().where('resident_id', '=', residentId).executeTakeFirst();
const electionRow = (matterId: number) => db().selectFrom('elections').selectAll().where('matter_id', '=', matterId).executeTakeFirstOrThrow();
const ok = (r: { ok: boolean }) => expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
const errorsOf = (r: object) => ('errors' in r ? (r.errors as Record<string, string>) : {});

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
  commune = await db().selectFrom('units').selectAll().where('code', '=', '02191').where('valid_to', 'is', null).executeTakeFirstOrThrow();
  const u = await db().selectFrom('users').select('id').where('username', '=', 'canbo.xuanduong').executeTakeFirstOrThrow();
  official = (await loadActor(db(), u.id)) as Actor;
});
afterAll(() => s.close());

describe('R-B1 the election timeline (Decree 59/2023 Art 6)', () => {
  const MEETING = '20/01/2027';
  let A: Awaited<ReturnType<typeof village>>;
  let matterId: number;
  const plan = (p: Partial<Record<'meetingDate' | 'planIssuedOn' | 'teamSetOn' | 'team' | 'noticeOn', string>>) =>
    recordElectionPlan(s.deps, t, official, matterId, { meetingDate: MEETING, planIssuedOn: '', teamSetOn: '', team: '', noticeOn: '', ...p });
  const candidates = (sentOn: string, ids: (number | string)[]) =>
    recordCandidates(s.deps, t, official, matterId, { meetingDate: MEETING, candidatesSentOn: sentOn, candidates: ids.map(String) });

  beforeAll(async () => {
    A = await village('71');
    const r = await openElection(s.deps, t, official, { villageId: String(A.unit.id), position: 'village_head' });
    ok(r);
    matterId = (r as { matterId: number }).matterId;
  });

  it('R-B1: opening creates an item-4 village matter proposed by the commune chairman, with its elections row; a second one is refused', async () => {
    const m = await db().selectFrom('matters').selectAll().where('id', '=', matterId).executeTakeFirstOrThrow();
    expect(m).toMatchObject({
      unit_id: A.unit.id,
      scope: 'village',
      item: 4,
      kind: 'election',
      position: 'village_head',
      proposer: 'commune_chairman',
      status: 'open',
    });
    expect(await electionRow(matterId)).toMatchObject({ team: '[]', candidates: '[]' });
    const again = await openElection(s.deps, t, official, { villageId: String(A.unit.id), position: 'village_head' });
    expect(errorsOf(again).position).toContain(`số ${matterId}`);
  });

  it('R-B1 (Art 6(1)(a)): the plan 19 days before the meeting is refused with the article and the latest date; 20 days is accepted', async () => {
    const late = await plan({ planIssuedOn: '01/01/2027' });
    expect(errorsOf(late).planIssuedOn).toBe(
      'Phải ít nhất 20 ngày trước hội nghị bầu ngày 20/01/2027: chậm nhất ngày 31/12/2026 (Điều 6 khoản 1 điểm a Nghị định 59/2023/NĐ-CP).',
    );
    ok(await plan({ planIssuedOn: '31/12/2026' }));
    expect((await electionRow(matterId)).plan_issued_on).toBe('2026-12-31');
  });

  it('R-B1 (Art 6(1)(b), 6(1)): the team 9 days and the notice 6 days before are refused; 10 and 7 days are accepted', async () => {
    const late = errorsOf(await plan({ planIssuedOn: '31/12/2026', teamSetOn: '11/01/2027', team: 'Ma Thị Thảo\nLục Văn Hải', noticeOn: '14/01/2027' }));
    expect(late.teamSetOn).toContain('chậm nhất ngày 10/01/2027 (Điều 6 khoản 1 điểm b Nghị định 59/2023/NĐ-CP)');
    expect(late.noticeOn).toContain('chậm nhất ngày 13/01/2027 (Điều 6 khoản 1 Nghị định 59/2023/NĐ-CP)');
    ok(await plan({ planIssuedOn: '31/12/2026', teamSetOn: '10/01/2027', team: 'Ma Thị Thảo\nLục Văn Hải', noticeOn: '13/01/2027' }));
    expect(await electionRow(matterId)).toMatchObject({
      team_set_on: '2027-01-10',
      notice_on: '2027-01-13',
      team: JSON.stringify(['Ma Thị Thảo', 'Lục Văn Hải']),
    });
  });

  it('R-B1 (Art 6(2)): the candidate list needs at least one candidate and reaches the commune 15 days before (14 refused)', async () => {
    expect(errorsOf(await candidates('05/01/2027', [])).candidate1).toBe(
      'Danh sách người ứng cử phải có ít nhất 01 người (Điều 6 khoản 2 Nghị định 59/2023/NĐ-CP).',
    );
    expect(errorsOf(await candidates('06/01/2027', [A.people[0]!.id])).candidatesSentOn).toContain(
      'chậm nhất ngày 05/01/2027 (Điều 6 khoản 2 Nghị định 59/2023/NĐ-CP)',
    );
    const outsider = (
      await db()
        .selectFrom('residents')
        .select('id')
        .where('household_id', 'not in', db().selectFrom('households').select('id').where('unit_id', '=', A.unit.id))
        .executeTakeFirstOrThrow()
    ).id;
    expect(errorsOf(await candidates('05/01/2027', [outsider])).candidate1).toContain('sổ hộ của thôn');
    ok(await candidates('05/01/2027', [A.people[0]!.id, '', A.people[1]!.id]));
    expect(JSON.parse((await electionRow(matterId)).candidates)).toEqual([
      { residentId: A.people[0]!.id, name: A.people[0]!.full_name },
      { residentId: A.people[1]!.id, name: A.people[1]!.full_name },
    ]);
  });

  it('R-B1 (Art 6(1)(b)): an election team member may not be a candidate, whichever is recorded first', async () => {
    const candidate = A.people[0]!;
    const clash = await plan({
      planIssuedOn: '31/12/2026',
      teamSetOn: '10/01/2027',
      team: `Ma Thị Thảo\n  ${candidate.full_name.toUpperCase()} `,
      noticeOn: '13/01/2027',
    });
    expect(errorsOf(clash).team).toBe(
      `Thành viên tổ bầu cử không được là người ứng cử: ${candidate.full_name} (Điều 6 khoản 1 điểm b Nghị định 59/2023/NĐ-CP).`,
    );
    const member = A.people[2]!;
    ok(await plan({ planIssuedOn: '31/12/2026', teamSetOn: '10/01/2027', team: `Ma Thị Thảo\n${member.full_name}`, noticeOn: '13/01/2027' }));
    const r = await candidates('05/01/2027', [A.people[0]!.id, member.id]);
    expect(errorsOf(r).candidate2).toBe(`${member.full_name} là thành viên tổ bầu cử nên không được ứng cử (Điều 6 khoản 1 điểm b Nghị định 59/2023/NĐ-CP).`);
  });

  it('R-B1: once the meeting is scheduled its date is the one judged against, and the candidate list is fixed', async () => {
    await meeting(matterId, A.unit.id, '2027-01-12', 'scheduled');
    const r = await plan({ meetingDate: '', planIssuedOn: '31/12/2026', teamSetOn: '10/01/2027', team: 'Ma Thị Thảo', noticeOn: '' });
    expect(errorsOf(r).planIssuedOn).toContain('hội nghị bầu ngày 12/01/2027: chậm nhất ngày 23/12/2026');
    expect(errorsOf(r).teamSetOn).toContain('chậm nhất ngày 02/01/2027');
    expect(await candidates('01/01/2026', [A.people[0]!.id])).toEqual({ ok: false, reason: 'wrong_state' });
    // What scheduling reads: the ballot's candidates and the steps the meeting date makes late.
    const check = await electionScheduleCheck(db(), matterId, '2027-01-12');
    expect(check.candidates.map((c) => c.residentId)).toEqual([A.people[0]!.id, A.people[1]!.id]);
    expect(check.problems.map((p) => p.field)).toEqual(['planIssuedOn', 'teamSetOn', 'electionNoticeOn', 'candidatesSentOn']);
    expect((await electionScheduleCheck(db(), matterId, '2027-01-20')).problems).toEqual([]);
  });

  it('R-B1 (page): the election page shows each step with its date, latest date and ok/late, and links to the matter page', async () => {
    const a = await signIn(s.url, 'canbo.xuanduong', clock);
    const page = await a.get(`/elections/${matterId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/matters/${matterId}"`);
    expect(page.text).toMatch(/data-step="plan" data-state="late"[\s\S]*?31\/12\/2026[\s\S]*?23\/12\/2026/);
    expect(page.text).toMatch(/data-step="notice" data-state="late"/);
    expect(page.text).toContain('Điều 6 khoản 2 Nghị định 59/2023/NĐ-CP');
    const list = await a.get(`/units/${commune.id}/elections`);
    expect(list.text).toContain(`id="timeline-${matterId}"`);
  });
});

describe('R-B2 the elected head acts only after recognition (Law Art 21(2); Decree 59/2023 Art 8)', () => {
  let B: Awaited<ReturnType<typeof village>>;
  let matterId: number;
  let voteId: number;
  let winner: { id: number; full_name: string; phone: string | null };
  let winnerUser: number;
  let resident: Agent;

  beforeAll(async () => {
    B = await village('72');
    winner = B.people[4]!;
    // The winner already has a resident account (representative of a household).
    const u = await db()
      .insertInto('users')
      .values({ kind: 'resident', phone: winner.phone, display_name: winner.full_name, resident_id: winner.id, created_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    winnerUser = u.id;
    await db().insertInto('role_grants').values({ user_id: u.id, role: 'household_representative', unit_id: B.unit.id, granted_at: NOW }).execute();
    resident = new Agent(s.url);
    const page = await resident.get('/sign-in');
    const sent = await resident.post('/sign-in/phone', { phone: winner.phone!, next: '/', _csrf: Agent.csrf(page.text) });
    const otp = await db().selectFrom('outbox').select('params').where('template', '=', 'otp').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const code = (JSON.parse(otp.params) as { code: string }).code;
    expect((await resident.post('/sign-in/code', { phone: winner.phone!, code, next: '/', _csrf: Agent.csrf(sent.text) })).status).toBe(303);
    const r = await openElection(s.deps, t, official, { villageId: String(B.unit.id), position: 'village_head' });
    ok(r);
    matterId = (r as { matterId: number }).matterId;
    ok(
      await recordCandidates(s.deps, t, official, matterId, {
        meetingDate: '15/11/2026',
        candidatesSentOn: '30/10/2026',
        candidates: [String(winner.id), String(B.people[5]!.id)],
      }),
    );
    voteId = await meeting(matterId, B.unit.id, '2026-11-15', 'submitted', [
      { id: winner.id, name: winner.full_name, approving: 62 },
      { id: B.people[5]!.id, name: B.people[5]!.full_name, approving: 18 },
    ]);
  });

  it('R-B2: counted and submitted but not recognised, the winner cannot act as village head (policy and page)', async () => {
    expect(decisionsPolicy({ ...official, grants: await grantsOf(winnerUser) }, 'runVote', { unitPath: B.unit.path })).toBe(false);
    expect((await resident.get(`/units/${B.unit.id}/elections`)).status).toBe(403);
  });

  it('R-B2, R-B4: on recognition the winner gets village_head on the village and a term of 60 months; the page opens', async () => {
    await recognise(voteId);
    const grants = await grantsOf(winnerUser);
    expect(grants.some((g) => g.role === 'village_head' && g.unitId === B.unit.id)).toBe(true);
    expect(decisionsPolicy({ ...official, grants }, 'runVote', { unitPath: B.unit.path })).toBe(true);
    const term = await db().selectFrom('office_terms').selectAll().where('unit_id', '=', B.unit.id).where('ended_on', 'is', null).executeTakeFirstOrThrow();
    expect(term).toMatchObject({
      position: 'village_head',
      resident_id: winner.id,
      user_id: winnerUser,
      interim: 0,
      matter_id: matterId,
      starts_on: TODAY,
      ends_on: '2031-11-25',
    });
    const g = await db().selectFrom('role_grants').selectAll().where('id', '=', term.grant_id!).executeTakeFirstOrThrow();
    expect(g).toMatchObject({ role: 'village_head', unit_id: B.unit.id, revoked_at: null, granted_by: official.userId });
    expect((await resident.get(`/units/${B.unit.id}/elections`)).status).toBe(200);
    const page = await resident.get(`/elections/${matterId}`);
    expect(page.text).toContain(`${winner.full_name}: 25/11/2026 – 25/11/2031`);
    expect((await verifyAudit(db())).ok).toBe(true);
  });
});

describe('R-B3 dismissal, the new election and the interim head (Decree 59/2023 Art 9)', () => {
  let C: Awaited<ReturnType<typeof village>>;
  let head: { id: number; full_name: string };
  let headUser: number;
  let dismissalId: number;

  beforeAll(async () => {
    C = await village('73');
    head = C.people[92]!; // no phone: an account is created with a username
    const r = await openElection(s.deps, t, official, { villageId: String(C.unit.id), position: 'village_head' });
    ok(r);
    const id = (r as { matterId: number }).matterId;
    await recognise(await meeting(id, C.unit.id, '2026-10-01', 'submitted', [{ id: head.id, name: head.full_name, approving: 70 }]), '2026-10-07');
    const u = await userOf(head.id);
    expect(u).toMatchObject({ kind: 'resident', phone: null, username: `resident.${head.id}`, display_name: head.full_name });
    headUser = u!.id;
  });

  const petition = (n: string) =>
    openDismissal(s.deps, t, official, { villageId: String(C.unit.id), position: 'village_head', ground: 'petition', petitionHouseholds: n });

  it('R-B3: a petition of 49 % of the households on the register is refused with the article; 50 % opens the dismissal', async () => {
    expect(errorsOf(await petition('49')).petitionHouseholds).toBe(
      'Kiến nghị miễn nhiệm cần ít nhất 50% số hộ gia đình trong thôn: ít nhất 50 trên 100 hộ, mới có 49 hộ (Điều 9 Nghị định 59/2023/NĐ-CP).',
    );
    expect(errorsOf(await petition('101')).petitionHouseholds).toContain('100 hộ');
    const r = await petition('50');
    ok(r);
    dismissalId = (r as { matterId: number }).matterId;
    const m = await db().selectFrom('matters').selectAll().where('id', '=', dismissalId).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ item: 4, kind: 'dismissal', position: 'village_head', proposer: 'commune_chairman', status: 'open' });
    expect(await electionRow(dismissalId)).toMatchObject({
      dismissal_ground: 'petition',
      petition_households: 50,
      holder_resident_id: head.id,
      new_election_due: null,
    });
    expect(errorsOf(await petition('60')).position).toContain('miễn nhiệm');
  });

  it('R-B3: a dismissal without a holder in office, or by petition for a board member, is refused', async () => {
    const D = await village('74', 20);
    const none = await openDismissal(s.deps, t, official, {
      villageId: String(D.unit.id),
      position: 'village_head',
      ground: 'resignation',
      petitionHouseholds: '',
    });
    expect(errorsOf(none).position).toContain('chưa có người giữ chức vụ');
    const board = await openDismissal(s.deps, t, official, {
      villageId: String(D.unit.id),
      position: 'inspection_board',
      ground: 'petition',
      petitionHouseholds: '20',
    });
    expect(errorsOf(board).ground).toContain('Điều 36 khoản 2');
  });

  it('R-B3: recognising the dismissal ends the term, revokes the role, and sets the new election due 60 days later', async () => {
    expect((await grantsOf(headUser)).some((g) => g.role === 'village_head')).toBe(true);
    await recognise(await meeting(dismissalId, C.unit.id, '2026-11-20', 'submitted'), TODAY);
    expect((await grantsOf(headUser)).some((g) => g.role === 'village_head')).toBe(false);
    const term = await db().selectFrom('office_terms').selectAll().where('resident_id', '=', head.id).executeTakeFirstOrThrow();
    expect(term.ended_on).toBe(TODAY);
    const g = await db().selectFrom('role_grants').selectAll().where('id', '=', term.grant_id!).executeTakeFirstOrThrow();
    expect(g.revoked_at).toBe(clock.now().toISOString());
    expect(g.revoked_by).toBe(official.userId);
    expect((await electionRow(dismissalId)).new_election_due).toBe('2027-01-24');
    const a = await signIn(s.url, 'canbo.xuanduong', clock);
    const list = await a.get(`/units/${commune.id}/elections`);
    expect(list.text).toMatch(/data-overdue="0"[\s\S]*?hạn quyết định bầu lại 24\/01\/2027[\s\S]*?còn 60 ngày/);
    clock.set('2027-01-26T03:00:00Z');
    try {
      const later = await signIn(s.url, 'canbo.xuanduong', clock); // the earlier session has expired by then
      expect((await later.get(`/units/${commune.id}/elections`)).text).toMatch(/data-overdue="1"[\s\S]*?quá hạn 2 ngày/);
    } finally {
      clock.set(NOW);
    }
  });

  it('R-B3: the interim head serves at most 6 months (refused one day beyond), gets the role, and loses it when the end passes', async () => {
    const interim = C.people[10]!;
    const input = { residentId: String(interim.id), startsOn: '25/11/2026', endsOn: '26/05/2027', frontAgreedBy: 'Nông Thị Hoa', frontAgreedOn: '24/11/2026' };
    const long = await appointInterim(s.deps, t, official, C.unit.id, input);
    expect(errorsOf(long).endsOn).toContain('tối đa 6 tháng: chậm nhất đến ngày 25/05/2027');
    expect(errorsOf(await appointInterim(s.deps, t, official, C.unit.id, { ...input, endsOn: '25/05/2027', frontAgreedBy: '' })).frontAgreedBy).toContain(
      'Điều 9',
    );
    const r = await appointInterim(s.deps, t, official, C.unit.id, { ...input, endsOn: '25/05/2027' });
    expect(r).toMatchObject({ ok: true, endsOn: '2027-05-25' });
    const term = await db().selectFrom('office_terms').selectAll().where('resident_id', '=', interim.id).executeTakeFirstOrThrow();
    expect(term).toMatchObject({ interim: 1, starts_on: TODAY, ends_on: '2027-05-25', ended_on: null, matter_id: dismissalId });
    const user = (await userOf(interim.id))!;
    expect(user.phone).toBe(interim.phone);
    expect((await grantsOf(user.id)).some((g) => g.role === 'village_head' && g.unitId === C.unit.id)).toBe(true);
    const audit = await db().selectFrom('audit_log').select('data').where('action', '=', 'decisions.election.interim_appointed').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ frontAgreedBy: 'Nông Thị Hoa', frontAgreedOn: '2026-11-24' });
    clock.set('2027-05-26T03:00:00Z'); // the day after the last day
    try {
      expect(await endExpiredTerms(s.deps)).toBe(1);
      expect((await grantsOf(user.id)).some((g) => g.role === 'village_head')).toBe(false);
      const ended = await db().selectFrom('office_terms').select('ended_on').where('id', '=', term.id).executeTakeFirstOrThrow();
      expect(ended.ended_on).toBe('2027-05-25');
    } finally {
      clock.set(NOW);
    }
  });

  it('R-B3: an interim head is not appointed while an elected head is in office', async () => {
    const B = await db().selectFrom('units').select('id').where('code', '=', '02191-72').executeTakeFirstOrThrow();
    const someone = await db()
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select('r.id')
      .where('h.unit_id', '=', B.id)
      .executeTakeFirstOrThrow();
    const r = await appointInterim(s.deps, t, official, B.id, {
      residentId: String(someone.id),
      startsOn: '25/11/2026',
      endsOn: '25/12/2026',
      frontAgreedBy: 'Nông Thị Hoa',
      frontAgreedOn: '25/11/2026',
    });
    expect(errorsOf(r).residentId).toContain('đang có trưởng thôn trong nhiệm kỳ');
    // Nor over a head whose role an administrator granted before terms were kept (demo village 02191-01).
    const demo = await db().selectFrom('units').select('id').where('code', '=', '02191-01').executeTakeFirstOrThrow();
    const rep = await db()
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select('r.id')
      .where('h.unit_id', '=', demo.id)
      .executeTakeFirstOrThrow();
    const d = await appointInterim(s.deps, t, official, demo.id, {
      residentId: String(rep.id),
      startsOn: '25/11/2026',
      endsOn: '25/12/2026',
      frontAgreedBy: 'Nông Thị Hoa',
      frontAgreedOn: '25/11/2026',
    });
    expect(errorsOf(d).residentId).toContain('đang có trưởng thôn trong nhiệm kỳ');
  });
});

describe('boards: members are elected in the village and recognised by the commune Front (Law Arts 21(2), 36, 41)', () => {
  it('R-B4: an inspection-board member gets the role on the COMMUNE and the village head’s term; a supervision-board member has no end date', async () => {
    const E = await village('75', 30);
    const elect = async (position: 'inspection_board' | 'supervision_board', who: { id: number; full_name: string }) => {
      const r = await openElection(s.deps, t, official, { villageId: String(E.unit.id), position });
      ok(r);
      const id = (r as { matterId: number }).matterId;
      const m = await db().selectFrom('matters').select('item').where('id', '=', id).executeTakeFirstOrThrow();
      expect(m.item).toBe(5);
      await recognise(await meeting(id, E.unit.id, '2026-11-20', 'submitted', [{ id: who.id, name: who.full_name, approving: 80 }]));
      return (await userOf(who.id))!;
    };
    const inspector = await elect('inspection_board', E.people[1]!);
    const grants = await grantsOf(inspector.id);
    expect(grants.find((g) => g.role === 'inspection_board_member')?.unitId).toBe(commune.id);
    expect(grants.some((g) => g.unitId === E.unit.id && g.role !== 'resident')).toBe(false);
    const term = await db().selectFrom('office_terms').selectAll().where('resident_id', '=', E.people[1]!.id).executeTakeFirstOrThrow();
    expect(term).toMatchObject({ unit_id: E.unit.id, position: 'inspection_board', ends_on: '2031-11-25' });
    const supervisor = await elect('supervision_board', E.people[2]!);
    expect((await grantsOf(supervisor.id)).find((g) => g.role === 'supervision_board_member')?.unitId).toBe(commune.id);
    const st = await db().selectFrom('office_terms').selectAll().where('resident_id', '=', E.people[2]!.id).executeTakeFirstOrThrow();
    expect(st.ends_on).toBeNull();
    // A new inspection-board election in the village replaces its member; the supervision board stays.
    await elect('inspection_board', E.people[3]!);
    expect((await grantsOf(inspector.id)).some((g) => g.role === 'inspection_board_member')).toBe(false);
    expect((await grantsOf(supervisor.id)).some((g) => g.role === 'supervision_board_member')).toBe(true);
  });
});

describe('pages: forms, errors next to the field, permissions', () => {
  it('R-B1, R-B3 (pages): the forms put the message with its article next to the field and keep what was typed', async () => {
    const F = await village('76', 10);
    const a = await signIn(s.url, 'canbo.xuanduong', clock);
    const form = await a.get(`/units/${commune.id}/elections/new`);
    expect(form.status).toBe(200);
    const r = await a.post(`/units/${commune.id}/elections/new`, {
      villageId: String(F.unit.id),
      position: 'village_head',
      kind: 'election',
      description: 'Bầu trưởng thôn nhiệm kỳ 2026–2031',
      _csrf: Agent.csrf(form.text),
    });
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/elections\/\d+$/);
    const detail = await a.get(r.location!);
    expect(detail.text).toContain('Đã mở cuộc bầu');
    const bad = await a.post(`${r.location}/plan`, {
      meetingDate: '20/01/2027',
      planIssuedOn: '05/01/2027',
      teamSetOn: '',
      team: '',
      noticeOn: '',
      _csrf: Agent.csrf(detail.text),
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="f-planIssuedOn-err"');
    expect(bad.text).toContain('Điều 6 khoản 1 điểm a Nghị định 59/2023/NĐ-CP');
    expect(bad.text).toContain('value="05/01/2027"');
    expect(bad.text).toContain('value="20/01/2027"');
    const noHolder = await a.post(`/units/${commune.id}/elections/new`, {
      villageId: String(F.unit.id),
      position: 'village_head',
      kind: 'dismissal',
      ground: 'petition',
      petitionHouseholds: '4',
      _csrf: Agent.csrf(form.text),
    });
    expect(noHolder.status).toBe(422);
    expect(noHolder.text).toContain('id="f-position-err"');
    expect(noHolder.text).toContain('value="4"');
    const none = await a.post(`${r.location}/candidates`, {
      candMeetingDate: '20/01/2027',
      candidatesSentOn: '05/01/2027',
      candidate1: '',
      _csrf: Agent.csrf(detail.text),
    });
    expect(none.status).toBe(422);
    expect(none.text).toContain('id="f-candidate1-err"');
    expect(none.text).toContain('Điều 6 khoản 2 Nghị định 59/2023/NĐ-CP');
    expect(none.text).toMatch(/id="f-candMeetingDate"[^>]*value="20\/01\/2027"/);
    const chosen = F.people[3]!;
    const saved = await a.post(`${r.location}/candidates`, {
      candMeetingDate: '20/01/2027',
      candidatesSentOn: '05/01/2027',
      candidate1: String(chosen.id),
      _csrf: Agent.csrf(detail.text),
    });
    expect(saved.status).toBe(303);
    expect((await a.get(r.location!)).text).toMatch(new RegExp(`id="candidates"[\\s\\S]*?${chosen.full_name}`));
    // The interim form sits on the village page while the post is vacant.
    const vp = await a.get(`/units/${F.unit.id}/elections`);
    expect(vp.text).toContain('id="interim"');
    const interim = await a.post(`/units/${F.unit.id}/elections/interim`, {
      residentId: String(chosen.id),
      startsOn: '25/11/2026',
      endsOn: '01/07/2027',
      frontAgreedBy: 'Nông Thị Hoa',
      frontAgreedOn: '24/11/2026',
      _csrf: Agent.csrf(vp.text),
    });
    expect(interim.status).toBe(422);
    expect(interim.text).toContain('id="f-endsOn-err"');
    expect(interim.text).toContain('chậm nhất đến ngày 25/05/2027');
    expect(interim.text).toContain('value="Nông Thị Hoa"');
  });

  it('another commune’s official gets 403; a visitor is sent to sign in', async () => {
    const other = await signIn(s.url, 'canbo.nari', clock);
    expect((await other.get(`/units/${commune.id}/elections`)).status).toBe(403);
    expect((await other.get(`/units/${commune.id}/elections/new`)).status).toBe(403);
    const m = await db().selectFrom('matters').select('id').where('kind', '=', 'election').executeTakeFirstOrThrow();
    expect((await other.get(`/elections/${m.id}`)).status).toBe(403);
    const visitor = await new Agent(s.url).get(`/units/${commune.id}/elections`);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toMatch(/^\/sign-in/);
  });
});
