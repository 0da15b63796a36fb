// One model for the dashboard page, the Word report, the Excel workbook and the open data (issue 9
// items 4–6): a unit's measures against their targets, the units one level down ranked furthest
// behind first, and the trend by quarter.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import type { AgencyRef } from '../module.js';
import type { Catalogue } from './catalogue.js';
import {
  agenciesOf,
  attainment,
  type Cell,
  catalogues,
  childrenOf,
  evaluate,
  evaluateAgencies,
  type Period,
  parsePeriod,
  quartersUpTo,
  type Row,
} from './compute.js';

export type Dashboard = {
  unit: Unit;
  /** The unit one level up, for the "lên cấp trên" link (none at the root). */
  parent: { id: number; name: string } | null;
  catalogue: Catalogue;
  catalogues: { key: string; title: string }[];
  period: Period;
  internal: boolean;
  /** Cells of the unit (and of the children: the same rows as childRows). */
  rows: Row[];
  children: { unit: Unit; score: number | null }[];
  /** Cells of the units one level down. */
  childRows: Row[];
  /** The agencies inside the unit (compute.ts agenciesOf), furthest behind first, and their rows. */
  agencies: { agency: AgencyRef; score: number | null }[];
  agencyRows: Row[];
  /** Internal readers only: the unit's own records in the period with their evidence (issue 9 item 3). */
  evidence: Evidence[];
  trend: { period: Period; score: number | null }[];
  /** When the figures were computed (the page says so: they may be up to CACHE_MS old). */
  computedAt: Date;
};

/** The dashboard page's figures are computed at most once a minute per unit, period, catalogue and
 * audience (a province dashboard reads two years of a province's activity; docs/performance.md).
 * The Word, Excel and open-data outputs always compute afresh. */
