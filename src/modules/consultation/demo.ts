// Demo consultations, made through the real commands: in Xã Na Rì the draft commune democracy
// regulation open now with comments on several articles, and a closed consultation on merging two
// villages with its published synthesis; at the commune's school, the draft democracy regulation of
// the school with staff comments and the union's opinion (Art 55(2)).
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { fixedClock } from '../../platform/clock.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { villagesOf } from '../disclosure/context.js';
import { unitByCode } from '../units/units.repo.js';
import { recordUnionOpinion } from './commands/adverse.js';
import { addComment } from './commands/comment.js';
import { closeConsultation, openConsultation } from './commands/lifecycle.js';
import { type ConsultationInput, saveConsultation } from './commands/save.js';
import { publishSynthesis, saveResponse } from './commands/synthesis.js';
import { articlesOf } from './consultation.repo.js';
import { REGULATION_DRAFT, ROADS_DRAFT, SCHOOL_DRAFT, VILLAGE_MERGE_DRAFT } from './demo-texts.js';

const vi = translator('vi');

async function actorOf(deps: AppDeps, username: string): Promise<Actor> {
  const u = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(deps.db, u.id))!;
}

const at = (deps: AppDeps, day: string) => ({ ...deps, clock: fixedClock(`${day}T03:00:00Z`) });
const must = <R extends { ok: boolean }>(what: string, r: R): R => {
  if (!r.ok) throw new Error(`demo consultation: ${what}: ${JSON.stringify(r)}`);
  return r;
};

function input(over: Partial<ConsultationInput>): ConsultationInput {
  return {
    title: '',
    matter: 'item7',
    summary: '',
    draftText: '',
    audience: 'all',
    villageIds: [],
    periodDays: '20',
    shortPeriodLaw: '',
    planContent: 'Lấy ý kiến Nhân dân về toàn bộ dự thảo, theo từng điều.',
    planForms: ['community_meeting', 'suggestion_box', 'portal', 'front_organisations'],
    planTimeline: '',
    planResponsible: 'Công chức Văn phòng - Thống kê xã',
    planSentOn: '',
    ...over,
  };
}

type Entry = { article: number | null; channel: string; body: string; stance?: 'agree' | 'disagree'; organisation?: string };

async function comments(deps: AppDeps, actor: Actor, id: number, day: string, list: Entry[]) {
  const arts = await articlesOf(deps.db, id);
  const idOf = (n: number | null) => (n === null ? 'general' : String(arts.find((a) => a.position === n)!.id));
  for (const e of list) {
    must(
      'comment',
      await addComment(at(deps, day), vi, actor, id, {
        article: idOf(e.article),
        body: e.body,
        stance: e.stance ?? '',
        channel: e.channel,
        authorName: '',
        organisation: e.organisation ?? '',
      }),
    );
  }
  return idOf;
}

export async function seedDemoConsultations(deps: AppDeps): Promise<void> {
  if (await deps.db.selectFrom('consultations').select('id').limit(1).executeTakeFirst()) return;
  await seedNaRi(deps);
  await seedXuanDuong(deps);
}

