// `danchu seed --scale province|national [--seed N] [--provinces K]` (issue 10 item 1): synthetic
// units, households of 2–6 residents, and activity in every module (one part per module group in
// ./seed-scale/), for benchmarks and capacity planning. Deterministic
// from the seed. Fast: rows go in by multi-row inserts, one transaction per commune, instead of one use
// case per row; the rows are those the commands write (same columns, same states), but the audit
// chain gets ONE summary entry per commune ('seed.synthetic', with the counts) instead of one per row.
// Synthetic: every unit code starts with "SYN", units, households and agencies carry is_demo = 1 and
// the note 'synthetic', and the command refuses to run in production (NODE_ENV=production).
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps.js';
import { FAMILY, personName, rng } from '../modules/units/demo.js';
import { appendAudit } from '../platform/audit/audit.js';
import { workingCalendar } from '../platform/calendar/store.js';
import { fold } from '../platform/search/fold.js';
import { indexDoc } from '../platform/search/index.js';
import type { Conn } from './index.js';
import { seedBase } from './seed.js';
import { addCounts, seedActivity } from './seed-scale/activity.js';
import type { Counts, Household } from './seed-scale/common.js';

export type ScaleName = 'province' | 'national';
/** Targets of issue 10: a province of 92 communes, ~2,000 villages, ~300,000 households; the nation of
 * 34 provinces, 3,321 communes, ~100,000 villages, ~26,000,000 households. */
export const SCALES: Record<ScaleName, { provinces: number; communes: number; villages: number; households: number }> = {
  province: { provinces: 1, communes: 92, villages: 2_000, households: 300_000 },
  national: { provinces: 34, communes: 3_321, villages: 100_000, households: 26_000_000 },
};
export const SYNTHETIC = 'synthetic';
/** Rows per insert statement: SQLite binds at most 32,766 parameters per statement. */
const CHUNK = 2_000;

export type ScaleOptions = {
  scale: ScaleName;
  seed: number;
  /** Generate only the first K provinces: a measured fraction of the national scale. */
  provinces?: number;
  /** Stop after this many communes (tests). */
  communes?: number;
  log?: (s: string) => void;
};
export type ScaleReport = { provinces: number; communes: number; villages: number; households: number; residents: number; activity: Counts; ms: number };

