// Shared steps of the feedback intake tests: a demo server with a fixed clock, a report of a broken
// bridge, sending the public form as a browser does (CSRF token of the page), and reading what was stored.
import type { fixedClock } from '../../src/platform/clock.js';
import { Agent, startTestServer, type TestServer } from '../helpers.js';

export const MAIL_SECRET = 'test-mail-secret';

export const bridge = {
  kind: 'report',
  category: 'infrastructure',
  title: 'Cầu treo bị gãy ván',
  content: 'Ba tấm ván giữa cầu bị gãy sau lũ, học sinh đi qua nguy hiểm.',
  placeText: 'Cầu treo đầu thôn',
};

export type IntakeWorld = { s: TestServer; naRi: { id: number; path: string }; village: { id: number; name: string } };

/** The demo seed on a fixed day, with the e-mail secret, no practical rate limit and 1 MB uploads. */
export async function startIntake(clock: ReturnType<typeof fixedClock>, env: Record<string, string> = {}): Promise<IntakeWorld> {
  const s = await startTestServer({
    seed: 'demo',
    clock,
    env: { INBOUND_MAIL_SECRET: MAIL_SECRET, INTAKE_PER_MINUTE: '1000', MAX_UPLOAD_MB: '1', ...env },
  });
  const naRi = await s.deps.db.selectFrom('units').select(['id', 'path']).where('code', '=', '02155').where('valid_to', 'is', null).executeTakeFirstOrThrow();
  const village = await s.deps.db.selectFrom('units').select(['id', 'name']).where('code', '=', '02155-02').executeTakeFirstOrThrow();
  return { s, naRi, village };
}

export const codeOf = (location: string | null) => location!.replace('/feedback/', '');

/** Helpers bound to the suite's server, read when called (the server starts in beforeAll). */
export function intakeHelpers(world: () => IntakeWorld) {
  const db = () => world().s.deps.db;
  return {
    async send(a: Agent, form: Record<string, string>, unit = world().naRi.id) {
      const page = await a.get(`/units/${unit}/feedback/new`);
      return a.post(`/units/${unit}/feedback/new`, { ...form, _csrf: Agent.csrf(page.text) });
    },
    byCode: (code: string) => db().selectFrom('feedback_items').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow(),
    count: async (table: 'feedback_items' | 'outbox') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    lastOutbox: () => db().selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow(),
  };
}
