// Village conference pages (issue 6 items 7 and 8; Law 10/2022 Art 33; Decree 59/2023 Arts 10–11):
//   GET /units/:id/village-conferences[?year]    (a commune: every village and its state, R-G1 flags)
//   GET/POST /units/:id/village-conferences[/new] (a village: the plan, edited while still planned)
//   GET /village-conferences/:id                 POST …/agreement | held | result
//   GET /village-conferences/:id/files/:fileId
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { type FieldErrors, Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { contentDisposition, filePath } from '../../platform/files/store.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, files } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { formatDate } from '../../platform/i18n/index.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from '../units/levels.js';
import { type AgreementBody, emptyPlan, type PlanInput, planConference, recordAgreement, ruleSetFor } from './commands/conference.js';
import { emptyHeld, type HeldConferenceInput, recordConferenceHeld, sendResultReport } from './commands/conference-held.js';
import { loadConference } from './commands/load.js';
import { dialoguePolicy } from './dialogue.policy.js';
import * as repo from './dialogue.repo.js';
import { failWith } from './routes.js';
import { beforeYearEnd, conferenceYearState, yearInVietnam } from './rules/yearly.js';
import { ConferenceDetailPage } from './views/conference-detail.js';
import { ConferenceListPage, PlanFormPage } from './views/conferences.js';

type P = Record<string, string | undefined>;
const typed = (body: unknown, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, field(body, n)]));