export const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; d: Promise<Dashboard> }>();
export function cachedDashboard(...args: Parameters<typeof dashboard>): Promise<Dashboard> {
  const [, unit, period, cat, , opts] = args;
  const key = `${unit.id}|${period.key}|${cat.key}|${opts.internal}|${opts.trend}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.d;
  if (cache.size >= 500) cache.delete(cache.keys().next().value!);
  const d = dashboard(...args);
  cache.set(key, { at: Date.now(), d });
  d.catch(() => cache.delete(key));
  return d;
}
/** Officials' new records show at once on their unit's dashboard. */
export const forgetDashboards = () => cache.clear();

/** The period asked for, else the current year. */
export function periodOr(key: unknown, now: Date): Period {
  return (typeof key === 'string' && parsePeriod(key)) || parsePeriod(todayInVietnam(now).slice(0, 4))!;
}

export async function pickCatalogue(deps: AppDeps, key: unknown): Promise<{ cat: Catalogue; all: Catalogue[] }> {
  const all = await catalogues(deps);
  return { cat: all.find((c) => c.key === key) ?? all[0]!, all };
}

export async function dashboard(
  deps: AppDeps,
  unit: Unit,
  period: Period,
  cat: Catalogue,
  all: Catalogue[],
  opts: { internal: boolean; trend: boolean },
): Promise<Dashboard> {
  const [children, agencies, parent] = await Promise.all([
    childrenOf(deps, unit, period),
    agenciesOf(deps, unit, period),
    unit.parent_id === null ? undefined : deps.db.selectFrom('units').select(['id', 'name']).where('id', '=', unit.parent_id).executeTakeFirst(),
  ]);
  const quarters = opts.trend ? quartersUpTo(period) : [];
  const quarterly = { ...cat, measures: cat.measures.filter((m) => m.period === 'quarter') };
  // The unit and the units one level down in one evaluation: a module's grouped query over the
  // subtree gives both (rollUp), instead of reading the same rows twice.
  const [rows, agencyRows, ...trendRows] = await Promise.all([
    evaluate(deps, cat, [unit, ...children], period, opts),
    evaluateAgencies(deps, cat, agencies, period, opts),
    ...quarters.map((q) => evaluate(deps, quarterly, [unit], q, opts)),
  ]);
  const childRows = rows;
  const evidence = opts.internal ? await evidenceOf(deps, unit, period) : [];
  const ranked = children
    .map((u) => ({ unit: u, score: attainment(childRows, u.id) }))
    // Furthest behind first; units with nothing measured last.
    .sort((a, b) => (a.score ?? 2) - (b.score ?? 2) || a.unit.name.localeCompare(b.unit.name, 'vi'));
  const rankedAgencies = agencies
    .map((a) => ({ agency: a, score: attainment(agencyRows, a.id) }))
    .sort((a, b) => (a.score ?? 2) - (b.score ?? 2) || a.agency.name.localeCompare(b.agency.name, 'vi'));
  return {
    unit,
    parent: parent ?? null,
    catalogue: cat,
    catalogues: all.map((c) => ({ key: c.key, title: c.title })),
    period,
    internal: opts.internal,
    rows,
    children: ranked,
    childRows,
    agencies: rankedAgencies,
    agencyRows,
    evidence,
    trend: quarters.map((q, i) => ({ period: q, score: attainment(trendRows[i]!, unit.id) })),
    computedAt: new Date(),
  };
}

export type Evidence = { id: number; kind: string; title: string; held_on: string; evidence_note: string | null; filename: string | null };
/** A unit's own records held in the period, newest first, with the name of the evidence file if any. */
export function evidenceOf(deps: AppDeps, unit: Unit, p: Period): Promise<Evidence[]> {
  return deps.db
    .selectFrom('monitoring_records as r')
    .leftJoin('files as f', 'f.id', 'r.evidence_file_id')
    .select(['r.id', 'r.kind', 'r.title', 'r.held_on', 'r.evidence_note', 'f.filename'])
    .where('r.unit_id', '=', unit.id)
    .where('r.held_on', '>=', p.from)
    .where('r.held_on', '<=', p.to)
    .orderBy('r.held_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute();
}

/** One agency's page (issue 9 item 4, the last level of the drill-down): its indicators against the
 * targets and its trend by quarter, beside the unit it belongs to. */
export type AgencyDashboard = Omit<Dashboard, 'children' | 'childRows' | 'agencies' | 'agencyRows' | 'evidence' | 'parent'> & { agency: AgencyRef };

export async function agencyDashboard(
  deps: AppDeps,
  agency: AgencyRef,
  unit: Unit,
  period: Period,
  cat: Catalogue,
  all: Catalogue[],
  opts: { internal: boolean },
): Promise<AgencyDashboard> {
  const quarters = quartersUpTo(period);
  const quarterly = { ...cat, measures: cat.measures.filter((m) => m.period === 'quarter') };
  const [rows, ...trendRows] = await Promise.all([
    evaluateAgencies(deps, cat, [agency], period, opts),
    ...quarters.map((q) => evaluateAgencies(deps, quarterly, [agency], q, opts)),
  ]);
  return {
    agency,
    unit,
    catalogue: cat,
    catalogues: all.map((c) => ({ key: c.key, title: c.title })),
    period,
    internal: opts.internal,
    rows,
    trend: quarters.map((q, i) => ({ period: q, score: attainment(trendRows[i]!, agency.id) })),
    computedAt: new Date(),
  };
}

/** "12/20 (60%)", "1.234", or the reason there is no figure (`na`: the indicator has no meaning for an agency). */
export function cellText(c: Cell, kind: Row['kind'], lang: 'vi' | 'en', na = false): string {
  const nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  if (na) return lang === 'vi' ? 'không áp dụng' : 'not applicable';
  if (!kind || !c) return lang === 'vi' ? 'chưa đo' : 'not measured yet';
  if (c.noStaffCount) return lang === 'vi' ? 'chưa có số liệu biên chế' : 'no staff count yet';
  if (kind === 'count') return nf.format(c.value);
  if (c.share === null) return lang === 'vi' ? 'chưa phát sinh' : 'nothing due';
  return `${nf.format(c.value)}/${nf.format(c.of ?? 0)} (${Math.round(c.share * 100)}%)`;
}

/** met | behind | none (nothing due) | unmeasured | count (no goal to compare) | na (not for agencies). */
export function status(c: Cell, kind: Row['kind'], goal: number, na = false): 'met' | 'behind' | 'none' | 'unmeasured' | 'count' | 'na' {
  if (na) return 'na';
  if (!kind || !c || c.noStaffCount) return 'unmeasured';
  if (kind === 'count') return 'count';
  if (c.share === null) return 'none';
  return c.share * 100 >= goal ? 'met' : 'behind';
}
