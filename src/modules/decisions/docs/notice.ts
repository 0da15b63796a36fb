// Mẫu 01 (Decree 59/2023): the invitation to a community meeting (Art 3(3): it reaches attendees and
// is posted at least 02 days before; Art 3(4): for Art 15 items 1–3 the documents reach each household
// at least 02 days before). A household ballot and an online vote have no meeting: their notice is a
// "THÔNG BÁO" in the same layout with what Law Art 19(2) / Decree 59 Art 4(4) and Art 5(3) require to be
// announced: content, timing, the return deadline or end time, and the team.

import { ruleSetOn } from '../../../law/rule-sets.js';
import { decree30Document, packDocx, para, vnDateWords } from '../../../platform/docs/decree30.js';
import type { Rec } from './labels.js';
import { ITEM_VI } from './labels.js';
import { type Block, communityHeader, DOTS, docTitle, heading, item, line, mid, orDots, type Signer, signatureRight, vnTimeWords } from './layout.js';

/** Who chairs and signs (Decree 59 Art 3(1)): the village head; an election team for electing the
 * village head; the Front work committee head for dismissing the village head. */
export function convener(r: Rec): Signer {
  if (r.matter.kind === 'election' && r.matter.position === 'village_head') return { title: 'TM. TỔ BẦU CỬ\nTỔ TRƯỞNG' };
  if (r.matter.kind === 'dismissal' && r.matter.position === 'village_head') return { title: 'TRƯỞNG BAN CÔNG TÁC MẶT TRẬN' };
  return { title: 'TRƯỞNG THÔN' };
}

const chairOf = (r: Rec): string => {
  if (r.matter.kind === 'election' && r.matter.position === 'village_head') return 'Tổ bầu cử do Chủ tịch Ủy ban nhân dân xã thành lập';
  if (r.matter.kind === 'dismissal' && r.matter.position === 'village_head') return 'Trưởng ban công tác Mặt trận thôn';
  return 'Trưởng thôn';
};

const teamLines = (team: string[]): Block[] =>
  team.length
    ? team.map((name, i) => line(`${i + 1}. Ông (bà) ${name} - ${i === 0 ? 'Tổ trưởng' : 'Thành viên'}`))
    : [1, 2, 3].map((i) => line(`${i}. Ông (bà) ${DOTS} - ${i === 1 ? 'Tổ trưởng' : 'Thành viên'}`));

function meeting(r: Rec): Block[] {
  const v = r.vote;
  const rs = ruleSetOn(v.vote_date);
  const when = v.opens_at ? vnTimeWords(v.opens_at) : `${DOTS} giờ ${DOTS} phút, ${vnDateWords(v.vote_date)}`;
  const documents = rs.decisions.documentItems.includes(r.matter.item)
    ? `Tài liệu phục vụ cuộc họp được gửi đến từng hộ gia đình${v.documents_on ? ` ngày ${vnDateWords(v.documents_on).replace(/^ngày /, '')}` : ''}, chậm nhất ${String(rs.decisions.documentsDays).padStart(2, '0')} ngày trước ngày họp (Điều 3 khoản 4 Nghị định 59/2023/NĐ-CP).`
    : 'Các tài liệu phục vụ cuộc họp (nếu có) được gửi kèm giấy mời.';
  return [
    ...docTitle('GIẤY MỜI', `Họp cộng đồng dân cư ${mid(r.village.name)}`),
    line(`Trân trọng kính mời: Đại diện các hộ gia đình trong ${mid(r.village.name)}.`),
    line(`Về việc: ${r.matter.title}.`),
    heading('1. Thời gian, địa điểm'),
    line(`a) Thời gian: vào hồi ${when}.`),
    line(`b) Địa điểm: ${orDots(v.place)}.`),
    ...(v.clusters > 1 ? [line(`Cuộc họp được tổ chức theo ${v.clusters} cụm (Điều 18 khoản 3 Luật Thực hiện dân chủ ở cơ sở).`)] : []),
    heading('2. Thành phần'),
    line(`a) Chủ trì: ${chairOf(r)}.`),
    line('b) Đại biểu tham dự: Trưởng thôn, Ban công tác Mặt trận thôn, đại diện các hộ gia đình trong thôn (Điều 18 khoản 1 Luật Thực hiện dân chủ ở cơ sở).'),
    heading('3. Nội dung'),
    line(`Bàn và quyết định: ${r.matter.title} (khoản ${r.matter.item} Điều 15 Luật Thực hiện dân chủ ở cơ sở: ${ITEM_VI[r.matter.item]}).`),
    line(r.matter.description),
    heading('4. Đầu mối liên hệ thông tin về cuộc họp'),
    line(`Ông (bà) ${DOTS}, điện thoại: ${DOTS}.`),
    heading('5. Các tài liệu phục vụ cuộc họp'),
    line(documents),
    line(`${r.village.name} đề nghị ông (bà) bố trí thời gian tham gia đầy đủ, đúng thành phần.`, { before: 6 }),
    para(
      `Giấy mời được gửi đến từng hộ gia đình và niêm yết tại nhà văn hóa, điểm sinh hoạt cộng đồng chậm nhất ${String(rs.decisions.meetingNoticeDays).padStart(2, '0')} ngày trước ngày họp (Điều 3 khoản 3 Nghị định 59/2023/NĐ-CP).`,
      { italics: true, size: 12, align: 'both', after: 4 },
    ),
  ];
}

