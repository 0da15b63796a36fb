// The activity of one synthetic commune (src/db/seed-scale.ts): published disclosures (Law 10/2022
// Art 11), a matter per village put to an online vote with the households' receipts and secret ballots
// (Art 15, Decree 59/2023 Art 5), feedback items (issue 5), a consultation with comments (Art 25), a
// dialogue with questions (Art 9 / Decree 59 Art 3), and the inspection board with a recommendation
// (Arts 35–36). The same columns and states the commands write, inserted in multi-row statements.
import type { AppDeps } from '../app-deps.js';
import { receiptHash } from '../modules/decisions/commands/cast.js';
import { addDays } from '../platform/calendar/calendar.js';
import type { Conn } from './index.js';

export type Activity = {
  disclosures: number;
  matters: number;
  ballots: number;
  feedback: number;
  consultations: number;
  comments: number;
  dialogues: number;
  questions: number;
  boards: number;
  recommendations: number;
};
type Rng = { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T };
type Commune = { id: number; code: string; name: string; path: string };
type Input = {
  commune: Commune;
  villages: { id: number; name: string }[];
  households: { id: number; unitId: number; representative: number }[];
  today: string;
};

const CHUNK = 2_000;
const TRACKING = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RECEIPT = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = (r: Rng, alphabet: string) => Array.from({ length: 10 }, () => alphabet[Math.floor(r.next() * alphabet.length)]).join('');
const KINDS = ['petition', 'petition', 'petition', 'report', 'question', 'complaint'] as const;
const CATEGORIES = ['infrastructure', 'environment', 'land', 'social_policy', 'administrative_procedure', 'security_order', 'village_affairs'] as const;

