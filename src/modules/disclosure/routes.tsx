// Public pages of disclosures: the commune list with filters and folded search, the detail page with
// versions, attachments and a QR code linking the paper posting to the page, the A4 poster, files.

import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { AppDeps } from '../../app-deps.js';
import type { DisclosureTable } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { contentDisposition, filePath } from '../../platform/files/store.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { formatDate } from '../../platform/i18n/index.js';
import { abilities, communeOf, villagesOf } from './context.js';
import { mayReadRequests } from './disclosure.policy.js';
import * as repo from './disclosure.repo.js';
import { presentDisclosure } from './present.js';
import { AGENCY_CATEGORIES, COMMUNE_CATEGORIES } from './rules/categories.js';
import { type DetailModel, DisclosureDetailPage } from './views/detail.js';
import { DisclosureListPage } from './views/list.js';
import { PosterPage } from './views/poster.js';

type Q = Record<string, string | undefined>;
const PAGE_SIZE = 20;

export async function loadVisible(deps: AppDeps, req: FastifyRequest, id: number) {
  const d = await repo.findDisclosure(deps.db, id);
  if (!d) throw new NotFound();
  const unit = await communeOf(deps, d.unit_id);
  const can = abilities(req, unit, d.agency_id);
  if (d.scope === 'agency' && !can.read) throw req.actor ? new Forbidden() : new Unauthenticated();
  if (d.status === 'draft' && !can.readDrafts) throw new NotFound();
  return { d, unit, can };
}

