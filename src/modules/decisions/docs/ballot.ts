// The printed ballot of a household ballot (Decree 59/2023 Art 4(5); R-A11): the commune People's
// Committee sets its form, and it must carry a title, the question, the choices with instructions, room
// for other views and the RETURN DEADLINE; a commune-wide ballot carries the commune People's
// Committee's stamp at the top left, a village ballot the village head's signature at the bottom right.
// A paper ballot for a secret vote at a meeting (Law Art 18(4)) uses the same form without a deadline.
// One model feeds the printable page (views/ballot-form.tsx) and the Word file, so both say the same.
// The ballot carries no household name or number: the choice is secret (issue 4 item 9).
import { decree30Document, packDocx, para, rule, TEXT_WIDTH, textWidth } from '../../../platform/docs/decree30.js';
import { STANDARD_OPTIONS } from '../present.js';
import type { Rec } from './labels.js';
import { type Block, communityHeader, issuerLines, line, mid, signatureRight, stampBox, vnTimeWords } from './layout.js';

export type BallotModel = {
  communeWide: boolean;
  /** "UBND XÃ XUÂN DƯƠNG", "THÔN NÀ CÀ"; a commune-wide ballot is the committee's: "ỦY BAN NHÂN DÂN", "XÃ XUÂN DƯƠNG". */
  issuer: [string, string];
  stampNote: string;
  title: string;
  summary: string;
  proposal: string[];
  question: string;
  choices: { key: string; label: string }[];
  instructions: string[];
  otherViews: string;
  /** "Hạn nộp phiếu: trước 17 giờ 00 phút, ngày 30 tháng 11 năm 2026"; null for a ballot cast at a meeting. */
  deadline: string | null;
  returnTo: string;
  signer: { title: string; note: string; name: string | null } | null;
};

export function ballotModel(r: Rec): BallotModel {
  const v = r.vote;
  const communeWide = r.matter.scope === 'commune';
  const election = r.matter.kind === 'election';
  const choices = r.options.length ? r.options.map((o) => ({ key: o.key, label: o.label })) : STANDARD_OPTIONS.map((o) => ({ key: o.key, label: o.label }));
  const household = v.form === 'household_ballot';
  return {
    communeWide,
    issuer: communeWide ? ['ỦY BAN NHÂN DÂN', r.commune.name.toUpperCase()] : issuerLines(r),
    stampNote: '(Đóng dấu của Ủy ban nhân dân xã)',
    title: household ? 'PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH' : 'PHIẾU BIỂU QUYẾT',
    summary: `Về việc ${r.matter.title}`,
    proposal: [r.matter.description, ...(v.content ? [v.content] : [])],
    question: election
      ? `Hộ gia đình bầu ông (bà) nào${v.seats > 1 ? ` (chọn không quá ${v.seats} người)` : ''}?`
      : `Ý kiến của hộ gia đình về nội dung "${r.matter.title}":`,
    choices,
    instructions: [
      election
        ? `Đánh dấu (X) vào ô bên cạnh tên người được hộ gia đình bầu${v.seats > 1 ? `, không quá ${v.seats} người` : ''}.`
        : 'Đánh dấu (X) vào một (01) ô tương ứng với ý kiến của hộ gia đình.',
      'Phiếu đánh dấu nhiều hơn số ô cho phép, hoặc không đánh dấu ô nào, là phiếu không hợp lệ.',
      household ? 'Mỗi hộ gia đình chỉ được phát và nộp 01 phiếu (Điều 19 khoản 3 Luật Thực hiện dân chủ ở cơ sở).' : 'Bỏ phiếu vào hòm phiếu tại cuộc họp.',
    ],
    otherViews: 'Ý kiến khác của hộ gia đình (nếu có):',
    deadline: household ? `Hạn nộp phiếu: trước ${v.closes_at ? vnTimeWords(v.closes_at) : '…… giờ …… phút, ngày …… tháng …… năm ……'}` : null,
    returnTo: household
      ? `Hộ gia đình nộp phiếu cho Tổ phát phiếu lấy ý kiến của ${mid(r.village.name)}.`
      : `Phiếu được kiểm tại cuộc họp ngày ${v.vote_date.split('-').reverse().join('/')} của ${mid(r.village.name)}.`,
    signer: communeWide ? null : { title: 'TRƯỞNG THÔN', note: '(Ký, ghi rõ họ tên)', name: null },
  };
}

/** The top-left column: the committee's name and the stamp area (commune-wide), or the village's name. */
function leftColumn(m: BallotModel): Block[] | undefined {
  if (!m.communeWide) return undefined;
  return [
    para(m.issuer[0], { size: 13, bold: true, align: 'center' }),
    para(m.issuer[1], { size: 13, bold: true, align: 'center' }),
    stampBox(2600, m.stampNote),
  ];
}

export function ballotDocx(m: BallotModel, place: { village: { name: string }; commune: { name: string } }): Promise<Buffer> {
  const blanks = [1, 2, 3].map(() => para('…'.repeat(60), { size: 13, after: 4 }));
  const children: Block[] = [
    communityHeader(place, false, leftColumn(m)),
    para(m.title, { bold: true, size: 15, align: 'center', before: 18 }),
    para(m.summary, { bold: true, size: 14, align: 'center' }),
    rule(Math.min(TEXT_WIDTH, Math.round(textWidth(m.summary, 14) * 0.4)), TEXT_WIDTH),
    ...m.proposal.map((p) => line(p, { before: 6 })),
    para(m.question, { bold: true, before: 8, after: 6 }),
    // □ is in WGL4, so Times New Roman prints it.
    ...m.choices.map((c) => para(`□   ${c.label}`, { size: 14, before: 4, after: 4 })),
    para('Hướng dẫn:', { italics: true, bold: true, before: 8 }),
    ...m.instructions.map((i) => para(`- ${i}`, { italics: true, size: 12 })),
    para(m.otherViews, { before: 8, after: 4 }),
    ...blanks,
    ...(m.deadline ? [para(m.deadline, { bold: true, size: 14, before: 8 })] : []),
    para(m.returnTo, { italics: true }),
  ];
  if (m.signer) children.push(signatureRight({ title: m.signer.title, note: m.signer.note, name: m.signer.name }));
  const doc = decree30Document(children, { title: `${m.title} - ${m.summary}` });
  return packDocx(doc);
}
