// `danchu seed`: the real data every deployment needs (the official calendar, the Na Rì units);
// `--demo` adds each module's demo data, in the order of src/modules/index.ts.
import type { AppDeps } from '../app-deps.js';
import { modules } from '../modules/index.js';
import { importUnits, parseUnitsCsv } from '../modules/units/import.js';
import { NA_RI_UNITS_CSV } from '../modules/units/na-ri-units.js';
import { seedDemoAccounts } from '../platform/auth/demo-accounts.js';
import { todayInVietnam } from '../platform/calendar/calendar.js';
import { ensureOfficialDays } from '../platform/calendar/store.js';

export async function seedBase(deps: AppDeps): Promise<void> {
  await ensureOfficialDays(deps.db);
  await importUnits(deps, parseUnitsCsv(NA_RI_UNITS_CSV), null, todayInVietnam(deps.clock.now()));
}

export async function seedDemo(deps: AppDeps): Promise<void> {
  await seedBase(deps);
  const [first, ...rest] = modules;
  // Units come first (villages, households, agencies); accounts need them; other modules need both.
  await first?.seedDemo?.(deps);
  await seedDemoAccounts(deps);
  for (const m of rest) await m.seedDemo?.(deps);
}

export async function isEmpty(deps: AppDeps): Promise<boolean> {
  return !(await deps.db.selectFrom('units').select('id').limit(1).executeTakeFirst());
}
