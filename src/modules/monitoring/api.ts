// Open data (issue 9 item 6): every public indicator of the unit and of each unit one level down, with
// its target id and period, as JSON and CSV; then the same for each agency listed on the unit's
// dashboard (compute.ts agenciesOf; resolution T-2.x "every agency, unit"), only the indicators measured
// per agency (`agencyCompute`). Anyone may read public indicators; internal ones (M-3.8) are never
// listed here.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { ValidationFailed } from '../../platform/errors.js';
import { labelOf } from './catalogue.js';
import { agenciesOf, type Cell, childrenOf, evaluate, evaluateAgencies, parsePeriod, type Row } from './compute.js';
import { periodOr, pickCatalogue } from './model.js';
import { unitOr404 } from './routes.js';

const Item = Type.Object({
  target: Type.String({ description: 'Target id of the catalogue, e.g. T-2.2' }),
  indicator: Type.String({ description: '<module>.<name>, e.g. disclosure.on_time' }),
  label: Type.String(),
  unit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }, { description: 'For an agency: the unit it belongs to' }),
  agency: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()], {
    description: "null: the unit's own figure; else an agency inside the unit (its id is that of /monitoring/agencies/:id)",
  }),
  period: Type.Object({ key: Type.String(), from: Type.String(), to: Type.String() }),
  kind: Type.Union([Type.Literal('share'), Type.Literal('count'), Type.Null()], { description: 'null: not measured yet' }),
  measured: Type.Boolean({
    description: "false: the module measuring it does not exist yet, or an agency's staff count (on which the duty depends) is not recorded; never 0 or 100 %",
  }),
  value: Type.Union([Type.Number(), Type.Null()]),
  of: Type.Union([Type.Number(), Type.Null()]),
  percent: Type.Union([Type.Number(), Type.Null()], { description: 'value/of × 100; null when nothing was due' }),
  goal: Type.Union([Type.Number(), Type.Null()], { description: 'Target in percent (shares only)' }),
});
const Query = Type.Object({
  unit: Type.Integer({
    minimum: 1,
    maximum: 2147483647,
    description: 'Internal id of a unit (the province, a commune, a village); its agencies are listed after the units',
  }),
  period: Type.Optional(Type.String({ description: 'YYYY or YYYY-Qn (default: the current year)' })),
  catalogue: Type.Optional(Type.String({ description: 'Catalogue key (default na-ri-2024)' })),
});

async function items(deps: AppDeps, req: FastifyRequest) {
  const q = req.query as { unit: number; period?: string; catalogue?: string };
  if (q.period !== undefined && !parsePeriod(q.period)) throw new ValidationFailed({ period: 'Kỳ phải có dạng YYYY hoặc YYYY-Qn (ví dụ 2026-Q3).' });
  const unit = await unitOr404(deps, q.unit);
  const p = periodOr(q.period, deps.clock.now());
  const { cat } = await pickCatalogue(deps, q.catalogue);
  const [children, agencies] = await Promise.all([childrenOf(deps, unit, p), agenciesOf(deps, unit, p)]);
  const units = [unit, ...children];
  const [rows, agencyRows, agencyUnits] = await Promise.all([
    evaluate(deps, cat, units, p, { internal: false }),
    evaluateAgencies(deps, cat, agencies, p, { internal: false }),
    deps.db
      .selectFrom('units')
      .select(['id', 'code', 'name'])
      .where('id', 'in', [0, ...new Set(agencies.map((a) => a.unit_id))])
      .execute(),
  ]);
  const item = (r: Row, c: Cell, u: { id: number; code: string; name: string }, agency: { id: number; name: string } | null) => ({
    target: r.measure.target,
    indicator: r.measure.indicator,
    label: labelOf(r.measure, agency !== null),
    unit: { id: u.id, code: u.code, name: u.name },
    agency,
    period: { key: p.key, from: p.from, to: p.to },
    kind: r.kind,
    measured: c !== null && !c.noStaffCount,
    value: c && !c.noStaffCount ? c.value : null,
    of: c?.of ?? null,
    percent: c?.share == null ? null : Math.round(c.share * 1000) / 10,
    goal: r.kind === 'share' ? r.goal : null,
  });
  const unitOf = new Map(agencyUnits.map((u) => [u.id, u]));
  return [
    ...rows.flatMap((r) => units.map((u) => item(r, r.cells.get(u.id) ?? null, u, null))),
    ...agencyRows
      .filter((r) => r.kind && !r.notApplicable)
      .flatMap((r) => agencies.map((a) => item(r, r.cells.get(a.id) ?? null, unitOf.get(a.unit_id)!, { id: a.id, name: a.name }))),
  ];
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote always; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  return `"${(/^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
};

export function monitoringApi(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/indicators',
    {
      schema: {
        summary: 'Public indicators of the resolution targets for a unit, the units one level down and its agencies (issue 9; open data)',
        tags: ['indicators'],
        querystring: Query,
        response: { 200: Type.Object({ items: Type.Array(Item) }) },
      },
    },
    async (req) => ({ items: await items(deps, req) }),
  );
  app.get(
    '/api/v1/indicators.csv',
    {
      schema: {
        summary: 'The same public indicators as CSV (UTF-8 with BOM, one row per indicator and unit or agency; agency_id empty for a unit)',
        tags: ['indicators'],
        querystring: Query,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const list = await items(deps, req);
      // The agency's columns come last, so that readers of the earlier columns by position still work.
      const head = [
        'target',
        'indicator',
        'label',
        'unit_code',
        'unit_name',
        'period',
        'measured',
        'value',
        'of',
        'percent',
        'goal',
        'agency_id',
        'agency_name',
      ];
      const lines = list.map((i) =>
        [i.target, i.indicator, i.label, i.unit.code, i.unit.name, i.period.key, i.measured, i.value, i.of, i.percent, i.goal, i.agency?.id, i.agency?.name]
          .map(csvCell)
          .join(','),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="indicators.csv"')
        .send(`\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`);
    },
  );
}
