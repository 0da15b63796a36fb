// Demo feedback in xã Na Rì (02155) and xã Xuân Dương (02191), received through the real command
// with the clock set to each day of October–November 2026, so that every item has its clock, routing,
// sealed identity, history and audit entry: a broken bridge (anonymous), complaints (one past the
// 90-day limit, R-H1), a denunciation with identity, an anonymous report (R-H5), a suggestion-box
// note, a hotline call, an e-mail and an API submission. Every name and number is invented. Runs
// once: nothing is added when the two communes already have items.
import type { AppDeps } from '../../app-deps.js';
import type { Actor } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/session.js';
import { fixedClock } from '../../platform/clock.js';
import { translator } from '../../platform/i18n/index.js';
import { emptyFeedbackInput, type SubmitMode, submitFeedback } from './commands/submit.js';
import type { FeedbackInput } from './model.js';

const t = translator('vi');

type Demo = { commune: 'nari' | 'xd'; village?: number; on: string; mode: SubmitMode; by?: 'nari' | 'xd'; input: Partial<FeedbackInput> };

const ITEMS: Demo[] = [
  {
    commune: 'nari',
    village: 5,
    on: '2026-10-05',
    mode: 'public',
    input: {
      kind: 'report',
      category: 'infrastructure',
      title: 'Cầu treo đầu thôn bị gãy ván mặt cầu',
      content: 'Sau trận lũ ngày 03/10, ba tấm ván giữa cầu treo bị gãy, học sinh đi qua rất nguy hiểm. Đề nghị xã kiểm tra, thay ván sớm.',
      placeText: 'Cầu treo qua suối đầu thôn',
    },
  },
  {
    commune: 'nari',
    village: 2,
    on: '2026-10-12',
    mode: 'public',
    input: {
      kind: 'complaint',
      category: 'land',
      title: 'Khiếu nại quyết định thu hồi đất làm đường liên thôn',
      content: 'Quyết định thu hồi 120 m² đất vườn của gia đình tôi chưa tính tiền bồi thường cây ăn quả trên đất. Đề nghị UBND xã xem xét lại.',
      name: 'Hoàng Văn Thắng',
      address: 'Thôn Pác Cáp, xã Na Rì',
      phone: '0912000101',
      knownOn: '20/09/2026',
      notifyChannel: 'sms',
    },
  },
  {
    commune: 'nari',
    village: 3,
    on: '2026-10-20',
    mode: 'record',
    by: 'nari',
    input: {
      kind: 'denunciation',
      category: 'officials',
      channel: 'walk_in',
      receivedOn: '20/10/2026',
      title: 'Tố cáo việc thu tiền ngoài quy định khi làm thủ tục đất đai',
      content: 'Khi làm thủ tục tách thửa, tôi bị yêu cầu nộp thêm 2.000.000 đồng không có biên lai. Tôi có ghi âm cuộc nói chuyện.',
      name: 'Lý Thị Mai',
      address: 'Thôn Bản Đính, xã Na Rì',
      phone: '0912000102',
      idNumber: '006190001234',
      subjectText: 'Một công chức bộ phận một cửa xã (tên ghi trong đơn giấy)',
      notifyChannel: 'sms',
    },
  },
  {
    commune: 'nari',
    village: 1,
    on: '2026-11-03',
    mode: 'public',
    input: {
      kind: 'report',
      category: 'environment',
      title: 'Đổ rác thải xuống suối cạnh cầu tràn',
      content: 'Nhiều ngày nay có người đổ rác sinh hoạt xuống suối cạnh cầu tràn, nước bốc mùi, ảnh hưởng nguồn nước tưới.',
      placeText: 'Suối cạnh cầu tràn',
    },
  },
  {
    commune: 'nari',
    on: '2026-11-04',
    mode: 'record',
    by: 'nari',
    input: {
      kind: 'petition',
      category: 'infrastructure',
      channel: 'suggestion_box',
      receivedOn: '02/11/2026',
      title: 'Đề nghị lắp đèn chiếu sáng khu chợ phiên',
      content: 'Phiếu góp ý trong hòm thư tại nhà văn hóa: khu chợ phiên tối không có đèn, đề nghị lắp 4 bóng đèn năng lượng mặt trời.',
      placeText: 'Chợ phiên trung tâm xã',
    },
  },
  {
    commune: 'nari',
    village: 4,
    on: '2026-11-10',
    mode: 'public',
    input: {
      kind: 'question',
      category: 'social_policy',
      title: 'Hỏi về hỗ trợ làm nhà cho hộ nghèo năm 2027',
      content: 'Gia đình tôi là hộ nghèo, nhà tạm đã xuống cấp. Xin hỏi năm 2027 có chương trình hỗ trợ làm nhà không và cần giấy tờ gì?',
      name: 'Nông Văn Páo',
      phone: '0912000103',
      notifyChannel: 'zalo',
    },
  },
  {
    commune: 'xd',
    on: '2026-10-01',
    mode: 'public',
    input: {
      kind: 'petition',
      category: 'grassroots_democracy',
      title: 'Đề nghị niêm yết công khai dự toán ngân sách xã năm 2026',
      content: 'Đến nay bảng tin nhà văn hóa thôn chưa có dự toán ngân sách xã năm 2026 theo Điều 11 Luật Thực hiện dân chủ ở cơ sở.',
      name: 'Triệu Thị Nhung',
      email: 'trieu.nhung@example.vn',
      notifyChannel: 'email',
    },
  },
  {
    commune: 'xd',
    village: 2,
    on: '2026-10-08',
    mode: 'record',
    by: 'xd',
    input: {
      kind: 'petition',
      category: 'infrastructure',
      channel: 'hotline',
      receivedOn: '08/10/2026',
      title: 'Đường bê tông liên thôn bị sạt lở taluy',
      content: 'Người dân gọi đường dây nóng báo đoạn đường bê tông khoảng 30 m bị sạt taluy sau mưa lớn, xe máy đi qua nguy hiểm.',
      placeText: 'Đoạn dốc trước khe suối',
      phone: '0912000104',
      notifyChannel: 'sms',
    },
  },
  {
    commune: 'xd',
    village: 1,
    on: '2026-11-05',
    mode: 'public',
    input: {
      kind: 'report',
      category: 'village_affairs',
      title: 'Trâu bò thả rông phá hoa màu',
      content: 'Một số hộ thả trâu bò rông, phá ruộng ngô vụ đông của nhiều gia đình. Đề nghị thôn nhắc nhở theo quy ước.',
    },
  },
  {
    commune: 'xd',
    on: '2026-10-26',
    mode: 'public',
    input: {
      kind: 'complaint',
      category: 'administrative_procedure',
      title: 'Khiếu nại việc từ chối chứng thực hợp đồng tặng cho',
      content: 'Bộ phận một cửa từ chối chứng thực hợp đồng tặng cho đất của bố mẹ tôi mà không nêu lý do bằng văn bản.',
      name: 'Ma Văn Hùng',
      address: 'Thôn Nà Hin, xã Xuân Dương',
      phone: '0912000105',
      // R-H1: known 15/06/2026, received 26/10/2026: past the 90-day limit, received and flagged.
      knownOn: '15/06/2026',
      notifyChannel: 'sms',
    },
  },
  {
    commune: 'xd',
    on: '2026-11-11',
    mode: 'email',
    input: {
      kind: 'report',
      category: 'other',
      title: 'Hỏi thủ tục đăng ký khai sinh cho con',
      content: 'Con tôi sinh tại bệnh viện huyện tháng 10. Xin hỏi đăng ký khai sinh trực tuyến cần những giấy tờ gì?',
      name: 'Ma Thị Lan',
      email: 'ma.thi.lan@example.vn',
      notifyChannel: 'email',
    },
  },
  {
    commune: 'xd',
    village: 3,
    on: '2026-11-12',
    mode: 'api',
    input: {
      kind: 'report',
      category: 'health_education',
      title: 'Điểm trường mầm non thiếu nước sạch',
      content: 'Điểm trường mầm non của thôn mất nước sạch hai tuần nay, các cháu phải mang nước từ nhà.',
      placeText: 'Điểm trường mầm non thôn',
    },
  },
];

