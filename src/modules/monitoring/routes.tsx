// The monitoring pages (issue 9 items 1, 3–5):
//   GET  /monitoring                               the province's dashboard (the root unit in force)
//   GET  /monitoring/units/:id[?period&catalogue]  dashboard with drill-down (public indicators for anyone)
//   GET  /monitoring/units/:id/report.docx         the periodic report, Decree 30/2020 layout (readers)
//   GET  /monitoring/units/:id/indicators.xlsx     every indicator of the unit and the units under it, streamed
//   GET  /monitoring/agencies/:id[?period&catalogue]  an agency's indicators and trend (the drill-down's last level)
//   GET|POST /monitoring/units/:id/records         officials' training, outreach, commendation, discipline, funding
//   GET  /monitoring/records/:id/evidence          a record's evidence file (readers of everything; never residents)
//   GET|POST /monitoring/catalogues                load another council's resolution (admins)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { DOCX_MIME } from '../../platform/docs/decree30.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { sendStoredFile } from '../../platform/files/serve.js';
import { contentDisposition } from '../../platform/files/store.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field, files } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { emptyRecord, enterRecord, loadCatalogue, type RecordInput } from './commands.js';
import { agencyRef } from './compute.js';
import { streamWorkbook } from './export-xlsx.js';
import { agencyDashboard, cachedDashboard, dashboard, forgetDashboards, periodOr, pickCatalogue } from './model.js';
import { monitoringPolicy } from './monitoring.policy.js';
import { reportDocx } from './report-docx.js';
import { AgencyPage } from './views/agency.js';
import { DashboardPage } from './views/dashboard.js';
import { CataloguePage, RecordsPage } from './views/records.js';

export async function unitOr404(deps: AppDeps, id: unknown): Promise<Unit> {
  const unit = await deps.db.selectFrom('units').selectAll().where('id', '=', idOr404(id)).executeTakeFirst();
  if (!unit) throw new NotFound();
  return unit;
}
const mayReadAll = (req: FastifyRequest, unit: Unit) => monitoringPolicy(req.actor ?? null, 'readAll', { unitPath: unit.path });

