// Read models of the election pages (Decree 59/2023 Arts 6–9; R-B1, R-B3, R-B4): office holders and
// their term ends, elections and dismissals in progress with the Art 6 checklist, new elections due
// after a dismissal, interim heads. Views never see raw rows.
import type { Conn } from '../../../db/index.js';
import type { Unit } from '../../../db/types.js';
import { ruleSetOn } from '../../../law/rule-sets.js';
import { addDays, daysBetween } from '../../../platform/calendar/calendar.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from '../../units/levels.js';
import { names } from '../present.js';
import { electionTimelineProblems, type NoticeProblem } from '../rules/notice.js';
import { type Candidate, type DismissalGround, type Position, parseCandidates, residentsQuery } from './election-common.js';
import { meetingOf } from './election-plan.js';

export type StepKey = 'plan' | 'team' | 'notice' | 'candidates';
/** ok / late against a known meeting date; pending: not recorded yet and still in time; recorded:
 * no meeting date yet to judge against; unjudged: a board election (Art 6 is the village head's). */
export type StepState = 'ok' | 'late' | 'pending' | 'recorded' | 'unjudged';
export type TimelineStep = { key: StepKey; date: string | null; days: number; latest: string | null; state: StepState; article: string };
export type Timeline = { meetingDate: string | null; judged: boolean; steps: TimelineStep[]; earliestMeeting: string | null };

const KEY: Partial<Record<NoticeProblem['field'], StepKey>> = {
  planIssuedOn: 'plan',
  teamSetOn: 'team',
  electionNoticeOn: 'notice',
  candidatesSentOn: 'candidates',
};
type Dates = { plan_issued_on: string | null; team_set_on: string | null; notice_on: string | null; candidates_sent_on: string | null };

/** R-B1 as a checklist: each step's date, the latest date the meeting allows, ok or late. */
export function timelineOf(e: Dates, position: string | null, meetingDate: string | null, today: string): Timeline {
  const rs = ruleSetOn(meetingDate && meetingDate >= '2023-07-01' ? meetingDate : today);
  const dates: Record<StepKey, string | null> = { plan: e.plan_issued_on, team: e.team_set_on, notice: e.notice_on, candidates: e.candidates_sent_on };
  // Every step is "missing" when all dates are null: the rule then names each step's days and article.
  const frame = electionTimelineProblems(
    { meetingDate: meetingDate ?? today, planIssuedOn: null, teamSetOn: null, noticeOn: null, candidatesSentOn: null },
    rs,
  );
  const judged = position === 'village_head';
  const late = new Set(
    meetingDate && judged
      ? electionTimelineProblems(
          { meetingDate, planIssuedOn: e.plan_issued_on, teamSetOn: e.team_set_on, noticeOn: e.notice_on, candidatesSentOn: e.candidates_sent_on },
          rs,
        ).map((p) => KEY[p.field])
      : [],
  );
  const steps = frame.map((p): TimelineStep => {
    const key = KEY[p.field] as StepKey;
    const date = dates[key];
    const latest = meetingDate ? p.latest : null;
    let state: StepState;
    if (!judged) state = 'unjudged';
    else if (!meetingDate) state = date ? 'recorded' : 'pending';
    else if (date) state = late.has(key) ? 'late' : 'ok';
    else state = latest && daysBetween(latest, today) > 0 ? 'late' : 'pending';
    return { key, date, days: p.days, latest, state, article: p.article };
  });
  const earliest = steps.filter((s) => s.date).map((s) => addDays(s.date as string, s.days));
  return { meetingDate, judged, steps, earliestMeeting: earliest.length ? (earliest.sort().at(-1) as string) : null };
}

export type Holder = {
  termId: number;
  villageId: number;
  villageName: string;
  position: Position;
  residentId: number;
  name: string;
  startsOn: string;
  endsOn: string | null;
  interim: boolean;
  expired: boolean;
};

async function holdersIn(db: Conn, villageIds: number[], today: string): Promise<Holder[]> {
  if (villageIds.length === 0) return [];
  const rows = await db
    .selectFrom('office_terms as o')
    .innerJoin('residents as r', 'r.id', 'o.resident_id')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.unit_id', 'u.name as village', 'o.position', 'o.resident_id', 'r.full_name', 'o.starts_on', 'o.ends_on', 'o.interim'])
    .where('o.unit_id', 'in', villageIds)
    .where('o.ended_on', 'is', null)
    .orderBy('u.name')
    .orderBy('o.position')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    termId: r.id,
    villageId: r.unit_id,
    villageName: r.village,
    position: r.position as Position,
    residentId: r.resident_id,
    name: r.full_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    interim: r.interim === 1,
    expired: !!r.ends_on && r.ends_on < today,
  }));
}

/** The villages a page covers: the village itself, or the commune's villages in existence today. */
export async function villagesUnder(db: Conn, unit: Unit, today: string): Promise<Unit[]> {
  if (VILLAGE_LEVELS.includes(unit.level)) return [unit];
  if (!COMMUNE_LEVELS.includes(unit.level)) return [];
  return db
    .selectFrom('units')
    .selectAll()
    .where('parent_id', '=', unit.id)
    .where('level', 'in', VILLAGE_LEVELS)
    .where((eb) =>
      eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', today)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)])]),
    )
    .orderBy('name')
    .execute();
}

export type InProgress = {
  matterId: number;
  kind: 'election' | 'dismissal';
  position: Position;
  villageId: number;
  villageName: string;
  title: string;
  voteStatus: string | null;
  timeline: Timeline | null;
};
export type DueElection = { matterId: number; villageId: number; villageName: string; holderName: string; due: string; overdue: boolean; daysLeft: number };