async function seedNaRi(deps: AppDeps): Promise<void> {
  const commune = await unitByCode(deps.db, '02155', '2026-07-01');
  if (!commune) return;
  const official = await actorOf(deps, 'canbo.nari');
  const villages = await villagesOf(deps, commune);
  const today = todayInVietnam(deps.clock.now());
  const target = { unitId: commune.id, scope: 'commune' as const, agencyId: null, villageIds: new Set(villages.map((v) => v.id)) };

  // 1. Open now: the draft commune democracy regulation (Art 25(7)), published eight days ago.
  const opened = addDays(today, -8);
  const reg = must(
    'regulation',
    await saveConsultation(
      at(deps, addDays(today, -10)),
      vi,
      official,
      target,
      input({
        title: 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Na Rì',
        summary: 'UBND xã lấy ý kiến Nhân dân về dự thảo Quy chế thực hiện dân chủ ở cơ sở của xã (khoản 7 Điều 25 Luật Thực hiện dân chủ ở cơ sở).',
        draftText: REGULATION_DRAFT,
        planTimeline: `Từ ${formatDate(opened)}, ít nhất 20 ngày`,
        planSentOn: formatDate(addDays(today, -10)),
      }),
      [],
    ),
  );
  if (!reg.ok) return;
  must('open regulation', await openConsultation(at(deps, opened), vi, official, reg.id));
  await comments(deps, official, reg.id, addDays(today, -5), [
    { article: 3, channel: 'meeting', body: 'Đề nghị niêm yết công khai cả tại nhà văn hóa thôn, không chỉ tại trụ sở UBND xã.', stance: 'agree' },
    {
      article: 3,
      channel: 'household_form',
      body: 'Nên thông báo thêm qua loa truyền thanh của thôn vì nhiều hộ không dùng điện thoại thông minh.',
      stance: 'agree',
    },
    { article: 5, channel: 'suggestion_box', body: 'Thời hạn trả lời kiến nghị 15 ngày là quá dài, đề nghị rút xuống 10 ngày làm việc.', stance: 'disagree' },
    { article: 5, channel: 'hotline', body: 'Cần ghi rõ người dân được theo dõi kết quả trả lời ở đâu.', stance: 'disagree' },
    {
      article: null,
      channel: 'organisation',
      organisation: 'Hội Nông dân xã Na Rì',
      body: 'Hội Nông dân nhất trí với dự thảo; đề nghị bổ sung việc phổ biến quy chế bằng tiếng Tày.',
    },
    { article: 7, channel: 'social_network', body: 'Đề nghị tổ chức hội nghị đối thoại vào buổi tối để bà con đi làm nương về kịp tham dự.', stance: 'agree' },
  ]);

  // 2. Closed with its published synthesis: merging two villages (Art 25(4)).
  const old = addDays(today, -60);
  const [v1, v2] = villages;
  const merge = must(
    'merge',
    await saveConsultation(
      at(deps, old),
      vi,
      official,
      target,
      input({
        matter: 'item4',
        title: `Đề án sáp nhập ${v1?.name ?? 'thôn 1'} và ${v2?.name ?? 'thôn 2'}`,
        summary: 'Lấy ý kiến cử tri về đề án sáp nhập hai thôn để thành lập thôn mới (khoản 4 Điều 25).',
        draftText: VILLAGE_MERGE_DRAFT,
        audience: v1 && v2 ? 'villages' : 'all',
        villageIds: [v1, v2].filter(Boolean).map((v) => String(v!.id)),
        planTimeline: '20 ngày kể từ ngày công bố',
        planSentOn: formatDate(old),
      }),
      [],
    ),
  );
  if (!merge.ok) return;
  must('open merge', await openConsultation(at(deps, old), vi, official, merge.id));
  const idOf = await comments(deps, official, merge.id, addDays(old, 5), [
    { article: 1, channel: 'meeting', body: 'Nhất trí sáp nhập để thuận lợi đầu tư đường và nhà văn hóa.', stance: 'agree' },
    { article: 1, channel: 'household_form', body: 'Đồng ý, hai thôn vốn cùng một dòng họ, đi lại gần.', stance: 'agree' },
    { article: 2, channel: 'meeting', body: 'Đề nghị giữ tên thôn cũ của một trong hai thôn thay vì đặt tên mới.', stance: 'disagree' },
    { article: 2, channel: 'suggestion_box', body: 'Tên mới khó nhớ với người cao tuổi.', stance: 'disagree' },
    { article: 3, channel: 'meeting', body: 'Nhà văn hóa chung nên đặt ở giữa hai thôn.', stance: 'agree' },
  ]);
  const done = addDays(old, 25);
  const answer = (article: string, a: string, summary: string, explanation: string) =>
    saveResponse(at(deps, done), vi, official, merge.id, { article, answer: a, summary, explanation });
  must('a1', await answer(idOf(1), 'accepted', 'Các ý kiến nhất trí với việc sáp nhập.', 'Tiếp thu; giữ nguyên Điều 1.'));
  must('a2', await answer(idOf(2), 'accepted', 'Đề nghị giữ tên một thôn cũ.', 'Tiếp thu: thôn mới lấy tên thôn có nhiều hộ hơn.'));
  must(
    'a3',
    await answer(
      idOf(3),
      'partly',
      'Đề nghị đặt nhà văn hóa ở giữa hai thôn.',
      'Tiếp thu một phần: vị trí do hội nghị thôn mới quyết định theo Điều 15 của Luật.',
    ),
  );
  must(
    'publish',
    await publishSynthesis(at(deps, done), vi, official, merge.id, {
      synthesisText:
        'Đã nhận 5 ý kiến từ hội nghị thôn, phiếu lấy ý kiến hộ gia đình và hòm thư góp ý. Đa số cử tri nhất trí sáp nhập; ý kiến về tên thôn được tiếp thu.',
      majorityExplanation: '',
    }),
  );
  must('close', await closeConsultation(at(deps, done), vi, official, merge.id));

  // 3. The school's draft democracy regulation (Arts 53, 55(2)), open to its staff.
  const school = await deps.db.selectFrom('agencies').select('id').where('unit_id', '=', commune.id).where('kind', '=', 'school').executeTakeFirst();
  if (!school) return;
  const head = await actorOf(deps, 'hieutruong.nari');
  const s = must(
    'school',
    await saveConsultation(
      at(deps, addDays(today, -6)),
      vi,
      head,
      { unitId: commune.id, scope: 'agency', agencyId: school.id, villageIds: new Set() },
      input({
        matter: 'democracy_regulation',
        title: 'Dự thảo Quy chế thực hiện dân chủ của nhà trường',
        summary: 'Cán bộ, giáo viên, nhân viên góp ý dự thảo quy chế (Điều 53 Luật Thực hiện dân chủ ở cơ sở).',
        draftText: SCHOOL_DRAFT,
        periodDays: '10',
        planForms: ['conference', 'internal_portal', 'union'],
        planTimeline: '10 ngày',
        planResponsible: 'Hiệu trưởng',
      }),
      [],
    ),
  );
  if (!s.ok) return;
  must('open school', await openConsultation(at(deps, addDays(today, -5)), vi, head, s.id));
  const teacher = await actorOf(deps, 'giaovien.nari');
  const arts = await articlesOf(deps.db, s.id);
  must(
    'staff comment',
    await addComment(at(deps, addDays(today, -3)), vi, teacher, s.id, {
      article: String(arts.find((a) => a.position === 2)?.id ?? 'general'),
      body: 'Đề nghị công khai kế hoạch chi tiêu nội bộ trên nhóm nội bộ của trường, không chỉ niêm yết ở phòng họp.',
      stance: 'agree',
      channel: '',
      authorName: '',
      organisation: '',
    }),
  );
  const union = await actorOf(deps, 'congdoan.nari');
  must(
    'union',
    await recordUnionOpinion(at(deps, addDays(today, -2)), vi, union, s.id, {
      date: formatDate(addDays(today, -2)),
      opinion: 'Ban Chấp hành công đoàn nhất trí với dự thảo, đề nghị bổ sung việc đối thoại định kỳ giữa Hiệu trưởng và giáo viên.',
    }),
  );
}

