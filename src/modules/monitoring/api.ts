// Open data (issue 9 item 6): every public indicator of the unit and of each unit one level down, with
// its target id and period, as JSON and CSV. Anyone may read public indicators; internal ones (M-3.8)
// are never listed here.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { ValidationFailed } from '../../platform/errors.js';
import { childrenOf, evaluate, parsePeriod } from './compute.js';
import { periodOr, pickCatalogue } from './model.js';
import { unitOr404 } from './routes.js';

const Item = Type.Object({
  target: Type.String({ description: 'Target id of the catalogue, e.g. T-2.2' }),
  indicator: Type.String({ description: '<module>.<name>, e.g. disclosure.on_time' }),
  label: Type.String(),
  unit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  period: Type.Object({ key: Type.String(), from: Type.String(), to: Type.String() }),
  kind: Type.Union([Type.Literal('share'), Type.Literal('count'), Type.Null()], { description: 'null: not measured yet' }),
  measured: Type.Boolean({ description: 'false: the module measuring it does not exist yet (never 0 or 100 %)' }),
  value: Type.Union([Type.Number(), Type.Null()]),
  of: Type.Union([Type.Number(), Type.Null()]),
  percent: Type.Union([Type.Number(), Type.Null()], { description: 'value/of × 100; null when nothing was due' }),
  goal: Type.Union([Type.Number(), Type.Null()], { description: 'Target in percent (shares only)' }),
});
const Query = Type.Object({
  unit: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of a unit (the province, a commune, a village)' }),
  period: Type.Optional(Type.String({ description: 'YYYY or YYYY-Qn (default: the current year)' })),
  catalogue: Type.Optional(Type.String({ description: 'Catalogue key (default na-ri-2024)' })),
});

async function items(deps: AppDeps, req: FastifyRequest) {
  const q = req.query as { unit: number; period?: string; catalogue?: string };
  if (q.period !== undefined && !parsePeriod(q.period)) throw new ValidationFailed({ period: 'Kỳ phải có dạng YYYY hoặc YYYY-Qn (ví dụ 2026-Q3).' });
  const unit = await unitOr404(deps, q.unit);
  const p = periodOr(q.period, deps.clock.now());
  const { cat } = await pickCatalogue(deps, q.catalogue);
  const units = [unit, ...(await childrenOf(deps, unit, p))];
  const rows = await evaluate(deps, cat, units, p, { internal: false });
  return rows.flatMap((r) =>
    units.map((u) => {
      const c = r.cells.get(u.id) ?? null;
      return {
        target: r.measure.target,
        indicator: r.measure.indicator,
        label: r.measure.label,
        unit: { id: u.id, code: u.code, name: u.name },
        period: { key: p.key, from: p.from, to: p.to },
        kind: r.kind,
        measured: c !== null,
        value: c?.value ?? null,
        of: c?.of ?? null,
        percent: c?.share == null ? null : Math.round(c.share * 1000) / 10,
        goal: r.kind === 'share' ? r.goal : null,
      };
    }),
  );
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
        summary: 'Public indicators of the resolution targets for a unit and the units one level down (issue 9; open data)',
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
        summary: 'The same public indicators as CSV (UTF-8 with BOM, one row per indicator and unit)',
        tags: ['indicators'],
        querystring: Query,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const list = await items(deps, req);
      const head = ['target', 'indicator', 'label', 'unit_code', 'unit_name', 'period', 'measured', 'value', 'of', 'percent', 'goal'];
      const lines = list.map((i) =>
        [i.target, i.indicator, i.label, i.unit.code, i.unit.name, i.period.key, i.measured, i.value, i.of, i.percent, i.goal].map(csvCell).join(','),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="indicators.csv"')
        .send(`\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`);
    },
  );
}
