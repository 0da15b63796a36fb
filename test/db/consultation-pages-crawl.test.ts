// Every consultation page of the demo, for eight kinds of user (one in English): no server error, drafts and agency
// consultations only for those allowed, names of commenters only for commune officials (Art 9(2)).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, type TestServer } from '../helpers.js';
import { official, setup, signInResident } from './consultation-helpers.js';

let s: TestServer;
let clock: Awaited<ReturnType<typeof setup>>['clock'];
let naRi: number;
beforeAll(async () => {
  const x = await setup();
  [s, clock, naRi] = [x.s, x.clock, x.naRi];
});
afterAll(() => s.close());

describe('the demo consultation pages for every kind of user', () => {
  it('answer 200 or a refusal, never a server error; the school consultation only to its staff', async () => {
    const rows = await s.deps.db.selectFrom('consultations').select(['id', 'scope', 'agency_id', 'status']).execute();
    const articles = await s.deps.db.selectFrom('consultation_articles').select(['id', 'consultation_id']).execute();
    const school = rows.find((r) => r.scope === 'agency')!;
    const paths = [
      `/units/${naRi}`,
      `/units/${naRi}/consultations`,
      `/units/${naRi}/consultations/new`,
      `/agencies/${school.agency_id}/consultations`,
      `/agencies/${school.agency_id}/consultations/new`,
      ...rows.flatMap((r) => [
        `/consultations/${r.id}`,
        `/consultations/${r.id}?mine=1`,
        `/consultations/${r.id}?article=general`,
        `/consultations/${r.id}?before=1`,
        `/consultations/${r.id}/synthesis`,
        `/consultations/${r.id}/synthesis.docx`,
        `/consultations/${r.id}/edit`,
        `/audit/consultation/${r.id}`,
        ...articles.filter((a) => a.consultation_id === r.id).map((a) => `/consultations/${r.id}?article=${a.id}`),
      ]),
      '/consultations/999999',
      '/consultations/abc',
      '/api/v1/consultations/abc',
      '/consultations/99999999999',
      '/api/v1/consultations/99999999999',
      '/api/v1/consultations?unit=99999999999',
      `/consultations/${rows[0]!.id}?article=abc&before=99999999999`,
    ];
    const users: [string, () => Promise<Agent>][] = [
      ['anonymous', async () => new Agent(s.url)],
      [
        'anonymous (English)',
        async () => {
          const a = new Agent(s.url);
          a.cookies.set('dc_lang', 'en');
          return a;
        },
      ],
      ['resident', () => signInResident(s)],
      ...['canbo.nari', 'hdnd', 'mattran.nari', 'giaovien.nari', 'hieutruong.nari'].map(
        (u) => [u, () => official(s, u, clock)] as [string, () => Promise<Agent>],
      ),
    ];
    for (const [who, make] of users) {
      const a = await make();
      for (const p of paths) {
        const r = await a.get(p);
        expect([200, 303, 401, 403, 404, 400], `${who} ${p}: ${r.status}`).toContain(r.status);
        // Every text comes from the catalogue of the page's language: no message key is left showing.
        if (r.status === 200 && !p.includes('/audit/')) expect(r.text, `${who} ${p}`).not.toMatch(/consultation\.[a-z]+\.[a-zA-Z_]+/);
        if (who === 'anonymous (English)' && p === `/units/${naRi}/consultations`) expect(r.text).toContain('Consultations – Xã Na Rì');
        if (p === `/consultations/${school.id}`)
          expect(r.status === 200, `${who} reads the school's consultation`).toBe(['giaovien.nari', 'hieutruong.nari'].includes(who));
      }
    }
  });
});
