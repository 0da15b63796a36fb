// The layout shared by the community documents of Decree 59/2023/NĐ-CP (its appendix, Mẫu 01–05:
// meeting notice, vote-count minutes, community decision, household-ballot count minutes) in Word.
// They are the community's documents, not a state body's, so they follow the Decree 59 forms rather
// than Decree 30/2020 (UPDATES.md §5); the page itself (A4, margins, Times New Roman) is Decree 30's.
// Template contents: only the openings of Mẫu 01–03 were seen, on secondary copies [S] (the header
// "UBND XÃ … / THÔN …" left and the national name right, the place-date line, the type name and
// "Về việc …"); everything after the openings is built from the articles that say what each document
// must contain (Law 10/2022 Art 20(2); Decree 59 Arts 3(3)–(5), 4(5)–(6), 5(4)) [U for the exact wording].
import type { Paragraph, Table } from 'docx';
import { docx, HEADER_COLUMNS, para, rule, TEXT_WIDTH, type TextOpts, textWidth, vnDateWords } from '../../../platform/docs/decree30.js';

export type Block = Paragraph | Table;
export type Place = { village: { name: string }; commune: { name: string } };

const VN_OFFSET_MS = 7 * 3600 * 1000; // Vietnam has no daylight saving time.

/** An instant in Vietnam time: its date 'YYYY-MM-DD', hours and minutes. */
export function vnClock(iso: string): { date: string; hh: string; mm: string } {
  const d = new Date(new Date(iso).getTime() + VN_OFFSET_MS).toISOString();
  return { date: d.slice(0, 10), hh: d.slice(11, 13), mm: d.slice(14, 16) };
}

/** "08 giờ 30 phút, ngày 20 tháng 11 năm 2026" (Vietnam time). */
export function vnTimeWords(iso: string): string {
  const c = vnClock(iso);
  return `${c.hh} giờ ${c.mm} phút, ${vnDateWords(c.date)}`;
}

/** A blank left for the hand: the forms are printed and completed at the meeting when a value is not recorded. */
export const DOTS = '……………';
export const orDots = (v: string | number | null | undefined): string => (v == null || v === '' ? DOTS : String(v));

const NO_MARGIN = { top: 0, bottom: 0, left: 0, right: 0 };

/** A table without borders, for headers and signature blocks. */
export function borderless(widths: number[], rows: Block[][][]): Table {
  return new (docx().Table)({
    width: { size: widths.reduce((a, b) => a + b, 0), type: docx().WidthType.DXA },
    columnWidths: widths,
    layout: docx().TableLayoutType.FIXED,
    borders: docx().TableBorders.NONE,
    margins: NO_MARGIN,
    rows: rows.map(
      (cells) =>
        new (docx().TableRow)({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new (docx().TableCell)({ width: { size: widths[i]!, type: docx().WidthType.DXA }, children: children.length ? children : [para('')] }),
          ),
        }),
    ),
  });
}

const line1 = () => ({ style: docx().BorderStyle.SINGLE, size: 4, color: '000000' });

