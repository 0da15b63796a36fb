// Excel workbooks of every indicator (issue 9 item 5), streamed (src/platform/docs/xlsx.ts) so memory
// stays flat however many rows: sheet 1 every measure of the catalogue for the unit and each unit one
// level down; sheet 2 the monitoring records of the whole subtree, read in keyset pages.

import { PassThrough, type Readable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { type Db, keepStatements } from '../../db/index.js';
import type { Database, Unit } from '../../db/types.js';
import { XLSX_MAX_ROWS, xlsxWriter } from '../../platform/docs/xlsx.js';
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
const PAGE = 500;

/** On SQLite the workbook reads through a connection of its own with a 2 MiB page cache: the indicator
 * sums and the records, read once, would otherwise fill the server's shared 64 MiB cache
 * (src/db/index.ts) and keep it full — 60 MB more for the server after one export of a million
 * records (docs/performance.md "Monitoring"). */
function reader(deps: AppDeps): { db: Db; close: () => Promise<void> } {
  const main = deps.handle.sqlite;
  if (!main || main.memory) return { db: deps.db, close: async () => {} };
  const conn = new SQLite(main.name, { readonly: true, fileMustExist: true });
  conn.pragma('cache_size = -2048');
  conn.pragma('temp.cache_size = -2048');
  keepStatements(conn);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) });
  return { db, close: () => db.destroy() };
}

export async function streamWorkbook(deps: AppDeps, unit: Unit, cat: Catalogue, p: Period): Promise<Readable> {
  const out = new PassThrough();
  const conn = reader(deps);
  const d = { ...deps, db: conn.db };
  let units: Unit[];
  let rows: Awaited<ReturnType<typeof evaluate>>;
  let agencyRows: Awaited<ReturnType<typeof agencyIndicatorRows>>;
  let subtree: Map<number, { code: string; name: string }>;
  try {
    units = [unit, ...(await childrenOf(d, unit, p))];
    rows = await evaluate(d, cat, units, p, { internal: true });
    agencyRows = await agencyIndicatorRows(d, unit, cat, p);
    subtree = new Map((await d.db.selectFrom('units').select(['id', 'code', 'name']).where('path', 'like', `${unit.path}%`).execute()).map((u) => [u.id, u]));
  } catch (err) {
    await conn.close();
    throw err;
  }
  void (async () => {
    const wb = xlsxWriter(out);
    const s1 = await wb.sheet('Chỉ số', { widths: [10, 32, 60, 12, 28, 10, 10, 12, 10, 12] });
    await s1.row(INDICATOR_COLUMNS, { bold: true });
    for (const r of rows)
      for (const u of units) {
        const c = r.cells.get(u.id) ?? null;
        await s1.row([
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
    for (const r of agencyRows) await s1.row(r);
    await s1.end();
    const widths = [12, 12, 28, 14, 14, 40, 12, 10, 14, 14, 30];
    let sheets = 1;
    let s2 = await wb.sheet('Hồ sơ', { widths });
    await s2.row(RECORD_COLUMNS, { bold: true });
    try {
      let after = 0;
      for (;;) {
        // In id order (the table's own order: no sort, each page starts where the last ended); the
        // subtree's units as a set the index on unit_id must not be used for (`+`), else the planner
        // reads every record of the subtree and sorts them for each page.
        const page = await d.db
          .selectFrom('monitoring_records as r')
          .select(['r.id', 'r.unit_id', 'r.held_on', 'r.kind', 'r.subkind', 'r.title', 'r.required', 'r.people', 'r.planned', 'r.spent', 'r.evidence_note'])
          .where(sql<boolean>`+r.unit_id in (select id from units where path like ${`${unit.path}%`})`)
          .where('r.held_on', '>=', p.from)
          .where('r.held_on', '<=', p.to)
          .where('r.id', '>', after)
          .orderBy('r.id')
          .limit(PAGE)
          .execute();
        for (const r of page) {
          // A sheet holds 1,048,576 rows in Excel: the records go on in a next sheet.
          if (s2.rows >= XLSX_MAX_ROWS) {
            await s2.end();
            s2 = await wb.sheet(`Hồ sơ (${++sheets})`, { widths });
            await s2.row(RECORD_COLUMNS, { bold: true });
          }
          const u = subtree.get(r.unit_id);
          await s2.row([
            r.held_on,
            u?.code,
            u?.name,
            r.kind,
            r.subkind,
            r.title,
            r.required,
            r.people,
            r.planned === null ? null : Number(r.planned),
            r.spent === null ? null : Number(r.spent),
            r.evidence_note,
          ]);
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.id;
      }
      await s2.end();
      await wb.close();
    } finally {
      await conn.close();
    }
  })().catch((err) => out.destroy(err));
  return out;
}
