// Consultation and dialogue of a synthetic commune: the draft democracy regulation open for comments
// (Law 10/2022 Art 25 item 7) with comments by article and the agree/disagree stances given with them;
// the chairman's dialogue with residents (Art 9; Decree 59/2023 Art 3), held, questions answered; and
// this year's annual conference of every village (Art 16(1)), held and its result reported to the
// commune. (Closed consultations with their synthesis: ./covenants.ts and ./workplace.ts.)
import { addDays } from '../../platform/calendar/calendar.js';
import { at, chunks, type Part, person } from './common.js';

export const seedConsultation: Part = async (trx, deps, r, x) => {
  const now = deps.clock.now().toISOString();
  const { commune, today } = x;
  const cons = await trx
    .insertInto('consultations')
    .values({
      unit_id: commune.id,
      agency_id: null,
      scope: 'commune',
      matter: 'item7',
      title: `Dự thảo Quy chế thực hiện dân chủ ở cơ sở ${commune.name}`,
      summary: 'Lấy ý kiến Nhân dân.',
      draft_text: 'Điều 1. Phạm vi\nĐiều 2. Đối tượng',
      status: 'open',
      audience: 'all',
      period_days: 30,
      short_period_law: null,
      plan_content: 'Lấy ý kiến theo từng điều.',
      plan_forms: '["portal"]',
      plan_timeline: '30 ngày',
      plan_responsible: 'Văn phòng UBND xã',
      plan_sent_on: addDays(today, -12),
      opens_on: addDays(today, -10),
      closes_on: addDays(today, 20),
      synthesis_text: null,
      majority_explanation: null,
      synthesis_published_at: null,
      closed_at: null,
      union_consulted_on: null,
      union_opinion: null,
      issued_on: null,
      issued_number: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const articles = await trx
    .insertInto('consultation_articles')
    .values([
      { consultation_id: cons.id, position: 1, label: 'Điều 1', heading: 'Phạm vi', body: 'Quy chế áp dụng trên địa bàn xã.' },
      { consultation_id: cons.id, position: 2, label: 'Điều 2', heading: 'Đối tượng', body: 'Công dân cư trú trên địa bàn xã.' },
    ])
    .returning('id')
    .execute();
  const comments = Array.from({ length: 20 }, (_, i) => ({
    consultation_id: cons.id,
    article_id: articles[i % 2]!.id,
    channel: 'portal',
    author_user_id: null,
    author_name: null,
    organisation: null,
    body: `Góp ý số ${i + 1}: đề nghị nêu rõ hơn.`,
    public_body: null,
    hidden_reason: null,
    entered_by: null,
    created_at: at(addDays(today, -r.int(0, 9))),
  }));
  const cids = await trx.insertInto('consultation_comments').values(comments).returning('id').execute();
  // A stance given with a comment on its article (the comment form's agree/disagree).
  const stances = comments.map((c, i) => ({
    consultation_id: cons.id,
    article_id: c.article_id,
    user_id: null,
    comment_id: cids[i]!.id,
    stance: r.next() < 0.75 ? ('agree' as const) : ('disagree' as const),
    updated_at: c.created_at,
  }));
  await trx.insertInto('consultation_stances').values(stances).execute();
  return { consultations: 1, comments: comments.length, stances: stances.length };
};

export const seedDialogue: Part = async (trx, deps, r, x) => {
  const now = deps.clock.now().toISOString();
  const { commune, today } = x;
  const year = Number(today.slice(0, 4));
  const dlg = await trx
    .insertInto('dialogues')
    .values({
      unit_id: commune.id,
      agency_id: null,
      topic: 'Đối thoại về xây dựng nông thôn mới',
      place: `Hội trường ${commune.name}`,
      starts_at: `${addDays(today, -20)}T01:00:00.000Z`,
      year,
      co_organiser: 'Ủy ban Mặt trận Tổ quốc xã',
      status: 'held',
      held_on: addDays(today, -20),
      attendance: '120 người',
      minutes: 'Biên bản đối thoại (dữ liệu giả lập).',
      minutes_published_at: null,
      minutes_published_by: null,
      created_by: 'Chủ tịch UBND xã',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const questions = Array.from({ length: 8 }, (_, i) => ({
    dialogue_id: dlg.id,
    text: `Câu hỏi số ${i + 1} về đường giao thông thôn.`,
    asker_name: null,
    asker_user_id: null,
    channel: 'portal',
    entered_by: null,
    created_at: now,
    answer: 'Xã sẽ bố trí kinh phí trong năm.',
    answered_by: 'Chủ tịch UBND xã',
    answered_by_user_id: null,
    answered_at: now,
    hidden_reason: null,
  }));
  await trx.insertInto('dialogue_questions').values(questions).execute();
  // This year's annual village conference (Art 16(1)), held in the last weeks (the synthetic villages
  // exist from 01/07/2026): planned with the commune's, the Front's and the inspection board's
  // agreement, notice a week before, held and its result reported to the commune.
  const rows = x.villages.map((v) => {
    const total = x.households.filter((h) => h.unitId === v.id).length;
    const present = Math.round(total * (0.6 + 0.35 * r.next()));
    const day = addDays(today, -r.int(2, 20));
    const head = person(r);
    return {
      village_id: v.id,
      commune_id: commune.id,
      year: Number(day.slice(0, 4)),
      conference_on: day,
      start_time: '19:00',
      place: `Nhà văn hóa ${v.name}`,
      content: 'Báo cáo kết quả thực hiện nhiệm vụ của thôn trong năm; báo cáo của Ban công tác Mặt trận và Ban Thanh tra nhân dân.',
      tasks: 'Trưởng thôn chuẩn bị báo cáo và địa điểm; Ban công tác Mặt trận chuẩn bị danh sách khen thưởng.',
      plan_sent_on: addDays(day, -20),
      notice_on: addDays(day, -7),
      notice_method: 'writing',
      committee_agreed_on: addDays(day, -16),
      committee_agreed_by: `Công chức ${commune.name}`,
      front_agreed_on: addDays(day, -15),
      front_agreed_by: `Chủ tịch UBMTTQ ${commune.name}`,
      board_agreed_on: addDays(day, -15),
      board_agreed_by: `Trưởng ban Thanh tra nhân dân ${commune.name}`,
      status: 'reported' as const,
      held_on: day,
      households_present: present,
      secretary: person(r),
      head_report: 'Thôn hoàn thành các chỉ tiêu của năm (dữ liệu giả lập).',
      front_report: 'Các nội dung thuộc Điều 15 đều được đưa ra cộng đồng bàn và quyết định.',
      board_report: 'Ban Thanh tra nhân dân giám sát việc thu, chi các quỹ của thôn: đúng, có chứng từ.',
      discussion: 'Bà con đề nghị lắp thêm đèn đường.',
      explanation: 'Trưởng thôn tiếp thu, báo cáo xã.',
      adopted: `Hội nghị biểu quyết thông qua kế hoạch năm sau (${present - 2}/${present} hộ tán thành).`,
      commendations: 'Khen các gia đình văn hóa tiêu biểu.',
      conclusion: 'Trưởng thôn kết luận và bế mạc.',
      result_report: `Thôn đã tổ chức hội nghị với ${present}/${total} hộ tham dự.`,
      result_sent_on: addDays(day, 1),
      created_by: `${head} (trưởng thôn)`,
      created_at: at(addDays(day, -20)),
      updated_at: at(addDays(day, 1)),
    };
  });
  await chunks(rows, (c) => trx.insertInto('village_conferences').values(c).execute());
  return { dialogues: 1, questions: questions.length, villageConferences: rows.length };
};
