// The quarterly register of disclosures (R-C3; Law 10/2022/QH15 Art 13(2): "lập, cập nhật danh mục
// thông tin đã được công khai, hình thức, thời điểm công khai ... hằng quý") as a Word file in the
// Decree 30/2020 layout ("DANH SÁCH", symbol DS), for signing and posting at the commune office and
// the village community points. The same model feeds the printable page (views/register.tsx).
import type { Paragraph, Table, TableCell } from 'docx';
import { decree30Document, docx, headerTable, packDocx, para, placeOf, signatureBlock, TEXT_WIDTH, titleBlock } from '../../platform/docs/decree30.js';
import { formatDate } from '../../platform/i18n/index.js';
import { FORM_LABELS, type FormKind } from './forms.js';

export const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export type RegisterForm = { form: string; village: string | null; start: string; end: string | null; detail: string | null };
export type RegisterEntry = {
  id: number;
  title: string;
  category: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  postingStart: string;
  postingEnd: string | null;
  status: 'draft' | 'published' | 'ended' | 'withdrawn';
  forms: RegisterForm[];
};
export type RegisterModel = {
  unit: { id: number; name: string };
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** The day the list is made, 'YYYY-MM-DD' (Vietnam). */
  today: string;
  entries: RegisterEntry[];
};

export const registerSummary = (m: Pick<RegisterModel, 'year' | 'quarter'>) => `Các nội dung đã công khai quý ${ROMAN[m.quarter - 1]} năm ${m.year}`;
export const registerFilename = (m: Pick<RegisterModel, 'year' | 'quarter'>) => `danh-sach-cong-khai-quy-${m.quarter}-${m.year}.docx`;

/** "Niêm yết tại trụ sở: 16/07/2026 – 15/08/2026"; a village head's relay names the village. */
export function formLine(f: RegisterForm): string {
  const label = FORM_LABELS[f.form as FormKind]?.vi ?? f.form;
  const where = f.village ? ` (${f.village})` : '';
  const when = f.end && f.end !== f.start ? `${formatDate(f.start)} – ${formatDate(f.end)}` : formatDate(f.start);
  return `${label}${where}: ${when}${f.detail ? `; ${f.detail}` : ''}`;
}

export function decisionLine(e: Pick<RegisterEntry, 'decisionNumber' | 'decisionDate'>): string {
  if (!e.decisionNumber && !e.decisionDate) return '';
  return [e.decisionNumber && `Số ${e.decisionNumber}`, e.decisionDate && `ngày ${formatDate(e.decisionDate)}`].filter(Boolean).join(' ');
}

export function postingLine(e: Pick<RegisterEntry, 'postingStart' | 'postingEnd' | 'status'>): string {
  const span = e.postingEnd ? `${formatDate(e.postingStart)} – ${formatDate(e.postingEnd)}` : `Từ ${formatDate(e.postingStart)} (thường xuyên)`;
  return e.status === 'withdrawn' ? `${span}; đã thu hồi` : span;
}

// STT, Nội dung, Nhóm, Văn bản, Hình thức và thời gian công khai, Thời hạn niêm yết: 9355 twips.
const COLUMNS = [600, 2450, 700, 1500, 2655, TEXT_WIDTH - 7905];
const HEADINGS = ['STT', 'Nội dung', 'Nhóm', 'Văn bản', 'Hình thức và thời gian công khai', 'Thời hạn niêm yết'];

function cell(lines: string[], i: number, o: { bold?: boolean; center?: boolean } = {}): TableCell {
  const children = (lines.length ? lines : ['']).map((l) => para(l, { size: 12, bold: o.bold, align: o.center ? 'center' : 'left' }));
  return new (docx().TableCell)({ width: { size: COLUMNS[i]!, type: docx().WidthType.DXA }, margins: { top: 40, bottom: 40, left: 80, right: 80 }, children });
}

function registerTable(entries: RegisterEntry[]): Table | Paragraph {
  if (entries.length === 0) return para('Trong quý không có nội dung nào được công khai.', { italics: true, align: 'center', before: 6 });
  return new (docx().Table)({
    width: { size: TEXT_WIDTH, type: docx().WidthType.DXA },
    columnWidths: COLUMNS,
    layout: docx().TableLayoutType.FIXED,
    rows: [
      new (docx().TableRow)({ tableHeader: true, children: HEADINGS.map((h, i) => cell([h], i, { bold: true, center: true })) }),
      ...entries.map(
        (e, n) =>
          new (docx().TableRow)({
            cantSplit: true,
            children: [
              cell([String(n + 1)], 0, { center: true }),
              cell([e.title], 1),
              cell([String(e.category)], 2, { center: true }),
              cell([decisionLine(e)], 3),
              cell(
                e.forms.map((f) => `- ${formLine(f)}`),
                4,
              ),
              cell([postingLine(e)], 5),
            ],
          }),
      ),
    ],
  });
}

/** The register as a .docx (Decree 30 layout: header, "DANH SÁCH", table, recipients and signer). */
export function registerDocx(m: RegisterModel): Promise<Buffer> {
  const doc = decree30Document(
    [
      headerTable({ issuer: ['ỦY BAN NHÂN DÂN', m.unit.name], number: 'Số: .../DS-UBND', place: placeOf(m.unit.name), date: m.today }),
      ...titleBlock('DANH SÁCH', registerSummary(m)),
      registerTable(m.entries),
      para('Nhóm: số thứ tự nhóm thông tin tại Điều 11 Luật Thực hiện dân chủ ở cơ sở năm 2022.', { size: 11, italics: true, before: 6 }),
      signatureBlock({
        recipients: ['Thường trực HĐND xã', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã', 'Các thôn, tổ dân phố (để niêm yết)', 'Lưu: VT'],
        authority: 'TM. ỦY BAN NHÂN DÂN',
        title: 'CHỦ TỊCH',
      }),
    ],
    { title: `Danh sách ${registerSummary(m).toLowerCase()} - ${m.unit.name}` },
  );
  return packDocx(doc);
}
