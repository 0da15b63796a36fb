// Issue 10 item 1: `danchu seed --scale` makes synthetic data that is deterministic from its seed,
// marked synthetic, refused in production, summarised in a verifying audit chain, and valid: the real
// pages and API read it as they read data written by the commands. A few communes here; the full
// province and the national fraction are measured in docs/scaling.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { seedScale } from '../../src/db/seed-scale.js';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { makeTestDb, type TestDb } from '../helpers.js';

let one: TestDb;
let two: TestDb;
let other: TestDb;

beforeAll(async () => {
  [one, two, other] = await Promise.all([makeTestDb({ seed: 'none' }), makeTestDb({ seed: 'none' }), makeTestDb({ seed: 'none' })]);
  await seedScale(one.deps, { scale: 'province', seed: 5, communes: 3 });
  await seedScale(two.deps, { scale: 'province', seed: 5, communes: 3 });
  await seedScale(other.deps, { scale: 'province', seed: 6, communes: 3 });
}, 120_000);
afterAll(async () => {
  await Promise.all([one?.drop(), two?.drop(), other?.drop()]);
});

/** What the seed decides: names, codes, sizes, the feedback items' tracking codes, the ballots' choices. */
async function fingerprint(t: TestDb) {
  const db = t.deps.db;
  return {
    units: await db.selectFrom('units').select(['code', 'name', 'level']).where('code', 'like', 'SYN%').orderBy('code').execute(),
    households: await db.selectFrom('households').select(['code', 'address']).orderBy('id').execute(),
    residents: await db.selectFrom('residents').select(['full_name', 'birth_year']).orderBy('id').execute(),
    feedback: await db.selectFrom('feedback_items').select(['tracking_code', 'kind', 'status']).orderBy('id').execute(),
    ballots: await db.selectFrom('vote_ballots').select(['option_key']).orderBy('receipt_hash').execute(),
  };
}

describe('seed --scale (issue 10 item 1)', () => {
  it('the same seed gives the same data; another seed other data', async () => {
    const [a, b, c] = await Promise.all([fingerprint(one), fingerprint(two), fingerprint(other)]);
    expect(a.households.length).toBeGreaterThan(3 * 10 * 50);
    expect(b).toEqual(a);
    expect(c.feedback.map((f) => f.tracking_code)).not.toEqual(a.feedback.map((f) => f.tracking_code));
  });

  it('every synthetic unit and household is marked; one audit entry per commune; the chain verifies', async () => {
    const db = one.deps.db;
    const units = await db.selectFrom('units').select(['is_demo', 'note', 'level']).where('code', 'like', 'SYN%').execute();
    expect(units.every((u) => u.is_demo === 1 && u.note === 'synthetic')).toBe(true);
    expect(units.filter((u) => u.level === 'commune')).toHaveLength(3);
    const unmarked = await db.selectFrom('households').select('id').where('is_demo', '=', 0).execute();
    expect(unmarked).toEqual([]);
    const entries = await db.selectFrom('audit_log').select('data').where('action', '=', 'seed.synthetic').execute();
    expect(entries).toHaveLength(3);
    expect(JSON.parse(entries[0]!.data)).toMatchObject({ seed: 5 });
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('refuses production, and a second run into the same database', async () => {
    await expect(seedScale({ ...one.deps, config: { ...one.deps.config, env: 'production' } }, { scale: 'province', seed: 5, communes: 1 })).rejects.toThrow(
      /production/,
    );
    await expect(seedScale(one.deps, { scale: 'province', seed: 5, communes: 1 })).rejects.toThrow(/already present/);
  });

  it('the pages and the API read the synthetic rows as they read those of the commands', async () => {
    const db = one.deps.db;
    const app = await createApp(one.deps);
    try {
      const commune = await db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('level', '=', 'commune')
        .where('code', 'like', 'SYN%')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const page = await app.inject({ url: `/units/${commune.id}`, headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(commune.name);
      const item = await db.selectFrom('feedback_items').select('tracking_code').where('commune_id', '=', commune.id).executeTakeFirstOrThrow();
      const tracked = await app.inject({ url: `/api/v1/feedback/${item.tracking_code}` });
      expect(tracked.statusCode).toBe(200);
      expect(tracked.json().commune.name).toBe(commune.name);
      const vote = await db.selectFrom('votes').select('id').executeTakeFirstOrThrow();
      expect((await app.inject({ url: `/votes/${vote.id}`, headers: { accept: 'text/html' } })).statusCode).toBe(200);
      const disclosures = await app.inject({ url: `/units/${commune.id}/disclosures`, headers: { accept: 'text/html' } });
      expect(disclosures.statusCode).toBe(200);
      expect(disclosures.body).toContain(`Công khai số 1/`);
    } finally {
      await app.close();
    }
  });
});
