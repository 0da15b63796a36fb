// The count minutes: Mẫu 02 for a secret ballot at a meeting (Decree 59/2023 Art 3(5)(c): a counting
// committee of 03–05 approved by more than half of those attending, 02 household representatives
// witness, the minutes in 03 copies for the commune People's Committee, the commune Front and the
// village archive; R-A12) and Mẫu 04 for a household ballot (Art 4(6)(a): the ballot team counts
// with 02 household witnesses). LAW.md's R-A12 cites Art 4(6)(a) for the 03 copies as well, so Mẫu 04
// carries the same line [U: the Mẫu 04 template itself was not seen].
import { decree30Document, packDocx, vnDateWords } from '../../../platform/docs/decree30.js';
import type { BallotFigures } from './data.js';
import type { Rec } from './labels.js';
import { countForm, eventDate } from './labels.js';
import { type Block, communityHeader, DOTS, docTitle, heading, item, line, mid, orDots, signatures, vnTimeWords } from './layout.js';
import { ballotLines, countsTable, opinionLines, workingLines } from './results.js';

const names = (list: string[], roles: [string, string], min: number): Block[] => {
  const shown = list.length ? list : Array.from({ length: min }, () => DOTS);
  return shown.map((n, i) => line(`${i + 1}. Ông (bà) ${n}${i === 0 ? ` - ${roles[0]}` : ` - ${roles[1]}`}`));
};
const witnessLines = (w: string[]): Block[] => [0, 1].map((i) => line(`${i + 1}. Ông (bà) ${orDots(w[i])}`));

/** R-A12: "lập thành 03 bản". */
const copiesLine = (r: Rec): Block =>
  line(
    `Biên bản được lập thành 03 bản: 01 bản gửi Ủy ban nhân dân ${mid(r.commune.name)}, 01 bản gửi Ủy ban Mặt trận Tổ quốc Việt Nam ${mid(r.commune.name)}, 01 bản lưu tại ${mid(r.village.name)}.`,
    { before: 6 },
  );

function meetingCount(r: Rec, f: BallotFigures): Block[] {
  const v = r.vote;
  const when = v.opens_at ? vnTimeWords(v.opens_at) : `${DOTS} giờ ${DOTS} phút, ${vnDateWords(v.vote_date)}`;
  const approved = v.committee_votes != null && v.present ? ` (được ${v.committee_votes}/${v.present} đại diện hộ gia đình tham dự tán thành)` : '';
  return [
    ...docTitle('BIÊN BẢN KIỂM PHIẾU', `Về việc ${r.matter.title}`),
    line(`Hôm nay, vào hồi ${when}, tại ${orDots(v.place)}, ${mid(r.village.name)} tổ chức cuộc họp của cộng đồng dân cư về việc ${r.matter.title}.`),
    line(`Ban kiểm phiếu gồm các ông (bà) có tên sau${approved}:`),
    ...names(r.committee, ['Tổ trưởng', 'Thành viên'], 3),
    line('Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:'),
    ...witnessLines(r.witnesses),
    heading('Kết quả kiểm phiếu như sau:'),
    item('Tổng số hộ gia đình trong thôn', r.householdsTotal),
    item('Tổng số đại diện hộ gia đình tham dự cuộc họp', r.present),
    item('Số hộ gia đình không có người đại diện tham dự', r.absent),
    ...ballotLines(f),
    countsTable(r),
    heading('Kết quả biểu quyết so với tổng số hộ gia đình:'),
    ...workingLines(r),
    copiesLine(r),
  ];
}

function ballotCount(r: Rec, f: BallotFigures): Block[] {
  const v = r.vote;
  return [
    ...docTitle('BIÊN BẢN KIỂM PHIẾU', `Về việc phát phiếu lấy ý kiến của hộ gia đình về ${r.matter.title}`),
    line(
      `Hôm nay, ${vnDateWords(eventDate(r))}, tại ${orDots(v.place)}, Tổ phát phiếu lấy ý kiến của ${mid(r.village.name)} tiến hành kiểm phiếu lấy ý kiến của các hộ gia đình về ${r.matter.title}.`,
    ),
    item('Thời gian phát phiếu', v.opens_at ? `từ ${vnTimeWords(v.opens_at)}` : null),
    item('Thời hạn nộp phiếu', v.closes_at ? `trước ${vnTimeWords(v.closes_at)}` : null),
    line('Tổ phát phiếu gồm các ông (bà) có tên sau (Tổ trưởng là đại diện Ban công tác Mặt trận, Điều 4 khoản 3 Nghị định 59/2023/NĐ-CP):'),
    ...names(r.team, ['Tổ trưởng', 'Thành viên'], 3),
    line('Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:'),
    ...witnessLines(r.witnesses),
    heading('Kết quả kiểm phiếu như sau:'),
    item('Tổng số hộ gia đình trong thôn', r.householdsTotal),
    ...ballotLines(f),
    item('Số hộ gia đình không nộp phiếu', r.absent),
    countsTable(r),
    ...opinionLines(r),
    heading('Kết quả lấy ý kiến so với tổng số hộ gia đình (Điều 4 khoản 6 điểm b Nghị định 59/2023/NĐ-CP):'),
    ...workingLines(r),
    copiesLine(r),
  ];
}

/** Mẫu 02 or Mẫu 04 as a .docx; the caller has checked countForm(). */
export function countDocx(r: Rec, f: BallotFigures): Promise<Buffer> {
  const form = countForm(r.vote);
  const body = form === '02' ? meetingCount(r, f) : ballotCount(r, f);
  const lead = form === '02' ? 'TM. BAN KIỂM PHIẾU\nTỔ TRƯỞNG' : 'TM. TỔ PHÁT PHIẾU\nTỔ TRƯỞNG';
  const leader = form === '02' ? r.committee[0] : r.team[0];
  const doc = decree30Document(
    [
      communityHeader(r, eventDate(r)),
      ...body,
      signatures([
        { title: 'ĐẠI DIỆN HỘ GIA ĐÌNH\nCHỨNG KIẾN', name: r.witnesses[0] },
        { title: lead, name: leader },
        { title: 'ĐẠI DIỆN HỘ GIA ĐÌNH\nCHỨNG KIẾN', name: r.witnesses[1] },
      ]),
    ],
    { title: `Biên bản kiểm phiếu - ${r.matter.title} - ${r.village.name}` },
  );
  return packDocx(doc);
}
