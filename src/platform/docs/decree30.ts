// Word documents in the layout of Decree 30/2020/NĐ-CP, Appendix I (UPDATES.md §5): A4 portrait,
// margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the header as a borderless
// two-column table (issuing body and number on the left; national name, motto and place-date on the
// right); the type name and summary centred; the "Nơi nhận" list and the signer block as another
// borderless table. Reports of every module build on these pieces.
import { createRequire } from 'node:module';
import type * as Docx from 'docx';
import type { Document, Paragraph, ParagraphChild, Table, TextRun } from 'docx';

// docx is ~12 MB of resident memory once loaded: a server that never builds a Word file should not hold
// it (issue 9, docs/performance.md "Monitoring"). Loaded on the first document, synchronously (its CJS
// build), so the builders stay plain functions; everything else imports only its types.
const require = createRequire(import.meta.url);
let lib: typeof Docx | undefined;
export const docx = (): typeof Docx => (lib ??= require('docx') as typeof Docx);

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const FONT = 'Times New Roman';

/** Millimetres to twentieths of a point, rounded (30 mm = 1701, 15 mm = 850, 20 mm = 1134). */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const A4 = { width: mmToTwip(210), height: mmToTwip(297) };
/** Appendix I: top 20–25, bottom 20–25, left 30–35, right 15–20 mm; the smallest of each. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** Width between the margins, for tables that span the page. */
export const TEXT_WIDTH = A4.width - mmToTwip(MARGINS_MM.left) - mmToTwip(MARGINS_MM.right);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 01 năm 2027": a day below 10 and the months 1 and 2 get a leading zero (Appendix I, box 4). */
export function vnDateWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a date: ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not a date: ${iso}`);
  return `ngày ${day < 10 ? pad2(day) : day} tháng ${month <= 2 ? pad2(month) : month} năm ${year}`;
}

/** "Na Rì, ngày 05 tháng 01 năm 2027". */
export const placeDate = (place: string, iso: string): string => `${place}, ${vnDateWords(iso)}`;

/** The place name of a unit for the date line: "Xã Na Rì" -> "Na Rì". */
export function placeOf(unitName: string): string {
  return unitName.replace(/^\s*(xã|phường|thị trấn|đặc khu)\s+/iu, '').trim();
}

export type TextOpts = { size?: number; bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right' | 'both'; before?: number; after?: number };

const ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT', both: 'JUSTIFIED' } as const;

/** A run in the document font; `size` in points. */
export function run(text: string, o: TextOpts = {}): TextRun {
  return new (docx().TextRun)({ text, font: FONT, size: (o.size ?? 13) * 2, bold: o.bold, italics: o.italics });
}

/** One paragraph (single line spacing); `before`/`after` in points. */
export function para(text: string | ParagraphChild[], o: TextOpts = {}): Paragraph {
  return new (docx().Paragraph)({
    alignment: docx().AlignmentType[ALIGN[o.align ?? 'left']],
    spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 0) * 20, line: 240 },
    children: typeof text === 'string' ? [run(text, o)] : text,
  });
}

/** Rough printed width of a line in twips (Times New Roman: about 0.68 em a capital, 0.5 em otherwise). */
export function textWidth(text: string, sizePt: number): number {
  let em = 0;
  for (const ch of text) em += ch === ' ' ? 0.25 : ch === ch.toUpperCase() && ch !== ch.toLowerCase() ? 0.68 : 0.5;
  return Math.round(em * sizePt * 20);
}

/** A solid rule `width` twips long, centred in a space `within` twips wide (a bordered empty paragraph). */
export function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new (docx().Paragraph)({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: docx().LineRuleType.EXACT },
    border: { top: { style: docx().BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

const NO_MARGIN = { top: 0, bottom: 0, left: 0, right: 0 };

function borderless(widths: [number, number], rows: Paragraph[][][]): Table {
  return new (docx().Table)({
    width: { size: widths[0] + widths[1], type: docx().WidthType.DXA },
    columnWidths: widths,
    layout: docx().TableLayoutType.FIXED,
    borders: docx().TableBorders.NONE,
    margins: NO_MARGIN,
    rows: rows.map(
      (cells) =>
        new (docx().TableRow)({
          children: cells.map((children, i) => new (docx().TableCell)({ width: { size: widths[i]!, type: docx().WidthType.DXA }, children })),
        }),
    ),
  });
}

/** Column widths of the header: the national name (13 pt bold capitals) must fit on one line on the right. */
export const HEADER_COLUMNS: [number, number] = [3600, TEXT_WIDTH - 3600];

export type HeaderOptions = {
  /** Issuing body, one line each, bold capitals: ["ỦY BAN NHÂN DÂN", "XÃ NA RÌ"] (boxes 2). */
  issuer: string[];
  /** "Số: .../DS-UBND" (box 3). */
  number: string;
  /** Place for the date line, e.g. "Na Rì" (box 4). */
  place: string;
  /** Date of the document, 'YYYY-MM-DD'. */
  date: string;
};

/** Boxes 1–4: issuing body with a short rule and the number on the left; national name, motto with a
 * rule as long as the motto, and the italic place-date on the right (the number and the date on one line). */
export function headerTable(h: HeaderOptions): Table {
  const [left, right] = HEADER_COLUMNS;
  const issuer = h.issuer.map((l) => l.toUpperCase());
  const longest = Math.max(...issuer.map((l) => textWidth(l, 13)));
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  return borderless(HEADER_COLUMNS, [
    [
      [...issuer.map((l) => para(l, { bold: true, size: 13, align: 'center' })), rule(Math.round(longest * 0.4), left)],
      [
        para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13, align: 'center' }),
        para(motto, { bold: true, size: 14, align: 'center' }),
        rule(textWidth(motto, 14), right),
      ],
    ],
    [[para(h.number, { size: 13, align: 'center', before: 6 })], [para(placeDate(h.place, h.date), { italics: true, size: 14, align: 'center', before: 6 })]],
  ]);
}

/** Box 5a: type name (bold capitals, 14 pt) and summary (bold), a short rule under them. */
export function titleBlock(typeName: string, summary: string): Paragraph[] {
  return [
    para(typeName.toUpperCase(), { bold: true, size: 14, align: 'center', before: 18 }),
    para(summary, { bold: true, size: 14, align: 'center' }),
    rule(Math.round(textWidth(summary, 14) * 0.4), TEXT_WIDTH),
    para('', { size: 6 }),
  ];
}

export type SignatureOptions = {
  /** Box 9b, one per line without the "- " and the final ";" or ".": ["Thường trực HĐND xã", …, "Lưu: VT"]. */
  recipients: string[];
  /** Box 7a: "TM. ỦY BAN NHÂN DÂN". */
  authority: string;
  /** "CHỦ TỊCH". */
  title: string;
  /** Box 7b; blank lines are left for the signature either way. */
  signer?: string;
};

/** Boxes 9b and 7: "Nơi nhận:" (12 pt bold italic) with its list (11 pt) on the left; authority, title,
 * space for the signature and seal, and the name on the right. */
export function signatureBlock(s: SignatureOptions): Table {
  const list = s.recipients.map((r, i) => para(`- ${r}${i === s.recipients.length - 1 ? '.' : ';'}`, { size: 11 }));
  const width = Math.round(TEXT_WIDTH * 0.45);
  return borderless(
    [width, TEXT_WIDTH - width],
    [
      [
        [para('Nơi nhận:', { bold: true, italics: true, size: 12, before: 12 }), ...list],
        [
          para(s.authority.toUpperCase(), { bold: true, size: 13, align: 'center', before: 12 }),
          para(s.title.toUpperCase(), { bold: true, size: 13, align: 'center' }),
          ...Array.from({ length: 4 }, () => para('', { size: 13 })),
          para(s.signer ?? '', { bold: true, size: 13, align: 'center' }),
        ],
      ],
    ],
  );
}

/** One A4 portrait section with the Decree 30 margins; the page number centred in the top margin from
 * page 2 on (Appendix I: not shown on the first page). */
export function decree30Document(children: (Paragraph | Table)[], meta: { title: string; creator?: string }): Document {
  return new (docx().Document)({
    title: meta.title,
    creator: meta.creator ?? 'Dân chủ cơ sở',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: docx().PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwip(MARGINS_MM.top),
              bottom: mmToTwip(MARGINS_MM.bottom),
              left: mmToTwip(MARGINS_MM.left),
              right: mmToTwip(MARGINS_MM.right),
              header: mmToTwip(10),
              footer: mmToTwip(10),
            },
          },
        },
        headers: {
          default: new (docx().Header)({
            children: [para([new (docx().TextRun)({ children: [docx().PageNumber.CURRENT], font: FONT, size: 28 })], { align: 'center' })],
          }),
          first: new (docx().Header)({ children: [para('')] }),
        },
        // Word ends a body with a paragraph, never with a table.
        children: children.at(-1) instanceof docx().Table ? [...children, para('', { size: 2 })] : children,
      },
    ],
  });
}

export const packDocx = (doc: Document): Promise<Buffer> => docx().Packer.toBuffer(doc);
