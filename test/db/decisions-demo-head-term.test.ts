// The demo village head's term (R-B4; Decree 59/2023 Art 8; Law 10/2022 Art 21(2)): after
// `danchu seed --demo`, Bế Văn Tuấn (truongthon.xd), head of Xuân Dương's first village, holds a term
// recorded by the commune, current today and of the province's length (60 months,
// src/law/province-profile.ts), linked to his one village_head grant; the elections pages show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceProfile } from '../../src/law/province-profile.js';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { addMonths } from '../../src/platform/calendar/periods.js';
import { fixedClock } from '../../src/platform/clock.js';
import { formatDate } from '../../src/platform/i18n/index.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { signIn } from './sign-in-helper.js';

const TODAY = '2026-12-08';
const clock = fixedClock('2026-12-08T03:00:00Z'); // Tue 08/12/2026, 10:00 in Vietnam
let s: TestServer;
const db = () => s.deps.db;

beforeAll(async () => {
  s = await startTestServer({ seed: 'demo', clock });
});
afterAll(() => s.close());

describe('R-B4 the demo village head has a current term (Decree 59/2023 Art 8)', () => {
  it('R-B4: Bế Văn Tuấn’s term is current today, ends 60 months after recognition, and carries his one village_head grant', async () => {
    const v1 = await db().selectFrom('units').selectAll().where('code', '=', '02191-01').executeTakeFirstOrThrow();
    const head = await db().selectFrom('users').select('id').where('username', '=', 'truongthon.xd').executeTakeFirstOrThrow();
    const grants = await db()
      .selectFrom('role_grants')
      .select('id')
      .where('role', '=', 'village_head')
      .where('unit_id', '=', v1.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(grants).toHaveLength(1);
    const mine = await db().selectFrom('role_grants').select('id').where('user_id', '=', head.id).where('role', '=', 'village_head').execute();
    expect(mine.map((g) => g.id)).toEqual(grants.map((g) => g.id));
    const terms = await db()
      .selectFrom('office_terms as o')
      .innerJoin('residents as r', 'r.id', 'o.resident_id')
      .selectAll('o')
      .select('r.full_name')
      .where('o.unit_id', '=', v1.id)
      .where('o.position', '=', 'village_head')
      .execute();
    expect(terms).toHaveLength(1);
    const term = terms[0]!;
    expect(term).toMatchObject({ full_name: 'Bế Văn Tuấn', user_id: head.id, grant_id: grants[0]!.id, interim: 0, ended_on: null });
    expect(term.starts_on < TODAY).toBe(true);
    expect(term.ends_on).toBe(addMonths(term.starts_on, provinceProfile(null).villageHeadTermMonths));
    expect((term.ends_on as string) > TODAY).toBe(true);
    expect((await verifyAudit(db())).ok).toBe(true);
  });

  it('R-B4 (page): the village’s and the commune’s elections pages show his term with its end date', async () => {
    const v1 = await db().selectFrom('units').selectAll().where('code', '=', '02191-01').executeTakeFirstOrThrow();
    const term = await db().selectFrom('office_terms').selectAll().where('unit_id', '=', v1.id).executeTakeFirstOrThrow();
    const line = `${formatDate(term.starts_on)} – ${formatDate(term.ends_on as string)}`;
    const official = await signIn(s.url, 'canbo.xuanduong', clock);
    for (const id of [v1.id, v1.parent_id as number]) {
      const page = await official.get(`/units/${id}/elections`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('Chưa có nhiệm kỳ nào được ghi nhận');
      const row = page.text.match(new RegExp(`<tr[^>]*data-term="${term.id}"[\\s\\S]*?</tr>`))?.[0] ?? '';
      expect(row).toContain('Bế Văn Tuấn');
      expect(row).toContain(line);
      expect(row).not.toContain('hết nhiệm kỳ');
    }
    const head = await signIn(s.url, 'truongthon.xd', clock);
    const own = await head.get(`/units/${v1.id}/elections`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Bế Văn Tuấn');
    expect(own.text).toContain(line);
  });
});