function ballot(r: Rec): Block[] {
  const v = r.vote;
  return [
    ...docTitle('THÔNG BÁO', `Về việc phát phiếu lấy ý kiến hộ gia đình về ${r.matter.title}`),
    line(
      `Căn cứ Điều 19 Luật Thực hiện dân chủ ở cơ sở và Điều 4 Nghị định 59/2023/NĐ-CP, ${mid(r.village.name)} thông báo việc lấy ý kiến các hộ gia đình bằng phiếu như sau:`,
    ),
    heading('1. Nội dung lấy ý kiến'),
    line(`${r.matter.title} (khoản ${r.matter.item} Điều 15: ${ITEM_VI[r.matter.item]}).`),
    line(r.matter.description),
    heading('2. Thời gian'),
    item('Thời gian phát phiếu', v.opens_at ? `từ ${vnTimeWords(v.opens_at)}` : null),
    item('Thời hạn nộp phiếu', v.closes_at ? `trước ${vnTimeWords(v.closes_at)}` : null),
    line('- Mỗi hộ gia đình được phát 01 phiếu (Điều 19 khoản 3 Luật Thực hiện dân chủ ở cơ sở).'),
    heading('3. Tổ phát phiếu lấy ý kiến'),
    ...teamLines(r.team),
    para(
      'Thông báo được công khai chậm nhất 02 ngày trước ngày phát phiếu (Điều 19 khoản 2 Luật Thực hiện dân chủ ở cơ sở; Điều 4 khoản 4 Nghị định 59/2023/NĐ-CP).',
      {
        italics: true,
        size: 12,
        align: 'both',
        before: 6,
      },
    ),
  ];
}

function online(r: Rec): Block[] {
  const v = r.vote;
  return [
    ...docTitle('THÔNG BÁO', `Về việc biểu quyết trực tuyến về ${r.matter.title}`),
    line(`Căn cứ Điều 5 Nghị định 59/2023/NĐ-CP, ${mid(r.village.name)} thông báo việc biểu quyết trực tuyến như sau:`),
    heading('1. Nội dung biểu quyết'),
    line(`${r.matter.title}.`),
    line(r.matter.description),
    line('Phương án biểu quyết: Đồng ý; Không đồng ý; Ý kiến khác (Điều 5 khoản 2 điểm c Nghị định 59/2023/NĐ-CP).'),
    heading('2. Thời gian'),
    item('Bắt đầu', v.opens_at ? vnTimeWords(v.opens_at) : null),
    item('Kết thúc', v.closes_at ? vnTimeWords(v.closes_at) : null),
    heading('3. Tổ biểu quyết trực tuyến'),
    ...teamLines(r.team),
    line('Hộ gia đình cần hỗ trợ để biểu quyết xin liên hệ Tổ biểu quyết trực tuyến (Điều 5 khoản 3 Nghị định 59/2023/NĐ-CP).', { before: 6 }),
  ];
}

/** Mẫu 01 (meeting) or the notice of a household ballot / online vote, dated the day it was given. */
export function noticeDocx(r: Rec): Promise<Buffer> {
  const body = r.vote.form === 'meeting' ? meeting(r) : r.vote.form === 'household_ballot' ? ballot(r) : online(r);
  const signer = r.vote.form === 'meeting' ? convener(r) : { title: 'TRƯỞNG THÔN' };
  const doc = decree30Document([communityHeader(r, r.vote.notice_on), ...body, signatureRight(signer)], {
    title: `${r.vote.form === 'meeting' ? 'Giấy mời họp' : 'Thông báo'} - ${r.matter.title} - ${r.village.name}`,
  });
  return packDocx(doc);
}