export function monitoringRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const years = () => {
    const y = Number(todayInVietnam(deps.clock.now()).slice(0, 4));
    return Array.from({ length: y - 2023 }, (_, i) => y - i);
  };

  app.get('/monitoring', async (req, reply) => {
    const today = todayInVietnam(deps.clock.now());
    const root = await db
      .selectFrom('units')
      .select('id')
      .where('parent_id', 'is', null)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
      .orderBy('id')
      .executeTakeFirst();
    if (!root) throw new NotFound();
    const qs = req.url.indexOf('?');
    return reply.redirect(`/monitoring/units/${root.id}${qs >= 0 ? req.url.slice(qs) : ''}`);
  });

  app.get('/monitoring/units/:id', async (req, reply) => {
    const unit = await unitOr404(deps, (req.params as { id: string }).id);
    const qs = req.query as { period?: string; catalogue?: string };
    const { cat, all } = await pickCatalogue(deps, qs.catalogue);
    const d = await cachedDashboard(deps, unit, periodOr(qs.period, deps.clock.now()), cat, all, { internal: mayReadAll(req, unit), trend: true });
    const canRecord = monitoringPolicy(req.actor ?? null, 'enterRecords', { unitPath: unit.path });
    return sendPage(req, reply, <DashboardPage view={viewOf(req, deps)} d={d} years={years()} canRecord={canRecord} />);
  });

  app.get('/monitoring/agencies/:id', async (req, reply) => {
    const agency = await agencyRef(deps, idOr404((req.params as { id: string }).id));
    if (!agency) throw new NotFound();
    const unit = await unitOr404(deps, agency.unit_id);
    const qs = req.query as { period?: string; catalogue?: string };
    const { cat, all } = await pickCatalogue(deps, qs.catalogue);
    const internal = monitoringPolicy(req.actor ?? null, 'readAgency', { unitPath: unit.path, agencyId: agency.id });
    const d = await agencyDashboard(deps, agency, unit, periodOr(qs.period, deps.clock.now()), cat, all, { internal });
    return sendPage(req, reply, <AgencyPage view={viewOf(req, deps)} d={d} years={years()} />);
  });

  app.get('/monitoring/records/:id/evidence', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const r = await db
      .selectFrom('monitoring_records as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('files as f', 'f.id', 'r.evidence_file_id')
      .select(['u.path', 'f.sha256', 'f.filename', 'f.mime'])
      .where('r.id', '=', idOr404((req.params as { id: string }).id))
      .executeTakeFirst();
    if (!r) throw new NotFound();
    if (!monitoringPolicy(req.actor, 'readAll', { unitPath: r.path })) throw new Forbidden();
    return sendStoredFile(reply, deps.config.filesDir, r);
  });

  const readerModel = async (req: FastifyRequest) => {
    const unit = await unitOr404(deps, (req.params as { id: string }).id);
    if (!mayReadAll(req, unit)) throw new Forbidden();
    const qs = req.query as { period?: string; catalogue?: string };
    const { cat, all } = await pickCatalogue(deps, qs.catalogue);
    return { unit, cat, all, period: periodOr(qs.period, deps.clock.now()) };
  };

  app.get('/monitoring/units/:id/report.docx', async (req, reply) => {
    const { unit, cat, all, period } = await readerModel(req);
    const d = await dashboard(deps, unit, period, cat, all, { internal: true, trend: false });
    const buf = await reportDocx(d, todayInVietnam(deps.clock.now()));
    return reply
      .type(DOCX_MIME)
      .header('content-disposition', contentDisposition(`bao-cao-dan-chu-co-so-${period.key}.docx`, false))
      .send(buf);
  });

  app.get('/monitoring/units/:id/indicators.xlsx', async (req, reply) => {
    const { unit, cat, period } = await readerModel(req);
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`chi-so-${period.key}.xlsx`, false));
    return reply.send(await streamWorkbook(deps, unit, cat, period));
  });

  const recordsPage = async (req: FastifyRequest, reply: FastifyReply, unit: Unit, input: RecordInput, errors?: Record<string, string>) => {
    const rows = await db
      .selectFrom('monitoring_records as r')
      .leftJoin('files as f', 'f.id', 'r.evidence_file_id')
      .select([
        'r.id',
        'r.kind',
        'r.subkind',
        'r.title',
        'r.held_on',
        'r.required',
        'r.people',
        'r.planned',
        'r.spent',
        'r.evidence_note',
        'r.evidence_file_id',
        'f.filename',
        'r.created_by',
      ])
      .where('r.unit_id', '=', unit.id)
      .orderBy('r.held_on', 'desc')
      .limit(200)
      .execute();
    return sendPage(req, reply, <RecordsPage view={viewOf(req, deps)} unit={unit} rows={rows} input={input} errors={errors} />, errors ? 422 : 200);
  };

  app.get('/monitoring/units/:id/records', async (req, reply) => {
    const unit = await unitOr404(deps, (req.params as { id: string }).id);
    if (!monitoringPolicy(req.actor ?? null, 'enterRecords', { unitPath: unit.path })) throw new Forbidden();
    return recordsPage(req, reply, unit, emptyRecord(String((req.query as { kind?: string }).kind ?? 'training')));
  });

  app.post('/monitoring/units/:id/records', async (req, reply) => {
    const unit = await unitOr404(deps, (req.params as { id: string }).id);
    const view = viewOf(req, deps);
    if (!req.actor) throw new Forbidden();
    const b = req.body;
    const input: RecordInput = {
      kind: field(b, 'kind'),
      subkind: field(b, 'subkind'),
      title: field(b, 'title'),
      heldOn: field(b, 'heldOn'),
      required: field(b, 'required'),
      people: field(b, 'people'),
      planned: field(b, 'planned'),
      spent: field(b, 'spent'),
      evidenceNote: field(b, 'evidenceNote'),
    };
    const r = await enterRecord(deps, view.t, req.actor, unit, input, files(b, 'evidence')[0]);
    if (!r.ok && r.reason === 'forbidden') throw new Forbidden();
    if (!r.ok) return recordsPage(req, reply, unit, input, r.errors);
    forgetDashboards();
    return redirectWithFlash(reply, `/monitoring/units/${unit.id}/records`, view.t('monitoring.records.saved'));
  });

  app.get('/monitoring/catalogues', async (req, reply) => {
    const rows = await db.selectFrom('monitoring_catalogues').select(['key', 'title', 'loaded_by', 'loaded_at']).orderBy('id').execute();
    return sendPage(req, reply, <CataloguePage view={viewOf(req, deps)} rows={rows} text="" />);
  });

  app.post('/monitoring/catalogues', async (req, reply) => {
    const view = viewOf(req, deps);
    if (!req.actor) throw new Forbidden();
    const text = field(req.body, 'text');
    const r = await loadCatalogue(deps, req.actor, text);
    if (!r.ok && r.reason === 'forbidden') throw new Forbidden();
    if (!r.ok) {
      const rows = await db.selectFrom('monitoring_catalogues').select(['key', 'title', 'loaded_by', 'loaded_at']).orderBy('id').execute();
      return sendPage(req, reply, <CataloguePage view={view} rows={rows} text={text} errors={r.errors} />, 422);
    }
    forgetDashboards();
    return redirectWithFlash(reply, `/monitoring/catalogues`, view.t('monitoring.catalogue.loaded', { key: r.key }));
  });
}
