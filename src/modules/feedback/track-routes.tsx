// Public pages after intake (issue 5 items 1, 5, 10): lookup by tracking code, the tracking page with
// the rating and reopen forms, a commune's published answers and its monthly statistics.
//   GET /feedback  GET /feedback/:code  POST /feedback/:code/rating  POST /feedback/:code/reopen
//   GET /units/:id/feedback  GET /units/:id/feedback/stats
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type FieldErrors, NotFound } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { formatDate } from '../../platform/i18n/index.js';
import { type CitizenResult, rateAnswer, reopenItem } from './commands/citizen.js';
import { communeFor } from './commands/submit.js';
import { normaliseTrackingCode } from './common.js';
import { allowIntake, noteMiss, publishedAnswers, tooManyMisses, trackData } from './public-data.js';
import { monthlyStats, totals } from './stats.js';
import { PublicAnswersPage } from './views/public-answers.js';
import { StatsPage } from './views/public-stats.js';
import { LookupPage, TrackPage } from './views/track.js';

type P = Record<string, string | undefined>;
const FIRST_YEAR = 2023; // Law 10/2022/QH15 in force from 01/07/2023

export function trackRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const tooMany = (req: FastifyRequest, reply: FastifyReply, code: string) =>
    sendPage(req, reply, <LookupPage view={viewOf(req, deps)} code={code} errors={{ code: req.t('feedback.intake.err.tooManyLookups') }} status={429} />, 429);

  app.get('/feedback', async (req, reply) => {
    const code = String((req.query as P).code ?? '').slice(0, 40);
    if (!code.trim()) return sendPage(req, reply, <LookupPage view={viewOf(req, deps)} code="" />);
    if (await tooManyMisses(deps, req.ip, deps.clock.now())) return tooMany(req, reply, code);
    const found = await db.selectFrom('feedback_items').select('tracking_code').where('tracking_code', '=', normaliseTrackingCode(code)).executeTakeFirst();
    if (found) return reply.redirect(`/feedback/${found.tracking_code}`, 303);
    await noteMiss(deps, req.ip, deps.clock.now());
    return sendPage(req, reply, <LookupPage view={viewOf(req, deps)} code={code} errors={{ code: req.t('feedback.intake.err.codeNotFound') }} />, 404);
  });

  async function trackPage(req: FastifyRequest, reply: FastifyReply, values?: Record<string, string>, errors?: FieldErrors, status?: number) {
    const code = String((req.params as P).code ?? '').slice(0, 40);
    if (await tooManyMisses(deps, req.ip, deps.clock.now())) return tooMany(req, reply, code);
    const d = await trackData(deps, code);
    if (!d) {
      await noteMiss(deps, req.ip, deps.clock.now());
      throw new NotFound();
    }
    if (req.method === 'GET' && d.code !== code) return reply.redirect(`/feedback/${d.code}`, 301);
    return sendPage(req, reply, <TrackPage view={viewOf(req, deps)} m={{ d, values, errors }} />, status ?? (errors ? 422 : 200));
  }

  app.get('/feedback/:code', (req, reply) => trackPage(req, reply));

  type Action = { fields: string[]; run: (code: string, body: unknown, req: FastifyRequest) => Promise<CitizenResult & { due?: string }> };
  const actions: Record<'rating' | 'reopen', Action> = {
    rating: {
      fields: ['rating', 'comment'],
      run: (code, body, req) => rateAnswer(deps, req.t, code, { rating: field(body, 'rating'), comment: field(body, 'comment') }),
    },
    reopen: {
      fields: ['reason'],
      run: (code, body, req) => reopenItem(deps, req.t, code, { reason: field(body, 'reason') }),
    },
  };
  for (const [name, a] of Object.entries(actions)) {
    app.post(`/feedback/:code/${name}`, async (req, reply) => {
      const code = String((req.params as P).code ?? '').slice(0, 40);
      const values = Object.fromEntries(a.fields.map((f) => [f, field(req.body, f)]));
      // Finding 16: a POST guesses codes as well as a GET does, so it is refused and counted alike.
      if (await tooManyMisses(deps, req.ip, deps.clock.now())) return tooMany(req, reply, code);
      if (!(await allowIntake(deps, req.ip))) return trackPage(req, reply, values, { [a.fields[0]!]: req.t('feedback.intake.err.tooMany') }, 429);
      const r = await a.run(code, req.body, req);
      if (!r.ok && 'reason' in r) {
        await noteMiss(deps, req.ip, deps.clock.now());
        throw new NotFound();
      }
      if (!r.ok) return trackPage(req, reply, values, r.errors);
      const msg = name === 'rating' ? req.t('feedback.intake.flash.rated') : req.t('feedback.intake.flash.reopened', { due: formatDate(r.due) });
      return redirectWithFlash(reply, `/feedback/${normaliseTrackingCode(code)}`, msg);
    });
  }

  app.get('/units/:id/feedback', async (req, reply) => {
    const commune = await communeFor(db, idOr404((req.params as P).id));
    const page = Math.min(Math.max(1, Number.parseInt(String((req.query as P).page ?? '1'), 10) || 1), 10_000);
    const { items, more } = await publishedAnswers(deps, commune.id, page);
    return sendPage(req, reply, <PublicAnswersPage view={viewOf(req, deps)} m={{ unit: { id: commune.id, name: commune.name }, items, page, more }} />);
  });

  app.get('/units/:id/feedback/stats', async (req, reply) => {
    const commune = await communeFor(db, idOr404((req.params as P).id));
    const today = todayInVietnam(deps.clock.now());
    const thisYear = Number(today.slice(0, 4));
    const asked = Number.parseInt(String((req.query as P).year ?? ''), 10);
    const year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
    const rows = await monthlyStats(db, commune.id, year, today);
    const m = { unit: { id: commune.id, name: commune.name }, year, thisYear, rows, total: totals(rows) };
    return sendPage(req, reply, <StatsPage view={viewOf(req, deps)} m={m} />);
  });
}
