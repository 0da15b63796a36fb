// The synthesis report as a Word file in the Decree 30/2020 layout ("BÁO CÁO", symbol BC): the
// comments grouped by article with counts, each group's answer and explanation, and the reason for
// departing from the majority (Law 10/2022 Art 28(3)–(4)); for posting (Art 11(11)) and for the
// report to the People's Council (Art 28(5)).
import { decree30Document, headerTable, packDocx, para, placeOf, signatureBlock, titleBlock } from '../../platform/docs/decree30.js';
import { formatDate } from '../../platform/i18n/index.js';
import { ANSWER_VI, type Answer, departsFromMajority } from './rules/synthesis.js';

export type DocxGroup = { title: string; comments: number; agree: number; disagree: number; answer: Answer | null; summary: string; explanation: string };
export type DocxModel = {
  issuer: string[];
  unitName: string;
  title: string;
  opensOn: string;
  closesOn: string;
  total: number;
  synthesisText: string;
  majorityExplanation: string | null;
  groups: DocxGroup[];
  today: string;
  agency: boolean;
};

export const synthesisFilename = (id: number) => `bao-cao-tong-hop-y-kien-${id}.docx`;

export function synthesisDocx(m: DocxModel): Promise<Buffer> {
  const body = [
    para(
      `Thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2022, ${m.agency ? 'cơ quan' : 'Ủy ban nhân dân xã'} đã lấy ý kiến về dự thảo "${m.title}" từ ngày ${formatDate(m.opensOn)} đến hết ngày ${formatDate(m.closesOn)}; tổng số ${m.total} ý kiến. Kết quả tổng hợp, tiếp thu, giải trình như sau:`,
      { align: 'both', before: 6, after: 6 },
    ),
    ...m.synthesisText.split(/\n+/).map((p) => para(p, { align: 'both', after: 6 })),
  ];
  m.groups.forEach((g, i) => {
    body.push(para(`${i + 1}. ${g.title}`, { bold: true, before: 6 }));
    body.push(para(`Số ý kiến: ${g.comments}; tán thành: ${g.agree}; không tán thành: ${g.disagree}.`, { align: 'both' }));
    if (g.summary) body.push(para(`Tóm tắt ý kiến: ${g.summary}`, { align: 'both' }));
    if (g.answer) {
      const departs = departsFromMajority(g.answer, g.agree, g.disagree) ? ' (khác với ý kiến đa số)' : '';
      body.push(para(`Tiếp thu: ${ANSWER_VI[g.answer]}${departs}.`, { align: 'both' }));
      body.push(para(`Giải trình: ${g.explanation}`, { align: 'both' }));
    }
  });
  if (m.majorityExplanation) {
    body.push(para('Lý do quyết định khác với ý kiến của đa số (khoản 4 Điều 28 Luật Thực hiện dân chủ ở cơ sở)', { bold: true, before: 6 }));
    body.push(para(m.majorityExplanation, { align: 'both' }));
  }
  const doc = decree30Document(
    [
      headerTable({ issuer: m.issuer, number: 'Số: .../BC', place: placeOf(m.unitName), date: m.today }),
      ...titleBlock('BÁO CÁO', `Tổng hợp, tiếp thu, giải trình ý kiến về dự thảo ${m.title}`),
      ...body,
      signatureBlock({
        recipients: m.agency
          ? ['Ban Chấp hành công đoàn', 'Cán bộ, công chức, viên chức, người lao động', 'Lưu: VT']
          : ['Thường trực HĐND xã', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã', 'Lưu: VT'],
        authority: m.agency ? 'THỦ TRƯỞNG CƠ QUAN' : 'TM. ỦY BAN NHÂN DÂN',
        title: m.agency ? '' : 'CHỦ TỊCH',
      }),
    ],
    { title: `Báo cáo tổng hợp ý kiến - ${m.title}` },
  );
  return packDocx(doc);
}
