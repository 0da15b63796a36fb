import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../../test/helpers.js';
import { searchDocs } from '../../platform/search/index.js';
import { ImportError, importUnits, parseUnitsCsv } from './import.js';
import { NA_RI_UNITS_CSV } from './na-ri-units.js';
import { childrenOn, predecessorsOf, unitByCode, unitById } from './units.repo.js';

describe('administrative units with history (R-I1, R-I2)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb({ seed: 'base' });
  });
  afterAll(() => t.drop());

  it('R-I1: a reused code is looked up on a date: 02155 is Thị trấn Yến Lạc until 30/06/2025 and Xã Na Rì from 01/07/2025', async () => {
    expect((await unitByCode(t.deps.db, '02155', '2025-06-30'))?.name).toBe('Thị trấn Yến Lạc');
    expect((await unitByCode(t.deps.db, '02155', '2025-07-01'))?.name).toBe('Xã Na Rì');
  });

  it('R-I1: the new Xã Văn Lang carries 02143, the old code of Lương Thượng; the old Văn Lang (02140) became it', async () => {
    const newVanLang = await unitByCode(t.deps.db, '02143', '2025-07-01');
    expect(newVanLang?.name).toBe('Xã Văn Lang');
    expect((await unitByCode(t.deps.db, '02143', '2025-06-30'))?.name).toBe('Xã Lương Thượng');
    const oldVanLang = await unitByCode(t.deps.db, '02140', '2025-06-30');
    expect(oldVanLang?.successor_id).toBe(newVanLang?.id);
    expect(await unitByCode(t.deps.db, '02140', '2025-07-01')).toBeUndefined();
  });

  it('Xã Xuân Dương (02191) was formed from Đổng Xá, Liêm Thủy and Xuân Dương', async () => {
    const xd = await unitByCode(t.deps.db, '02191', '2026-01-01');
    const names = (await predecessorsOf(t.deps.db, xd!.id)).map((u) => u.name).sort();
    expect(names).toEqual(['Xã Liêm Thủy', 'Xã Xuân Dương', 'Xã Đổng Xá'].sort());
  });

  it('R-I2: no district tier on or after 01/07/2025: new communes sit under the province, old ones under Huyện Na Rì', async () => {
    const naRi = await unitByCode(t.deps.db, '02155', '2025-07-01');
    expect((await unitById(t.deps.db, naRi!.parent_id!))?.code).toBe('19');
    const yenLac = await unitByCode(t.deps.db, '02155', '2025-06-30');
    expect((await unitById(t.deps.db, yenLac!.parent_id!))?.name).toBe('Huyện Na Rì');
    expect(await unitByCode(t.deps.db, '066', '2025-07-01')).toBeUndefined();
    const district = await unitByCode(t.deps.db, '066', '2025-06-30');
    expect((await childrenOn(t.deps.db, district!.id, '2025-06-30')).length).toBe(17);
  });

  it('R-I2 (Law 72/2025/QH15): a district or a thị trấn valid on or after 01/07/2025 is refused with its line and a reason', async () => {
    const head = 'code,name,level,parent_code,valid_from,valid_to,successor_code,note\n';
    expect(() => parseUnitsCsv(`${head}066,Huyện Na Rì,district,06,,2025-06-30,,\n067,Huyện Mới,district,06,2025-08-01,,,`)).toThrow(
      /^dòng 3: Cấp huyện không còn từ ngày 01\/07\/2025 \(Luật 72\/2025\/QH15\); đơn vị "Huyện Mới"/,
    );
    expect(() => parseUnitsCsv(`${head}02999,Thị trấn Mới,town,06,2025-08-01,,,`)).toThrow(/^dòng 2: Thị trấn không còn từ ngày 01\/07\/2025/);
    expect(() => parseUnitsCsv(`${head}02998,Thị trấn Cũ,town,066,,2025-07-01,,`)).toThrow(/dòng 2: Thị trấn/);
    expect(() => parseUnitsCsv(`${head}02997,Thị trấn Cũ,town,066,,,,`)).toThrow(/dòng 2: Thị trấn/);
    // Ended by 30/06/2025: history, accepted (02155 was Thị trấn Yến Lạc until then).
    expect(parseUnitsCsv(`${head}02155,Thị trấn Yến Lạc,town,066,,2025-06-30,02155,`)).toHaveLength(1);
  });

  it('re-importing the same file changes nothing and writes no audit entry', async () => {
    const before = await t.deps.db.selectFrom('audit_log').select('seq').execute();
    const r = await importUnits(t.deps, parseUnitsCsv(NA_RI_UNITS_CSV), null, '2026-11-25');
    expect(r).toEqual({ created: 0, updated: 0 });
    expect((await t.deps.db.selectFrom('audit_log').select('seq').execute()).length).toBe(before.length);
  });

  it('a bad file is refused whole with the line named, and nothing is written', async () => {
    const count = async () => (await t.deps.db.selectFrom('units').select('id').execute()).length;
    const n = await count();
    expect(() => parseUnitsCsv('code,name,level,parent_code,valid_from,valid_to,successor_code,note\n123456,X,commune,19,,,,')).toThrow(/dòng 2.*123456/);
    expect(() => parseUnitsCsv('code,name\n1,2')).toThrow(ImportError);
    const rows = parseUnitsCsv(
      'code,name,level,parent_code,valid_from,valid_to,successor_code,note\n02999,Xã Mới,commune,19,2026-07-01,,,\n03000,Xã Lạc,commune,77,2026-07-01,,,',
    );
    await expect(importUnits(t.deps, rows, null, '2026-11-25')).rejects.toThrow(/03000.*77/);
    expect(await count()).toBe(n);
  });

  it('search ignores diacritics: "dong xa" finds Xã Đổng Xá; "LIEM THUY" finds Xã Liêm Thủy', async () => {
    const hits = await searchDocs(t.deps.db, t.deps.dialect, 'dong xa', { entityType: 'unit' });
    expect(hits.map((h) => h.title)).toContain('Xã Đổng Xá');
    const hits2 = await searchDocs(t.deps.db, t.deps.dialect, 'LIEM THUY');
    expect(hits2.map((h) => h.title)).toEqual(['Xã Liêm Thủy']);
    expect(await searchDocs(t.deps.db, t.deps.dialect, '  ')).toEqual([]);
    // prefix: "xuan d" finds Xuân Dương
    expect((await searchDocs(t.deps.db, t.deps.dialect, 'xuan d')).map((h) => h.title)).toContain('Xã Xuân Dương');
  });
});
