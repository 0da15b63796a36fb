// Excel workbooks of every indicator (issue 9 item 5), streamed with exceljs's WorkbookWriter so memory
// stays flat however many rows: sheet 1 every measure of the catalogue for the unit and each unit one
// level down; sheet 2 the monitoring records of the whole subtree, read in keyset pages.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import type { Catalogue } from './catalogue.js';
import { childrenOf, evaluate, type Period } from './compute.js';
import { agencyIndicatorRows } from './export-agencies.js';

export const INDICATOR_COLUMNS = ['Chỉ tiêu', 'Mã chỉ số', 'Chỉ số', 'Mã đơn vị', 'Đơn vị', 'Kỳ', 'Giá trị', 'Trên tổng số', 'Tỷ lệ (%)', 'Mục tiêu (%)'];
const RECORD_COLUMNS = [
  'Ngày',
  'Mã đơn vị',
  'Đơn vị',
  'Loại',
  'Phân loại',
  'Nội dung',
  'Số người phải tập huấn',
  'Số người',
  'Dự toán (đồng)',
  'Đã chi (đồng)',
  'Minh chứng',
];

/** A writer for one workbook on a stream; `rows` adds rows to a sheet and commits each (flat memory). */
export function workbookOn(out: PassThrough) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  return {
    sheet(name: string, header: string[]) {
      const ws = wb.addWorksheet(name);
      ws.addRow(header).commit();
      return {
        add: (cells: (string | number | null)[]) => ws.addRow(cells).commit(),
        /** Backpressure. exceljs hands committed rows to the zip without waiting, so a fast producer
         * piles them up in memory (700 MB for 1,000,000 rows): an empty write into the zip's input
         * calls back only once everything before it is compressed; then wait for the client. */
        flush: async () => {
          const pipe = (ws as unknown as { _stream?: { pipes?: { write: (b: Buffer, cb: () => void) => void }[] } })._stream?.pipes?.[0];
          if (pipe) await new Promise<void>((resolve) => pipe.write(Buffer.alloc(0), resolve));
          if (out.writableNeedDrain) await once(out, 'drain');
        },
        done: () => ws.commit(),
      };
    },
    commit: () => wb.commit(),
  };
}

export async function streamWorkbook(deps: AppDeps, unit: Unit, cat: Catalogue, p: Period): Promise<Readable> {
  const out = new PassThrough();
  const units = [unit, ...(await childrenOf(deps, unit, p))];
  const rows = await evaluate(deps, cat, units, p, { internal: true });
  const agencyRows = await agencyIndicatorRows(deps, unit, cat, p);
  void (async () => {
    const wb = workbookOn(out);
    const s1 = wb.sheet('Chỉ số', INDICATOR_COLUMNS);
    for (const r of rows)
      for (const u of units) {
        const c = r.cells.get(u.id) ?? null;
        s1.add([
          r.measure.target,
          r.measure.indicator,
          r.measure.label,
          u.code,
          u.name,
          p.key,
          c ? c.value : 'chưa đo',
          c?.of ?? null,
          c?.share == null ? null : Math.round(c.share * 1000) / 10,
          r.kind === 'share' ? r.goal : null,
        ]);
      }
    for (const r of agencyRows) s1.add(r);
    s1.done();
    const s2 = wb.sheet('Hồ sơ', RECORD_COLUMNS);
    let after = 0;
    for (;;) {
      const page = await deps.db
        .selectFrom('monitoring_records as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .select([
          'r.id',
          'r.held_on',
          'u.code',
          'u.name',
          'r.kind',
          'r.subkind',
          'r.title',
          'r.required',
          'r.people',
          'r.planned',
          'r.spent',
          'r.evidence_note',
        ])
        .where('u.path', 'like', `${unit.path}%`)
        .where('r.held_on', '>=', p.from)
        .where('r.held_on', '<=', p.to)
        .where('r.id', '>', after)
        .orderBy('r.id')
        .limit(2000)
        .execute();
      for (const r of page)
        s2.add([
          r.held_on,
          r.code,
          r.name,
          r.kind,
          r.subkind,
          r.title,
          r.required,
          r.people,
          r.planned === null ? null : Number(r.planned),
          r.spent === null ? null : Number(r.spent),
          r.evidence_note,
        ]);
      await s2.flush();
      if (page.length < 2000) break;
      after = page[page.length - 1]!.id;
    }
    s2.done();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}
