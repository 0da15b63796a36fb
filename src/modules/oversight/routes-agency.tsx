// The agency's People's Inspection Board (R-F8; Law 10/2022 Arts 60–63) and the boards' periodic
// reports to the Front (page and Word file, Decree 59/2023 Arts 14, 22(3)).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { DOCX_MIME } from '../../platform/docs/decree30.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { ErrorSummary, PostForm, TextField } from '../../platform/ui/form.js';
import { Layout } from '../../platform/ui/layout.js';
import { createAgencyBoard } from './commands/boards.js';
import { boardWithCommune, today } from './commands/common.js';
import { oversightPolicy } from './oversight.policy.js';
import * as repo from './oversight.repo.js';
import { boardTitle } from './present.js';
import { periodRange, type ReportModel, ReportPage, type ReportPeriod, reportDocx } from './report.js';
import { communeOf, isInsider } from './routes-pages.js';

type P = Record<string, string>;
const FIELDS = ['staffCount', 'size', 'conferenceOn', 'moreAllowed'] as const;

export function agencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function agencyPage(req: FastifyRequest, reply: FastifyReply, values?: Record<string, string>, errors?: Record<string, string>) {
    const agency = await db
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', Number((req.params as P).id))
      .executeTakeFirst();
    if (!agency) throw new NotFound();
    const unit = await communeOf(deps, agency.unit_id);
    const board = await db.selectFrom('oversight_boards').selectAll().where('agency_id', '=', agency.id).where('closed_on', 'is', null).executeTakeFirst();
    const canCreate = oversightPolicy(req.actor, 'manageAgencyBoard', { unitPath: unit.path, agencyId: agency.id });
    const t = req.t;
    const e = errors ?? {};
    const v = values ?? {};
    const title = `${t('oversight.kind.agency_inspection')}: ${agency.name}`;
    const page = (
      <Layout
        view={viewOf(req, deps)}
        title={title}
        crumbs={[
          { href: `/units/${unit.id}`, label: unit.name },
          { href: `/units/${unit.id}/oversight`, label: t('oversight.title') },
        ]}
      >
        <h1>{title}</h1>
        <ErrorSummary view={viewOf(req, deps)} errors={e} />
        <p class="lead">{t('oversight.agency.lead')}</p>
        {board ? (
          <p>
            <a href={`/oversight/boards/${board.id}`}>{t(`oversight.status.${board.status}`)}</a>
          </p>
        ) : (
          <p class="muted">{t('oversight.agency.none')}</p>
        )}
        {canCreate && !board && (
          <PostForm view={viewOf(req, deps)} action={`/agencies/${agency.id}/oversight`}>
            <TextField
              name="staffCount"
              label={t('oversight.agency.staff')}
              hint={t('oversight.agency.staffHint')}
              inputMode="numeric"
              value={v.staffCount}
              error={e.staffCount}
            />
            <TextField
              name="conferenceOn"
              label={t('oversight.agency.conferenceOn')}
              hint={t('oversight.dateHint')}
              inputMode="numeric"
              value={v.conferenceOn}
              error={e.conferenceOn}
            />
            <TextField name="size" label={t('oversight.agency.size')} hint={t('oversight.agency.sizeHint')} inputMode="numeric" value={v.size} error={e.size} />
            <label class="check">
              <input type="checkbox" name="moreAllowed" value="1" checked={v.moreAllowed === '1'} /> {t('oversight.agency.moreAllowed')}
            </label>
            <button class="btn" type="submit">
              {t('oversight.agency.save')}
            </button>
          </PostForm>
        )}
      </Layout>
    );
    return sendPage(req, reply, page, errors ? 422 : 200);
  }

  app.get('/agencies/:id/oversight', (req, reply) => agencyPage(req, reply));
  app.post('/agencies/:id/oversight', async (req, reply) => {
    const agency = await db
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', Number((req.params as P).id))
      .executeTakeFirst();
    if (!agency) throw new NotFound();
    const unit = await communeOf(deps, agency.unit_id);
    const v = Object.fromEntries(FIELDS.map((f) => [f, field(req.body, f)]));
    const r = await createAgencyBoard(deps, req.t, req.actor, unit, agency.id, {
      staffCount: v.staffCount ?? '',
      size: v.size ?? '',
      conferenceOn: v.conferenceOn ?? '',
      moreAllowed: v.moreAllowed === '1',
    });
    if (r.ok) return redirectWithFlash(reply, `/oversight/boards/${r.id}`, req.t('oversight.flash.saved'));
    if ('errors' in r) return agencyPage(req, reply, v, r.errors);
    if (r.reason === 'forbidden') throw new Forbidden();
    throw new NotFound();
  });

  async function reportModel(req: FastifyRequest): Promise<ReportModel> {
    const found = await boardWithCommune(db, Number((req.params as P).id));
    if (!found) throw new NotFound();
    const { board, commune } = found;
    const q = req.query as P;
    const on = today(deps);
    const period: ReportPeriod = q.period === 'half_year' || q.period === 'year' || q.period === 'term' ? q.period : 'quarter';
    const year = /^\d{4}$/.test(q.year ?? '') ? Number(q.year) : Number(on.slice(0, 4));
    const month = Number(on.slice(5, 7));
    const current = period === 'quarter' ? Math.ceil(month / 3) : period === 'half_year' ? Math.ceil(month / 6) : 1;
    const max = period === 'quarter' ? 4 : period === 'half_year' ? 2 : 1;
    const n = Math.min(max, Math.max(1, Number(q.n) || current));
    // The term report covers the board's term (or its life so far, for a supervision board).
    const { from, to } =
      period === 'term' ? { from: board.term_starts_on ?? board.created_at.slice(0, 10), to: board.term_ends_on ?? on } : periodRange(period, year, n);
    const name = board.agency_id
      ? ((await db.selectFrom('agencies').select('name').where('id', '=', board.agency_id).executeTakeFirst())?.name ?? null)
      : board.project_id
        ? ((await repo.projectById(db, board.project_id))?.name ?? null)
        : null;
    const insider = await isInsider(deps, req, board, commune);
    const acts = (await repo.activitiesBetween(db, board.id, from, to)).filter((a) => a.published === 1 || insider);
    return {
      board: { id: board.id, title: boardTitle(req.t, board, name), communeName: commune.name, communeId: commune.id },
      period,
      year,
      n,
      from,
      to,
      today: on,
      activities: acts.map((a) => ({
        subject: a.subject,
        kind: a.kind,
        heldOn: a.held_on,
        findings: a.findings,
        recs: a.recs.map((r) => ({
          addressee: r.addressee,
          content: r.content,
          dueOn: r.due_on,
          answerKind: r.answer_kind,
          answeredOn: r.answered_on,
          late: r.late === 1,
          answerText: r.answer_text,
        })),
      })),
    };
  }

  app.get('/oversight/boards/:id/report', async (req, reply) => sendPage(req, reply, <ReportPage view={viewOf(req, deps)} m={await reportModel(req)} />));
  app.get('/oversight/boards/:id/report.docx', async (req, reply) => {
    const m = await reportModel(req);
    return reply
      .type(DOCX_MIME)
      .header('content-disposition', `attachment; filename="bao-cao-${m.period}-${m.n}-${m.year}.docx"`)
      .header('cache-control', 'no-store')
      .send(await reportDocx(m));
  });
}