export function disclosureRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());
  const qrFor = (id: number) => QRCode.toString(`${deps.config.publicUrl}/disclosures/${id}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

  async function list(req: FastifyRequest, reply: FastifyReply, unitId: number, agencyId: number | null) {
    const unit = await communeOf(deps, unitId);
    const can = abilities(req, unit, agencyId);
    if (!can.read) throw req.actor ? new Forbidden() : new Unauthenticated();
    const q = req.query as Q;
    const state = q.state === 'withdrawn' ? 'withdrawn' : q.state === 'draft' && can.readDrafts ? 'draft' : '';
    const statuses: DisclosureTable['status'][] = state === 'withdrawn' ? ['withdrawn'] : state === 'draft' ? ['draft'] : ['published', 'ended'];
    const page = Math.max(1, Math.min(Number(q.page) || 1, 10_000));
    const category = Number(q.category) || undefined;
    const villageId = Number(q.village) || undefined;
    const year = Number(q.year) || undefined;
    const agency = agencyId
      ? await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', agencyId).where('unit_id', '=', unit.id).executeTakeFirst()
      : undefined;
    if (agencyId && !agency) throw new NotFound();
    const { rows, total, capped, hasNext } = await repo.listDisclosures(db, deps.dialect, {
      unitId: unit.id,
      scope: agencyId ? 'agency' : 'commune',
      agencyId: agencyId ?? undefined,
      category,
      villageId,
      year,
      statuses,
      q: (q.q ?? '').slice(0, 200),
      page,
      pageSize: PAGE_SIZE,
    });
    const cal = await workingCalendar(deps);
    const d = today();
    const currentYear = Number(d.slice(0, 4));
    const following =
      req.actor?.userId && !agencyId
        ? !!(await db
            .selectFrom('disclosure_follows')
            .select('id')
            .where('user_id', '=', req.actor.userId)
            .where('unit_id', '=', unit.id)
            .where((eb) => (category ? eb('category', '=', category) : eb('category', 'is', null)))
            .executeTakeFirst())
        : null;
    return sendPage(
      req,
      reply,
      <DisclosureListPage
        view={viewOf(req, deps)}
        m={{
          unit: { id: unit.id, name: unit.name },
          agency,
          items: rows.map((r) => presentDisclosure(r, d, cal)),
          total,
          capped,
          hasNext,
          page,
          pageSize: PAGE_SIZE,
          filters: {
            category: category ? String(category) : '',
            village: villageId ? String(villageId) : '',
            year: year ? String(year) : '',
            state,
            q: q.q ?? '',
          },
          categories: agencyId ? AGENCY_CATEGORIES : COMMUNE_CATEGORIES,
          villages: agencyId ? [] : await villagesOf(deps, unit),
          years: Array.from({ length: 6 }, (_, i) => currentYear + 1 - i),
          canPrepare: can.prepare,
          canSeeDrafts: can.readDrafts,
          canReadRequests: !agencyId && mayReadRequests(req.actor, { unitPath: unit.path }),
          following,
          base: agencyId ? `/agencies/${agencyId}/disclosures` : `/units/${unit.id}/disclosures`,
        }}
      />,
    );
  }

  app.get('/units/:id/disclosures', (req, reply) => list(req, reply, Number((req.params as Q).id), null));
  app.get('/agencies/:id/disclosures', async (req, reply) => {
    const agency = await db
      .selectFrom('agencies')
      .select(['id', 'unit_id'])
      .where('id', '=', Number((req.params as Q).id))
      .executeTakeFirst();
    if (!agency) throw new NotFound();
    return list(req, reply, agency.unit_id, agency.id);
  });

  app.get('/disclosures/:id', async (req, reply) =>
    sendPage(req, reply, <DisclosureDetailPage view={viewOf(req, deps)} m={await detailModel(deps, req, Number((req.params as Q).id))} />),
  );

  app.get('/disclosures/:id/versions/:version', async (req, reply) => {
    const { d, unit } = await loadVisible(deps, req, Number((req.params as Q).id));
    const v = await db
      .selectFrom('disclosure_versions')
      .selectAll()
      .where('disclosure_id', '=', d.id)
      .where('version', '=', Number((req.params as Q).version))
      .executeTakeFirst();
    if (!v) throw new NotFound();
    const snap = JSON.parse(v.snapshot);
    const cal = await workingCalendar(deps);
    const view = {
      ...presentDisclosure(
        {
          ...d,
          title: snap.title,
          body: snap.body,
          category: snap.category,
          decision_number: snap.decision.number,
          decision_date: snap.decision.date,
          decision_signer: snap.decision.signer,
          posting_start: snap.postingStart,
          posting_end: snap.postingEnd,
          version: v.version,
        },
        today(),
        cal,
      ),
    };
    return sendPage(
      req,
      reply,
      <DisclosureDetailPage
        view={viewOf(req, deps)}
        m={{
          d: { ...view, title: `${snap.title} (${req.t('disclosure.versionLower', { n: v.version })})` },
          unit: { id: unit.id, name: unit.name },
          villages: [],
          forms: snap.forms.map((f: { form: string; start: string; end: string | null; detail: string | null }) => ({ ...f, village: null })),
          files: [],
          versions: [],
          qrSvg: null,
          can: { prepare: false, relayVillage: null, seeTimeliness: false },
        }}
      />,
    );
  });

  app.get('/disclosures/:id/qr.svg', async (req, reply) => {
    const { d } = await loadVisible(deps, req, Number((req.params as Q).id));
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .send(await qrFor(d.id));
  });

  app.get('/disclosures/:id/poster', async (req, reply) => {
    const { d, unit } = await loadVisible(deps, req, Number((req.params as Q).id));
    const cal = await workingCalendar(deps);
    return sendPage(
      req,
      reply,
      <PosterPage
        view={viewOf(req, deps)}
        d={presentDisclosure(d, today(), cal)}
        unitName={unit.name}
        qrSvg={await qrFor(d.id)}
        url={`${deps.config.publicUrl}/disclosures/${d.id}`}
      />,
    );
  });

  app.get('/files/:id/:name', async (req, reply) => {
    const fileId = Number((req.params as Q).id);
    const link = await db.selectFrom('disclosure_attachments').select('disclosure_id').where('file_id', '=', fileId).executeTakeFirst();
    if (!link) throw new NotFound();
    await loadVisible(deps, req, link.disclosure_id);
    const f = await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
    const inline = f.mime === 'application/pdf' || f.mime.startsWith('image/');
    return reply
      .type(f.mime)
      .header('content-disposition', contentDisposition(f.filename, inline))
      .header('content-security-policy', 'sandbox; default-src none')
      .header('cache-control', 'private, max-age=3600')
      .send(createReadStream(filePath(deps.config.filesDir, f.sha256)));
  });
}

async function detailModel(deps: AppDeps, req: FastifyRequest, id: number): Promise<DetailModel> {
  const { d, unit, can } = await loadVisible(deps, req, id);
  const [forms, villages, files, versions, cal] = await Promise.all([
    repo.formsOf(deps.db, id),
    repo.villagesOf(deps.db, id),
    repo.attachmentsOf(deps.db, id),
    repo.versionsOf(deps.db, id),
    workingCalendar(deps),
  ]);
  const villageNames = new Map((await villagesOf(deps, unit)).map((v) => [v.id, v.name]));
  // A village head of one of this commune's villages may record a relay there (Art 13(4)).
  const headOf = req.actor?.grants.find((g) => g.role === 'village_head' && villageNames.has(g.unitId));
  return {
    d: presentDisclosure(d, todayInVietnam(deps.clock.now()), cal),
    unit: { id: unit.id, name: unit.name },
    villages,
    forms: forms.map((f) => ({
      form: f.form,
      start: f.start_date,
      end: f.end_date,
      detail: f.detail,
      village: f.village_id ? (villageNames.get(f.village_id) ?? null) : null,
    })),
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size, version: f.version })),
    versions: versions.map((v) => ({ version: v.version, changeNote: v.change_note, createdAt: v.created_at })),
    qrSvg:
      d.status === 'draft'
        ? null
        : await QRCode.toString(`${deps.config.publicUrl}/disclosures/${d.id}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    can: {
      prepare: can.prepare,
      relayVillage: d.scope === 'commune' && headOf ? { id: headOf.unitId, name: villageNames.get(headOf.unitId)! } : null,
      seeTimeliness: can.readDrafts,
    },
  };
}

export { detailModel, formatDate };