async function chunks<T>(rows: T[], put: (c: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await put(rows.slice(i, i + CHUNK));
}

export async function seedActivity(trx: Conn, deps: Pick<AppDeps, 'clock'>, r: Rng, x: Input): Promise<Activity> {
  const now = deps.clock.now().toISOString();
  const { commune, today } = x;
  const year = Number(today.slice(0, 4));
  const a: Activity = {
    disclosures: 0,
    matters: 0,
    ballots: 0,
    feedback: 0,
    consultations: 0,
    comments: 0,
    dialogues: 0,
    questions: 0,
    boards: 0,
    recommendations: 0,
  };

  // Disclosures: a dozen published items of the commune's categories (Art 11 items 1–13).
  const disclosures = Array.from({ length: 12 }, (_, i) => {
    const start = addDays(today, -r.int(1, 300));
    return {
      unit_id: commune.id,
      agency_id: null,
      scope: 'commune' as const,
      category: 1 + (i % 13),
      status: 'published' as const,
      title: `Công khai số ${i + 1}/${year} của ${commune.name}`,
      body: `Nội dung công khai tổng hợp số ${i + 1}.`,
      decision_number: `${i + 1}/QĐ-UBND`,
      decision_date: addDays(start, -3),
      decision_signer: 'Chủ tịch UBND xã',
      audience: 'all' as const,
      posting_start: start,
      posting_end: addDays(start, 30),
      late_reason: null,
      status_reason: null,
      year,
      created_by: null,
      created_at: now,
      published_at: `${start}T02:00:00.000Z`,
      updated_at: now,
    };
  });
  await trx.insertInto('disclosures').values(disclosures).execute();
  a.disclosures = disclosures.length;

  // A matter per village (Art 15 item 6), its online vote open this week, about half the households voted.
  for (const v of x.villages) {
    const m = await trx
      .insertInto('matters')
      .values({
        unit_id: v.id,
        scope: 'village',
        item: 6,
        kind: 'general',
        position: null,
        title: `Giờ phát loa truyền thanh của ${v.name}`,
        description: 'Phát loa từ 17 giờ 30 đến 18 giờ hằng ngày.',
        proposer: 'village_head',
        agreement_by: 'Trưởng ban công tác Mặt trận',
        agreement_on: addDays(today, -10),
        initiator_name: null,
        front_approved_on: null,
        forwarded_on: null,
        status: 'open',
        effective_from: null,
        annul_ground: null,
        annul_reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const vote = await trx
      .insertInto('votes')
      .values({
        matter_id: m.id,
        unit_id: v.id,
        form: 'online',
        status: 'scheduled',
        vote_date: addDays(today, -1),
        opens_at: `${addDays(today, -1)}T00:00:00.000Z`,
        closes_at: `${addDays(today, 7)}T13:00:00.000Z`,
        notice_on: addDays(today, -4),
        no_meeting_agreed_on: addDays(today, -7),
        authorities_notified_on: addDays(today, -6),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('vote_options')
      .values([
        { vote_id: vote.id, key: 'agree', label: 'Đồng ý', resident_id: null, sort: 0 },
        { vote_id: vote.id, key: 'disagree', label: 'Không đồng ý', resident_id: null, sort: 1 },
        { vote_id: vote.id, key: 'other', label: 'Ý kiến khác', resident_id: null, sort: 2 },
      ])
      .execute();
    const voters = x.households.filter((h) => h.unitId === v.id && r.next() < 0.5);
    // The receipt names the household, the ballot only the hash of its receipt code (secret ballot).
    await chunks(voters, (c) =>
      trx
        .insertInto('vote_receipts')
        .values(c.map((h) => ({ vote_id: vote.id, household_id: h.id, channel: 'online' as const })))
        .execute(),
    );
    await chunks(voters, (c) =>
      trx
        .insertInto('vote_ballots')
        .values(
          c.map(() => ({
            vote_id: vote.id,
            receipt_hash: receiptHash(vote.id, code(r, RECEIPT)),
            option_key: r.next() < 0.8 ? 'agree' : 'disagree',
            other_text: null,
          })),
        )
        .execute(),
    );
    a.matters++;
    a.ballots += voters.length;
  }

  // Feedback: about one item per 20 households, some already answered.
  const items = Array.from({ length: Math.max(1, Math.round(x.households.length / 20)) }, (_, i) => {
    const kind = r.pick(KINDS);
    const receivedOn = addDays(today, -r.int(0, 120));
    // A complaint is first accepted, then settled by a decision (Complaints Law Arts 27–31): left received here.
    const answered = kind !== 'complaint' && r.next() < 0.6;
    const village = r.pick(x.villages);
    const due = addDays(receivedOn, kind === 'complaint' ? 30 : 10);
    return {
      tracking_code: `PA-${code(r, TRACKING)}`,
      commune_id: commune.id,
      kind,
      category: r.pick(CATEGORIES),
      channel: r.next() < 0.5 ? 'web' : 'walk_in',
      title: `Kiến nghị số ${i + 1} của ${village.name}`,
      content: 'Nội dung kiến nghị tổng hợp (dữ liệu giả lập).',
      place_text: null,
      village_id: village.id,
      qr_point_id: null,
      anonymous: 0,
      handler_unit_id: commune.id,
      handler_agency_id: null,
      subject_unit_id: null,
      subject_user_id: null,
      subject_text: null,
      status: answered ? ('answered' as const) : ('received' as const),
      received_on: receivedOn,
      known_on: kind === 'complaint' ? addDays(receivedOn, -5) : null,
      excluded_reason: null,
      forward_due: addDays(receivedOn, 5),
      accept_due: due,
      clock: answered ? null : kind === 'complaint' ? ('accept' as const) : ('answer' as const),
      due_on: answered ? null : due,
      answer: answered ? 'UBND xã đã tiếp thu và giải quyết.' : null,
      answered_on: answered ? addDays(receivedOn, r.int(1, 9)) : null,
      notify_channel: 'none' as const,
      user_id: null,
      created_by: null,
      created_at: `${receivedOn}T03:00:00.000Z`,
      updated_at: now,
    };
  });
  await chunks(items, (c) => trx.insertInto('feedback_items').values(c).execute());
  a.feedback = items.length;

  // A consultation on the commune's democracy regulation (Art 25), open, with comments on its articles.
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
      plan_forms: 'portal',
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
    created_at: now,
  }));
  await trx.insertInto('consultation_comments').values(comments).execute();
  a.consultations = 1;
  a.comments = comments.length;

  // The chairman's dialogue with residents (Art 9), held, with questions answered.
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
  a.dialogues = 1;
  a.questions = questions.length;

  // The commune's people's inspection board (Art 35), recognised, with one recommendation.
  const board = await trx
    .insertInto('oversight_boards')
    .values({
      kind: 'commune_inspection',
      commune_id: commune.id,
      agency_id: null,
      project_id: null,
      status: 'recognised',
      planned_size: 5,
      staff_count: null,
      elected_on: addDays(today, -200),
      recognition_due: addDays(today, -190),
      recognised_on: addDays(today, -195),
      term_starts_on: addDays(today, -195),
      term_ends_on: addDays(today, 1200),
      supervision_starts_on: null,
      investor_notified_on: null,
      closed_on: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const activity = await trx
    .insertInto('oversight_activities')
    .values({
      board_id: board.id,
      plan_id: null,
      kind: 'inspection',
      subject: 'Việc công khai tài chính của xã',
      findings: 'Chậm niêm yết hai khoản thu.',
      held_on: addDays(today, -30),
      feedback_item_id: null,
      published: 1,
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('oversight_recommendations')
    .values({
      activity_id: activity.id,
      board_id: board.id,
      commune_id: commune.id,
      addressee: 'Chủ tịch UBND xã',
      content: 'Đề nghị niêm yết đúng hạn các khoản thu.',
      sent_on: addDays(today, -29),
      due_on: addDays(today, -14),
      status: 'answered',
      answer_kind: 'accepted',
      answer_text: 'Đã niêm yết bổ sung.',
      answered_on: addDays(today, -20),
      answered_by: null,
      late: 0,
      escalated_on: null,
      created_at: now,
    })
    .execute();
  a.boards = 1;
  a.recommendations = 1;
  return a;
}
