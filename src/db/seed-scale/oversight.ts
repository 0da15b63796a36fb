// Oversight of a synthetic commune: the people's inspection board (Law 10/2022 Arts 35–40) recognised,
// with one member per village seat for up to five villages, a plan for the year, two inspections and
// their recommendations — one answered within the 15 days (R-F5), one answered late and kept marked
// late — and a commune project (Art 41) with its investment supervision board (R-F6: ≥ 5 members, one
// of the Front and one of the inspection board; the investor notified ≥ 45 days before, R-F7).

import { rulesOn } from '../../modules/oversight/commands/common.js';
import { answerDue } from '../../modules/oversight/rules/boards.js';
import { addDays } from '../../platform/calendar/calendar.js';
import { at, type Part, person } from './common.js';

export const seedOversight: Part = async (trx, _deps, r, x) => {
  const { commune, today } = x;
  const year = Number(today.slice(0, 4));
  const elected = addDays(today, -200);
  const board = await trx
    .insertInto('oversight_boards')
    .values({
      kind: 'commune_inspection',
      commune_id: commune.id,
      agency_id: null,
      project_id: null,
      status: 'recognised',
      planned_size: Math.min(5, x.villages.length),
      staff_count: null,
      elected_on: elected,
      recognition_due: addDays(elected, 10),
      recognised_on: addDays(elected, 5),
      term_starts_on: addDays(elected, 5),
      term_ends_on: addDays(elected, 5 + 5 * 365),
      supervision_starts_on: null,
      investor_notified_on: null,
      closed_on: null,
      created_at: at(elected),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Members elected at their village meetings (source 'minutes'): the village's representative resident.
  const seats = x.villages.slice(0, 5).map((v, i) => {
    const h = x.households.find((hh) => hh.unitId === v.id)!;
    return {
      board_id: board.id,
      full_name: person(r),
      resident_id: h.representative,
      village_id: v.id,
      user_id: null,
      position: i === 0 ? ('head' as const) : i === 1 ? ('deputy' as const) : ('member' as const),
      seat: 'village' as const,
      source: 'minutes' as const,
      office_term_id: null,
      elected_on: elected,
      occupation: 'none',
      conflict_declared: 0,
      ended_on: null,
      end_reason: null,
      created_at: at(addDays(elected, 5)),
    };
  });
  await trx.insertInto('oversight_members').values(seats).execute();
  const plan = await trx
    .insertInto('oversight_plans')
    .values({
      board_id: board.id,
      period: 'year',
      title: `Kế hoạch kiểm tra, giám sát năm ${year}`,
      body: 'Giám sát việc công khai thông tin và việc thu, chi các quỹ.',
      starts_on: `${year}-01-01`,
      ends_on: `${year}-12-31`,
      inspected_party: null,
      notified_on: null,
      created_by: null,
      created_at: at(`${year}-01-02`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const work = [
    { held: addDays(today, -60), subject: 'Việc công khai tài chính của xã', rec: 'Đề nghị niêm yết đúng hạn các khoản thu.', answerAfter: 6 },
    { held: addDays(today, -45), subject: 'Việc thu, chi quỹ đường giao thông thôn', rec: 'Đề nghị công khai chứng từ chi.', answerAfter: 20 },
  ];
  let late = 0;
  for (const w of work) {
    const act = await trx
      .insertInto('oversight_activities')
      .values({
        board_id: board.id,
        plan_id: plan.id,
        kind: 'inspection',
        subject: w.subject,
        findings: 'Chậm niêm yết hai khoản thu (dữ liệu giả lập).',
        held_on: w.held,
        feedback_item_id: null,
        published: 1,
        created_by: null,
        created_at: at(w.held),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sent = addDays(w.held, 1);
    const due = answerDue(sent, rulesOn(sent), x.calendar);
    const answered = addDays(sent, w.answerAfter);
    if (answered > due) late++;
    await trx
      .insertInto('oversight_recommendations')
      .values({
        activity_id: act.id,
        board_id: board.id,
        commune_id: commune.id,
        addressee: 'Chủ tịch UBND xã',
        content: w.rec,
        sent_on: sent,
        due_on: due,
        status: 'answered',
        answer_kind: 'accepted',
        answer_text: 'Đã tiếp thu và thực hiện.',
        answered_on: answered,
        answered_by: null,
        late: answered > due ? 1 : 0,
        escalated_on: null,
        created_at: at(sent),
      })
      .execute();
  }
  // A project of the commune and its investment supervision board.
  const decided = addDays(today, -150);
  const starts = addDays(today, -90);
  const village = x.villages[0]!;
  const project = await trx
    .insertInto('oversight_projects')
    .values({
      commune_id: commune.id,
      name: `Bê tông hóa đường nội thôn ${village.name}`,
      investor: `UBND ${commune.name}`,
      decision_maker: `Chủ tịch UBND ${commune.name}`,
      decision_number: `${r.int(10, 300)}/QĐ-UBND`,
      decision_date: decided,
      contractor: 'Hợp tác xã Xây dựng (dữ liệu giả lập)',
      budget_state: 800_000_000,
      budget_commune: 150_000_000,
      budget_community: 100_000_000,
      budget_other: 0,
      villages: village.name,
      starts_on: starts,
      ends_on: addDays(starts, 200),
      progress_percent: r.int(20, 80),
      disbursed: 300_000_000,
      accepted_on: null,
      final_accounts_on: null,
      status: 'ongoing',
      ended_on: null,
      created_at: at(decided),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const supervision = await trx
    .insertInto('oversight_boards')
    .values({
      kind: 'investment_supervision',
      commune_id: commune.id,
      agency_id: null,
      project_id: project.id,
      status: 'recognised',
      planned_size: 5,
      staff_count: null,
      elected_on: null,
      recognition_due: null,
      recognised_on: addDays(decided, 10),
      term_starts_on: addDays(decided, 10),
      term_ends_on: null,
      supervision_starts_on: starts,
      investor_notified_on: addDays(starts, -50),
      closed_on: null,
      created_at: at(addDays(decided, 5)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const seatsOf = ['front', 'inspection_board', 'resident', 'resident', 'resident'] as const;
  await trx
    .insertInto('oversight_members')
    .values(
      seatsOf.map((seat, i) => ({
        board_id: supervision.id,
        full_name: person(r),
        resident_id: null,
        village_id: seat === 'resident' ? village.id : null,
        user_id: null,
        position: i === 0 ? ('head' as const) : i === 1 ? ('deputy' as const) : ('member' as const),
        seat,
        source: 'minutes' as const,
        office_term_id: null,
        elected_on: addDays(decided, 8),
        occupation: 'none',
        conflict_declared: 0,
        ended_on: null,
        end_reason: null,
        created_at: at(addDays(decided, 10)),
      })),
    )
    .execute();
  return { boards: 2, members: seats.length + seatsOf.length, recommendations: work.length, lateRecommendations: late, projects: 1 };
};
