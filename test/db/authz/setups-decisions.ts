// Setups of the decisions probes of the authorisation matrix (issue 10 item 2) that need more than
// the demo holds: an election of People's Inspection Board members (item 5) in a village of Na Rì,
// the only kind of vote the commune Front recognises (Law Art 21(2)).
import { openElection } from '../../../src/modules/decisions/commands/election-open.js';
import { todayInVietnam } from '../../../src/platform/calendar/calendar.js';
import { translator } from '../../../src/platform/i18n/index.js';
import type { Fixture } from './fixture.js';

const t = translator('vi');
let made: { f: Fixture; id: number } | undefined;

/**
 * A board election opened by Na Rì's chairman (election-open.ts) with a meeting vote scheduled on it.
 * The vote row is written directly: scheduling one through the election pages needs candidates and
 * a nomination round, and recogniseVote authorises before it looks at the vote's state, so a
 * scheduled vote is enough for the role check to decide (an allowed role gets the wrong-state flash).
 */
export async function boardElectionVote(f: Fixture): Promise<number> {
  if (made?.f === f) return made.id;
  const db = f.s.deps.db;
  const village = await db
    .selectFrom('units')
    .select('id')
    .where('parent_id', '=', f.unit.commune)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const r = await openElection(f.s.deps, t, await f.actor('commune_chairman', 'commune'), { villageId: String(village.id), position: 'inspection_board' });
  if (!r.ok) throw new Error(`authz setup board election: ${JSON.stringify(r)}`);
  const id = await scheduledMeeting(f, r.matterId, village.id);
  made = { f, id };
  return id;
}

const heads: Partial<Record<'election' | 'dismissal', { f: Fixture; id: number }>> = {};
/**
 * A meeting scheduled on a matter that elects or dismisses the head of the fixture's village (Decree
 * 59/2023 Art 3(1): run by the election team or the Front work committee head, not the village head).
 * The rows are written directly: the commands check roles before state, so a scheduled vote suffices.
 */
export async function headVote(f: Fixture, kind: 'election' | 'dismissal'): Promise<number> {
  const have = heads[kind];
  if (have?.f === f) return have.id;
  const db = f.s.deps.db;
  const now = f.s.deps.clock.now().toISOString();
  const m = await db
    .insertInto('matters')
    .values({
      unit_id: f.unit.village,
      scope: 'village',
      item: 4,
      kind,
      position: 'village_head',
      title: kind === 'election' ? 'Bầu trưởng thôn' : 'Miễn nhiệm trưởng thôn',
      description: '—',
      proposer: 'commune_chairman',
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('elections').values({ matter_id: m.id }).execute();
  const id = await scheduledMeeting(f, m.id, f.unit.village);
  heads[kind] = { f, id };
  return id;
}

async function scheduledMeeting(f: Fixture, matterId: number, villageId: number): Promise<number> {
  const db = f.s.deps.db;
  const today = todayInVietnam(f.s.deps.clock.now());
  const v = await db
    .insertInto('votes')
    .values({
      matter_id: matterId,
      unit_id: villageId,
      form: 'meeting',
      method: 'secret_ballot',
      ballot_case: null,
      status: 'scheduled',
      vote_date: today,
      place: 'Nhà văn hóa thôn',
      opens_at: null,
      closes_at: null,
      notice_on: today,
      documents_on: null,
      plan_issued_on: null,
      plan_sent_on: null,
      no_meeting_agreed_on: null,
      authorities_notified_on: null,
      poll_yes: null,
      cluster_plan_approved_on: null,
      households_total: null,
      present: null,
      secretary: null,
      secretary_votes: null,
      committee_votes: null,
      outcome: null,
      working: null,
      content: null,
      decision_text: null,
      confirm_village_head: null,
      confirm_front_head: null,
      confirm_rep1: null,
      confirm_rep2: null,
      finalised_on: null,
      submitted_on: null,
      recognised_on: null,
      refusal_reason: null,
      published_on: null,
      created_by: null,
      created_at: f.s.deps.clock.now().toISOString(),
      updated_at: f.s.deps.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return v.id;
}
