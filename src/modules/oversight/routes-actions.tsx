// The forms' POST handlers (and the GET pages of forms that stand alone): each runs one command and
// either redirects with a message or shows the same page again with the messages next to the fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { checkUploads } from '../../platform/files/uploads.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, files } from '../../platform/http/forms.js';
import { formatDate } from '../../platform/i18n/index.js';
import { createCommuneBoard, endMember, recogniseBoard } from './commands/boards.js';
import { boardWithCommune, type Fail, mayAnswer, mayWork, today } from './commands/common.js';
import { addProjectDocuments } from './commands/documents.js';
import { addMember, importElected } from './commands/members.js';
import { createProject, createSupervisionBoard, updateProgress } from './commands/projects.js';
import { answerRecommendation, createPlan, recordActivity } from './commands/work.js';
import { oversightPolicy } from './oversight.policy.js';
import * as repo from './oversight.repo.js';
import { boardTitle } from './present.js';
import { boardPage, communeOf, communePage, projectPage } from './routes-pages.js';
import { ActivityFormPage, AnswerPage, REC_SLOTS } from './views/activity.js';
import { recView } from './views/parts.js';
import { ProjectFormPage } from './views/projects.js';

type P = Record<string, string>;
const read = (body: unknown, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, field(body, n)]));

/** A refused command: 403, 404, or back to the page with a notice when the state moved on. */
function refused(req: FastifyRequest, reply: FastifyReply, r: Fail, back: string) {
  if ('errors' in r) throw new Error('field errors are shown by the caller');
  if (r.reason === 'forbidden') throw new Forbidden();
  if (r.reason === 'not_found') throw new NotFound();
  return redirectWithFlash(reply, back, req.t('oversight.flash.wrongState'));
}
const signedIn = (req: FastifyRequest) => {
  if (!req.actor) throw new Unauthenticated();
  return req.actor;
};

const MEMBER = ['fullName', 'villageId', 'position', 'seat', 'occupation', 'permanentResident', 'noConflict', 'electedOn'] as const;
const PLAN = ['period', 'title', 'body', 'startsOn', 'endsOn', 'inspectedParty', 'notifiedOn'] as const;
const PROJECT = [
  'name',
  'investor',
  'decisionMaker',
  'decisionNumber',
  'decisionDate',
  'contractor',
  'budgetState',
  'budgetCommune',
  'budgetCommunity',
  'budgetOther',
  'villages',
  'startsOn',
  'endsOn',
] as const;
const ACTIVITY = [
  'kind',
  'subject',
  'findings',
  'heldOn',
  'planId',
  'feedbackCode',
  'sentOn',
  'published',
  ...Array.from({ length: REC_SLOTS }, (_, i) => [`rec${i}Addressee`, `rec${i}Content`]).flat(),
];

