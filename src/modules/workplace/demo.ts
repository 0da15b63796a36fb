// Demo data through the real commands: Xã Na Rì's democracy regulation, consulted with residents in
// 2024 (Art 25(7)) and in force; the commune school's regulation, consulted with staff and the union
// (Arts 53, 55(2)) and in force, with its staff count, its annual staff conference (Art 51) with three
// Art 49 matters (one below the threshold) and a six-monthly review (Art 52(3)); the commune health
// station has no regulation and a missing conference, so the register shows its flags.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { addMonths } from '../../platform/calendar/periods.js';
import { fixedClock } from '../../platform/clock.js';
import { formatDate, translator } from '../../platform/i18n/index.js';
import { recordUnionOpinion } from '../consultation/commands/adverse.js';
import { closeConsultation, markIssued, openConsultation } from '../consultation/commands/lifecycle.js';
import { type ConsultationInput, saveConsultation } from '../consultation/commands/save.js';
import { publishSynthesis } from '../consultation/commands/synthesis.js';
import { unitByCode } from '../units/units.repo.js';
import { agencyHolder, communeHolder, type Holder } from './commands/common.js';
import { emptyConference, recordConference, recordDecision, recordReview, recordStaffCount } from './commands/conference.js';
import { issueRegulation } from './commands/regulation.js';

const vi = translator('vi');
const at = (deps: AppDeps, day: string) => ({ ...deps, clock: fixedClock(`${day}T03:00:00Z`) });
const must = <R extends { ok: boolean }>(what: string, r: R): R & { id: number } => {
  if (!r.ok) throw new Error(`demo workplace: ${what}: ${JSON.stringify(r)}`);
  return r as R & { id: number };
};
async function actorOf(deps: AppDeps, username: string): Promise<Actor> {
  const u = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(deps.db, u.id))!;
}

const draft = (over: Partial<ConsultationInput>): ConsultationInput => ({
  title: '',
  matter: 'item7',
  summary: '',
  draftText:
    'Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc thực hiện dân chủ.\n\nĐiều 2. Công khai thông tin\nCác nội dung phải công khai theo Luật.\n\nĐiều 3. Tổ chức thực hiện\nNgười đứng đầu chịu trách nhiệm tổ chức thực hiện.',
  audience: 'all',
  villageIds: [],
  periodDays: '20',
  shortPeriodLaw: '',
  planContent: 'Lấy ý kiến về toàn bộ dự thảo.',
  planForms: ['community_meeting', 'portal'],
  planTimeline: '20 ngày',
  planResponsible: 'Văn phòng',
  planSentOn: '',
  ...over,
});

/** A finished consultation on a draft regulation (R-D4), then the regulation issued on `issuedOn`. */
async function consultAndIssue(
  deps: AppDeps,
  h: Holder,
  preparer: Actor,
  issuer: Actor,
  union: Actor | null,
  start: string,
  over: Partial<ConsultationInput>,
  reg: { title: string; number: string; signer: string; issuedOn: string },
) {
  const target = h.agency
    ? { unitId: h.unit.id, scope: 'agency' as const, agencyId: h.agency.id, villageIds: new Set<number>() }
    : { unitId: h.unit.id, scope: 'commune' as const, agencyId: null, villageIds: new Set<number>() };
  const c = must('draft', await saveConsultation(at(deps, start), vi, preparer, target, draft(over), []));
  must('open', await openConsultation(at(deps, start), vi, preparer, c.id));
  if (union) {
    const on = addDays(start, 10);
    must('union', await recordUnionOpinion(at(deps, on), vi, union, c.id, { date: formatDate(on), opinion: 'Ban Chấp hành công đoàn nhất trí với dự thảo.' }));
  }
  const done = addDays(start, 25);
  must(
    'synthesis',
    await publishSynthesis(at(deps, done), vi, preparer, c.id, { synthesisText: 'Các ý kiến đều nhất trí với dự thảo.', majorityExplanation: '' }),
  );
  must('close', await closeConsultation(at(deps, done), vi, preparer, c.id));
  must('mark issued', await markIssued(at(deps, reg.issuedOn), vi, preparer, c.id, { number: reg.number, date: formatDate(reg.issuedOn) }));
  must(
    'issue',
    await issueRegulation(at(deps, reg.issuedOn), vi, issuer, h, {
      consultationId: String(c.id),
      kind: 'original',
      title: reg.title,
      number: reg.number,
      issuedOn: formatDate(reg.issuedOn),
      inForceFrom: '',
      signer: reg.signer,
      partner: h.agency ? 'Ban Chấp hành Công đoàn cơ sở' : 'Ủy ban Mặt trận Tổ quốc Việt Nam xã Na Rì',
    }),
  );
}

