// Demo requests for information at Na Rì (R-C4; Law 10/2022 Art 14(2) -> Law 104/2016 Arts 28–31),
// made through the real commands: one sent online and answered within its 03 working days, one
// handed in at the office and still open, so an official finds something to answer at
// /units/:id/info-requests and a resident sees what a tracking code shows.
import type { AppDeps } from '../../../app-deps.js';
import { loadActor } from '../../../platform/auth/session.js';
import { fixedClock } from '../../../platform/clock.js';
import { translator } from '../../../platform/i18n/index.js';
import { unitByCode } from '../../units/units.repo.js';
import { answerInfoRequest } from './commands/answer.js';
import { submitInfoRequest } from './commands/submit.js';

const vi = translator('vi');

export async function seedDemoInfoRequests(deps: AppDeps): Promise<void> {
  if (await deps.db.selectFrom('info_requests').select('id').limit(1).executeTakeFirst()) return;
  const naRi = await unitByCode(deps.db, '02155', '2026-07-01');
  const user = await deps.db.selectFrom('users').select('id').where('username', '=', 'canbo.nari').executeTakeFirst();
  const official = user && (await loadActor(deps.db, user.id));
  if (!naRi || !official) return;
  const at = (iso: string) => ({ ...deps, clock: fixedClock(iso) });

  // Sent online on Monday 16/11/2026, answered on Wednesday 18/11 (due Thursday 19/11).
  const online = await submitInfoRequest(
    at('2026-11-16T02:00:00Z'),
    vi,
    null,
    naRi,
    {
      name: 'Nông Văn Bình',
      contact: 'nongvanbinh.demo@example.vn',
      content: 'Đề nghị cung cấp dự toán kinh phí sửa đường liên thôn Nà Cà – Pác Cáp năm 2026 và danh sách hộ đóng góp.',
      channel: '',
      receivedOn: '',
    },
    'public',
  );
  if (!online.ok) throw new Error(`demo info request: ${JSON.stringify(online)}`);
  const answered = await answerInfoRequest(at('2026-11-18T03:00:00Z'), vi, official, naRi, online.id, {
    answer:
      'UBND xã gửi ông dự toán sửa đường liên thôn Nà Cà – Pác Cáp (Quyết định 85/QĐ-UBND) và danh sách hộ đóng góp đã niêm yết tại nhà văn hóa hai thôn.',
    publish: true,
  });
  if (!answered.ok) throw new Error(`demo info request answer: ${JSON.stringify(answered)}`);

  // Handed in at the office on Thursday 03/12/2026: open, due within 03 working days.
  const onsite = await submitInfoRequest(
    at('2026-12-03T03:00:00Z'),
    vi,
    official,
    naRi,
    {
      name: 'Hoàng Thị Nhàn',
      contact: '0987000111',
      content: 'Đề nghị cho biết tiêu chí và danh sách hộ được hỗ trợ làm nhà ở năm 2026 của thôn Khuổi Lùng.',
      channel: 'onsite',
      receivedOn: '03/12/2026',
    },
    'record',
  );
  if (!onsite.ok) throw new Error(`demo info request: ${JSON.stringify(onsite)}`);
}
