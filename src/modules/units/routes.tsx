import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { platformPolicy } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { NotFound, ValidationFailed } from '../../platform/errors.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { parseDate } from '../../platform/i18n/index.js';
import { searchDocs } from '../../platform/search/index.js';
import type { ModuleManifest } from '../module.js';
import { COMMUNE_LEVELS } from './levels.js';
import { presentUnit } from './present.js';
import * as repo from './units.repo.js';
import { HomePage, SearchPage, UnitPage, type UnitPageModel, UnitsIndexPage } from './views.js';

const UnitSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'Official code: province 2 digits, commune 5 digits (Decision 19/2025/QĐ-TTg)' }),
  name: Type.String(),
  level: Type.String(),
  validFrom: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  validTo: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  isDemo: Type.Boolean(),
  current: Type.Boolean(),
});
const UnitDetailSchema = Type.Composite([
  UnitSchema,
  Type.Object({
    parent: Type.Union([UnitSchema, Type.Null()]),
    children: Type.Array(UnitSchema),
    successor: Type.Union([UnitSchema, Type.Null()]),
    predecessors: Type.Array(UnitSchema),
  }),
]);
const ListQuery = Type.Object({
  code: Type.Optional(Type.String({ pattern: '^\\d{2}(\\d{3})?$', description: '2-digit province or 5-digit commune code' })),
  date: Type.Optional(Type.String({ format: 'date', description: 'The day the code is looked up on (default: today in Vietnam)' })),
});

const toApi = (u: Unit, today: string) => {
  const { href: _h, ...rest } = presentUnit(u, today);
  return rest;
};

/** Each module's section of a commune home page; the list is passed in to avoid an import cycle. */
export type SectionSource = () => ModuleManifest[];

