// Mẫu 03 (Decree 59/2023): the community's decision, with everything Law 10/2022 Art 20(2) requires:
// (a) the date; (b) households in total, with a representative present, with none; (c) what was
// discussed; (d) the form; (đ) the results; (e) the decision; (g) the signatures of the village head,
// the Front work committee head and two household representatives (R-A1). An online vote's minutes add
// the start and end times, how many voted, agreed, disagreed, the other opinions and the list of
// participating households (Decree 59 Art 5(4)(a); R-A8). Art 20(1) lets it be a resolution, minutes,
// memorandum or agreement: a meeting gives minutes, a household ballot a resolution, an online vote minutes.
import { decree30Document, packDocx, TEXT_WIDTH, vnDateWords } from '../../../platform/docs/decree30.js';
import { recogniserOf } from '../rules/matters.js';
import type { Participant } from './data.js';
import type { Rec } from './labels.js';
import { eventDate, formVi, ITEM_VI } from './labels.js';
import { type Block, communityHeader, DOTS, docTitle, grid, heading, item, line, mid, orDots, signatures, vnTimeWords } from './layout.js';
import { countsTable, opinionLines, workingLines } from './results.js';

const TYPE = { meeting: 'BIÊN BẢN CUỘC HỌP', household_ballot: 'NGHỊ QUYẾT', online: 'BIÊN BẢN BIỂU QUYẾT TRỰC TUYẾN' } as const;

const BALLOT_CASE = {
  commune_choice: 'Chủ tịch Ủy ban nhân dân xã lựa chọn đối với nội dung thực hiện trong phạm vi xã (Điều 19 khoản 1 điểm a Luật Thực hiện dân chủ ở cơ sở)',
  failed_meeting: 'cuộc họp không có đủ số hộ gia đình tham dự (Điều 19 khoản 1 điểm b Luật Thực hiện dân chủ ở cơ sở)',
  village_decision: 'Trưởng thôn thống nhất với Ban công tác Mặt trận quyết định (Điều 19 khoản 1 điểm c Luật Thực hiện dân chủ ở cơ sở)',
} as const;

/** Art 21(2): items 3–4 take effect from the commune People's Committee's recognition, item 5 from the
 * commune Front's; the rest from the vote (village scope) or the date the committee sets (commune-wide). */
function effectLine(r: Rec): string {
  const by = recogniserOf(r.matter.item);
  if (by === 'committee')
    return 'Nội dung có hiệu lực kể từ ngày Ủy ban nhân dân xã ban hành quyết định công nhận (Điều 21 khoản 2 Luật Thực hiện dân chủ ở cơ sở).';
  if (by === 'front')
    return 'Nội dung có hiệu lực kể từ ngày Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã công nhận (Điều 21 khoản 2 Luật Thực hiện dân chủ ở cơ sở).';
  if (r.matter.scope === 'commune')
    return 'Nội dung có hiệu lực từ ngày do Ủy ban nhân dân xã quyết định sau khi tổng hợp kết quả (Điều 21 khoản 2 Luật Thực hiện dân chủ ở cơ sở).';
  return 'Nội dung có hiệu lực kể từ ngày được cộng đồng dân cư thông qua (Điều 21 khoản 2 Luật Thực hiện dân chủ ở cơ sở).';
}

const matterLines = (r: Rec): Block[] => [
  line(`Bàn và quyết định: ${r.matter.title} (khoản ${r.matter.item} Điều 15 Luật Thực hiện dân chủ ở cơ sở: ${ITEM_VI[r.matter.item]}).`),
  line(r.matter.description),
  ...(r.vote.content ? [line(r.vote.content)] : []),
];

const listed = (label: string, names: string[]): Block => item(label, names.length ? names.join('; ') : null);

function opening(r: Rec): Block[] {
  const v = r.vote;
  if (v.form === 'meeting') {
    const when = v.opens_at ? vnTimeWords(v.opens_at) : `${DOTS} giờ ${DOTS} phút, ${vnDateWords(v.vote_date)}`;
    const chair = r.matter.kind === 'general' ? orDots(v.confirm_village_head) : DOTS;
    const secretaryVotes = v.secretary_votes != null && v.present ? ` (được ${v.secretary_votes}/${v.present} đại diện hộ gia đình tham dự tán thành)` : '';
    return [
      line(`Hôm nay, vào hồi ${when}, tại ${orDots(v.place)}, ${mid(r.village.name)} tổ chức cuộc họp của cộng đồng dân cư về việc ${r.matter.title}.`),
      heading('I. THÀNH PHẦN THAM DỰ'),
      line(`1. Chủ trì: Ông (bà) ${chair}`),
      line(`2. Thư ký: Ông (bà) ${orDots(v.secretary)}${secretaryVotes}`),
      line('3. Thành phần tham dự:'),
      item('Tổng số hộ gia đình trong thôn', r.householdsTotal),
      item('Số hộ gia đình có đại diện tham dự cuộc họp', r.present),
      item('Số hộ gia đình không có người đại diện tham dự', r.absent),
      ...(v.clusters > 1
        ? [
            line(
              `Cuộc họp được tổ chức theo ${v.clusters} cụm; kết quả các cụm được tổng hợp thành kết quả chung (Điều 18 khoản 3 Luật Thực hiện dân chủ ở cơ sở).`,
            ),
          ]
        : []),
    ];
  }
  const span =
    v.form === 'online'
      ? [item('Thời gian bắt đầu', v.opens_at ? vnTimeWords(v.opens_at) : null), item('Thời gian kết thúc', v.closes_at ? vnTimeWords(v.closes_at) : null)]
      : [
          item('Thời gian phát phiếu', v.opens_at ? `từ ${vnTimeWords(v.opens_at)}` : null),
          item('Thời hạn nộp phiếu', v.closes_at ? `trước ${vnTimeWords(v.closes_at)}` : null),
        ];
  return [
    line(`${r.village.name} lập ${TYPE[v.form].toLowerCase()} về việc ${r.matter.title} như sau:`),
    heading('I. THỜI GIAN VÀ SỐ HỘ GIA ĐÌNH THAM GIA'),
    ...span,
    item('Tổng số hộ gia đình trong thôn', r.householdsTotal),
    item(v.form === 'online' ? 'Số đại diện hộ gia đình đã biểu quyết' : 'Số hộ gia đình đã nộp phiếu', r.present),
    item(v.form === 'online' ? 'Số hộ gia đình không có người đại diện biểu quyết' : 'Số hộ gia đình không nộp phiếu', r.absent),
  ];
}

