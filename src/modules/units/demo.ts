// Demo villages, households and agencies for the six communes of the former Na Rì district. Every
// row is marked is_demo and every name is invented; a fixed random seed makes the demo the same on
// every machine, so the README and the browser tests can name a village.
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { fold } from '../../platform/search/fold.js';
import { indexDoc } from '../../platform/search/index.js';
import { childrenOn, unitByCode } from './units.repo.js';

export const NEW_COMMUNE_CODES = ['02155', '02143', '02152', '02176', '02185', '02191'];

// 72 invented names (6 communes × at most 12 villages), so no commune has two alike.
const VILLAGE_NAMES = [
  'Nà Cà',
  'Pác Cáp',
  'Bản Đính',
  'Khuổi Lùng',
  'Nà Làng',
  'Pò Nim',
  'Cốc Phấy',
  'Nà Ngằn',
  'Bản Khét',
  'Phiêng Luông',
  'Khau Ràng',
  'Nà Pài',
  'Lủng Vài',
  'Nà Dài',
  'Bản Cháo',
  'Khuổi Slẻ',
  'Nà Mòn',
  'Pàn Xả',
  'Bản Chang',
  'Nà Hin',
  'Cốc Lải',
  'Thôm Khang',
  'Nà Khon',
  'Bản Lạ',
  'Pác Dài',
  'Nặm Dất',
  'Nà Lẹng',
  'Khuổi Hóp',
  'Bản Pài',
  'Nà Slải',
  'Pác Ban',
  'Cốc Sâu',
  'Nà Tồng',
  'Khuổi Mạn',
  'Bản Lài',
  'Nà Pán',
  'Phja Khao',
  'Cốc Mòn',
  'Nà Giàng',
  'Bản Mới',
  'Khuổi Dạ',
  'Nà Bó',
  'Pác Nghè',
  'Lủng Pảng',
  'Nà Đon',
  'Bản Quân',
  'Khau Pái',
  'Nà Chả',
  'Cốc Pục',
  'Nà Lạn',
  'Bản Tàm',
  'Khuổi Tích',
  'Nà Rầy',
  'Pác Thẳm',
  'Nà Hang',
  'Bản Vèn',
  'Khuổi Chè',
  'Nà Mực',
  'Cốc Khuyết',
  'Nà Vài',
  'Bản Nhàm',
  'Khuổi Nà',
  'Pàn Bó',
  'Nà Tàm',
  'Lủng Lầu',
  'Bản Sáng',
  'Nà Quang',
  'Khau Cà',
  'Nà Mầm',
  'Cốc Đứa',
  'Bản Pjạc',
  'Nà Phai',
];
export const FAMILY = ['Hoàng', 'Lương', 'Nông', 'Triệu', 'Hà', 'Lục', 'Đàm', 'Nguyễn', 'Lường', 'Đinh', 'Ma', 'Bế'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Thanh'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim'];
const GIVEN_M = ['Đồng', 'Sơn', 'Lâm', 'Hải', 'Tuấn', 'Cường', 'Thắng', 'Phúc', 'Dũng', 'Nam', 'Khánh', 'Hùng'];
const GIVEN_F = ['Hoa', 'Lan', 'Mai', 'Hương', 'Thảo', 'Nhung', 'Quyên', 'Dung', 'Xuân', 'Hạnh', 'Liên', 'Thủy'];

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T,
  };
}

export function personName(r: ReturnType<typeof rng>, gender: 'nam' | 'nữ', family?: string): string {
  const fam = family ?? r.pick(FAMILY);
  return gender === 'nam' ? `${fam} ${r.pick(MIDDLE_M)} ${r.pick(GIVEN_M)}` : `${fam} ${r.pick(MIDDLE_F)} ${r.pick(GIVEN_F)}`;
}

export async function seedDemoUnits(deps: AppDeps): Promise<void> {
  const r = rng(20241210);
  const now = deps.clock.now();
  const from = '2026-07-01'; // villages were re-formed nationwide from 1 Jul 2026 (UPDATES.md §0.5)
  await deps.db.transaction().execute(async (trx) => {
    let villages = 0;
    let households = 0;
    let nameIdx = 0;
    for (const code of NEW_COMMUNE_CODES) {
      const commune = await unitByCode(trx, code, '2026-07-01');
      if (!commune) throw new Error(`commune ${code} missing: import the real units first`);
      if ((await childrenOn(trx, commune.id, null)).length > 0) continue; // already seeded
      const count = r.int(6, 12);
      for (let v = 0; v < count; v++) {
        const name = `Thôn ${VILLAGE_NAMES[nameIdx++ % VILLAGE_NAMES.length]}`;
        const vcode = `${code}-${String(v + 1).padStart(2, '0')}`;
        const ins = await trx
          .insertInto('units')
          .values({
            code: vcode,
            name,
            name_folded: fold(name),
            level: 'village',
            parent_id: commune.id,
            valid_from: from,
            path: '/',
            is_demo: 1,
            note: 'demo',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('units')
          .set({ path: `${commune.path}${ins.id}/` })
          .where('id', '=', ins.id)
          .execute();
        await indexDoc(trx, { entityType: 'unit', entityId: String(ins.id), unitId: ins.id, title: name, text: commune.name });
        villages++;
        const hhCount = r.int(20, 200);
        // One insert per village for households and one for their members: seeding stays quick on
        // PostgreSQL too, where each round trip costs.
        const hhRows = await trx
          .insertInto('households')
          .values(
            Array.from({ length: hhCount }, (_, h) => ({
              unit_id: ins.id,
              code: `H${String(h + 1).padStart(3, '0')}`,
              address: `${name}, ${commune.name}`,
              is_demo: 1,
            })),
          )
          .returning(['id', 'code'])
          .execute();
        households += hhRows.length;
        const members = hhRows
          .sort((a, b) => a.code.localeCompare(b.code))
          .flatMap((hh) => {
            const family = r.pick(FAMILY);
            return Array.from({ length: r.int(1, 6) }, (_, m) => {
              const gender = m === 1 ? 'nữ' : r.next() < 0.5 ? 'nam' : 'nữ';
              return {
                household_id: hh.id,
                full_name: personName(r, gender, m === 1 ? undefined : family),
                birth_year: m === 0 ? r.int(1950, 1995) : m === 1 ? r.int(1955, 1998) : r.int(1990, 2022),
                gender,
                phone: m === 0 ? `09${String(r.int(10000000, 99999999))}` : null,
                relation: m === 0 ? 'chủ hộ' : m === 1 ? 'vợ/chồng' : 'con',
                is_representative: m === 0 ? 1 : 0,
              };
            });
          });
        // SQLite allows 32766 bound parameters per statement: insert in chunks.
        for (let i = 0; i < members.length; i += 2000)
          await trx
            .insertInto('residents')
            .values(members.slice(i, i + 2000))
            .execute();
      }
      const agencies = [
        { name: `Văn phòng HĐND và UBND ${commune.name}`, kind: 'peoples_committee' },
        { name: `Trường Tiểu học và THCS ${commune.name.replace('Xã ', '')}`, kind: 'school' },
        { name: `Trạm Y tế ${commune.name}`, kind: 'health_station' },
      ];
      await trx
        .insertInto('agencies')
        .values(agencies.map((a) => ({ ...a, unit_id: commune.id, is_demo: 1 })))
        .execute();
    }
    if (villages) {
      await appendAudit(trx, deps.dialect, now, null, {
        action: 'units.seed_demo',
        entityType: 'unit_import',
        entityId: 'demo',
        data: { villages, households },
      });
    }
  });
}
