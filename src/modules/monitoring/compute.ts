// The dashboard's engine (issue 9 items 2 and 4): for a catalogue, some units and a period, every
// measure's value per unit from the owning module's manifest `indicators` (this module never reads
// another module's tables). A measure whose module or indicator does not exist yet is "not measured
// yet" (null), never 0 % or 100 %.
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { modules } from '../index.js';
import type { AgencyRef, IndicatorValue, ModuleIndicator } from '../module.js';
import { COMMUNE_LEVELS, VILLAGE_LEVELS } from '../units/levels.js';
import { type Catalogue, type Measure, parseCatalogue } from './catalogue.js';
import { NA_RI_CATALOGUE } from './catalogue-na-ri.js';

export type Period = { key: string; from: string; to: string; year: number; quarter: number | null };
/** 'YYYY' or 'YYYY-Qn' to its dates; null when not that form. */
export function parsePeriod(key: string): Period | null {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const q = m[2] ? Number(m[2]) : null;
  if (year < 2000 || year > 2100) return null;
  const last = (mo: number) => new Date(Date.UTC(year, mo, 0)).getUTCDate();
  const pad = (x: number) => String(x).padStart(2, '0');
  if (q === null) return { key, from: `${year}-01-01`, to: `${year}-12-31`, year, quarter: null };
  return { key, from: `${year}-${pad(q * 3 - 2)}-01`, to: `${year}-${pad(q * 3)}-${last(q * 3)}`, year, quarter: q };
}
/** The eight quarters up to and including the period's last quarter (the trend). */
export function quartersUpTo(p: Period): Period[] {
  const out: Period[] = [];
  let y = p.year;
  let q = p.quarter ?? 4;
  for (let i = 0; i < 8; i++) {
    out.unshift(parsePeriod(`${y}-Q${q}`)!);
    q -= 1;
    if (q === 0) [y, q] = [y - 1, 4];
  }
  return out;
}

export function findIndicator(id: string): ModuleIndicator | undefined {
  const [mod, name] = id.split('.') as [string, string];
  return modules.find((m) => m.name === mod)?.indicators?.[name];
}

/** The default catalogue first, then those loaded by admins (catalogue.ts). */
export async function catalogues(deps: AppDeps): Promise<Catalogue[]> {
  const rows = await deps.db.selectFrom('monitoring_catalogues').select(['text']).orderBy('id').execute();
  const loaded = rows.map((r) => parseCatalogue(r.text));
  return [parseCatalogue(NA_RI_CATALOGUE), ...loaded.filter((c) => c.key !== 'na-ri-2024')];
}

/** `noStaffCount`: an agency's figure that waits for its staff count (module.ts IndicatorValue). */
export type Cell = { value: number; of: number | null; share: number | null; noStaffCount?: true } | null;
/** `notApplicable`: an agency row whose indicator has no meaning inside an agency (no `agencyCompute`). */
export type Row = { measure: Measure; kind: 'share' | 'count' | null; goal: number; cells: Map<number, Cell>; notApplicable?: boolean };

/** Every measure of the catalogue over the units; year measures over the whole year(s) of the period. */
export async function evaluate(deps: AppDeps, cat: Catalogue, units: Unit[], p: Period, opts: { internal: boolean }): Promise<Row[]> {
  const measures = cat.measures.filter((m) => opts.internal || m.public);
  return Promise.all(
    measures.map(async (measure) => {
      const ind = findIndicator(measure.indicator);
      const goal = cat.targets.find((t) => t.id === measure.target)!.goal;
      if (!ind || units.length === 0) return { measure, kind: ind?.kind ?? null, goal, cells: new Map(units.map((u) => [u.id, null])) };
      const q = measure.period === 'year' ? { units, from: `${p.from.slice(0, 4)}-01-01`, to: `${p.to.slice(0, 4)}-12-31` } : { units, from: p.from, to: p.to };
      const values = await ind.compute(deps, q);
      return { measure, kind: ind.kind, goal, cells: new Map(units.map((u) => [u.id, toCell(values.get(u.id), ind.kind)])) };
    }),
  );
}

/** The same for agencies (cells keyed by agency id): an indicator without `agencyCompute` is not
 * applicable to an agency, which is said so rather than counted as 0 % (T-2.x "every agency, unit"). */