function formLines(r: Rec): Block[] {
  const v = r.vote;
  const out: Block[] = [line(`${formVi(v)}.`)];
  if (v.form === 'household_ballot' && v.ballot_case) out.push(line(`Trường hợp: ${BALLOT_CASE[v.ballot_case]}.`));
  if (v.form === 'meeting' && v.method === 'secret_ballot')
    out.push(listed('Ban kiểm phiếu', r.committee), listed('Đại diện hộ gia đình chứng kiến kiểm phiếu', r.witnesses));
  if (v.form === 'household_ballot') out.push(listed('Tổ phát phiếu', r.team), listed('Đại diện hộ gia đình chứng kiến kiểm phiếu', r.witnesses));
  if (v.form === 'online') out.push(listed('Tổ biểu quyết trực tuyến', r.team));
  return out;
}

/** Decree 59 Art 5(4)(a): agree, disagree and other opinions, counted from the ballots. */
function onlineCounts(r: Rec): Block[] {
  return [
    item('Số đại diện hộ gia đình đồng ý', r.counts.agree ?? 0),
    item('Số đại diện hộ gia đình không đồng ý', r.counts.disagree ?? 0),
    item('Số đại diện hộ gia đình có ý kiến khác', r.counts.other ?? 0),
  ];
}

function participantsTable(list: Participant[]): Block[] {
  const cols = [700, 3400];
  return [
    heading('VI. DANH SÁCH ĐẠI DIỆN HỘ GIA ĐÌNH THAM GIA BIỂU QUYẾT'),
    list.length
      ? grid(
          [...cols, TEXT_WIDTH - cols[0]! - cols[1]!],
          ['STT', 'Họ và tên', 'Địa chỉ thường trú'],
          list.map((p, i) => [String(i + 1), p.name, p.address]),
          [0],
        )
      : line('Không có hộ gia đình nào tham gia.', { italics: true }),
  ];
}

/** Mẫu 03 as a .docx. `participants` is printed for an online vote only (Decree 59 Art 5(4)(a)). */
export function decisionDocx(r: Rec, participants: Participant[]): Promise<Buffer> {
  const v = r.vote;
  const counts: Block[] =
    v.form === 'online'
      ? [...onlineCounts(r), countsTable(r), ...opinionLines(r)]
      : [countsTable(r), ...(v.form === 'household_ballot' ? opinionLines(r) : [])];
  const doc = decree30Document(
    [
      communityHeader(r, eventDate(r)),
      ...docTitle(`${TYPE[v.form]} CỦA CỘNG ĐỒNG DÂN CƯ`, `Về việc ${r.matter.title}`),
      ...opening(r),
      heading(v.form === 'meeting' ? 'II. NỘI DUNG CUỘC HỌP' : 'II. NỘI DUNG'),
      ...matterLines(r),
      heading('III. HÌNH THỨC QUYẾT ĐỊNH'),
      ...formLines(r),
      heading('IV. KẾT QUẢ BIỂU QUYẾT'),
      ...counts,
      ...workingLines(r),
      heading('V. QUYẾT ĐỊNH CỦA CỘNG ĐỒNG DÂN CƯ'),
      line(orDots(v.decision_text)),
      ...(r.working?.adopted ? [line(effectLine(r))] : []),
      ...(v.form === 'online' ? participantsTable(participants) : []),
      line(
        `${TYPE[v.form].charAt(0)}${TYPE[v.form].slice(1).toLowerCase()} được gửi Ủy ban nhân dân ${mid(r.commune.name)} và Ủy ban Mặt trận Tổ quốc Việt Nam ${mid(r.commune.name)} trong thời hạn 05 ngày làm việc (Điều 20 khoản 3 Luật Thực hiện dân chủ ở cơ sở).`,
        { italics: true, before: 6 },
      ),
      signatures([
        { title: 'TRƯỞNG BAN CÔNG TÁC MẶT TRẬN', name: v.confirm_front_head },
        // Decree 59/2023 Art 3(1), 9: on a village head's dismissal the commune signs this line, not the head.
        {
          title: r.matter.kind === 'dismissal' && r.matter.position === 'village_head' ? 'ĐẠI DIỆN ỦY BAN NHÂN DÂN XÃ' : 'TRƯỞNG THÔN',
          name: v.confirm_village_head,
        },
        { title: 'ĐẠI DIỆN HỘ GIA ĐÌNH', name: v.confirm_rep1 },
        { title: 'ĐẠI DIỆN HỘ GIA ĐÌNH', name: v.confirm_rep2 },
      ]),
    ],
    { title: `${TYPE[v.form]} của cộng đồng dân cư - ${r.matter.title} - ${r.village.name}` },
  );
  return packDocx(doc);
}
