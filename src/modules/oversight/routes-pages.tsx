// Pages anyone may read (issue 7 item 7): a commune's boards and members with published
// recommendations and answers, a board, an activity, the project register and a project; and for
// the roles that act or watch, the commune's overdue recommendations.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { contentDisposition, filePath } from '../../platform/files/store.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { unitById } from '../units/units.repo.js';
import { type Board, boardWithCommune, mayAnswer, mayManage, mayWork, rulesOn, today, villagesOn } from './commands/common.js';
import { oversightPolicy } from './oversight.policy.js';
import * as repo from './oversight.repo.js';
import { boardSummary, boardTitle, byPosition, memberView, projectView } from './present.js';
import { communeBoardSize } from './rules/boards.js';
import { ActivityPage } from './views/activity.js';
import { BoardPage } from './views/board.js';
import { CommuneOversightPage } from './views/commune.js';
import { recView } from './views/parts.js';
import { ProjectPage, ProjectsPage } from './views/projects.js';
import { RecListPage } from './views/recs.js';

type P = Record<string, string>;

export async function communeOf(deps: AppDeps, id: number): Promise<Unit> {
  const unit = await unitById(deps.db, id);
  if (!unit || !COMMUNE_LEVELS.includes(unit.level)) throw new NotFound();
  return unit;
}