export async function evaluateAgencies(deps: AppDeps, cat: Catalogue, agencies: AgencyRef[], p: Period, opts: { internal: boolean }): Promise<Row[]> {
  const measures = cat.measures.filter((m) => opts.internal || m.public);
  return Promise.all(
    measures.map(async (measure) => {
      const ind = findIndicator(measure.indicator);
      const goal = cat.targets.find((t) => t.id === measure.target)!.goal;
      const empty = new Map(agencies.map((a) => [a.id, null]));
      if (!ind?.agencyCompute) return { measure, kind: ind?.kind ?? null, goal, cells: empty, notApplicable: !!ind };
      if (agencies.length === 0) return { measure, kind: ind.kind, goal, cells: empty };
      const q =
        measure.period === 'year' ? { agencies, from: `${p.from.slice(0, 4)}-01-01`, to: `${p.to.slice(0, 4)}-12-31` } : { agencies, from: p.from, to: p.to };
      const values = await ind.agencyCompute(deps, q);
      return { measure, kind: ind.kind, goal, cells: new Map(agencies.map((a) => [a.id, toCell(values.get(a.id), ind.kind)])) };
    }),
  );
}

const toCell = (v: IndicatorValue | undefined, kind: 'share' | 'count'): Cell => {
  if (v?.noStaffCount) return { value: 0, of: null, share: null, noStaffCount: true };
  const value = v?.value ?? 0;
  const of = kind === 'share' ? (v?.of ?? 0) : null;
  // `of` 0: nothing to measure in the period, shown as "none due", not as 0 % or 100 %.
  return { value, of, share: of ? value / of : null };
};

/** A unit's attainment: the mean of its measured shares against their goals (1 = every goal met). */
export function attainment(rows: Row[], unitId: number): number | null {
  const parts = rows
    .map((r) => ({ c: r.cells.get(unitId), goal: r.goal }))
    .filter((x): x is { c: NonNullable<Cell> & { share: number }; goal: number } => !!x.c && x.c.share !== null && x.goal > 0);
  if (!parts.length) return null;
  return parts.reduce((s, x) => s + Math.min(1, x.c.share / (x.goal / 100)), 0) / parts.length;
}

/** The units one level down that existed in the period: communes of a province (or old district),
 * villages of a commune. */
export async function childrenOf(deps: AppDeps, unit: Unit, p: Period): Promise<Unit[]> {
  const levels = COMMUNE_LEVELS.includes(unit.level) ? VILLAGE_LEVELS : COMMUNE_LEVELS;
  return deps.db
    .selectFrom('units')
    .selectAll()
    .where('path', 'like', `${unit.path}%`)
    .where('id', '<>', unit.id)
    .where('level', 'in', levels)
    .where((eb) =>
      eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', p.to)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', p.from)])]),
    )
    .orderBy('name')
    .execute();
}

const agencyRefs = (deps: AppDeps) =>
  deps.db.selectFrom('agencies as a').innerJoin('units as u', 'u.id', 'a.unit_id').select(['a.id', 'a.unit_id', 'a.name', 'a.kind', 'u.path']);

/** The agencies listed on a unit's dashboard beside its villages (issue 9 item 4 "village / agency"):
 * for a commune (or village) every agency inside it; for a province (or old district) the agencies
 * attached to it and to units above the communes, since the communes' own are one click further. */
export async function agenciesOf(deps: AppDeps, unit: Unit, p: Period): Promise<AgencyRef[]> {
  const local = COMMUNE_LEVELS.includes(unit.level) || VILLAGE_LEVELS.includes(unit.level);
  return agencyRefs(deps)
    .where('u.path', 'like', `${unit.path}%`)
    .$if(!local, (q) => q.where('u.level', 'not in', [...COMMUNE_LEVELS, ...VILLAGE_LEVELS]))
    .where((eb) =>
      eb.and([eb.or([eb('u.valid_from', 'is', null), eb('u.valid_from', '<=', p.to)]), eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', p.from)])]),
    )
    .orderBy('a.name')
    .execute();
}

export const agencyRef = (deps: AppDeps, id: number): Promise<AgencyRef | undefined> => agencyRefs(deps).where('a.id', '=', id).executeTakeFirst();