export function actionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.post('/units/:id/oversight/board', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as P).id));
    const r = await createCommuneBoard(deps, req.t, signedIn(req), unit, { size: field(req.body, 'size') });
    if (r.ok) return redirectWithFlash(reply, `/oversight/boards/${r.id}`, req.t('oversight.flash.saved'));
    if ('errors' in r) return communePage(deps, req, reply, unit, { size: field(req.body, 'size') }, r.errors);
    return refused(req, reply, r, `/units/${unit.id}/oversight`);
  });

  /** Board forms: each re-renders the board page with its own fields on error. */
  const boardForm = (
    path: string,
    names: readonly string[],
    run: (req: FastifyRequest, id: number, v: Record<string, string>) => Promise<{ ok: boolean } & object>,
    done: (req: FastifyRequest, r: never) => string,
  ) =>
    app.post(`/oversight/boards/:id/${path}`, async (req, reply) => {
      const id = Number((req.params as P).id);
      signedIn(req);
      const v = read(req.body, names);
      const r = (await run(req, id, v)) as { ok: true } | Fail;
      const back = `/oversight/boards/${id}`;
      if (r.ok) return redirectWithFlash(reply, back, done(req, r as never));
      if ('errors' in r) return boardPage(deps, req, reply, id, v, r.errors);
      return refused(req, reply, r, back);
    });

  boardForm(
    'members',
    MEMBER,
    (req, id, v) =>
      addMember(deps, req.t, req.actor, id, {
        ...(v as Record<(typeof MEMBER)[number], string>),
        permanentResident: v.permanentResident === '1',
        noConflict: v.noConflict === '1',
      }),
    (req) => req.t('oversight.flash.saved'),
  );
  boardForm(
    'import',
    [],
    (req, id) => importElected(deps, req.actor, id),
    (req, r: { added: number }) => req.t('oversight.flash.imported', { n: r.added }),
  );
  boardForm(
    'recognise',
    ['recognisedOn'],
    (req, id, v) => recogniseBoard(deps, req.t, req.actor, id, { recognisedOn: v.recognisedOn ?? '' }),
    (req) => req.t('oversight.flash.recognised'),
  );
  boardForm(
    'members/end',
    ['memberId', 'endedOn', 'reason'],
    async (req, id, v) => {
      const m = await db
        .selectFrom('oversight_members')
        .select('id')
        .where('id', '=', Number(v.memberId) || 0)
        .where('board_id', '=', id)
        .executeTakeFirst();
      if (!m) return { ok: false, errors: { memberId: req.t('oversight.err.choose') } };
      return endMember(deps, req.t, req.actor, m.id, { endedOn: v.endedOn ?? '', reason: v.reason ?? '' });
    },
    (req, r: { byElection: number | null }) =>
      r.byElection !== null ? req.t('oversight.flash.byElection', { months: r.byElection }) : req.t('oversight.flash.saved'),
  );
  boardForm(
    'plans',
    PLAN,
    (req, id, v) => createPlan(deps, req.t, req.actor, id, v as Record<(typeof PLAN)[number], string>),
    (req) => req.t('oversight.flash.saved'),
  );

  async function activityForm(req: FastifyRequest, reply: FastifyReply, id: number, values?: Record<string, string>, errors?: Record<string, string>) {
    const found = await boardWithCommune(db, id);
    if (!found) throw new NotFound();
    const { board, commune } = found;
    if (!(await mayWork(db, signedIn(req), board, commune))) throw new Forbidden();
    const name = board.project_id ? ((await repo.projectById(db, board.project_id))?.name ?? null) : null;
    const title = boardTitle(req.t, board, name);
    const plans = await repo.plansOf(db, board.id);
    const m = {
      board: { id: board.id, title },
      crumbs: [
        { href: `/units/${commune.id}/oversight`, label: commune.name },
        { href: `/oversight/boards/${board.id}`, label: title },
      ],
      plans: plans.map((p) => ({ id: p.id, title: p.title })),
      kind: board.kind === 'investment_supervision' ? ('supervision' as const) : ('inspection' as const),
      agency: board.kind === 'agency_inspection',
      values: values ?? { heldOn: formatDate(today(deps)), sentOn: formatDate(today(deps)), feedbackCode: (req.query as P).feedback ?? '' },
      errors,
    };
    return sendPage(req, reply, <ActivityFormPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }

  // Issue 7 item 6: from a report the commune routed to the board (feedback's manage page) to the
  // board's activity form with the report's code filled in.
  app.get('/units/:id/oversight/inspect', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as P).id));
    // A report routed to a project's supervision board opens that board's form (Art 45(3)).
    const project = Number((req.query as P).project) || 0;
    let q = db.selectFrom('oversight_boards').select('id').where('commune_id', '=', unit.id).where('closed_on', 'is', null);
    q = project ? q.where('kind', '=', 'investment_supervision').where('project_id', '=', project) : q.where('kind', '=', 'commune_inspection');
    const b = await q.executeTakeFirst();
    if (!b) throw new NotFound();
    const code = ((req.query as P).feedback ?? '').replace(/[^A-Za-z0-9-]/g, '');
    return reply.redirect(`/oversight/boards/${b.id}/activities/new?feedback=${encodeURIComponent(code)}`, 303);
  });
  app.get('/oversight/boards/:id/activities/new', async (req, reply) => activityForm(req, reply, Number((req.params as P).id)));
  app.post('/oversight/boards/:id/activities', async (req, reply) => {
    const id = Number((req.params as P).id);
    signedIn(req);
    const v = read(req.body, ACTIVITY);
    const checked = checkUploads(deps, req.t, files(req.body, 'files'));
    if (!checked.ok) return activityForm(req, reply, id, v, checked.errors);
    const input = {
      kind: v.kind ?? '',
      subject: v.subject ?? '',
      findings: v.findings ?? '',
      heldOn: v.heldOn ?? '',
      planId: v.planId ?? '',
      feedbackCode: v.feedbackCode ?? '',
      sentOn: v.sentOn ?? '',
      published: v.published === '1',
      recommendations: Array.from({ length: REC_SLOTS }, (_, i) => ({ addressee: v[`rec${i}Addressee`] ?? '', content: v[`rec${i}Content`] ?? '' })),
    };
    const r = await recordActivity(deps, req.t, req.actor, id, input, checked.files);
    if (r.ok) return redirectWithFlash(reply, `/oversight/activities/${r.id}`, req.t('oversight.flash.saved'));
    if ('errors' in r) return activityForm(req, reply, id, { ...v, published: v.published || '0' }, r.errors);
    return refused(req, reply, r, `/oversight/boards/${id}`);
  });

  async function answerPage(req: FastifyRequest, reply: FastifyReply, id: number, values?: Record<string, string>, errors?: Record<string, string>) {
    const rec = await db
      .selectFrom('oversight_recommendations as r')
      .innerJoin('oversight_activities as a', 'a.id', 'r.activity_id')
      .selectAll('r')
      .select('a.subject')
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!rec) throw new NotFound();
    const found = await boardWithCommune(db, rec.board_id);
    if (!found || !mayAnswer(signedIn(req), found.board, found.commune)) throw new Forbidden();
    if (rec.status !== 'open') return redirectWithFlash(reply, `/oversight/activities/${rec.activity_id}`, req.t('oversight.flash.wrongState'));
    const m = {
      rec: recView(rec),
      crumbs: [
        { href: `/units/${found.commune.id}/oversight`, label: found.commune.name },
        { href: `/oversight/activities/${rec.activity_id}`, label: rec.subject },
      ],
      today: today(deps),
      values: values ?? { answeredOn: formatDate(today(deps)) },
      errors,
    };
    return sendPage(req, reply, <AnswerPage view={viewOf(req, deps)} m={m} />, errors ? 422 : 200);
  }
  app.get('/oversight/recommendations/:id/answer', async (req, reply) => answerPage(req, reply, Number((req.params as P).id)));
  app.post('/oversight/recommendations/:id/answer', async (req, reply) => {
    const id = Number((req.params as P).id);
    signedIn(req);
    const v = read(req.body, ['kind', 'text', 'answeredOn']);
    const r = await answerRecommendation(deps, req.t, req.actor, id, { kind: v.kind ?? '', text: v.text ?? '', answeredOn: v.answeredOn ?? '' });
    if (r.ok)
      return redirectWithFlash(
        reply,
        `/oversight/activities/${r.activityId}#rec-${id}`,
        req.t(r.late ? 'oversight.flash.answeredLate' : 'oversight.flash.answered'),
      );
    if ('errors' in r) return answerPage(req, reply, id, v, r.errors);
    return refused(req, reply, r, `/oversight/recommendations/${id}/answer`);
  });

  const projectForm = async (req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: Record<string, string>) => {
    const unit = await communeOf(deps, Number((req.params as P).id));
    if (!oversightPolicy(signedIn(req), 'manageProjects', { unitPath: unit.path })) throw new Forbidden();
    return sendPage(
      req,
      reply,
      <ProjectFormPage view={viewOf(req, deps)} m={{ unit: { id: unit.id, name: unit.name }, values, errors }} />,
      errors ? 422 : 200,
    );
  };
  app.get('/units/:id/projects/new', async (req, reply) => projectForm(req, reply, {}));
  app.post('/units/:id/projects', async (req, reply) => {
    const unit = await communeOf(deps, Number((req.params as P).id));
    const v = read(req.body, PROJECT);
    const r = await createProject(deps, req.t, signedIn(req), unit, v as Record<(typeof PROJECT)[number], string>);
    if (r.ok) return redirectWithFlash(reply, `/projects/${r.id}`, req.t('oversight.flash.saved'));
    if ('errors' in r) return projectForm(req, reply, v, r.errors);
    return refused(req, reply, r, `/units/${unit.id}/projects`);
  });

  app.post('/projects/:id/progress', async (req, reply) => {
    const id = Number((req.params as P).id);
    const v = read(req.body, ['progress', 'disbursed', 'acceptedOn', 'finalAccountsOn', 'ended']);
    const r = await updateProgress(deps, req.t, signedIn(req), id, {
      progress: v.progress ?? '',
      disbursed: v.disbursed ?? '',
      acceptedOn: v.acceptedOn ?? '',
      finalAccountsOn: v.finalAccountsOn ?? '',
      ended: v.ended === '1',
    });
    if (r.ok) return redirectWithFlash(reply, `/projects/${id}`, req.t('oversight.flash.saved'));
    if ('errors' in r) return projectPage(deps, req, reply, id, v, r.errors);
    return refused(req, reply, r, `/projects/${id}`);
  });

  // Issue 7 item 5: documents of the project register (Law Arts 41–43), the activity evidence's upload checks.
  app.post('/projects/:id/documents', async (req, reply) => {
    const id = Number((req.params as P).id);
    signedIn(req);
    const v = { docKind: field(req.body, 'docKind') ?? '', public: field(req.body, 'public') === '1' ? '1' : '0' };
    const checked = checkUploads(deps, req.t, files(req.body, 'files'));
    if (!checked.ok) return projectPage(deps, req, reply, id, v, checked.errors);
    const r = await addProjectDocuments(deps, req.t, req.actor, id, { kind: v.docKind, public: v.public === '1' }, checked.files);
    if (r.ok) return redirectWithFlash(reply, `/projects/${id}#h-docs`, req.t('oversight.flash.docsAdded', { n: r.count }));
    if ('errors' in r) return projectPage(deps, req, reply, id, v, r.errors);
    return refused(req, reply, r, `/projects/${id}`);
  });
  app.post('/projects/:id/board', async (req, reply) => {
    const id = Number((req.params as P).id);
    const v = read(req.body, ['size', 'supervisionStartsOn', 'investorNotifiedOn']);
    const r = await createSupervisionBoard(deps, req.t, signedIn(req), id, {
      size: v.size ?? '',
      supervisionStartsOn: v.supervisionStartsOn ?? '',
      investorNotifiedOn: v.investorNotifiedOn ?? '',
    });
    if (r.ok) return redirectWithFlash(reply, `/oversight/boards/${r.id}`, req.t('oversight.flash.saved'));
    if ('errors' in r) return projectPage(deps, req, reply, id, v, r.errors);
    return refused(req, reply, r, `/projects/${id}`);
  });
}