export function unitRoutes(app: FastifyInstance, deps: AppDeps, modules: SectionSource): void {
  const { db } = deps;
  const today = () => todayInVietnam(deps.clock.now());

  async function sectionsOf(unit: Unit, req: Parameters<typeof viewOf>[0]) {
    if (!COMMUNE_LEVELS.includes(unit.level)) return [];
    const view = viewOf(req, deps);
    const parts = await Promise.all(modules().map((m) => m.communeSection?.(deps, unit, view) ?? null));
    return parts.filter((p): p is NonNullable<typeof p> => p !== null);
  }

  async function unitModel(unit: Unit, req: Parameters<typeof viewOf>[0]): Promise<UnitPageModel> {
    const d = today();
    // An ended unit shows its children as they were on its last day.
    const childDate = unit.valid_to && unit.valid_to < d ? unit.valid_to : d;
    const [ancestors, children, predecessors, agencies, successor] = await Promise.all([
      repo.ancestorsOf(db, unit),
      repo.childrenOn(db, unit.id, childDate),
      repo.predecessorsOf(db, unit.id),
      repo.agenciesOf(db, unit.id),
      unit.successor_id ? repo.unitById(db, unit.successor_id) : Promise.resolve(undefined),
    ]);
    const villageIds =
      unit.level === 'village' || unit.level === 'residential_group'
        ? [unit.id]
        : children.filter((c) => c.level === 'village' || c.level === 'residential_group').map((c) => c.id);
    return {
      unit: presentUnit(unit, d),
      ancestors: ancestors.map((a) => presentUnit(a, d)),
      children: children.map((c) => presentUnit(c, d)),
      predecessors: predecessors.map((p) => presentUnit(p, d)),
      successor: successor ? presentUnit(successor, d) : null,
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
      households: await repo.householdCount(db, villageIds, d),
      canReadAudit: platformPolicy(req.actor, 'readAudit', { unitPath: unit.path }),
      canViewHouseholds: platformPolicy(req.actor, 'viewHouseholds', { unitPath: unit.path }),
      sections: await sectionsOf(unit, req),
    };
  }

  app.get('/', async (req, reply) => {
    const d = today();
    const provinces = await repo.topUnits(db, d);
    const withCommunes = await Promise.all(
      provinces.map(async (p) => ({ unit: presentUnit(p, d), communes: (await repo.childrenOn(db, p.id, d)).map((c) => presentUnit(c, d)) })),
    );
    return sendPage(req, reply, <HomePage view={viewOf(req, deps)} provinces={withCommunes} />);
  });

  app.get('/units', async (req, reply) => {
    const d = today();
    const all = await db.selectFrom('units').selectAll().where('level', 'in', ['province', 'district']).orderBy('valid_to', 'desc').orderBy('name').execute();
    return sendPage(req, reply, <UnitsIndexPage view={viewOf(req, deps)} units={all.map((u) => presentUnit(u, d))} />);
  });

  app.get('/units/lookup', async (req, reply) => {
    const q = req.query as { code?: string; date?: string };
    const date = q.date ? parseDate(q.date) : today();
    if (!date) throw new ValidationFailed({ date: req.t('err.badDate') });
    if (!/^\d{2}(\d{3})?$/.test(q.code ?? '')) throw new ValidationFailed({ code: req.t('err.badCode5') });
    const unit = await repo.unitByCode(db, q.code!, date);
    if (!unit) throw new NotFound(req.t('unit.notFoundCode', { code: q.code!, date }));
    return reply.redirect(`/units/${unit.id}`, 303);
  });

  app.get('/units/:id', { schema: { params: Type.Object({ id: Type.Integer() }) } }, async (req, reply) => {
    const unit = await repo.unitById(db, (req.params as { id: number }).id);
    if (!unit) throw new NotFound();
    return sendPage(req, reply, <UnitPage view={viewOf(req, deps)} m={await unitModel(unit, req)} />);
  });

  /** A commune's home page by its code today: /communes/02191 is Xã Xuân Dương. */
  app.get('/communes/:code', async (req, reply) => {
    const unit = await repo.unitByCode(db, (req.params as { code: string }).code, today());
    if (!unit) throw new NotFound();
    return sendPage(req, reply, <UnitPage view={viewOf(req, deps)} m={await unitModel(unit, req)} />);
  });

  app.get('/search', async (req, reply) => {
    const q = String((req.query as { q?: string }).q ?? '').slice(0, 200);
    const hits = await searchDocs(db, deps.dialect, q, { entityType: 'unit', limit: 50 });
    const units = await repo.unitsByIds(
      db,
      hits.map((h) => Number(h.entityId)),
    );
    const d = today();
    const ordered = hits.map((h) => units.find((u) => u.id === Number(h.entityId))).filter((u): u is Unit => !!u);
    return sendPage(req, reply, <SearchPage view={viewOf(req, deps)} q={q} results={ordered.map((u) => presentUnit(u, d))} />);
  });

  app.get(
    '/api/v1/units',
    {
      schema: {
        summary: 'Units by code on a date, or the top-level units',
        tags: ['units'],
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(UnitSchema) }) },
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const d = q.date ?? today();
      if (q.code) {
        const unit = await repo.unitByCode(db, q.code, d);
        return { items: unit ? [toApi(unit, today())] : [] };
      }
      return { items: (await repo.topUnits(db, d)).map((u) => toApi(u, today())) };
    },
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: {
        summary: 'One unit with its parent, children, successor and predecessors',
        tags: ['units'],
        params: Type.Object({ id: Type.Integer() }),
        response: { 200: UnitDetailSchema },
      },
    },
    async (req) => {
      const unit = await repo.unitById(db, (req.params as { id: number }).id);
      if (!unit) throw new NotFound();
      const d = today();
      const childDate = unit.valid_to && unit.valid_to < d ? unit.valid_to : d;
      const [parent, children, successor, predecessors] = await Promise.all([
        unit.parent_id ? repo.unitById(db, unit.parent_id) : undefined,
        repo.childrenOn(db, unit.id, childDate),
        unit.successor_id ? repo.unitById(db, unit.successor_id) : undefined,
        repo.predecessorsOf(db, unit.id),
      ]);
      return {
        ...toApi(unit, d),
        parent: parent ? toApi(parent, d) : null,
        children: children.map((c) => toApi(c, d)),
        successor: successor ? toApi(successor, d) : null,
        predecessors: predecessors.map((p) => toApi(p, d)),
      };
    },
  );
}