export async function seedScale(deps: AppDeps, o: ScaleOptions): Promise<ScaleReport> {
  if (deps.config.env === 'production') throw new Error('seed --scale writes synthetic data: refused in production.');
  const started = Date.now();
  const target = SCALES[o.scale];
  const r = rng(o.seed);
  await seedBase(deps);
  const taken = await deps.db.selectFrom('units').select('id').where('code', 'like', 'SYN%').limit(1).executeTakeFirst();
  if (taken) throw new Error('Synthetic data is already present: seed --scale into a new database.');
  const report: ScaleReport = { provinces: 0, communes: 0, villages: 0, households: 0, residents: 0, activity: {}, ms: 0 };
  const provinces = Math.min(o.provinces ?? target.provinces, target.provinces);
  const communesPer = target.communes / target.provinces;
  const villagesPer = target.villages / target.communes;
  const householdsPer = target.households / target.villages;
  const today = new Date(deps.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const calendar = await workingCalendar(deps);
  let communeNo = 0;
  for (let p = 0; p < provinces; p++) {
    const pcode = `SYN${String(p + 1).padStart(2, '0')}`;
    const pname = `Tỉnh Tổng Hợp ${p + 1}`;
    const province = await deps.db.transaction().execute(async (trx) => {
      const u = await insertUnit(trx, { code: pcode, name: pname, level: 'province', parentId: null, parentPath: '/' });
      await indexDoc(trx, { entityType: 'unit', entityId: String(u.id), unitId: u.id, title: pname });
      return u;
    });
    report.provinces++;
    // Communes of this province: an even share of the national count, the last province takes the rest.
    const count = p === target.provinces - 1 ? target.communes - communeNo : Math.round(communesPer * (p + 1)) - Math.round(communesPer * p);
    for (let c = 0; c < count && communeNo < (o.communes ?? Number.POSITIVE_INFINITY); c++, communeNo++) {
      const villages = Math.max(1, Math.round(villagesPer * (0.7 + 0.6 * r.next())));
      await deps.db.transaction().execute(async (trx) => {
        const name = `Xã Tổng Hợp ${communeNo + 1}`;
        const commune = await insertUnit(trx, {
          code: `${pcode}-${String(c + 1).padStart(4, '0')}`,
          name,
          level: 'commune',
          parentId: province.id,
          parentPath: province.path,
        });
        await indexDoc(trx, { entityType: 'unit', entityId: String(commune.id), unitId: commune.id, title: name, text: pname });
        const villageRows = Array.from({ length: villages }, (_, v) => {
          const vname = `Thôn ${v + 1} ${name.replace('Xã ', '')}`;
          return {
            code: `${commune.code}-${String(v + 1).padStart(3, '0')}`,
            name: vname,
            name_folded: fold(vname),
            level: 'village',
            parent_id: commune.id,
            valid_from: '2026-07-01',
            path: '/',
            is_demo: 1,
            note: SYNTHETIC,
          };
        });
        const vids: { id: number; name: string }[] = [];
        for (let i = 0; i < villageRows.length; i += CHUNK)
          vids.push(
            ...(await trx
              .insertInto('units')
              .values(villageRows.slice(i, i + CHUNK))
              .returning(['id', 'name'])
              .execute()),
          );
        await sql`update units set path = ${commune.path} || cast(id as text) || '/' where parent_id = ${commune.id}`.execute(trx);
        for (const v of vids) await indexDoc(trx, { entityType: 'unit', entityId: String(v.id), unitId: v.id, title: v.name, text: name });
        const households: Household[] = [];
        for (const v of vids) {
          const n = Math.max(5, Math.round(householdsPer * (0.6 + 0.8 * r.next())));
          const rows = await trx
            .insertInto('households')
            .values(
              Array.from({ length: n }, (_, h) => ({
                unit_id: v.id,
                code: `H${String(h + 1).padStart(4, '0')}`,
                address: `${v.name}, ${name}`,
                is_demo: 1,
                valid_from: '2026-07-01',
              })),
            )
            .returning('id')
            .execute();
          // A household of 2–6 residents (the residents table, Decree 59/2023 Art 4): the head is its
          // representative, who casts the household's vote; spouse and children are members.
          const members = rows.flatMap((hh) => {
            const family = r.pick(FAMILY);
            return Array.from({ length: r.int(2, 6) }, (_, m) => {
              const gender = m === 1 ? 'nữ' : r.next() < 0.5 ? 'nam' : 'nữ';
              return {
                household_id: hh.id,
                full_name: personName(r, gender, m === 1 ? undefined : family),
                birth_year: m === 0 ? r.int(1950, 1995) : m === 1 ? r.int(1955, 1998) : r.int(1990, 2022),
                gender,
                phone: null,
                relation: m === 0 ? 'chủ hộ' : m === 1 ? 'vợ/chồng' : 'con',
                is_representative: m === 0 ? 1 : 0,
              };
            });
          });
          const ids: { id: number; rep: number }[] = [];
          for (let i = 0; i < members.length; i += CHUNK)
            ids.push(
              ...(await trx
                .insertInto('residents')
                .values(members.slice(i, i + CHUNK))
                .returning(['id', 'is_representative as rep'])
                .execute()),
            );
          report.residents += ids.length;
          const reps = ids.filter((x) => x.rep === 1);
          for (const [i, hh] of rows.entries()) households.push({ id: hh.id, unitId: v.id, representative: reps[i]!.id });
        }
        const activity = await seedActivity(trx, deps, r, { commune, villages: vids, households, today, calendar });
        // One audit entry per commune stands for all the rows above (see the head of this file).
        await appendAudit(trx, deps.dialect, deps.clock.now(), null, {
          action: 'seed.synthetic',
          entityType: 'unit',
          entityId: commune.id,
          unitId: commune.id,
          data: { seed: o.seed, villages: vids.length, households: households.length, ...activity },
        });
        report.villages += vids.length;
        report.households += households.length;
        addCounts(report.activity, activity);
      });
      report.communes++;
      if (report.communes % 10 === 0) o.log?.(`${report.communes} communes, ${report.households} households, ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }
  report.ms = Date.now() - started;
  return report;
}

async function insertUnit(trx: Conn, u: { code: string; name: string; level: string; parentId: number | null; parentPath: string }) {
  const row = await trx
    .insertInto('units')
    .values({
      code: u.code,
      name: u.name,
      name_folded: fold(u.name),
      level: u.level,
      parent_id: u.parentId,
      valid_from: '2026-07-01',
      path: '/',
      is_demo: 1,
      note: SYNTHETIC,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${u.parentPath}${row.id}/`;
  await trx.updateTable('units').set({ path }).where('id', '=', row.id).execute();
  return { id: row.id, code: u.code, name: u.name, path };
}