export function conferenceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const now = () => deps.clock.now();
  const unitOf = async (id: unknown): Promise<Unit> => {
    const u = await db.selectFrom('units').selectAll().where('id', '=', idOr404(id)).executeTakeFirst();
    if (!u) throw new NotFound();
    return u;
  };

  app.get('/units/:id/village-conferences', async (req, reply) => {
    const commune = await unitOf((req.params as P).id);
    if (!COMMUNE_LEVELS.includes(commune.level)) throw new NotFound();
    const current = yearInVietnam(now());
    const asked = Number((req.query as P).year);
    const year = Number.isInteger(asked) && asked >= 2023 && asked <= current ? asked : current;
    const date = year < current ? `${year}-12-31` : todayInVietnam(now());
    const rows = await repo.villagesWithConferences(db, commune.id, year, date);
    const m = {
      commune: { id: commune.id, name: commune.name },
      year,
      years: Array.from({ length: current + 1 - 2023 }, (_, i) => current - i),
      rows: rows.map((r) => ({
        village: { id: r.village.id, name: r.village.name },
        state: conferenceYearState(r.conference, year, now()),
        conference: r.conference && {
          id: r.conference.id,
          conference_on: r.conference.conference_on,
          held_on: r.conference.held_on,
          early: beforeYearEnd(r.conference.held_on ?? r.conference.conference_on, ruleSetFor(r.conference.conference_on)),
          // Decree 59 Art 10: the bodies whose agreement to a plan is still awaited.
          awaiting: r.conference.status === 'planned' ? (['committee', 'front', 'board'] as const).filter((b) => !r.conference![`${b}_agreed_on`]) : [],
        },
        canPlan:
          year === current && (!r.conference || r.conference.status === 'planned') && dialoguePolicy(req.actor, 'planConference', { unitPath: r.village.path }),
      })),
    };
    return sendPage(req, reply, <ConferenceListPage view={viewOf(req, deps)} m={m} />);
  });

  /** The village and its commune, for the village head who plans (Decree 59 Art 10). */
  async function planner(req: FastifyRequest) {
    const village = await unitOf((req.params as P).id);
    if (!VILLAGE_LEVELS.includes(village.level) || !village.parent_id) throw new NotFound();
    if (!dialoguePolicy(req.actor, 'planConference', { unitPath: village.path })) throw req.actor ? new Forbidden() : new Unauthenticated();
    const commune = await unitOf(village.parent_id);
    return { village, commune };
  }
  const planPage = (req: FastifyRequest, reply: FastifyReply, p: { village: Unit; commune: Unit }, values: PlanInput, errors?: FieldErrors) =>
    sendPage(
      req,
      reply,
      <PlanFormPage
        view={viewOf(req, deps)}
        m={{ village: { id: p.village.id, name: p.village.name }, commune: { id: p.commune.id, name: p.commune.name }, values, errors }}
      />,
      errors ? 422 : 200,
    );
  app.get('/units/:id/village-conferences/new', async (req, reply) => {
    const p = await planner(req);
    const c = await db
      .selectFrom('village_conferences')
      .selectAll()
      .where('village_id', '=', p.village.id)
      .where('year', '=', yearInVietnam(now()))
      .where('status', '=', 'planned')
      .executeTakeFirst();
    const values = c
      ? {
          conferenceOn: formatDate(c.conference_on),
          startTime: c.start_time,
          place: c.place,
          content: c.content,
          tasks: c.tasks,
          planSentOn: formatDate(c.plan_sent_on),
          noticeOn: formatDate(c.notice_on),
          noticeMethod: c.notice_method,
        }
      : emptyPlan();
    return planPage(req, reply, p, values);
  });
  app.post('/units/:id/village-conferences', async (req, reply) => {
    const p = await planner(req);
    const input = typed(req.body, Object.keys(emptyPlan())) as PlanInput;
    const r = await planConference(deps, req.t, req.actor!, p.village.id, input);
    if (r.ok) return redirectWithFlash(reply, `/village-conferences/${r.id}`, req.t('dialogue.flash.planned'));
    if ('errors' in r) return planPage(req, reply, p, input, r.errors);
    return failWith(req.actor, r);
  });

  async function detail(req: FastifyRequest, reply: FastifyReply, id: number, values: Record<string, string> = {}, errors?: FieldErrors) {
    const ctx = await loadConference(db, id);
    if (!ctx) throw new NotFound();
    const { c, village, commune } = ctx;
    const a = req.actor;
    const agree = (['committee', 'front', 'board'] as const).filter(
      (b) =>
        c.status === 'planned' &&
        !c[`${b}_agreed_on`] &&
        dialoguePolicy(a, b === 'committee' ? 'agreeAsCommittee' : b === 'front' ? 'agreeAsFront' : 'agreeAsBoard', { unitPath: commune.path }),
    );
    const m = {
      c,
      village: { id: village.id, name: village.name },
      commune: { id: commune.id, name: commune.name },
      state: conferenceYearState(c, c.year, now()),
      early: beforeYearEnd(c.held_on ?? c.conference_on, ruleSetFor(c.conference_on)),
      files: await repo.conferenceFiles(db, id),
      can: {
        plan: dialoguePolicy(a, 'planConference', { unitPath: village.path }),
        run: dialoguePolicy(a, 'runConference', { unitPath: village.path }),
        agree: [...agree],
      },
      values,
      errors,
      maxUploadMb: Math.round(deps.config.maxUploadBytes / 1048576),
    };
    return sendPage(req, reply, <ConferenceDetailPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }
  app.get('/village-conferences/:id', async (req, reply) => detail(req, reply, idOr404((req.params as P).id)));

  app.post('/village-conferences/:id/agreement', async (req, reply) => {
    const id = idOr404((req.params as P).id);
    if (!req.actor) throw new Unauthenticated();
    const values = typed(req.body, ['agreedOn']);
    const r = await recordAgreement(deps, req.t, req.actor, id, { body: field(req.body, 'body') as AgreementBody, agreedOn: values.agreedOn! });
    if (r.ok) return redirectWithFlash(reply, `/village-conferences/${id}`, req.t('dialogue.flash.agreed'));
    if ('errors' in r) return detail(req, reply, id, values, r.errors);
    return failWith(req.actor, r);
  });

  app.post('/village-conferences/:id/held', async (req, reply) => {
    const id = idOr404((req.params as P).id);
    if (!req.actor) throw new Unauthenticated();
    const input = typed(req.body, Object.keys(emptyHeld())) as HeldConferenceInput;
    const uploads = {
      head_report: files(req.body, 'head_report'),
      front_report: files(req.body, 'front_report'),
      board_report: files(req.body, 'board_report'),
    };
    const r = await recordConferenceHeld(deps, req.t, req.actor, id, input, uploads);
    if (r.ok) return redirectWithFlash(reply, `/village-conferences/${id}`, req.t('dialogue.flash.conferenceHeld'));
    if ('errors' in r) return detail(req, reply, id, input, r.errors);
    return failWith(req.actor, r);
  });

  app.post('/village-conferences/:id/result', async (req, reply) => {
    const id = idOr404((req.params as P).id);
    if (!req.actor) throw new Unauthenticated();
    const values = typed(req.body, ['resultReport', 'sentOn']);
    const r = await sendResultReport(
      deps,
      req.t,
      req.actor,
      id,
      { resultReport: values.resultReport!, sentOn: values.sentOn! },
      files(req.body, 'result_report'),
    );
    if (r.ok) return redirectWithFlash(reply, `/village-conferences/${id}#h-result`, req.t('dialogue.flash.reported'));
    if ('errors' in r) return detail(req, reply, id, values, r.errors);
    return failWith(req.actor, r);
  });

  // The conference's reports are community records, public like the conference itself.
  app.get('/village-conferences/:id/files/:fileId', async (req, reply) => {
    const params = req.params as P;
    const f = await db
      .selectFrom('village_conference_files as l')
      .innerJoin('files as f', 'f.id', 'l.file_id')
      .select(['f.sha256', 'f.filename', 'f.mime'])
      .where('l.conference_id', '=', idOr404(params.id))
      .where('l.file_id', '=', idOr404(params.fileId))
      .executeTakeFirst();
    if (!f) throw new NotFound();
    const inline = f.mime === 'application/pdf' || f.mime.startsWith('image/');
    return reply
      .type(f.mime)
      .header('content-disposition', contentDisposition(f.filename, inline))
      .header('content-security-policy', 'sandbox; default-src none')
      .header('cache-control', 'private, max-age=3600')
      .send(createReadStream(filePath(deps.config.filesDir, f.sha256)));
  });
}
