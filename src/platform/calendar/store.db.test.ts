import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../../test/helpers.js';
import { loadOfficialDays } from './calendar.js';
import { addCalendarDay, ensureOfficialDays, workingCalendar } from './store.js';

describe('calendar in the database: official rows plus days an admin enters (R-I3)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb({ seed: 'base' });
  });
  afterAll(() => t.drop());

  it('the official days are seeded once; seeding again adds nothing', async () => {
    expect((await t.deps.db.selectFrom('calendar_days').select('id').execute()).length).toBe(loadOfficialDays().length);
    expect(await ensureOfficialDays(t.deps.db)).toBe(0);
  });

  it('R-I3: 24/11/2026 (Culture Day, Resolution 28/2026/QH16) is not a working day; 5 working days from Fri 20/11/2026 end Mon 30/11', async () => {
    const cal = await workingCalendar(t.deps);
    expect(cal.isWorkingDay('2026-11-24')).toBe(false);
    expect(cal.addWorkingDays('2026-11-20', 5)).toBe('2026-11-30');
  });

  it("the seeded provisional 2027 rows take the bundle's current (Vietnamese) wording; admin rows are kept", async () => {
    const db = t.deps.db;
    await db.updateTable('calendar_days').set({ source_doc: 'statutory date' }).where('date', '=', '2027-04-30').execute();
    expect(await ensureOfficialDays(db)).toBe(0);
    const row = await db.selectFrom('calendar_days').select('source_doc').where('date', '=', '2027-04-30').executeTakeFirstOrThrow();
    expect(row.source_doc).toBe('ngày theo luật');
  });

  it("R-I3: an admin's entry from the year's notice moves the deadlines: 1/9/2027 as the adjacent day replaces the fallback's 3/9", async () => {
    const before = await workingCalendar(t.deps);
    expect(before.isWorkingDay('2027-09-01')).toBe(true);
    expect(before.isWorkingDay('2027-09-03')).toBe(false); // statutory fallback (Labour Code Art 112(1))
    await addCalendarDay(
      t.deps,
      { userId: null, label: 'test' },
      {
        date: '2027-09-01',
        kind: 'holiday',
        occasion: 'Quốc khánh',
        audience: 'all',
        legalBasis: 'Labour Code Art 112(1)',
        sourceDoc: 'thông báo 2027',
        provisional: false,
      },
    );
    const after = await workingCalendar(t.deps);
    expect(after.isWorkingDay('2027-09-01')).toBe(false);
    expect(after.isWorkingDay('2027-09-03')).toBe(true);
    expect(after.addWorkingDays('2027-08-31', 1)).toBe('2027-09-03');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'calendar.add_day').execute();
    expect(audit.length).toBe(1);
  });
});
