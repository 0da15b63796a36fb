// The indicators the existing modules export for the resolution (issue 9 item 2), each over rows this
// test writes into the module's own tables, with the numbers a council member would count by hand:
// disclosures on time and missing (T-2.2; Law 10/2022 Arts 11–13), consultations held and answered
// (Art 28(5)), votes held, online and sent/recognised on time (R-A13, R-A14; Arts 20(3), 21(2)),
// boards formed, active and answered within 15 days (T-2.5; Arts 36, 39(2)), feedback answered on time
// among all the items that fell due, answered or not (T-2.3; R-H2, R-H3; Arts 34–35).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/types.js';
import { findIndicator } from '../../src/modules/monitoring/compute.js';
import { seedDemoUnits } from '../../src/modules/units/demo.js';
import { fixedClock } from '../../src/platform/clock.js';
import { makeTestDb, type TestDb } from '../helpers.js';

let t: TestDb;
let naRi: Unit;
let province: Unit;
let village: Unit;
let agency: number;
const at = '2026-01-01T00:00:00Z';

beforeAll(async () => {
  t = await makeTestDb({ seed: 'base', clock: fixedClock('2026-12-07T03:00:00Z') });
  await seedDemoUnits(t.deps);
  const db = t.deps.db;
  const unit = (code: string) => db.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
  [naRi, province] = await Promise.all([unit('02155'), unit('19')]);
  village = await db.selectFrom('units').selectAll().where('parent_id', '=', naRi.id).orderBy('id').executeTakeFirstOrThrow();

  const d = await db
    .insertInto('disclosures')
    .values({
      unit_id: naRi.id,
      scope: 'commune',
      category: 1,
      status: 'published',
      title: 'Dự toán',
      body: 'x',
      audience: 'all',
      year: 2026,
      created_at: at,
      published_at: '2026-03-05T03:00:00.000Z',
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = (key: string, due: string, linked: boolean) => ({
    unit_id: naRi.id,
    year: Number(due.slice(0, 4)),
    key,
    category: 1,
    title: key,
    period: 'year',
    due_date: due,
    disclosure_id: linked ? d.id : null,
  });
  await db
    .insertInto('disclosure_plan_items')
    .values([plan('a', '2026-03-10', true), plan('b', '2026-03-01', true), plan('c', '2026-04-01', false), plan('d', '2027-01-10', false)])
    .execute();

  const consultation = (title: string, status: 'closed' | 'open', closes: string, synthesis: string | null) => ({
    unit_id: naRi.id,
    scope: 'commune' as const,
    matter: 'x',
    title,
    summary: 'x',
    draft_text: 'x',
    status,
    audience: 'all' as const,
    period_days: 30,
    plan_content: 'x',
    plan_forms: 'x',
    plan_timeline: 'x',
    plan_responsible: 'x',
    opens_on: '2026-02-01',
    closes_on: closes,
    synthesis_published_at: synthesis,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('consultations')
    .values([consultation('Quy hoạch', 'closed', '2026-03-01', '2026-03-10T00:00:00Z'), consultation('Giá nước', 'open', '2026-04-01', null)])
    .execute();

  const vote = async (item: 1 | 3, v: { form: 'meeting' | 'online'; date: string; submitted: string; recognised: string | null; closes?: string }) => {
    const m = await db
      .insertInto('matters')
      .values({
        unit_id: village.id,
        scope: 'village',
        item,
        kind: 'general',
        title: 'x',
        description: 'x',
        proposer: 'village_head',
        status: 'adopted',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('votes')
      .values({
        matter_id: m.id,
        unit_id: village.id,
        form: v.form,
        status: v.recognised ? 'recognised' : 'submitted',
        vote_date: v.date,
        closes_at: v.closes ?? null,
        notice_on: '2026-01-02',
        outcome: 'adopted',
        submitted_on: v.submitted,
        recognised_on: v.recognised,
        created_at: at,
        updated_at: at,
      })
      .execute();
  };
  // Online vote closing Mon 4 May, sent Wed 6 May: within 05 working days; item 1 needs no recognition.
  await vote(1, { form: 'online', date: '2026-05-04', closes: '2026-05-04T10:00:00Z', submitted: '2026-05-06', recognised: null });
  // Item 3: sent in time, recognised 27 days later: late (R-A14).
  await vote(3, { form: 'meeting', date: '2026-06-01', submitted: '2026-06-03', recognised: '2026-06-30' });
  // Item 3 sent Thu 3 Dec, today Mon 7 Dec: its recognition clock still runs, so it is not judged yet.
  await vote(3, { form: 'meeting', date: '2026-12-01', submitted: '2026-12-03', recognised: null });

  const board = await db
    .insertInto('oversight_boards')
    .values({ kind: 'commune_inspection', commune_id: naRi.id, status: 'recognised', planned_size: 5, recognised_on: '2026-01-10', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('oversight_plans')
    .values({ board_id: board.id, period: 'year', title: 'Kế hoạch 2026', body: 'x', starts_on: '2026-01-15', created_at: at })
    .execute();
  const act = await db
    .insertInto('oversight_activities')
    .values({ board_id: board.id, kind: 'inspection', subject: 'Chợ', findings: 'x', held_on: '2026-03-01', published: 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rec = (due: string, answered: string | null) => ({
    activity_id: act.id,
    board_id: board.id,
    commune_id: naRi.id,
    addressee: 'UBND xã',
    content: 'x',
    sent_on: '2026-03-01',
    due_on: due,
    status: answered ? ('answered' as const) : ('open' as const),
    answer_kind: answered ? ('accepted' as const) : null,
    answered_on: answered,
    late: 0,
    created_at: at,
  });
  await db
    .insertInto('oversight_recommendations')
    .values([rec('2026-03-16', '2026-03-10'), rec('2026-04-16', '2026-04-20'), rec('2026-12-20', null)])
    .execute();

  agency = (
    await db
      .insertInto('agencies')
      .values({ unit_id: naRi.id, name: 'Trường Tiểu học Na Rì', kind: 'school', is_demo: 0 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  type Status = 'received' | 'accepted' | 'answered' | 'forwarded';
  const fb = (n: number, v: { status: Status; received: string; accept: string; resolve?: string; answered?: string; agency?: boolean }) => ({
    tracking_code: `OT-${n}`,
    commune_id: naRi.id,
    kind: v.resolve ? ('complaint' as const) : ('petition' as const),
    category: 'other',
    channel: 'web',
    title: 'x',
    content: 'x',
    anonymous: 0,
    handler_unit_id: naRi.id,
    handler_agency_id: v.agency ? agency : null,
    status: v.status,
    received_on: v.received,
    accept_due: v.accept,
    resolve_due: v.resolve ?? null,
    due_on: v.answered ? null : (v.resolve ?? v.accept),
    answered_on: v.answered ?? null,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('feedback_items')
    .values([
      // Answered by its deadline; answered after it.
      fb(1, { status: 'answered', received: '2026-10-01', accept: '2026-10-15', answered: '2026-10-10', agency: true }),
      fb(2, { status: 'answered', received: '2026-10-01', accept: '2026-10-15', answered: '2026-10-20' }),
      // Never answered, its deadline passed on 1 November: late, though no answer exists to be late.
      fb(3, { status: 'received', received: '2026-10-01', accept: '2026-11-01', agency: true }),
      // Still open, due 15 December (today is 7 December): not judged yet.
      fb(4, { status: 'received', received: '2026-12-01', accept: '2026-12-15' }),
      // A complaint received in December 2025, accepted, to be resolved by 1 February 2026: late in 2026.
      fb(5, { status: 'accepted', received: '2025-12-20', accept: '2025-12-30', resolve: '2026-02-01' }),
      // Forwarded to the competent body (R-H7): no answer owed here.
      fb(6, { status: 'forwarded', received: '2026-03-01', accept: '2026-03-10' }),
      // A complaint resolved by its resolution deadline, after the acceptance deadline: on time.
      fb(7, { status: 'answered', received: '2026-05-01', accept: '2026-05-10', resolve: '2026-06-10', answered: '2026-06-01' }),
    ])
    .execute();
});
afterAll(() => t.drop());

const value = async (id: string, units: Unit[], from = '2026-01-01', to = '2026-12-31') => {
  const out = await findIndicator(id)!.compute(t.deps, { units, from, to });
  return units.map((u) => out.get(u.id));
};

describe("the modules' indicators over their own rows", () => {
  it('T-2.2 (Arts 11–13): of 3 mandatory items due in 2026, 1 published by its due day; 1 never published', async () => {
    expect(await value('disclosure.on_time', [naRi, province])).toEqual([
      { value: 1, of: 3 },
      { value: 1, of: 3 },
    ]);
    expect(await value('disclosure.missing', [naRi])).toEqual([{ value: 1, of: null }]);
    expect(await value('disclosure.on_time', [naRi], '2026-04-01', '2026-06-30')).toEqual([{ value: 0, of: 1 }]);
  });
  it('Art 28(5): 2 consultations held; of the 2 periods ended, 1 has its synthesis published', async () => {
    expect(await value('consultation.held', [naRi])).toEqual([{ value: 2, of: null }]);
    expect(await value('consultation.answered', [naRi])).toEqual([{ value: 1, of: 2 }]);
  });
  it('R-A13, R-A14 (Arts 20(3), 21(2)): 3 votes held, 1 online; 1 of the 2 judged results sent and recognised on time', async () => {
    expect(await value('decisions.held', [naRi, village])).toEqual([
      { value: 3, of: null },
      { value: 3, of: null },
    ]);
    expect(await value('decisions.online', [naRi])).toEqual([{ value: 1, of: null }]);
    expect(await value('decisions.recognised_on_time', [naRi])).toEqual([{ value: 1, of: 2 }]);
  });
  it('T-2.5 (Arts 36, 39(2)): 1 of 6 communes has a recognised board; it planned and acted; 1 of 2 recommendations due was answered within 15 days', async () => {
    expect(await value('oversight.boards_formed', [province])).toEqual([{ value: 1, of: 6 }]);
    expect(await value('oversight.boards_active', [naRi])).toEqual([{ value: 1, of: 1 }]);
    expect(await value('oversight.boards_active', [naRi], '2025-01-01', '2025-12-31')).toEqual([{ value: 0, of: 0 }]);
    expect(await value('oversight.answered_15_days', [naRi])).toEqual([{ value: 1, of: 2 }]);
  });
  it('T-2.3 (R-H2, R-H3; Arts 34–35): an item not answered by its deadline is late: 2 on time of the 5 that fell due in 2026', async () => {
    // Due in 2026: OT-1 (on time), OT-2 (late), OT-3 (open past due), OT-5 (open past its 2026 resolution
    // deadline), OT-7 (on time). OT-4 is not due yet; OT-6 was forwarded.
    expect(await value('feedback.on_time', [naRi, province])).toEqual([
      { value: 2, of: 5 },
      { value: 2, of: 5 },
    ]);
    // Q4: OT-1, OT-2, OT-3. Q1: only OT-5, whose deadline fell in February. 2025 owed nothing yet.
    expect(await value('feedback.on_time', [naRi], '2026-10-01', '2026-12-31')).toEqual([{ value: 1, of: 3 }]);
    expect(await value('feedback.on_time', [naRi], '2026-01-01', '2026-03-31')).toEqual([{ value: 0, of: 1 }]);
    expect(await value('feedback.on_time', [naRi], '2025-01-01', '2025-12-31')).toEqual([{ value: 0, of: 0 }]);
    // The open items past due are still counted by feedback.overdue, over the items received in the period.
    expect(await value('feedback.overdue', [naRi])).toEqual([{ value: 1, of: null }]);
  });
  it('T-2.3 for an agency (Art 59(1)(c)): the school answered 1 of its 2 items due on time; the other was never answered', async () => {
    const ref = { id: agency, unit_id: naRi.id, name: 'x', kind: 'school', path: naRi.path };
    const out = await findIndicator('feedback.on_time')!.agencyCompute!(t.deps, { agencies: [ref], from: '2026-01-01', to: '2026-12-31' });
    expect(out.get(agency)).toEqual({ value: 1, of: 2 });
  });
});
