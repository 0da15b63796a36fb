// The agencies' rows of the Excel workbook's indicator sheet (issue 9 items 4–5): every measure for
// each agency inside the unit (compute.ts agenciesOf), in INDICATOR_COLUMNS order; a measure with no
// meaning inside an agency says so ("không áp dụng") rather than 0.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import type { Catalogue } from './catalogue.js';
import { agenciesOf, evaluateAgencies, type Period } from './compute.js';

export async function agencyIndicatorRows(deps: AppDeps, unit: Unit, cat: Catalogue, p: Period): Promise<(string | number | null)[][]> {
  const agencies = await agenciesOf(deps, unit, p);
  const rows = await evaluateAgencies(deps, cat, agencies, p, { internal: true });
  return rows.flatMap((r) =>
    agencies.map((a) => {
      const c = r.cells.get(a.id) ?? null;
      return [
        r.measure.target,
        r.measure.indicator,
        r.measure.label,
        // Agencies have no administrative code: their id, marked as an agency's.
        `CQ-${a.id}`,
        a.name,
        p.key,
        r.notApplicable ? 'không áp dụng' : c ? c.value : 'chưa đo',
        c?.of ?? null,
        c?.share == null ? null : Math.round(c.share * 1000) / 10,
        r.kind === 'share' && !r.notApplicable ? r.goal : null,
      ];
    }),
  );
}
