// Demo disclosures: a year (12/2025 – 11/2026) of each new commune's postings, made through the
// real commands (so versions, audit entries and the search index are what a real year leaves), with
// some late, one corrected, one withdrawn, one draft, an agency posting, and the 2026 plan.
import type { AppDeps } from '../../app-deps.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { addDays } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { fixedClock } from '../../platform/clock.js';
import { translator } from '../../platform/i18n/index.js';
import { NEW_COMMUNE_CODES, rng } from '../units/demo.js';
import { unitByCode } from '../units/units.repo.js';
import { closeDisclosure } from './commands/close.js';
import { correctDisclosure } from './commands/correct.js';
import { publishDisclosure } from './commands/publish.js';
import { saveDraft } from './commands/save-draft.js';
import type { DraftInput } from './commands/validate.js';
import { targetFor } from './context.js';
import { seedDemoInfoRequests } from './info-requests/demo.js';

/** Commands report problems in a language; the demo seed reads them in Vietnamese. */
const vi = translator('vi');

import { savePlan } from './plan-store.js';

/** A one-page PDF that says it is demo data (valid enough for any reader). */
export function demoPdf(title: string): Buffer {
  const text = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[()\\]/g, ' ');
  const stream = `BT /F1 14 Tf 60 780 Td (${text}) Tj 0 -24 Td (Du lieu mau - Dan chu co so) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

type Item = { month: number; day: number; category: number; title: string; body: string; number: string; lateDays?: number; loudspeaker?: boolean };
const ITEMS: Item[] = [
  {
    month: 12,
    day: 26,
    category: 2,
    title: 'Dự toán thu, chi ngân sách xã năm 2026',
    body: 'Dự toán được HĐND xã thông qua tại kỳ họp cuối năm.\n\n- Tổng thu: **8.450** triệu đồng\n- Tổng chi: **8.450** triệu đồng',
    number: '25/NQ-HĐND',
  },
  {
    month: 12,
    day: 29,
    category: 1,
    title: 'Kế hoạch phát triển kinh tế - xã hội năm 2026',
    body: 'Các chỉ tiêu chủ yếu về nông nghiệp, trồng rừng, giảm nghèo và y tế năm 2026.',
    number: '26/NQ-HĐND',
  },
  {
    month: 1,
    day: 6,
    category: 12,
    title: 'Danh mục phí, lệ phí thu tại UBND xã năm 2026',
    body: 'Lệ phí chứng thực, lệ phí hộ tịch theo nghị quyết của HĐND tỉnh.',
    number: '03/TB-UBND',
  },
  {
    month: 1,
    day: 15,
    category: 4,
    title: 'Quy chế thực hiện dân chủ ở xã',
    body: '## Chương I\nQuy định chung.\n\n## Chương II\nNhững nội dung công khai, nhân dân bàn và quyết định, tham gia ý kiến, kiểm tra giám sát.',
    number: '05/QĐ-UBND',
  },
  {
    month: 2,
    day: 10,
    category: 7,
    title: 'Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ tiền điện năm 2026',
    body: 'Danh sách theo kết quả rà soát cuối năm 2025.',
    number: '12/QĐ-UBND',
    lateDays: 9,
    loudspeaker: true,
  },
  {
    month: 3,
    day: 12,
    category: 9,
    title: 'Danh sách công dân nhập ngũ năm 2026',
    body: 'Danh sách gọi công dân nhập ngũ và thực hiện nghĩa vụ tham gia Công an nhân dân.',
    number: '18/QĐ-UBND',
    loudspeaker: true,
  },
  {
    month: 4,
    day: 14,
    category: 2,
    title: 'Tình hình thực hiện dự toán ngân sách xã quý I năm 2026',
    body: 'Thu đạt 27% dự toán, chi đạt 23% dự toán.',
    number: '31/BC-UBND',
  },
  {
    month: 5,
    day: 5,
    category: 3,
    title: 'Kế hoạch đầu tư đường bê tông liên thôn năm 2026',
    body: 'Tuyến đường dài 1,2 km; vốn ngân sách tỉnh và nhân dân đóng góp.',
    number: '40/QĐ-UBND',
  },
  {
    month: 5,
    day: 20,
    category: 5,
    title: 'Các khoản huy động nhân dân đóng góp xây dựng đường liên thôn',
    body: 'Mức đóng góp do nhân dân bàn và quyết định tại các cuộc họp thôn.',
    number: '44/TB-UBND',
    lateDays: 6,
  },
  {
    month: 6,
    day: 18,
    category: 8,
    title: 'Hỗ trợ các hộ bị thiệt hại do mưa đá tháng 6/2026',
    body: 'Danh sách 37 hộ được hỗ trợ, mức hỗ trợ theo quy định.',
    number: '52/QĐ-UBND',
    loudspeaker: true,
  },
  {
    month: 7,
    day: 15,
    category: 2,
    title: 'Tình hình thực hiện dự toán ngân sách xã 6 tháng đầu năm 2026',
    body: 'Thu đạt 54% dự toán, chi đạt 49% dự toán.',
    number: '63/BC-UBND',
  },
  {
    month: 8,
    day: 4,
    category: 2,
    title: 'Quyết toán ngân sách xã năm 2025',
    body: 'Quyết toán được HĐND xã phê chuẩn tại kỳ họp giữa năm.',
    number: '14/NQ-HĐND',
    lateDays: 12,
  },
  {
    month: 9,
    day: 8,
    category: 10,
    title: 'Kết quả thanh tra việc quản lý quỹ đất công ích',
    body: 'Kết luận thanh tra và việc xử lý sau thanh tra.',
    number: '71/KL-TTr',
    loudspeaker: true,
  },
  {
    month: 10,
    day: 13,
    category: 2,
    title: 'Tình hình thực hiện dự toán ngân sách xã 9 tháng năm 2026',
    body: 'Thu đạt 78% dự toán, chi đạt 71% dự toán.',
    number: '80/BC-UBND',
  },
  {
    month: 10,
    day: 27,
    category: 11,
    title: 'Kết quả lấy ý kiến về dự thảo quy hoạch khu dân cư',
    body: 'Tổng hợp ý kiến của nhân dân và giải trình, tiếp thu.',
    number: '85/BC-UBND',
    loudspeaker: true,
  },
  {
    month: 11,
    day: 16,
    category: 6,
    title: 'Thanh lý tài sản công: xe mô tô của UBND xã',
    body: 'Phương án thanh lý theo quy định về quản lý tài sản công.',
    number: '90/QĐ-UBND',
  },
];

function input(it: Item, decisionDate: string, postingStart: string, late: boolean): DraftInput {
  const forms = [
    { form: 'posting_office', start: postingStart, end: '', detail: '' },
    { form: 'posting_village', start: postingStart, end: '', detail: 'Nhà văn hóa các thôn' },
  ];
  if (it.loudspeaker) forms.push({ form: 'loudspeaker', start: postingStart, end: addDays(postingStart, 2), detail: 'Phát buổi sáng 6h30' });
  return {
    category: String(it.category),
    title: it.title,
    body: it.body,
    decisionNumber: it.number,
    decisionDate,
    decisionSigner: 'Chủ tịch UBND xã',
    audience: 'all',
    villageIds: [],
    postingStart,
    postingEnd: '',
    lateReason: late ? 'Chờ in ấn và gửi các thôn' : '',
    forms,
  };
}

export async function seedDemoDisclosures(deps: AppDeps): Promise<void> {
  if (await deps.db.selectFrom('disclosures').select('id').limit(1).executeTakeFirst()) return;
  const cal = await workingCalendar(deps);
  const r = rng(2026);
  for (const code of NEW_COMMUNE_CODES) {
    const commune = (await unitByCode(deps.db, code, '2026-07-01'))!;
    const official = await deps.db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select('u.id')
      .where('g.role', '=', 'commune_official')
      .where('g.unit_id', '=', commune.id)
      .executeTakeFirst();
    const actor: Actor = (official && (await loadActor(deps.db, official.id))) || {
      via: 'session',
      userId: null,
      label: 'Dữ liệu mẫu',
      userKind: null,
      grants: [],
    };
    const target = await targetFor(deps, commune, null);
    const ids: number[] = [];
    for (const it of ITEMS) {
      const year = it.month === 12 ? 2025 : 2026;
      const decisionDate = `${year}-${String(it.month).padStart(2, '0')}-${String(it.day).padStart(2, '0')}`;
      // On time: 1–4 working days after the decision; late ones by their lateDays (R-C1).
      const wd = it.lateDays ?? r.int(1, 4);
      const postingStart = cal.addWorkingDays(decisionDate, wd);
      const at = { ...deps, clock: fixedClock(`${postingStart}T02:00:00Z`) };
      const saved = await saveDraft(
        at,
        vi,
        actor,
        target,
        input(it, decisionDate, postingStart, (it.lateDays ?? 0) > ruleSetOn(decisionDate).disclosure.deadlineWorkingDays),
        [{ filename: `${it.number.replace(/\//g, '-')}.pdf`, bytes: demoPdf(it.title) }],
      );
      if (!saved.ok) throw new Error(`demo disclosure "${it.title}": ${JSON.stringify(saved)}`);
      await publishDisclosure(at, actor, saved.id, commune.id);
      ids.push(saved.id);
    }
    // A correction of the quarter-I report, a withdrawn notice, and a draft in preparation.
    const q1 = ids[6]!;
    const at = { ...deps, clock: fixedClock('2026-04-20T02:00:00Z') };
    const fixed = input(ITEMS[6]!, '2026-04-14', cal.addWorkingDays('2026-04-14', 2), false);
    await correctDisclosure(
      at,
      vi,
      actor,
      target,
      q1,
      { ...fixed, body: 'Thu đạt 28% dự toán, chi đạt 23% dự toán (sửa số liệu thu).' },
      'Sửa tỷ lệ thu từ 27% thành 28%',
      [],
    );
    await closeDisclosure(
      { ...deps, clock: fixedClock('2026-05-21T02:00:00Z') },
      vi,
      actor,
      ids[8]!,
      commune.id,
      'withdraw',
      'Thông báo nhầm mức đóng góp; sẽ công khai lại sau họp thôn',
    );
    await saveDraft(
      { ...deps, clock: fixedClock('2026-11-24T02:00:00Z') },
      vi,
      actor,
      target,
      input(
        { month: 11, day: 23, category: 2, title: 'Dự toán thu, chi ngân sách xã năm 2027 (dự thảo)', body: 'Dự thảo trình HĐND xã.', number: '95/TTr-UBND' },
        '2026-11-23',
        '',
        false,
      ),
      [],
    );
    await savePlan(deps, actor, commune, 2026);
    // Link the plan to what was published, so the compliance view shows a real mix (on time, late,
    // missing, due). Items are matched to the demo postings by position in ITEMS.
    const links: Record<string, number> = {
      'budget-estimate-approved': 0,
      'socio-economic-plan': 1,
      'fees-and-charges': 2,
      'democracy-regulation': 3,
      'budget-execution-q1': 6,
      'budget-execution-h1': 10,
      'budget-execution-q3': 13,
    };
    await deps.db.transaction().execute(async (trx) => {
      for (const [key, i] of Object.entries(links)) {
        await trx
          .updateTable('disclosure_plan_items')
          .set({ disclosure_id: ids[i]! })
          .where('unit_id', '=', commune.id)
          .where('year', '=', 2026)
          .where('key', '=', key)
          .execute();
      }
      await appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
        action: 'disclosure.plan_linked',
        entityType: 'unit',
        entityId: commune.id,
        unitId: commune.id,
        data: { year: 2026, keys: Object.keys(links) },
      });
    });
  }
  // An agency disclosure (Art 46): the school's 2026 work plan, seen only by its staff.
  const naRi = (await unitByCode(deps.db, '02155', '2026-07-01'))!;
  const school = await deps.db.selectFrom('agencies').select('id').where('unit_id', '=', naRi.id).where('kind', '=', 'school').executeTakeFirst();
  const head = await deps.db.selectFrom('users').select('id').where('username', '=', 'hieutruong.nari').executeTakeFirst();
  if (school && head) {
    const actor = (await loadActor(deps.db, head.id))!;
    const at = { ...deps, clock: fixedClock('2026-09-10T02:00:00Z') };
    const target = await targetFor(deps, naRi, school.id);
    const saved = await saveDraft(
      at,
      vi,
      actor,
      target,
      {
        ...input(
          {
            month: 9,
            day: 7,
            category: 2,
            title: 'Kế hoạch công tác năm học 2026–2027 của nhà trường',
            body: 'Kế hoạch giáo dục và các chỉ tiêu năm học.',
            number: '45/KH-THCS',
          },
          '2026-09-07',
          '2026-09-09',
          false,
        ),
        forms: [{ form: 'internal_portal', start: '2026-09-09', end: '', detail: '' }],
      },
      [],
    );
    if (saved.ok) await publishDisclosure(at, actor, saved.id, naRi.id);
  }
  // Requests for information (R-C4): one answered, one open.
  await seedDemoInfoRequests(deps);
}