/** 4. Open in Xã Xuân Dương to the whole commune: the demo resident (household representative in Thôn
 * Khau Pái, phone DEMO_RESIDENT_PHONE) signs in with a code and comments on an article (R-D1, Art 26). */
async function seedXuanDuong(deps: AppDeps): Promise<void> {
  const commune = await unitByCode(deps.db, '02191', '2026-07-01');
  if (!commune) return;
  const official = await actorOf(deps, 'canbo.xuanduong');
  const villages = await villagesOf(deps, commune);
  const today = todayInVietnam(deps.clock.now());
  const opened = addDays(today, -3);
  const target = { unitId: commune.id, scope: 'commune' as const, agencyId: null, villageIds: new Set(villages.map((v) => v.id)) };
  const plan = must(
    'xuan duong plan',
    await saveConsultation(
      at(deps, addDays(today, -5)),
      vi,
      official,
      target,
      input({
        matter: 'item1',
        title: 'Dự thảo Kế hoạch phát triển giao thông nông thôn xã Xuân Dương năm 2027',
        summary: 'UBND xã lấy ý kiến Nhân dân về các tuyến đường được ưu tiên làm mới, sửa chữa năm 2027 (khoản 1 Điều 25).',
        draftText: ROADS_DRAFT,
        periodDays: '30',
        planTimeline: `Từ ${formatDate(opened)}, 30 ngày`,
        planResponsible: 'Công chức Địa chính - Xây dựng xã',
        planSentOn: formatDate(addDays(today, -5)),
      }),
      [],
    ),
  );
  if (!plan.ok) return;
  must('open xuan duong plan', await openConsultation(at(deps, opened), vi, official, plan.id));
  await comments(deps, official, plan.id, addDays(today, -1), [
    { article: 2, channel: 'meeting', body: 'Đề nghị ưu tiên đoạn đường vào điểm trường thôn vì mùa mưa học sinh đi lại khó khăn.', stance: 'agree' },
  ]);
}