export async function communePage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  unit: Unit,
  values?: Record<string, string>,
  errors?: Record<string, string>,
) {
  const { db } = deps;
  const on = today(deps);
  const villages = (await villagesOn(db, unit.id, on)).length;
  const boards = await repo.boardsOfCommune(db, unit.id);
  const members = await repo.membersOf(
    db,
    boards.map((b) => b.id),
  );
  const commune = boards.find((b) => b.kind === 'commune_inspection' && b.closed_on === null);
  const readWork = oversightPolicy(req.actor, 'readWork', { unitPath: unit.path });
  const recs = [
    ...(await repo.recommendationsOfCommune(db, unit.id, 'open', on, 50, true)),
    ...(await repo.recommendationsOfCommune(db, unit.id, 'answered', on, 50, true)),
  ];
  const m = {
    unit: { id: unit.id, name: unit.name },
    villages,
    size: communeBoardSize(villages, rulesOn(on)),
    board: commune ? boardSummary(commune, members) : null,
    others: boards.filter((b) => b !== commune).map((b) => boardSummary(b, [])),
    recs: recs.map(recView),
    today: on,
    canCreate: oversightPolicy(req.actor, 'manageBoards', { unitPath: unit.path }),
    overdue: readWork ? await repo.countOverdue(db, unit.id, on) : null,
    funding: rulesOn(on).minFundingPerYear,
    values,
    errors,
  };
  return sendPage(req, reply, <CommuneOversightPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
}

export async function boardPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  values?: Record<string, string>,
  errors?: Record<string, string>,
) {
  const { db } = deps;
  const found = await boardWithCommune(db, id);
  if (!found) throw new NotFound();
  const { board, commune } = found;
  const on = today(deps);
  const name = board.agency_id
    ? ((await db.selectFrom('agencies').select('name').where('id', '=', board.agency_id).executeTakeFirst())?.name ?? null)
    : board.project_id
      ? ((await repo.projectById(db, board.project_id))?.name ?? null)
      : null;
  const canManage = mayManage(req.actor, board, commune);
  const canWork = await mayWork(db, req.actor, board, commune);
  const insider = await isInsider(deps, req, board, commune);
  const [members, tasks, plans, acts, villages] = await Promise.all([
    repo.membersOf(db, [board.id]),
    canManage ? repo.openTasks(db, board.id) : Promise.resolve([]),
    repo.plansOf(db, board.id),
    repo.activitiesOf(db, board.id, !insider),
    board.kind === 'commune_inspection' ? villagesOn(db, commune.id, on) : Promise.resolve([]),
  ]);
  const m = {
    b: {
      ...boardSummary({ ...board, agency_name: name }, []),
      communeId: commune.id,
      communeName: commune.name,
      plannedSize: board.planned_size,
      staffCount: board.staff_count,
      recognitionDue: board.status === 'forming' ? board.recognition_due : null,
      recognisedOn: board.recognised_on,
      supervisionStartsOn: board.supervision_starts_on,
      investorNotifiedOn: board.investor_notified_on,
      projectId: board.project_id,
    },
    members: members.map(memberView).sort(byPosition),
    tasks: tasks.map((k) => ({
      id: k.id,
      name: k.full_name,
      village: k.village_name,
      villageId: k.village_id,
      raisedOn: k.raised_on,
      monthsLeft: k.months_left,
    })),
    plans: plans.map((p) => ({ id: p.id, period: p.period, title: p.title, startsOn: p.starts_on, party: p.inspected_party, notifiedOn: p.notified_on })),
    activities: acts.map((a) => ({ id: a.id, kind: a.kind, subject: a.subject, heldOn: a.held_on })),
    villages: villages.map((v) => ({ id: v.id, name: v.name })),
    canManage,
    canWork,
    today: on,
    year: Number(on.slice(0, 4)),
    values,
    errors,
  };
  return sendPage(req, reply, <BoardPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
}

/** Who reads a board's unpublished work: its members, those who answer it, whoever manages it, and for a
 * commune's boards the commune's officials and the Front (readWork). An agency board's work stays inside the
 * agency (Law 10/2022 Ch. III: workplace matters are disclosed internally, Art 46). */
export async function isInsider(deps: AppDeps, req: FastifyRequest, board: Board, commune: Unit): Promise<boolean> {
  if (mayAnswer(req.actor, board, commune) || mayManage(req.actor, board, commune) || (await mayWork(deps.db, req.actor, board, commune))) return true;
  return board.kind !== 'agency_inspection' && oversightPolicy(req.actor, 'readWork', { unitPath: commune.path });
}

/** An activity, visible to everyone once published; before that only to insiders. */
export async function visibleActivity(deps: AppDeps, req: FastifyRequest, id: number) {
  const a = await repo.activityById(deps.db, id);
  if (!a) throw new NotFound();
  const found = await boardWithCommune(deps.db, a.board_id);
  if (!found) throw new NotFound();
  const canAnswer = mayAnswer(req.actor, found.board, found.commune);
  if (!a.published && !(await isInsider(deps, req, found.board, found.commune))) throw new NotFound();
  return { a, ...found, canAnswer };
}

export function pageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/units/:id/oversight', async (req, reply) => communePage(deps, req, reply, await communeOf(deps, Number((req.params as P).id))));
  app.get('/oversight/boards/:id', async (req, reply) => boardPage(deps, req, reply, Number((req.params as P).id)));

  app.get('/oversight/activities/:id', async (req, reply) => {
    const { a, board, commune, canAnswer } = await visibleActivity(deps, req, Number((req.params as P).id));
    const [recs, files, fb] = await Promise.all([
      repo.recommendationsOf(db, a.id),
      repo.filesOfActivity(db, a.id),
      a.feedback_item_id
        ? db.selectFrom('feedback_items').select('tracking_code').where('id', '=', a.feedback_item_id).executeTakeFirst()
        : Promise.resolve(undefined),
    ]);
    const name = board.project_id ? ((await repo.projectById(db, board.project_id))?.name ?? null) : null;
    const title = boardTitle(req.t, board, name);
    const m = {
      a: {
        id: a.id,
        kind: a.kind,
        subject: a.subject,
        findings: a.findings,
        heldOn: a.held_on,
        published: a.published === 1,
        feedbackCode: fb?.tracking_code ?? null,
      },
      board: { id: board.id, title },
      crumbs: [
        { href: `/units/${commune.id}/oversight`, label: commune.name },
        { href: `/oversight/boards/${board.id}`, label: title },
      ],
      files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
      recs: recs.map(recView),
      today: today(deps),
      canAnswer,
    };
    return sendPage(req, reply, <ActivityPage view={viewOf(req, deps)} m={m} />);
  });

  app.get('/oversight/files/:id/:name', async (req, reply) => {
    const fileId = Number((req.params as P).id);
    const link = await db.selectFrom('oversight_files').select(['activity_id', 'project_id']).where('file_id', '=', fileId).executeTakeFirst();
    if (!link) throw new NotFound();
    if (link.activity_id) await visibleActivity(deps, req, link.activity_id);
    else await visibleDocument(deps, req, fileId);
    const f = await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
    const inline = f.mime === 'application/pdf' || f.mime.startsWith('image/');
    return reply
      .type(f.mime)
      .header('content-disposition', contentDisposition(f.filename, inline))
      .header('content-security-policy', 'sandbox; default-src none')
      .header('cache-control', 'private, max-age=3600')
      .send(createReadStream(filePath(deps.config.filesDir, f.sha256)));
  });

  app.get('/units/:id/projects', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as P).id));
    const rows = await repo.projectsOf(db, unit.id);
    const m = {
      unit: { id: unit.id, name: unit.name },
      projects: rows.map(projectView),
      canCreate: oversightPolicy(req.actor, 'manageProjects', { unitPath: unit.path }),
    };
    return sendPage(req, reply, <ProjectsPage view={viewOf(req, deps)} m={m} />);
  });

  app.get('/projects/:id', async (req, reply) => projectPage(deps, req, reply, Number((req.params as P).id)));

  app.get('/units/:id/oversight/recommendations', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as P).id));
    if (!req.actor) throw new Unauthenticated();
    if (!oversightPolicy(req.actor, 'readWork', { unitPath: unit.path })) throw new Forbidden();
    const q = req.query as P;
    const state = q.state === 'open' || q.state === 'answered' ? q.state : 'overdue';
    const rows = await repo.recommendationsOfCommune(db, unit.id, state, today(deps), 200, false);
    const m = { unit: { id: unit.id, name: unit.name }, state, recs: rows.map(recView), today: today(deps) };
    return sendPage(req, reply, <RecListPage view={viewOf(req, deps)} m={m} />);
  });
}

