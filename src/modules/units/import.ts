// `danchu units import <csv>`: code,name,level,parent_code,valid_from,valid_to,successor_code,note.
// A parent is looked up by code on the date the unit existed, a successor on the day after the
// unit ended (R-I1: codes are reused; 02143 was Lương Thượng and is now the new Xã Văn Lang).
// Re-importing the same file changes nothing; the whole file is one transaction and one audit entry.
import type { AppDeps } from '../../app-deps.js';
import { type AuditActor, appendAudit } from '../../platform/audit/audit.js';
import { fold } from '../../platform/search/fold.js';
import { indexDoc } from '../../platform/search/index.js';
import { unitByCode } from './units.repo.js';

export const LEVELS = ['province', 'district', 'commune', 'ward', 'town', 'special_zone', 'village', 'residential_group'] as const;
/** R-I2: the levels that ended when two-tier local government began (Law 72/2025/QH15, 01/07/2025). */
const TWO_TIER_FROM = '2025-07-01';
const ENDED_LEVELS: Record<string, string> = { district: 'Cấp huyện', town: 'Thị trấn' };
export type UnitRow = {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  validFrom: string;
  validTo: string;
  successorCode: string;
  note: string;
};

export class ImportError extends Error {}

export function parseUnitsCsv(text: string): UnitRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines
    .shift()
    ?.split(',')
    .map((h) => h.trim());
  const expected = ['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to', 'successor_code', 'note'];
  if (!header || expected.some((h, i) => header[i] !== h)) {
    throw new ImportError(`Dòng tiêu đề phải là: ${expected.join(',')}`);
  }
  return lines.map((line, i) => {
    const cells = splitCsvLine(line);
    const [code, name, level, parentCode, validFrom, validTo, successorCode, ...rest] = cells.map((c) => c.trim());
    const where = `dòng ${i + 2}`;
    if (!/^\d{2,5}$/.test(code ?? '')) throw new ImportError(`${where}: mã đơn vị "${code}" phải gồm 2 đến 5 chữ số.`);
    if (!name) throw new ImportError(`${where}: thiếu tên đơn vị.`);
    if (!(LEVELS as readonly string[]).includes(level ?? '')) throw new ImportError(`${where}: cấp "${level}" không hợp lệ (${LEVELS.join(', ')}).`);
    for (const d of [validFrom, validTo]) {
      if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new ImportError(`${where}: ngày "${d}" phải có dạng yyyy-mm-dd.`);
    }
    if (validFrom && validTo && validFrom > validTo) throw new ImportError(`${where}: valid_from sau valid_to.`);
    // R-I2 (Law 72/2025/QH15; UPDATES.md §1.4): from 01/07/2025 there is no district level and no thị
    // trấn (the commune level is xã, phường, đặc khu), so such a unit must have ended by 30/06/2025.
    const ended = ENDED_LEVELS[level!];
    if (ended && (!validTo || validTo >= TWO_TIER_FROM)) {
      throw new ImportError(
        `${where}: ${ended} không còn từ ngày 01/07/2025 (Luật 72/2025/QH15); đơn vị "${name}" phải có valid_to không muộn hơn 2025-06-30.`,
      );
    }
    return {
      code: code!,
      name: name.normalize('NFC'),
      level: level!,
      parentCode: parentCode ?? '',
      validFrom: validFrom ?? '',
      validTo: validTo ?? '',
      successorCode: successorCode ?? '',
      note: rest.join(','),
    };
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);

export async function importUnits(deps: AppDeps, rows: UnitRow[], actor: AuditActor | null, today: string) {
  return deps.db.transaction().execute(async (trx) => {
    let created = 0;
    let updated = 0;
    const ids: number[] = [];
    for (const r of rows) {
      const date = r.validTo || r.validFrom || today;
      const parent = r.parentCode ? await unitByCode(trx, r.parentCode, date) : undefined;
      if (r.parentCode && !parent) throw new ImportError(`${r.code} ${r.name}: không tìm thấy đơn vị cấp trên ${r.parentCode} vào ngày ${date}.`);
      const existing = await trx
        .selectFrom('units')
        .selectAll()
        .where('code', '=', r.code)
        .where((eb) => (r.validFrom ? eb('valid_from', '=', r.validFrom) : eb('valid_from', 'is', null)))
        .executeTakeFirst();
      const values = {
        name: r.name,
        name_folded: fold(r.name),
        level: r.level,
        parent_id: parent?.id ?? null,
        valid_to: r.validTo || null,
        note: r.note || null,
      };
      let id: number;
      if (existing) {
        id = existing.id;
        const same =
          existing.name === values.name &&
          existing.level === values.level &&
          existing.parent_id === values.parent_id &&
          existing.valid_to === values.valid_to &&
          (existing.note ?? null) === values.note;
        if (!same) {
          await trx
            .updateTable('units')
            .set({ ...values, path: `${parent?.path ?? '/'}${id}/` })
            .where('id', '=', id)
            .execute();
          updated++;
        }
      } else {
        const ins = await trx
          .insertInto('units')
          .values({ ...values, code: r.code, valid_from: r.validFrom || null, path: '/', is_demo: 0 })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = ins.id;
        await trx
          .updateTable('units')
          .set({ path: `${parent?.path ?? '/'}${id}/` })
          .where('id', '=', id)
          .execute();
        created++;
      }
      ids.push(id);
      await indexDoc(trx, { entityType: 'unit', entityId: String(id), unitId: id, title: r.name, text: r.code });
    }
    // Second pass: successors exist only once every row is in.
    for (const [i, r] of rows.entries()) {
      if (!r.successorCode || !r.validTo) continue;
      const succ = await unitByCode(trx, r.successorCode, dayAfter(r.validTo));
      if (!succ) throw new ImportError(`${r.code} ${r.name}: không tìm thấy đơn vị kế thừa ${r.successorCode} vào ngày ${dayAfter(r.validTo)}.`);
      await trx.updateTable('units').set({ successor_id: succ.id }).where('id', '=', ids[i]!).execute();
    }
    if (created || updated) {
      await appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
        action: 'units.import',
        entityType: 'unit_import',
        entityId: today,
        data: { created, updated, codes: rows.map((r) => r.code) },
      });
    }
    return { created, updated };
  });
}