export async function electionsOverview(db: Conn, unit: Unit, today: string) {
  const villages = await villagesUnder(db, unit, today);
  const ids = villages.map((v) => v.id);
  const nameOf = new Map(villages.map((v) => [v.id, v.name]));
  const holders = await holdersIn(db, ids, today);
  const matters = ids.length
    ? await db
        .selectFrom('matters as m')
        .innerJoin('elections as el', 'el.matter_id', 'm.id')
        .leftJoin('residents as r', 'r.id', 'el.holder_resident_id')
        .selectAll('el')
        .select(['m.id', 'm.unit_id', 'm.kind', 'm.position', 'm.title', 'm.status', 'r.full_name as holder_name'])
        .where('m.unit_id', 'in', ids)
        .where('m.kind', 'in', ['election', 'dismissal'])
        .orderBy('m.id', 'desc')
        .execute()
    : [];
  const inProgress: InProgress[] = [];
  for (const m of matters.filter((x) => x.status === 'open')) {
    const vote = await meetingOf(db, m.id);
    inProgress.push({
      matterId: m.id,
      kind: m.kind as InProgress['kind'],
      position: m.position as Position,
      villageId: m.unit_id,
      villageName: nameOf.get(m.unit_id) ?? '',
      title: m.title,
      voteStatus: vote?.status ?? null,
      timeline: m.kind === 'election' ? timelineOf(m, m.position, vote?.vote_date ?? null, today) : null,
    });
  }
  // R-B3: after a recognised dismissal the next election is decided (its plan issued) by the due date.
  const dueElections: DueElection[] = matters
    .filter((d) => d.kind === 'dismissal' && d.new_election_due)
    .filter((d) => !matters.some((x) => x.kind === 'election' && x.unit_id === d.unit_id && x.position === d.position && x.id > d.id && x.plan_issued_on))
    .map((d) => ({
      matterId: d.id,
      villageId: d.unit_id,
      villageName: nameOf.get(d.unit_id) ?? '',
      holderName: d.holder_name ?? '',
      due: d.new_election_due as string,
      overdue: today > (d.new_election_due as string),
      daysLeft: daysBetween(today, d.new_election_due as string),
    }));
  return { villages: villages.map((v) => ({ id: v.id, name: v.name, level: v.level })), holders, inProgress, dueElections };
}

/** Adults of the village register today, for the candidate and interim-head lists. */
export async function residentChoices(db: Conn, villageId: number, today: string) {
  const adultBorn = Number(today.slice(0, 4)) - 18;
  const rows = await residentsQuery(db, villageId, today)
    .where((eb) => eb.or([eb('r.birth_year', 'is', null), eb('r.birth_year', '<=', adultBorn)]))
    .orderBy('h.code')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ id: r.id, label: `${r.full_name} (${r.household_code}${r.birth_year ? `, ${r.birth_year}` : ''})` }));
}

export type ElectionDetail = NonNullable<Awaited<ReturnType<typeof electionDetail>>>;

export async function electionDetail(db: Conn, matterId: number, today: string) {
  const m = await db.selectFrom('matters').selectAll().where('id', '=', matterId).executeTakeFirst();
  if (!m || (m.kind !== 'election' && m.kind !== 'dismissal')) return undefined;
  const el = await db.selectFrom('elections').selectAll().where('matter_id', '=', matterId).executeTakeFirst();
  const village = await db.selectFrom('units').selectAll().where('id', '=', m.unit_id).executeTakeFirst();
  if (!el || !village) return undefined;
  const commune = await db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', village.parent_id ?? -1)
    .executeTakeFirst();
  const vote = await meetingOf(db, matterId);
  const holder = el.holder_resident_id
    ? await db.selectFrom('residents').select('full_name').where('id', '=', el.holder_resident_id).executeTakeFirst()
    : undefined;
  const candidates: Candidate[] = parseCandidates(el.candidates);
  const seated = await db
    .selectFrom('office_terms as o')
    .innerJoin('residents as r', 'r.id', 'o.resident_id')
    .select(['r.full_name', 'o.starts_on', 'o.ends_on', 'o.ended_on'])
    .where('o.matter_id', '=', matterId)
    .where('o.interim', '=', 0)
    .execute();
  return {
    matter: {
      id: m.id,
      kind: m.kind as 'election' | 'dismissal',
      position: m.position as Position,
      title: m.title,
      status: m.status,
      description: m.description,
    },
    village: { id: village.id, name: village.name, level: village.level, path: village.path },
    commune: commune ? { id: commune.id, name: commune.name } : null,
    vote: vote ? { id: vote.id, date: vote.vote_date, status: vote.status } : null,
    timeline: m.kind === 'election' ? timelineOf(el, m.position, vote?.vote_date ?? null, today) : null,
    team: names(el.team),
    candidates,
    dismissal:
      m.kind === 'dismissal'
        ? { ground: el.dismissal_ground as DismissalGround, petitionHouseholds: el.petition_households, holderName: holder?.full_name ?? '' }
        : null,
    newElectionDue: el.new_election_due,
    seated: seated.map((s) => ({ name: s.full_name, startsOn: s.starts_on, endsOn: s.ends_on, endedOn: s.ended_on })),
    dates: { planIssuedOn: el.plan_issued_on, teamSetOn: el.team_set_on, noticeOn: el.notice_on, candidatesSentOn: el.candidates_sent_on },
  };
}
