// Agencies of a synthetic commune and their democracy at the workplace (Law 10/2022 Arts 46–59): the
// commune's People's Committee office, a school and a health station, each with its democracy
// regulation in force (Art 59(1)(a)) after a staff consultation closed with its synthesis and the trade
// union's opinion (R-D4, Arts 53–55), a staff count, and last work year's staff conference held within
// its three months (Art 51(1)) with the quorum of two thirds and its resolution adopted by a majority.
import { conferenceDeadline, passNeeded, quorumNeeded } from '../../modules/workplace/rules/conference.js';
import { addDays } from '../../platform/calendar/calendar.js';
import { at, type Part, person } from './common.js';

const AGENCIES = [
  { kind: 'peoples_committee', name: (c: string) => `Văn phòng HĐND và UBND ${c}`, staff: [18, 30], head: 'Chủ tịch UBND xã' },
  { kind: 'school', name: (c: string) => `Trường Tiểu học và THCS ${c.replace('Xã ', '')}`, staff: [20, 60], head: 'Hiệu trưởng' },
  { kind: 'health_station', name: (c: string) => `Trạm Y tế ${c}`, staff: [6, 14], head: 'Trạm trưởng' },
] as const;

export const seedWorkplace: Part = async (trx, _deps, r, x) => {
  const { commune, today } = x;
  const year = Number(today.slice(0, 4));
  const agencies = await trx
    .insertInto('agencies')
    .values(AGENCIES.map((a) => ({ unit_id: commune.id, name: a.name(commune.name), kind: a.kind, is_demo: 1 })))
    .returning('id')
    .execute();
  let conferences = 0;
  for (const [i, a] of AGENCIES.entries()) {
    const agencyId = agencies[i]!.id;
    const head = `${person(r)} (${a.head.toLowerCase()})`;
    const opens = `${year - 2}-08-${String(r.int(1, 20)).padStart(2, '0')}`;
    const closes = addDays(opens, 20);
    const issued = addDays(closes, 15);
    const number = `${r.int(10, 99)}/QĐ`;
    const cons = await trx
      .insertInto('consultations')
      .values({
        unit_id: commune.id,
        agency_id: agencyId,
        scope: 'agency',
        matter: 'democracy_regulation',
        title: `Dự thảo Quy chế thực hiện dân chủ của ${a.name(commune.name)}`,
        summary: 'Cán bộ, công chức, viên chức góp ý (Điều 53).',
        draft_text: 'Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc thực hiện dân chủ.\n\nĐiều 2. Công khai thông tin\nCác nội dung phải công khai.',
        status: 'issued',
        audience: 'all',
        period_days: 20,
        short_period_law: null,
        plan_content: 'Lấy ý kiến về toàn bộ dự thảo.',
        plan_forms: '["conference","internal_portal","union"]',
        plan_timeline: '20 ngày',
        plan_responsible: 'Văn phòng',
        plan_sent_on: null,
        opens_on: opens,
        closes_on: closes,
        synthesis_text: 'Các ý kiến đều nhất trí với dự thảo; tiếp thu ý kiến về Điều 2.',
        majority_explanation: null,
        synthesis_published_at: at(addDays(closes, 5)),
        closed_at: at(addDays(closes, 5)),
        union_consulted_on: addDays(opens, 10),
        union_opinion: 'Ban Chấp hành công đoàn nhất trí với dự thảo.',
        issued_on: issued,
        issued_number: number,
        created_by: null,
        created_at: at(opens),
        updated_at: at(issued),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const arts = await trx
      .insertInto('consultation_articles')
      .values([
        { consultation_id: cons.id, position: 1, label: 'Điều 1', heading: 'Phạm vi điều chỉnh', body: 'Quy chế này quy định việc thực hiện dân chủ.' },
        { consultation_id: cons.id, position: 2, label: 'Điều 2', heading: 'Công khai thông tin', body: 'Các nội dung phải công khai.' },
      ])
      .returning('id')
      .execute();
    // The synthesis answers each article (accepted / partly / not accepted, with the reason).
    await trx
      .insertInto('consultation_responses')
      .values([
        {
          consultation_id: cons.id,
          article_id: arts[0]!.id,
          answer: 'accepted',
          summary: 'Nhất trí.',
          explanation: 'Giữ nguyên.',
          updated_at: at(addDays(closes, 5)),
        },
        {
          consultation_id: cons.id,
          article_id: arts[1]!.id,
          answer: 'partly',
          summary: 'Đề nghị công khai cả quỹ phúc lợi.',
          explanation: 'Tiếp thu một phần.',
          updated_at: at(addDays(closes, 5)),
        },
      ])
      .execute();
    await trx
      .insertInto('workplace_regulations')
      .values({
        unit_id: commune.id,
        agency_id: agencyId,
        version: 1,
        kind: 'original',
        title: `Quy chế thực hiện dân chủ trong hoạt động của ${a.name(commune.name)}`,
        consultation_id: cons.id,
        issued_number: number,
        issued_on: issued,
        in_force_from: issued,
        signer: a.head,
        partner: 'Ban Chấp hành Công đoàn cơ sở',
        status: 'in_force',
        superseded_by: null,
        created_by: head,
        created_at: at(issued),
      })
      .execute();
    const staff = r.int(a.staff[0], a.staff[1]);
    const counted = `${year}-01-05`;
    await trx
      .insertInto('workplace_staff_counts')
      .values({ agency_id: agencyId, staff, counted_on: counted, recorded_by: head, created_at: at(counted) })
      .execute();
    // Last work year's conference, held before its deadline (Art 51(1)), a plenary under 100 staff.
    const held = addDays(`${year}-01-10`, r.int(0, 40));
    if (held > today || held > conferenceDeadline(year - 1)) continue;
    const present = Math.max(quorumNeeded(staff), staff - r.int(0, 3));
    const conf = await trx
      .insertInto('workplace_conferences')
      .values({
        agency_id: agencyId,
        work_year: year - 1,
        held_on: held,
        form: 'plenary',
        convocation: 1,
        staff,
        base: staff,
        present,
        outcome: 'valid',
        force_majeure: 0,
        dispersed: 0,
        agenda: 'Kiểm điểm thực hiện kế hoạch năm và nghị quyết hội nghị năm trước; Ban Thanh tra nhân dân báo cáo; thảo luận, biểu quyết nghị quyết.',
        late: 0,
        recorded_by: head,
        created_at: at(held),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const votes = present - r.int(0, 2);
    await trx
      .insertInto('workplace_decisions')
      .values({
        conference_id: conf.id,
        matter: 'resolution',
        title: 'Nghị quyết Hội nghị cán bộ, công chức, viên chức',
        votes_for: votes,
        base: present,
        needed: passNeeded(present),
        adopted: votes >= passNeeded(present) ? 1 : 0,
        created_at: at(held),
      })
      .execute();
    conferences++;
  }
  return { agencies: agencies.length, regulations: agencies.length, consultations: agencies.length, staffConferences: conferences };
};
