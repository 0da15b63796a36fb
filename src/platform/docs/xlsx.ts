// Excel workbooks (.xlsx, ECMA-376 SpreadsheetML) written as a stream: the one way this platform writes
// them (monitoring's indicator workbook, issue 9 item 5; the covenants report, Decree 61/2023 Art 16).
// An .xlsx is a zip of a few XML parts; each sheet is deflated as its rows arrive and goes straight to
// the output, waiting for it (backpressure), so memory stays flat however many rows (docs/performance.md
// "Monitoring"). Strings are inline (`t="inlineStr"`): no shared-strings table to hold in memory. Sizes
// follow each part in a data descriptor (zip flag bit 3) since they are known only at its end. No Zip64:
// a part stays under 4 GiB, far above a sheet's 1,048,576 rows.
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

export type XlsxCell = string | number | null | undefined;
/** Rows per sheet in Excel, the header included. */
export const XLSX_MAX_ROWS = 1_048_576;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// Style 0 plain, style 1 bold (header rows).
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// Characters XML 1.0 forbids (controls other than tab, newline, return) would make the file unreadable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to drop
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(FORBIDDEN, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!);
/** Column letters: 0 → A, 25 → Z, 26 → AA. */
const col = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

const COLS = Array.from({ length: 26 }, (_, i) => col(i));

/** 1 Jan 2026 in MS-DOS form: a fixed date, so the same content gives the same bytes. */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

type Entry = { name: string; offset: number; crc: number; csize: number; usize: number };

/** A workbook written to `out` (an HTTP response or a file). Sheets one after another: `sheet()`, its
 * `row()`s, `end()`; then `close()` writes the workbook parts and the zip's directory and ends `out`. */
export function xlsxWriter(out: Writable) {
  const entries: Entry[] = [];
  const sheets: string[] = [];
  let offset = 0;
  // A client that goes away closes `out`: every wait below then fails instead of hanging.
  const gone = new AbortController();
  out.once('close', () => gone.abort());
  const { signal } = gone;
  const put = async (b: Buffer) => {
    offset += b.length;
    if (!out.write(b)) await once(out, 'drain', { signal });
  };

  /** One zip part, deflated as it is written. */
  async function part(name: string) {
    const e: Entry = { name, offset, crc: 0, csize: 0, usize: 0 };
    entries.push(e);
    const n = Buffer.from(name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    h.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 names
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt16LE(n.length, 26);
    await put(Buffer.concat([h, n]));
    const z: DeflateRaw = createDeflateRaw({ level: 6 });
    z.on('data', (c: Buffer) => {
      e.csize += c.length;
      offset += c.length;
      // The client sets the pace: the deflater stops until the response has room.
      if (!out.write(c) && !z.isPaused()) {
        z.pause();
        out.once('drain', () => z.resume());
      }
    });
    signal.addEventListener('abort', () => z.destroy(), { once: true });
    let buf = '';
    const flush = async () => {
      const b = Buffer.from(buf);
      buf = '';
      e.crc = crc32(b, e.crc);
      e.usize += b.length;
      if (!z.write(b)) await once(z, 'drain', { signal });
    };
    return {
      write: async (s: string) => {
        buf += s;
        if (buf.length >= 16_384) await flush();
      },
      end: async () => {
        await flush();
        z.end();
        await once(z, 'end', { signal });
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(e.crc, 4);
        d.writeUInt32LE(e.csize, 8);
        d.writeUInt32LE(e.usize, 12);
        await put(d);
      },
    };
  }

  const whole = async (name: string, xml: string) => {
    const p = await part(name);
    await p.write(xml);
    await p.end();
  };

  return {
    /** A new sheet (name: at most 31 characters, none of []:*?/\); widths in characters per column. */
    async sheet(name: string, opts: { widths?: number[] } = {}) {
      sheets.push(name);
      const p = await part(`xl/worksheets/sheet${sheets.length}.xml`);
      const cols = opts.widths?.length
        ? `<cols>${opts.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
        : '';
      await p.write(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${cols}<sheetData>`);
      let r = 0;
      return {
        /** One row; null and undefined leave the cell empty. */
        row: (cells: XlsxCell[], o: { bold?: boolean } = {}) => {
          r += 1;
          const s = o.bold ? ' s="1"' : '';
          let x = `<row r="${r}">`;
          for (let i = 0; i < cells.length; i++) {
            const v = cells[i];
            if (v === null || v === undefined) continue;
            x +=
              typeof v === 'number' && Number.isFinite(v)
                ? `<c r="${COLS[i] ?? col(i)}${r}"${s}><v>${v}</v></c>`
                : `<c r="${COLS[i] ?? col(i)}${r}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(String(v))}</t></is></c>`;
          }
          return p.write(`${x}</row>`);
        },
        get rows() {
          return r;
        },
        end: async () => {
          await p.write('</sheetData></worksheet>');
          await p.end();
        },
      };
    },
    /** The workbook parts and the zip's central directory; ends `out`. */
    async close() {
      const list = sheets.map((s, i) => `<sheet name="${esc(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
      await whole('xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${list}</sheets></workbook>`);
      const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
      await whole(
        'xl/_rels/workbook.xml.rels',
        `${XML}<Relationships xmlns="${PKG}">${rels}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      );
      await whole('xl/styles.xml', STYLES);
      await whole(
        '_rels/.rels',
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      );
      const sheetTypes = sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('');
      await whole(
        '[Content_Types].xml',
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetTypes}</Types>`,
      );
      const start = offset;
      for (const e of entries) {
        const n = Buffer.from(e.name);
        const c = Buffer.alloc(46);
        c.writeUInt32LE(0x02014b50, 0);
        c.writeUInt16LE(20, 4); // made by: 2.0
        c.writeUInt16LE(20, 6);
        c.writeUInt16LE(0x0808, 8);
        c.writeUInt16LE(8, 10);
        c.writeUInt16LE(DOS_DATE, 14);
        c.writeUInt32LE(e.crc, 16);
        c.writeUInt32LE(e.csize, 20);
        c.writeUInt32LE(e.usize, 24);
        c.writeUInt16LE(n.length, 28);
        c.writeUInt32LE(e.offset, 42);
        await put(Buffer.concat([c, n]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      await put(end);
      out.end();
    },
  };
}

/** A small workbook in memory (a report of a few hundred rows). */
export async function xlsxBuffer(fill: (w: ReturnType<typeof xlsxWriter>) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = once(out, 'end');
  const w = xlsxWriter(out);
  await fill(w);
  await w.close();
  await done;
  return Buffer.concat(chunks);
}