export async function seedDemoWorkplace(deps: AppDeps): Promise<void> {
  if (await deps.db.selectFrom('workplace_regulations').select('id').limit(1).executeTakeFirst()) return;
  const commune = await unitByCode(deps.db, '02155', '2026-07-01');
  if (!commune) return;
  const h = (await communeHolder(deps.db, commune.id)) as Holder;
  const [official, chairman, head, union] = await Promise.all(['canbo.nari', 'chutich.nari', 'hieutruong.nari', 'congdoan.nari'].map((u) => actorOf(deps, u)));
  await consultAndIssue(
    deps,
    h,
    official,
    chairman,
    null,
    '2024-03-04',
    { title: 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở xã Na Rì (2024)', summary: 'Lấy ý kiến Nhân dân (khoản 7 Điều 25).', planSentOn: '01/03/2024' },
    { title: 'Quy chế thực hiện dân chủ ở cơ sở xã Na Rì', number: '15/QĐ-UBND', signer: 'Chủ tịch UBND xã Na Rì', issuedOn: '2024-04-05' },
  );

  const school = await deps.db.selectFrom('agencies').select('id').where('unit_id', '=', commune.id).where('kind', '=', 'school').executeTakeFirst();
  if (!school) return;
  const s = (await agencyHolder(deps.db, school.id)) as Holder;
  await consultAndIssue(
    deps,
    s,
    head,
    head,
    union,
    '2024-08-12',
    {
      matter: 'democracy_regulation',
      title: 'Dự thảo Quy chế thực hiện dân chủ của nhà trường (2024)',
      summary: 'Cán bộ, giáo viên, nhân viên góp ý (Điều 53).',
      periodDays: '20',
      planForms: ['conference', 'internal_portal', 'union'],
    },
    { title: 'Quy chế thực hiện dân chủ trong hoạt động của nhà trường', number: '42/QĐ-THCS', signer: 'Hiệu trưởng', issuedOn: '2024-09-16' },
  );

  // The last finished work year's conference, held in January (Art 51(1)).
  const today = todayInVietnam(deps.clock.now());
  let year = Number(today.slice(0, 4));
  if (today < `${year}-02-01`) year -= 1;
  const heldOn = `${year}-01-20`;
  must('staff', await recordStaffCount(at(deps, `${year}-01-05`), vi, head, s, { staff: '24', countedOn: formatDate(`${year}-01-05`) }));
  const conf = must(
    'conference',
    await recordConference(at(deps, heldOn), vi, head, s, {
      ...emptyConference(year - 1),
      heldOn: formatDate(heldOn),
      present: '22',
      agenda:
        'Kiểm điểm thực hiện kế hoạch năm học và nghị quyết hội nghị năm trước; Hiệu trưởng báo cáo, giải trình; Ban Thanh tra nhân dân báo cáo; bầu Ban Thanh tra nhân dân; ký giao ước thi đua giữa Hiệu trưởng và Công đoàn; thông qua nghị quyết hội nghị (Điều 51 khoản 3–4).',
    }),
  );
  const c = await deps.db.selectFrom('workplace_conferences').selectAll().where('id', '=', conf.id).executeTakeFirstOrThrow();
  for (const [matter, title, votes] of [
    ['resolution', 'Nghị quyết Hội nghị cán bộ, công chức, viên chức năm học', '21'],
    ['board', 'Bầu 03 thành viên Ban Thanh tra nhân dân nhiệm kỳ 2 năm', '20'],
    ['contributions', 'Mức đóng góp quỹ tương trợ ngoài quy định: 50.000 đồng/tháng', '9'],
  ] as const)
    must('decision', await recordDecision(at(deps, heldOn), vi, head, s, c, { matter, title, votesFor: votes }));
  const reviewedOn = addDays(addMonths(heldOn, 6), -5);
  if (reviewedOn < today)
    must(
      'review',
      await recordReview(at(deps, addDays(reviewedOn, 2)), vi, head, s, c, {
        reviewedOn: formatDate(reviewedOn),
        toldStaffOn: formatDate(addDays(reviewedOn, 2)),
        result: 'Đã thực hiện 8/10 chỉ tiêu của nghị quyết; hai chỉ tiêu về cơ sở vật chất chuyển sang học kỳ sau.',
      }),
    );
  // The health station and the People's Committee office get nothing: the register flags them (T-2.4, R-G3).
}
