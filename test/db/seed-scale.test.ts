// Issue 10 item 1: `danchu seed --scale` makes synthetic data that is deterministic from its seed,
// marked synthetic, refused in production, summarised in a verifying audit chain, and valid: the real
// pages and API read it as they read data written by the commands. A few communes here; the full
// province and the national fraction are measured in docs/scaling.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { seedScale } from '../../src/db/seed-scale.js';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { addDays } from '../../src/platform/calendar/calendar.js';
import { searchDocs } from '../../src/platform/search/index.js';
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

  it('every module has rows, households have 2–6 residents with one representative, and the rows keep the law', async () => {
    const db = one.deps.db;
    const count = async (table: string) =>
      Number(
        (
          await db
            .selectFrom(table as 'units')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tables = [
      'disclosures',
      'matters',
      'votes',
      'vote_ballots',
      'vote_attendance',
      'vote_counts',
      'feedback_items',
      'feedback_events',
      'consultations',
      'consultation_comments',
      'consultation_stances',
      'consultation_responses',
      'dialogues',
      'dialogue_questions',
      'village_conferences',
      'oversight_boards',
      'oversight_members',
      'oversight_plans',
      'oversight_recommendations',
      'oversight_projects',
      'covenants',
      'covenant_versions',
      'elections',
      'office_terms',
      'workplace_regulations',
      'workplace_staff_counts',
      'workplace_conferences',
      'monitoring_records',
      'search_docs',
      'outbox',
    ];
    const empty = [];
    for (const t of tables) if ((await count(t)) === 0) empty.push(t);
    expect(empty).toEqual([]);
    const sizes = await db
      .selectFrom('residents')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('is_representative').as('reps')])
      .groupBy('household_id')
      .execute();
    expect(sizes.every((h) => Number(h.n) >= 2 && Number(h.n) <= 6 && Number(h.reps) === 1)).toBe(true);
    // R-E1: a covenant is voted on after its 30 days of posting; R-A4: adopted by more than half of ALL households.
    const meetings = await db
      .selectFrom('covenants')
      .innerJoin('consultations', 'consultations.id', 'covenants.consultation_id')
      .innerJoin('votes', 'votes.matter_id', 'covenants.matter_id')
      .select(['consultations.opens_on', 'votes.vote_date', 'votes.households_total', 'votes.present', 'votes.id', 'votes.outcome'])
      .execute();
    expect(meetings.length).toBeGreaterThan(0);
    for (const m of meetings) {
      expect(m.vote_date >= addDays(m.opens_on!, 30)).toBe(true);
      const agree = await db.selectFrom('vote_counts').select('count').where('vote_id', '=', m.id).where('option_key', '=', 'agree').executeTakeFirstOrThrow();
      expect(agree.count > m.households_total! / 2).toBe(m.outcome === 'adopted');
      expect(await db.selectFrom('vote_attendance').select('household_id').where('vote_id', '=', m.id).execute()).toHaveLength(m.present!);
    }
    // R-F5: a recommendation answered after its 15-day due date is marked late, one in time is not.
    const recs = await db.selectFrom('oversight_recommendations').select(['sent_on', 'due_on', 'answered_on', 'late']).execute();
    expect(recs.every((x) => x.due_on >= addDays(x.sent_on, 15) && x.late === (x.answered_on! > x.due_on ? 1 : 0))).toBe(true);
    expect(new Set(recs.map((x) => x.late))).toEqual(new Set([0, 1]));
    const sent = await db.selectFrom('outbox').select(['status', 'recipient']).execute();
    expect(sent.every((m) => m.status === 'sent' && m.recipient.startsWith('v1.'))).toBe(true);
  });

  it("the modules' own pages and open data read the synthetic commune with non-zero figures", async () => {
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
      const html = async (url: string) => {
        const res = await app.inject({ url, headers: { accept: 'text/html' } });
        expect(res.statusCode, url).toBe(200);
        return res.body;
      };
      const json = async (url: string) => {
        const res = await app.inject({ url });
        expect(res.statusCode, url).toBe(200);
        return res.json();
      };
      const covenant = await db
        .selectFrom('covenants')
        .innerJoin('units', 'units.id', 'covenants.unit_id')
        .select(['covenants.id', 'covenants.title'])
        .where('units.parent_id', '=', commune.id)
        .where('origin', '=', 'proposed')
        .executeTakeFirstOrThrow();
      expect(await html(`/covenants/${covenant.id}`)).toContain(covenant.title);
      expect((await json(`/api/v1/covenants?unit=${commune.id}`)).items.length).toBeGreaterThan(0);
      const indicators = (await json(`/api/v1/indicators?unit=${commune.id}`)).items as { unit: { id: number }; value: number | null }[];
      expect(indicators.filter((i) => i.unit.id === commune.id && (i.value ?? 0) > 0).length).toBeGreaterThan(0);
      await html(`/monitoring/units/${commune.id}`);
      const regs = await json(`/api/v1/regulations?unit=${commune.id}`);
      expect(regs.inForce).toBeGreaterThan(0);
      const boards = (await json(`/api/v1/boards?unit=${commune.id}`)).items as { members: unknown[] }[];
      expect(boards.length).toBe(2);
      expect(boards.every((b) => b.members.length >= 5)).toBe(true);
      await html(`/units/${commune.id}/oversight`);
      const conferences = await json(`/api/v1/village-conferences?unit=${commune.id}`);
      expect(conferences.villages.length).toBeGreaterThan(0);
      expect(conferences.villages.every((v: { state: string }) => v.state === 'reported')).toBe(true);
      const consultation = await db
        .selectFrom('consultations')
        .select(['id', 'title'])
        .where('unit_id', '=', commune.id)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      expect(await html(`/consultations/${consultation.id}`)).toContain('Dự thảo');
      // An election the commune recognised: the public matter page names the elected head, whose term is on record.
      const term = await db
        .selectFrom('office_terms')
        .innerJoin('residents', 'residents.id', 'office_terms.resident_id')
        .select(['office_terms.matter_id', 'residents.full_name'])
        .executeTakeFirstOrThrow();
      const vote = await db.selectFrom('votes').select('id').where('matter_id', '=', term.matter_id).executeTakeFirstOrThrow();
      expect(await html(`/matters/${term.matter_id}`)).toContain(`/votes/${vote.id}`);
      expect(await html(`/votes/${vote.id}`)).toContain(term.full_name);
      const hits = await searchDocs(db, one.deps.dialect, 'Kiến nghị số 1', { entityType: 'feedback_item' });
      expect(hits.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