/** A project document: public ones for anyone, the rest for the officials who keep the register and
 * for the project's supervision board (Law Art 43(2): the board is given the project's documents). */
async function visibleDocument(deps: AppDeps, req: FastifyRequest, fileId: number) {
  const d = await deps.db
    .selectFrom('oversight_files as o')
    .innerJoin('oversight_projects as p', 'p.id', 'o.project_id')
    .innerJoin('units as u', 'u.id', 'p.commune_id')
    .select(['o.public', 'u.path'])
    .where('o.file_id', '=', fileId)
    .executeTakeFirstOrThrow();
  if (d.public === 1) return;
  const res = { unitPath: d.path };
  if (oversightPolicy(req.actor, 'manageProjects', res) || oversightPolicy(req.actor, 'supervise', res)) return;
  if (!req.actor) throw new Unauthenticated();
  throw new Forbidden();
}

export async function projectPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  values?: Record<string, string>,
  errors?: Record<string, string>,
) {
  const { db } = deps;
  const p = await repo.projectById(db, id);
  if (!p) throw new NotFound();
  const unit = await communeOf(deps, p.commune_id);
  const board = await db.selectFrom('oversight_boards').select(['id', 'status']).where('project_id', '=', p.id).executeTakeFirst();
  const acts = board ? await repo.activitiesOf(db, board.id, true) : [];
  const recs = board ? await db.selectFrom('oversight_recommendations').selectAll().where('board_id', '=', board.id).orderBy('id').limit(100).execute() : [];
  const published = new Set(acts.map((a) => a.id));
  const canManage = oversightPolicy(req.actor, 'manageProjects', { unitPath: unit.path });
  // Issue 7 item 5: the public documents for all; every one for the officials who keep the register.
  const docs = await repo.documentsOfProjects(db, [p.id], !canManage);
  const m = {
    p: projectView({ ...p, board_id: board?.id ?? null, board_status: board?.status ?? null }),
    unit: { id: unit.id, name: unit.name },
    results: acts.map((a) => ({ id: a.id, subject: a.subject, heldOn: a.held_on, findings: a.findings })),
    recs: recs.filter((r) => published.has(r.activity_id)).map(recView),
    today: today(deps),
    canManage,
    docs: docs.map((d) => ({
      id: d.id,
      kind: d.doc_kind ?? 'other',
      filename: d.filename,
      size: d.size,
      public: d.public === 1,
      addedOn: todayInVietnam(new Date(d.created_at)),
    })),
    canSetUp: oversightPolicy(req.actor, 'manageBoards', { unitPath: unit.path }),
    values,
    errors,
  };
  return sendPage(req, reply, <ProjectPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
}
