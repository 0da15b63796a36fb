import { decree30Document, docx, headerTable, packDocx, para, placeOf, signatureBlock, TEXT_WIDTH, titleBlock } from '../../platform/docs/decree30.js';
import { xlsxBuffer } from '../../platform/docs/xlsx.js';
import type { VillageCounts, YearCounts } from './report.js';

export const COLUMNS: { key: keyof YearCounts; vi: string }[] = [
  { key: 'recognised', vi: 'Được công nhận' },
  { key: 'refused', vi: 'Không công nhận' },
  { key: 'amended', vi: 'Sửa đổi, thay thế' },
  { key: 'suspended', vi: 'Tạm ngưng' },
  { key: 'annulled', vi: 'Bãi bỏ' },
  { key: 'inForce', vi: 'Đang có hiệu lực' },
  { key: 'reviewed', vi: 'Đã rà soát' },
];
export type ReportModel = { communeName: string; year: number; today: string; villages: VillageCounts[]; total: YearCounts };

const cell = (text: string, width: number, bold = false) =>
  new (docx().TableCell)({ width: { size: width, type: docx().WidthType.DXA }, children: [para(text, { size: 12, bold, align: 'center' })] });

export function reportDocx(m: ReportModel): Promise<Buffer> {
  const first = Math.round(TEXT_WIDTH * 0.23);
  const w = Math.floor((TEXT_WIDTH - first) / COLUMNS.length);
  const rows = [
    new (docx().TableRow)({ children: [cell('Thôn, tổ dân phố', first, true), ...COLUMNS.map((c) => cell(c.vi, w, true))] }),
    ...m.villages.map((v) => new (docx().TableRow)({ children: [cell(v.village, first), ...COLUMNS.map((c) => cell(String(v[c.key]), w))] })),
    new (docx().TableRow)({ children: [cell('Tổng cộng', first, true), ...COLUMNS.map((c) => cell(String(m.total[c.key]), w, true))] }),
  ];
  const doc = decree30Document(
    [
      headerTable({ issuer: ['ỦY BAN NHÂN DÂN', m.communeName.toUpperCase()], number: 'Số: .../BC-UBND', place: placeOf(m.communeName), date: m.today }),
      ...titleBlock('BÁO CÁO', `Tình hình xây dựng và thực hiện hương ước, quy ước năm ${m.year}`),
      para(
        `Thực hiện Điều 16 Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư, Ủy ban nhân dân ${m.communeName} báo cáo số liệu năm ${m.year} như sau:`,
        { align: 'both', before: 6, after: 6 },
      ),
      new (docx().Table)({ width: { size: TEXT_WIDTH, type: docx().WidthType.DXA }, rows }),
      new (docx().Paragraph)({}),
      signatureBlock({ recipients: ['Sở Văn hóa, Thể thao và Du lịch tỉnh', 'Lưu: VT'], authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }),
    ],
    { title: `Báo cáo hương ước, quy ước năm ${m.year}` },
  );
  return packDocx(doc);
}

export function reportXlsx(m: ReportModel): Promise<Buffer> {
  return xlsxBuffer(async (wb) => {
    const ws = await wb.sheet(`Hương ước ${m.year}`, { widths: [28, ...COLUMNS.map(() => 16)] });
    await ws.row([`Hương ước, quy ước năm ${m.year}: ${m.communeName}`]);
    await ws.row(['Thôn, tổ dân phố', ...COLUMNS.map((c) => c.vi)], { bold: true });
    for (const v of m.villages) await ws.row([v.village, ...COLUMNS.map((c) => v[c.key])]);
    await ws.row(['Tổng cộng', ...COLUMNS.map((c) => m.total[c.key])], { bold: true });
    await ws.end();
  });
}
