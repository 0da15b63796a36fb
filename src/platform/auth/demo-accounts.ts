// One demo account per role (README lists them). Officials share the demo password and a fixed TOTP
// secret, whose current code the sign-in page shows in demo mode only. Never created in production
// unless `danchu seed --demo` is run by hand.
import type { AppDeps } from '../../app-deps.js';
import { unitByCode } from '../../modules/units/units.repo.js';
import { appendAudit } from '../audit/audit.js';
import { hashPassword } from './password.js';
import type { Role } from './policy.js';

export const DEMO_PASSWORD = 'danchu-demo';
export const DEMO_TOTP_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
export const DEMO_RESIDENT_PHONE = '0912345678';

type DemoAccount = { username: string; name: string; role: Role; unit: string; village?: number; agency?: 'school' };

/** unit: a commune or province code on 01/07/2026; village: the commune's n-th demo village. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', name: 'Quản trị tỉnh Thái Nguyên', role: 'admin', unit: '19' },
  { username: 'hdnd', name: 'Đại biểu HĐND tỉnh (giám sát)', role: 'council_observer', unit: '19' },
  { username: 'canbo.nari', name: 'Hoàng Thị Lan (công chức xã Na Rì)', role: 'commune_official', unit: '02155' },
  { username: 'chutich.nari', name: 'Lương Văn Đồng (Chủ tịch UBND xã Na Rì)', role: 'commune_chairman', unit: '02155' },
  { username: 'mattran.nari', name: 'Nông Thị Hoa (Chủ tịch UBMTTQ xã Na Rì)', role: 'front_chairman', unit: '02155' },
  { username: 'ttnd.nari', name: 'Triệu Văn Sơn (Ban TTND xã Na Rì)', role: 'inspection_board_member', unit: '02155' },
  { username: 'gsdt.nari', name: 'Hà Thị Mai (Ban GSĐTCĐ xã Na Rì)', role: 'supervision_board_member', unit: '02155' },
  { username: 'canbo.vanlang', name: 'Lục Văn Hải (công chức xã Văn Lang)', role: 'commune_official', unit: '02143' },
  { username: 'canbo.xuanduong', name: 'Đàm Thị Hương (công chức xã Xuân Dương)', role: 'commune_official', unit: '02191' },
  { username: 'truongthon.xd', name: 'Bế Văn Tuấn (trưởng thôn)', role: 'village_head', unit: '02191', village: 1 },
  { username: 'bancongtac.xd', name: 'Ma Thị Thảo (trưởng ban công tác Mặt trận)', role: 'front_committee_head', unit: '02191', village: 1 },
  { username: 'hieutruong.nari', name: 'Nguyễn Văn Khánh (hiệu trưởng)', role: 'agency_head', unit: '02155', agency: 'school' },
  { username: 'giaovien.nari', name: 'Lường Thị Nhung (giáo viên)', role: 'agency_staff', unit: '02155', agency: 'school' },
  { username: 'congdoan.nari', name: 'Đinh Thị Quyên (chủ tịch công đoàn)', role: 'union_head', unit: '02155', agency: 'school' },
];

export async function seedDemoAccounts(deps: AppDeps): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  if (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst()) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const a of DEMO_ACCOUNTS) {
      const commune = await unitByCode(trx, a.unit, '2026-07-01');
      if (!commune) throw new Error(`demo unit ${a.unit} missing`);
      let unitId = commune.id;
      if (a.village) {
        const v = await trx
          .selectFrom('units')
          .select('id')
          .where('parent_id', '=', commune.id)
          .where('code', '=', `${a.unit}-${String(a.village).padStart(2, '0')}`)
          .executeTakeFirstOrThrow();
        unitId = v.id;
      }
      const agency = a.agency
        ? await trx.selectFrom('agencies').select('id').where('unit_id', '=', commune.id).where('kind', '=', a.agency).executeTakeFirstOrThrow()
        : null;
      const user = await trx
        .insertInto('users')
        .values({
          kind: 'official',
          username: a.username,
          display_name: a.name,
          password_hash: passwordHash,
          totp_secret: DEMO_TOTP_SECRET,
          created_at: now,
          is_demo: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('role_grants')
        .values({ user_id: user.id, role: a.role, unit_id: unitId, agency_id: agency?.id ?? null, granted_at: now })
        .execute();
    }
    // The demo resident: representative of the first household of Xuân Dương's first village.
    const village = await trx.selectFrom('units').select(['id', 'name']).where('code', '=', '02191-01').executeTakeFirstOrThrow();
    const rep = await trx
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select(['r.id', 'r.full_name'])
      .where('h.unit_id', '=', village.id)
      .where('h.code', '=', 'H001')
      .where('r.is_representative', '=', 1)
      .executeTakeFirstOrThrow();
    await trx.updateTable('residents').set({ phone: DEMO_RESIDENT_PHONE }).where('id', '=', rep.id).execute();
    const resident = await trx
      .insertInto('users')
      .values({ kind: 'resident', phone: DEMO_RESIDENT_PHONE, display_name: rep.full_name, resident_id: rep.id, created_at: now, is_demo: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const role of ['resident', 'household_representative'] as const) {
      await trx.insertInto('role_grants').values({ user_id: resident.id, role, unit_id: village.id, granted_at: now }).execute();
    }
    await appendAudit(trx, deps.dialect, deps.clock.now(), null, {
      action: 'accounts.seed_demo',
      entityType: 'user',
      entityId: 'demo',
      data: { accounts: DEMO_ACCOUNTS.length + 1 },
    });
  });
}
