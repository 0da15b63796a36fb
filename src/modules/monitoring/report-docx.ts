// The periodic report on grassroots democracy for the council's session (issue 9 item 5; resolution
// Article 3; Law 10/2022 Art 86), as a Word file in the Decree 30/2020 administrative layout (national
// motto, issuing body, number, place and date, title, body, recipients, signature block).
import { decree30Document, headerTable, packDocx, para, placeOf, signatureBlock, titleBlock } from '../../platform/docs/decree30.js';
import { cellText, type Dashboard, status } from './model.js';

const periodWords = (d: Dashboard) =>
  d.period.quarter ? `quý ${['I', 'II', 'III', 'IV'][d.period.quarter - 1]} năm ${d.period.year}` : `năm ${d.period.year}`;
const pct = (v: number) => `${Math.round(v * 100)}%`;

export async function reportDocx(d: Dashboard, today: string): Promise<Buffer> {
  const summary = `Kết quả thực hiện dân chủ ở cơ sở ${periodWords(d)}`;
  const body = [
    headerTable({ issuer: ['ỦY BAN NHÂN DÂN', d.unit.name], number: 'Số:       /BC-UBND', place: placeOf(d.unit.name), date: today }),
    ...titleBlock('Báo cáo', summary),
    para(
      `Thực hiện ${d.catalogue.title}, Ủy ban nhân dân ${d.unit.name} báo cáo kết quả thực hiện các chỉ tiêu ${periodWords(d)}, số liệu tổng hợp từ nền tảng Dân chủ cơ sở như sau:`,
      { align: 'both', before: 6 },
    ),
  ];
  d.catalogue.targets.forEach((target, i) => {
    const rows = d.rows.filter((r) => r.measure.target === target.id);
    if (!rows.length) return;
    body.push(para(`${i + 1}. Chỉ tiêu ${target.id}: ${target.definition} (mục tiêu ${target.goal}%)`, { bold: true, align: 'both', before: 6 }));
    for (const r of rows) {
      const c = r.cells.get(d.unit.id) ?? null;
      const s = status(c, r.kind, r.goal);
      const verdict = s === 'met' ? ' - đạt' : s === 'behind' ? ' - chưa đạt' : '';
      body.push(para(`- ${r.measure.label}: ${cellText(c, r.kind, 'vi')}${verdict}.`, { align: 'both' }));
    }
  });
  const behind = d.children.filter((c) => c.score !== null && c.score < 1).slice(0, 10);
  if (behind.length) {
    body.push(para(`${d.catalogue.targets.length + 1}. Các đơn vị còn nhiều chỉ tiêu chưa đạt`, { bold: true, before: 6 }));
    for (const c of behind) body.push(para(`- ${c.unit.name}: đạt bình quân ${pct(c.score!)} mức mục tiêu.`, { align: 'both' }));
  }
  // The agencies inside the unit (T-2.x "every agency, unit"): each one's attainment and what it lacks.
  if (d.agencies.length) {
    body.push(para(`${d.catalogue.targets.length + (behind.length ? 2 : 1)}. Các cơ quan, đơn vị`, { bold: true, before: 6 }));
    for (const a of d.agencies) {
      const lacking = d.agencyRows
        .filter((r) => status(r.cells.get(a.agency.id) ?? null, r.kind, r.goal, r.notApplicable) === 'behind')
        .map((r) => r.measure.label);
      const score = a.score === null ? 'chưa có chỉ số đo được' : `đạt bình quân ${pct(a.score)} mức mục tiêu`;
      body.push(para(`- ${a.agency.name}: ${score}${lacking.length ? `; chưa đạt: ${lacking.join('; ')}` : ''}.`, { align: 'both' }));
    }
  }
  body.push(
    para('Ủy ban nhân dân báo cáo Thường trực Hội đồng nhân dân xem xét, giám sát theo quy định./.', { align: 'both', before: 6 }),
    signatureBlock({
      recipients: ['Thường trực HĐND', 'Ủy ban MTTQ Việt Nam cùng cấp', 'Các đại biểu HĐND', 'Lưu: VT'],
      authority: 'TM. Ủy ban nhân dân',
      title: 'Chủ tịch',
    }),
  );
  return packDocx(decree30Document(body, { title: summary }));
}