export async function seedDemoIntake(deps: AppDeps): Promise<void> {
  const { db } = deps;
  const commune = (code: string) => db.selectFrom('units').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
  const nari = await commune('02155');
  const xd = await commune('02191');
  if (!nari || !xd) return;
  if (await db.selectFrom('feedback_items').select('id').where('commune_id', 'in', [nari.id, xd.id]).limit(1).executeTakeFirst()) return;
  const official = async (username: string) => {
    const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return u ? ((await loadActor(db, u.id)) as Actor) : null;
  };
  const by = { nari: await official('canbo.nari'), xd: await official('canbo.xuanduong') };
  if (!by.nari || !by.xd) return; // demo accounts come first
  for (const d of ITEMS) {
    const c = d.commune === 'nari' ? nari : xd;
    const village = d.village
      ? await db
          .selectFrom('units')
          .select('id')
          .where('code', '=', `${c.code}-${String(d.village).padStart(2, '0')}`)
          .executeTakeFirst()
      : undefined;
    const input = emptyFeedbackInput(c.id, { ...d.input, villageId: village ? String(village.id) : '' });
    // 09:00 in Vietnam on the day.
    const at = { ...deps, clock: fixedClock(`${d.on}T02:00:00Z`) };
    const r = await submitFeedback(at, t, d.by ? by[d.by] : null, input, d.mode);
    if (!r.ok) throw new Error(`demo feedback "${d.input.title}": ${JSON.stringify(r.errors)}`);
  }
}
