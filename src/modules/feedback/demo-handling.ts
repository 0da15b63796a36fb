// Demo handling of the items demo-intake.ts receives in xã Na Rì and xã Xuân Dương, through the real
// commands with the clock set to each day: the land complaint accepted by the chairman (R-H2), the
// broken-bridge report answered with a published answer, the denunciation classified complex,
// accepted and extended once with its reason (R-H3; Denunciation Law Art 30), and the landslide
// petition left overdue with only an internal step recorded (it shows at the top of the list and is
// escalated by the hourly job). Items are found by title; a missing one is skipped, and an item
// already handled is left alone, so the seed can run again.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { fixedClock } from '../../platform/clock.js';
import { translator } from '../../platform/i18n/index.js';
import { answerItem, recordStep } from './commands/answer.js';
import { acceptItem, extendItem, setComplexity } from './commands/decide.js';
import type { HandleResult } from './commands/handle.js';

const t = translator('vi');

type Step = { on: string; by: string; run: (deps: AppDeps, actor: Actor, id: number, version: number) => Promise<HandleResult> };
type Plan = { title: string; steps: Step[] };

const PLANS: Plan[] = [
  {
    title: 'Khiếu nại quyết định thu hồi đất làm đường liên thôn',
    steps: [{ on: '2026-10-16', by: 'chutich.nari', run: (d, a, id, v) => acceptItem(d, t, a, id, v) }],
  },
  {
    title: 'Cầu treo đầu thôn bị gãy ván mặt cầu',
    steps: [
      {
        on: '2026-10-07',
        by: 'canbo.nari',
        run: (d, a, id, v) => recordStep(d, t, a, id, v, { note: 'Cán bộ giao thông xã đã kiểm tra cầu, cắm biển cảnh báo hai đầu cầu.', public: true }),
      },
      {
        on: '2026-10-14',
        by: 'canbo.nari',
        run: (d, a, id, v) =>
          answerItem(d, t, a, id, v, {
            answer: 'UBND xã đã thay 6 tấm ván mặt cầu và gia cố lan can ngày 13/10/2026. Cảm ơn bạn đã phản ánh kịp thời.',
            publishable: true,
            publicAnswer: 'Cầu treo đầu thôn đã được thay 6 tấm ván mặt cầu và gia cố lan can ngày 13/10/2026; cầu đi lại bình thường.',
          }),
      },
    ],
  },
  {
    title: 'Tố cáo việc thu tiền ngoài quy định khi làm thủ tục đất đai',
    steps: [
      { on: '2026-10-22', by: 'chutich.nari', run: (d, a, id, v) => setComplexity(d, t, a, id, v, { complexity: 'complex', multiSite: false }) },
      { on: '2026-10-27', by: 'chutich.nari', run: (d, a, id, v) => acceptItem(d, t, a, id, v) },
      {
        on: '2026-11-20',
        by: 'chutich.nari',
        run: (d, a, id, v) =>
          extendItem(d, t, a, id, v, { reason: 'Cần xác minh thêm tại bộ phận một cửa và Văn phòng đăng ký đất đai; chờ kết quả giám định ghi âm.' }),
      },
    ],
  },
  {
    title: 'Đường bê tông liên thôn bị sạt lở taluy',
    steps: [
      {
        on: '2026-10-12',
        by: 'canbo.xuanduong',
        run: (d, a, id, v) => recordStep(d, t, a, id, v, { note: 'Đã báo cán bộ địa chính – xây dựng xã; chờ bố trí kinh phí khắc phục.', public: false }),
      },
    ],
  },
];

export async function seedDemoHandling(deps: AppDeps): Promise<void> {
  const { db } = deps;
  for (const plan of PLANS) {
    const item = await db.selectFrom('feedback_items').select(['id', 'version']).where('title', '=', plan.title).orderBy('id').executeTakeFirst();
    if (item?.version !== 1) continue; // missing, or already handled
    for (const step of plan.steps) {
      const user = await db.selectFrom('users').select('id').where('username', '=', step.by).executeTakeFirst();
      const actor = user ? await loadActor(db, user.id) : null;
      if (!actor) break;
      const { version } = await db.selectFrom('feedback_items').select('version').where('id', '=', item.id).executeTakeFirstOrThrow();
      // 10:00 in Vietnam on the day.
      const r = await step.run({ ...deps, clock: fixedClock(`${step.on}T03:00:00Z`) }, actor, item.id, version);
      if (!r.ok) throw new Error(`demo handling "${plan.title}" on ${step.on}: ${JSON.stringify(r)}`);
    }
  }
}
