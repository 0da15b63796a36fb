// Many citizens sending at once (issue 5 "intake ≥ 500 submissions/s", "spam bursts"): 200 submissions
// over real HTTP at the same moment, from 20 client addresses. On SQLite they share commits (group
// commit, src/db/group-commit.ts); on PostgreSQL they run in parallel transactions. Either way every
// acknowledged one is stored exactly once with its sealed identity, its receipt notice and its audit
// entry, nothing refused is stored, and the per-address limit counts every request exactly.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/platform/audit/audit.js';
import { fixedClock } from '../../src/platform/clock.js';
import { unsealJson } from '../../src/platform/crypto/seal.js';
import { startTestServer, type TestServer } from '../helpers.js';

const clock = fixedClock('2026-11-20T03:00:00Z'); // Fri 20/11/2026, 10:00 in Vietnam
const PER_MINUTE = 5;
const ADDRESSES = 20;
const EACH = 10; // 200 in all: 5 admitted and 5 refused per address
let s: TestServer;
let naRi: number;

beforeAll(async () => {
  s = await startTestServer({ seed: 'base', clock, env: { INTAKE_PER_MINUTE: String(PER_MINUTE) } });
  naRi = (await s.deps.db.selectFrom('units').select('id').where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(() => s?.close());

/** POST /api/v1/feedback from a given loopback address (all of 127/8 reaches the server on 127.0.0.1). */
function post(from: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const { port } = new URL(s.url);
  return new Promise((done, fail) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/feedback', localAddress: from, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') as Record<string, unknown> }));
      },
    );
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

const count = async (table: 'feedback_items' | 'outbox' | 'audit_log' | 'rate_hits') =>
  Number(
    (
      await s.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('200 submissions at once (issue 5 intake benchmark; spam bursts)', () => {
  it('every 201 is stored exactly once with its sealed identity, its SMS notice and its audit entry; each address gets exactly its 5 a minute, invalid ones counted too; nothing refused is stored', async () => {
    const before = { items: await count('feedback_items'), outbox: await count('outbox'), audit: await count('audit_log') };
    // Per address: 8 valid reports, each with its own phone, and 2 complaints without the name and
    // address the Complaints Law requires (422), all sent at the same moment.
    const sent = Array.from({ length: ADDRESSES * EACH }, (_, i) => {
      const from = `127.0.1.${10 + (i % ADDRESSES)}`;
      const invalid = Math.floor(i / ADDRESSES) < 2; // the first two rounds: 2 of each address's 10
      const phone = `09${String(20_000_000 + i)}`;
      const body = invalid
        ? { commune: naRi, kind: 'complaint', category: 'land', title: `Khiếu nại ${i}`, content: 'Thiếu tên và địa chỉ' }
        : {
            commune: naRi,
            kind: 'report',
            category: 'infrastructure',
            title: `Đèn đường hỏng số ${i}`,
            content: 'Đèn tắt cả tuần.',
            name: `Người gửi ${i}`,
            phone,
            notifyChannel: 'sms',
          };
      return { from, invalid, phone, body };
    });
    const answers = await Promise.all(sent.map((x) => post(x.from, x.body)));

    for (let a = 0; a < ADDRESSES; a++) {
      const mine = answers.filter((_, i) => i % ADDRESSES === a).map((r) => r.status);
      expect(mine.filter((st) => st === 429).length, `address ${a}`).toBe(EACH - PER_MINUTE);
      expect(mine.filter((st) => st === 201 || st === 422).length, `address ${a}`).toBe(PER_MINUTE);
    }
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([201, 422, 429]));
    const ok = answers.flatMap((r, i) => (r.status === 201 ? [{ code: String(r.json.code), ...sent[i]! }] : []));
    expect(ok.every((x) => !x.invalid)).toBe(true);
    expect(new Set(ok.map((x) => x.code)).size).toBe(ok.length);

    // Exactly the acknowledged ones were stored, once each, as sent.
    const items = await s.deps.db
      .selectFrom('feedback_items as f')
      .innerJoin('feedback_identities as i', 'i.item_id', 'f.id')
      .select(['f.id', 'f.tracking_code', 'f.title', 'i.sealed'])
      .where('f.commune_id', '=', naRi)
      .where('f.title', 'like', 'Đèn đường hỏng số %')
      .execute();
    expect(items.length).toBe(ok.length);
    expect(await count('feedback_items')).toBe(before.items + ok.length);
    const byCode = new Map(items.map((f) => [f.tracking_code, f]));
    for (const x of ok) {
      const f = byCode.get(x.code);
      expect(f?.title).toBe(x.body.title);
      expect(unsealJson<{ phone?: string }>(s.deps.config.dataKey, f!.sealed).phone).toBe(x.phone);
    }
    // One receipt notice each, on the channel chosen, its recipient sealed.
    const notices = await s.deps.db.selectFrom('outbox').select(['channel', 'recipient', 'params']).where('id', '>', before.outbox).execute();
    expect(notices.length).toBe(ok.length);
    const noticed = new Map(notices.map((n) => [String((JSON.parse(n.params) as { code: string }).code), n]));
    for (const x of ok) {
      const n = noticed.get(x.code);
      expect(n?.channel).toBe('sms');
      expect(n?.recipient).not.toContain(x.phone);
    }
    // One audit entry each, and the chain still holds.
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'feedback.received')
      .where('seq', '>', before.audit)
      .execute();
    expect(audit.map((e) => Number(e.entity_id)).sort((p, q) => p - q)).toEqual(items.map((f) => f.id).sort((p, q) => p - q));
    expect(await verifyAudit(s.deps.db)).toMatchObject({ ok: true });

    // A minute later every address may send again.
    clock.advance(61_000);
    const valid = sent[2 * ADDRESSES]!; // address 0, a report
    const again = await post(valid.from, { ...valid.body, title: 'Đèn đường hỏng, gửi lại' });
    expect(again.status).toBe(201);
  });
});
