// The counts and the working of a result, as the count minutes (Mẫu 02, 04) and the community decision
// (Mẫu 03) print them: every share is of ALL households on the register (Law 10/2022 Art 21(1)), so a
// reader can check the outcome by hand.
import { TEXT_WIDTH } from '../../../platform/docs/decree30.js';
import type { BallotFigures } from './data.js';
import type { Rec } from './labels.js';
import { countRows, thresholdVi, workingOf } from './labels.js';
import { type Block, grid, item, line, pct } from './layout.js';

const COLS = [700, 4300, 1700];
const WIDTHS = [...COLS, TEXT_WIDTH - COLS.reduce((a, b) => a + b, 0)];

/** STT | option or candidate | households | share of all households. */
export function countsTable(r: Rec): Block {
  const election = r.matter.kind === 'election';
  const rows = countRows(r).map((c, i) => [String(i + 1), c.label, String(c.n), pct(c.n, r.householdsTotal)]);
  return grid(WIDTHS, ['STT', election ? 'Họ và tên người ứng cử' : 'Phương án', 'Số phiếu', 'Tỷ lệ trên tổng số hộ'], rows, [0, 2, 3]);
}

export function ballotLines(f: BallotFigures): Block[] {
  return [item('Số phiếu phát ra', f.issued), item('Số phiếu thu vào', f.returned), item('Số phiếu hợp lệ', f.valid), item('Số phiếu không hợp lệ', f.invalid)];
}

/** The working (rules/threshold.ts): total, approving, the threshold and the least number, the outcome
 * and its article; for an election each candidate judged against all households. */
export function workingLines(r: Rec): Block[] {
  const w = workingOf(r);
  if (!w) return [line('Kết quả chưa được tính.', { italics: true })];
  const out: Block[] = [
    item('Tổng số hộ gia đình trong thôn', w.householdsTotal),
    item(r.vote.form === 'meeting' ? 'Số hộ gia đình có đại diện tham dự' : 'Số hộ gia đình đã tham gia', w.present ?? r.present),
  ];
  if (w.candidates?.length) {
    for (const c of w.candidates)
      out.push(
        line(
          `- Ông (bà) ${c.label}: ${c.approving}/${w.householdsTotal} hộ tán thành (${pct(c.approving, w.householdsTotal)}) - ${c.elected ? 'trúng cử' : 'không trúng cử'}`,
        ),
      );
  } else {
    out.push(item('Số hộ gia đình tán thành', `${w.approving}/${w.householdsTotal} hộ (${pct(w.approving, w.householdsTotal)})`));
  }
  out.push(
    item('Điều kiện thông qua', thresholdVi(w)),
    line(
      `- Kết quả: ${w.adopted ? (w.candidates?.length ? 'có người trúng cử' : 'được thông qua') : w.candidates?.length ? 'không có người trúng cử' : 'không được thông qua'} (${w.article}).`,
      {
        bold: true,
      },
    ),
  );
  if (r.matter.scope === 'commune')
    out.push(
      line(
        'Kết quả của thôn được báo cáo Ủy ban nhân dân xã để tổng hợp; nội dung chỉ được thông qua khi từ hai phần ba tổng số thôn, tổ dân phố trong xã trở lên tán thành (Điều 21 khoản 1 điểm b Luật Thực hiện dân chủ ở cơ sở; Điều 4 khoản 6 điểm c Nghị định 59/2023/NĐ-CP).',
        { italics: true },
      ),
    );
  return out;
}

/** Other opinions written on the ballots (Decree 59 Art 5(2)(c), 5(4)(a)), in the store's stable order. */
export function opinionLines(r: Rec): Block[] {
  if (r.otherOpinions.length === 0) return [line('- Ý kiến khác: không có.')];
  return [line('- Ý kiến khác:'), ...r.otherOpinions.map((o) => line(`  + ${o}`))];
}