/** A ruled table: a bold heading row, then one row per entry (12 pt). */
export function grid(widths: number[], head: string[], rows: string[][], center: number[] = []): Table {
  const cell = (text: string, i: number, bold = false) =>
    new (docx().TableCell)({
      width: { size: widths[i]!, type: docx().WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [para(text, { size: 12, bold, align: bold || center.includes(i) ? 'center' : 'left' })],
    });
  return new (docx().Table)({
    width: { size: widths.reduce((a, b) => a + b, 0), type: docx().WidthType.DXA },
    columnWidths: widths,
    layout: docx().TableLayoutType.FIXED,
    borders: { top: line1(), bottom: line1(), left: line1(), right: line1(), insideHorizontal: line1(), insideVertical: line1() },
    rows: [
      new (docx().TableRow)({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new (docx().TableRow)({ cantSplit: true, children: r.map((text, i) => cell(text, i)) })),
    ],
  });
}

/** One bordered box `height` twips tall, for the commune People's Committee's stamp (Decree 59 Art 4(5)). */
export function stampBox(width: number, note: string): Table {
  return new (docx().Table)({
    width: { size: width, type: docx().WidthType.DXA },
    columnWidths: [width],
    layout: docx().TableLayoutType.FIXED,
    alignment: docx().AlignmentType.CENTER,
    borders: { top: line1(), bottom: line1(), left: line1(), right: line1(), insideHorizontal: line1(), insideVertical: line1() },
    rows: [
      new (docx().TableRow)({
        height: { value: 1300, rule: 'atLeast' },
        children: [
          new (docx().TableCell)({
            width: { size: width, type: docx().WidthType.DXA },
            children: [para(note, { size: 11, italics: true, align: 'center', before: 18 })],
          }),
        ],
      }),
    ],
  });
}

/** "UBND XÃ XUÂN DƯƠNG" / "THÔN NÀ CÀ" as the forms' header puts it (Mẫu 01–04 [S]). */
export const issuerLines = (p: Place): [string, string] => [`UBND ${p.commune.name.toUpperCase()}`, p.village.name.toUpperCase()];

/** A unit's name inside a sentence: "Ủy ban nhân dân xã Xuân Dương", "lưu tại thôn Nà Cà". */
export const mid = (name: string): string =>
  name.replace(/^(Thôn|Xã|Phường|Tổ dân phố|Bản|Xóm|Ấp|Làng|Buôn|Đặc khu|Thị trấn|Khu phố|Tổ)(?=\s)/u, (w) => w.toLowerCase());

/** The place of the date line: the commune, because Decree 30 Appendix I names the administrative
 * unit the body sits in and a village is not one ("Xã Xuân Dương" -> "Xuân Dương"). */
export const placeName = (p: Place): string => p.commune.name.replace(/^\s*(xã|phường|thị trấn|đặc khu)\s+/iu, '').trim();

/** The header: the commune and the village on the left (the village bold, a short rule below), the
 * national name and motto on the right, the place and date under the motto (blank when null, none when false).
 * `left` replaces the left column (the ballot's stamp area). */
export function communityHeader(p: Place, date: string | null | false, left?: Block[]): Table {
  const [leftW, rightW] = HEADER_COLUMNS;
  const [commune, village] = issuerLines(p);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const dateLine = date ? `${placeName(p)}, ${vnDateWords(date)}` : `${placeName(p)}, ngày … tháng … năm …`;
  return borderless(HEADER_COLUMNS, [
    [
      left ?? [
        para(commune, { size: 13, align: 'center' }),
        para(village, { size: 13, bold: true, align: 'center' }),
        rule(Math.round(textWidth(village, 13) * 0.5), leftW),
      ],
      [
        para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13, align: 'center' }),
        para(motto, { bold: true, size: 14, align: 'center' }),
        rule(textWidth(motto, 14), rightW),
        ...(date === false ? [] : [para(dateLine, { italics: true, size: 14, align: 'center', before: 6 })]),
      ],
    ],
  ]);
}

/** The type name (bold capitals), "Về việc …" (bold) and a short rule. */
export function docTitle(typeName: string, summary: string): Paragraph[] {
  return [
    para(typeName, { bold: true, size: 14, align: 'center', before: 18 }),
    para(summary, { bold: true, size: 14, align: 'center' }),
    rule(Math.min(TEXT_WIDTH, Math.round(textWidth(summary, 14) * 0.4)), TEXT_WIDTH),
    para('', { size: 6 }),
  ];
}

/** A body paragraph: justified, 13 pt, 4 pt after (Decree 30 Appendix I for the body). */
export const line = (text: string, o: TextOpts = {}): Paragraph => para(text, { align: 'both', after: 4, ...o });
/** A bold section heading ("I. THÀNH PHẦN THAM DỰ"). */
export const heading = (text: string): Paragraph => para(text, { bold: true, before: 6, after: 4 });
/** "- label: value" lines. */
export const item = (label: string, value: string | number | null | undefined): Paragraph => line(`- ${label}: ${orDots(value)}`);

/** `title` may hold several lines separated by "\n" ("TM. TỔ BẦU CỬ\nTỔ TRƯỞNG"). */
export type Signer = { title: string; name?: string | null; note?: string };

/** Signature block: the title (bold capitals), "(Ký, ghi rõ họ tên)", room to sign, the name. */
function signBlock(s: Signer): Block[] {
  return [
    ...s.title.split('\n').map((l, i) => para(l.toUpperCase(), { bold: true, size: 13, align: 'center', before: i === 0 ? 12 : 0 })),
    para(s.note ?? '(Ký, ghi rõ họ tên)', { italics: true, size: 12, align: 'center' }),
    ...Array.from({ length: 3 }, () => para('', { size: 13 })),
    para(s.name ?? '', { bold: true, size: 13, align: 'center', after: 6 }),
  ];
}

const HALF = Math.round(TEXT_WIDTH / 2);

/** Signature blocks two to a row. */
export function signatures(signers: Signer[]): Table {
  const rows: Block[][][] = [];
  for (let i = 0; i < signers.length; i += 2) rows.push([signBlock(signers[i]!), signers[i + 1] ? signBlock(signers[i + 1]!) : []]);
  return borderless([HALF, TEXT_WIDTH - HALF], rows);
}

/** One signature block at the bottom right (a village ballot: Decree 59 Art 4(5)). */
export const signatureRight = (s: Signer): Table => borderless([HALF, TEXT_WIDTH - HALF], [[[], signBlock(s)]]);

const PERCENT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** "66,67%" of all households (Art 21(1) measures against all of them). */
export const pct = (n: number, total: number | null): string => (total && total > 0 ? `${PERCENT.format((n * 100) / total)}%` : '—');
