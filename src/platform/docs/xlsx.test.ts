// The streaming .xlsx writer (xlsx.ts): what an official downloads opens in a spreadsheet with every
// value as written — Vietnamese text, numbers as numbers, empty cells empty — and a value that XML
// cannot carry (a control character pasted into a title) does not make the whole file unreadable.
import { once } from 'node:events';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unzip } from '../../../test/unzip.js';
import { xlsxBuffer, xlsxWriter } from './xlsx.js';

const read = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
};

describe('xlsx writer', () => {
  it('writes sheets a spreadsheet reads back: text, numbers, empty cells, bold headers, widths', async () => {
    const buf = await xlsxBuffer(async (w) => {
      const s = await w.sheet('Chỉ số', { widths: [12, 40] });
      await s.row(['Mã', 'Tên đơn vị', 'Tỷ lệ (%)'], { bold: true });
      await s.row(['SYN01', 'Xã Tổng Hợp 1 <"A&B">', 87.5]);
      await s.row(['SYN02', null, 0, undefined, 'cột E']);
      await s.end();
      const t = await w.sheet('Hồ sơ');
      await t.row(['Hội nghị\u0001 tuyên truyền\tquý I\n2026']);
      await t.end();
    });
    expect([...unzip(buf).keys()]).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/styles.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ]),
    );
    const wb = await read(buf);
    const s = wb.getWorksheet('Chỉ số')!;
    expect(s.getRow(2).values).toEqual([undefined, 'SYN01', 'Xã Tổng Hợp 1 <"A&B">', 87.5]);
    expect(s.getRow(3).values).toEqual([undefined, 'SYN02', undefined, 0, undefined, 'cột E']);
    expect(s.getCell('A1').font?.bold).toBe(true);
    expect(s.getCell('A2').font?.bold).toBeFalsy();
    expect(s.getColumn(2).width).toBe(40);
    // The control character is dropped; tab and line break are kept.
    expect(wb.getWorksheet('Hồ sơ')!.getCell('A1').value).toBe('Hội nghị tuyên truyền\tquý I\n2026');
  });

  it('waits for a slow reader instead of buffering the whole sheet', async () => {
    let most = 0;
    const chunks: Buffer[] = [];
    // A client that takes a millisecond for each chunk, behind a 16 KB buffer.
    const out = new Writable({
      highWaterMark: 16_384,
      write(c: Buffer, _e, done) {
        most = Math.max(most, this.writableLength);
        chunks.push(c);
        setTimeout(done, 1);
      },
    });
    const w = xlsxWriter(out);
    const s = await w.sheet('Hồ sơ');
    // ~12 MB of sheet XML of random text (it hardly compresses): far more than any buffer on the way.
    let seed = 1;
    const text = () => Array.from({ length: 60 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    for (let i = 0; i < 100_000; i++) await s.row([i, text(), i / 3]);
    await s.end();
    await w.close();
    await once(out, 'finish');
    // What waited in the client's buffer: a few chunks at most, never the sheet.
    expect(most).toBeLessThan(256 * 1024);
    const wb = await read(Buffer.concat(chunks));
    expect(wb.getWorksheet('Hồ sơ')!.rowCount).toBe(100_000);
  }, 60_000);
});
