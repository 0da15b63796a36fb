import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { AppDeps } from '../app-deps.js';
import type { Unit } from '../db/types.js';
import type { Actor } from '../platform/auth/policy.js';
import type { MessageKey } from '../platform/i18n/index.js';
import type { ViewCtx } from '../platform/ui/view.js';

/** A module's manifest: the app, the seeds and (later) the monitoring dashboard read it. */
export type ModuleManifest = {
  name: string;
  routes: (app: FastifyInstance, deps: AppDeps) => void;
  /** Adds this module's demo data; runs in module order inside `danchu seed --demo`. */
  seedDemo?: (deps: AppDeps) => Promise<void>;
  /** This module's section of a commune's home page (null when it has nothing to show yet). */
  communeSection?: (deps: AppDeps, commune: Unit, view: ViewCtx) => Promise<VNode | null>;
  /** Records of this module whose audit history officials may read at /audit/<type>/<id>. */
  auditSubjects?: Record<string, (deps: AppDeps, id: number) => Promise<AuditSubject | undefined>>;
  /** Audit entries about this module's records that this actor may not read in full (a denunciation,
   * Denunciation Law Arts 4, 47–48): their seqs. The audit pages show them as a neutral line, without
   * their data; the chain itself is never changed. */
  auditConfidential?: (deps: AppDeps, actor: Actor, entries: AuditRef[]) => Promise<Set<number>>;
  /** What this module measures for the resolution's targets (issue 9): the monitoring module reads
   * these and never this module's tables. Keys are the name within the module (`on_time`); a catalogue
   * names it `<module>.<name>` (`disclosure.on_time`). */
  indicators?: Record<string, ModuleIndicator>;
  /** Links this module adds to the site menu for a signed-in actor (e.g. the dashboard for its readers). */
  menu?: (actor: Actor) => { href: string; label: MessageKey }[];
  /** This module's pages for system administrators, listed on /admin. */
  adminLinks?: { href: string; label: MessageKey }[];
};

/** The units measured (each over its own subtree) and the period, 'YYYY-MM-DD' inclusive, Vietnam dates. */
export type IndicatorQuery = { units: Unit[]; from: string; to: string };
/** `value` of `of` (a share; `of` 0 means nothing to measure) or a plain count (`of` null). `noStaffCount`:
 * an agency whose duty depends on its staff count (R-G3 conference, R-F8 inspection board: none at
 * ≤ 07 staff) and has none recorded in the workplace module: not measured, never counted as failing. */
export type IndicatorValue = { value: number; of: number | null; noStaffCount?: true };
/** Agencies measured one by one (resolution T-2.x: "every agency, unit and locality"), and the period. */
export type AgencyQuery = { agencies: AgencyRef[]; from: string; to: string };
/** An agency (units module's `agencies`) with the path of the unit it is attached to. */
export type AgencyRef = { id: number; unit_id: number; name: string; kind: string; path: string };
export type ModuleIndicator = {
  kind: 'share' | 'count';
  /** One value per unit id of the query, computed in as few queries as the module can (a dashboard
   * asks for all communes of a province at once). */
  compute: (deps: AppDeps, q: IndicatorQuery) => Promise<Map<number, IndicatorValue>>;
  /** One value per agency id, for an indicator that means something inside an agency (Law 10/2022
   * Ch. III: its regulation, staff conference, inspection board, the feedback it handles). Absent: the
   * indicator does not apply to agencies, shown as "không áp dụng", never 0 %. */
  agencyCompute?: (deps: AppDeps, q: AgencyQuery) => Promise<Map<number, IndicatorValue>>;
};
/** An audit entry as `auditConfidential` reads it (data is the stored canonical JSON). */
export type AuditRef = { seq: number; entity_type: string; entity_id: string; data: string };
/** agencyId: a record inside an agency (Law 10/2022 Ch. III), whose history only that agency's head reads. */
export type AuditSubject = { name: string; unitPath: string; href: string; agencyId?: number | null };

export const defineModule = (m: ModuleManifest): ModuleManifest => m;

/** Rows counted per unit path (a module's GROUP BY over `units.path`) summed into each unit of the
 * query over its own subtree: the one way every module's indicators roll up. */
export function rollUp(q: IndicatorQuery, rows: { path: string; value: number | string | null; of?: number | string | null }[], share: boolean) {
  const out = new Map<number, IndicatorValue>(q.units.map((u) => [u.id, { value: 0, of: share ? 0 : null }]));
  const byPath = new Map(q.units.map((u) => [u.path, u.id]));
  for (const r of rows) {
    // Every ancestor path of the row ('/1/5/20/' -> '/', '/1/', '/1/5/', '/1/5/20/') that is a queried unit.
    let at = 0;
    while (at >= 0) {
      const id = byPath.get(r.path.slice(0, at + 1));
      if (id !== undefined) {
        const v = out.get(id)!;
        v.value += Number(r.value ?? 0);
        if (share) v.of = (v.of ?? 0) + Number(r.of ?? 0);
      }
      at = r.path.indexOf('/', at + 1);
    }
  }
  return out;
}

/** A WHERE on a units path column: inside the subtree of the queried units' deepest common ancestor
 * (one LIKE per row, not one per unit: the 92 communes of a province are one prefix); rollUp then
 * keeps only what falls under a queried unit. */
export const underAny = (q: IndicatorQuery, column: string) => {
  const paths = q.units.map((u) => u.path);
  let prefix = paths[0] ?? '/';
  for (const p of paths) while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return (eb: any): any => eb(column, 'like', `${prefix}%`);
};

/** A WHERE on a units table alias: the unit existed during the period (units keep their dates of validity). */
export const existedIn =
  (q: IndicatorQuery, alias: string) =>
  (eb: any): any =>
    eb.and([
      eb.or([eb(`${alias}.valid_from`, 'is', null), eb(`${alias}.valid_from`, '<=', q.to)]),
      eb.or([eb(`${alias}.valid_to`, 'is', null), eb(`${alias}.valid_to`, '>=', q.from)]),
    ]);

const inFlight = new Map<string, Promise<unknown>>();
/** Single flight: indicators of one module asked at once for the same query (a dashboard asks for all
 * of them together) share one query instead of running it once each. */
export function shared<T>(key: string, q: IndicatorQuery | AgencyQuery, run: () => Promise<T>): Promise<T> {
  const k = `${key}|${q.from}|${q.to}|${('units' in q ? q.units : q.agencies).map((u) => u.id).join(',')}`;
  const hit = inFlight.get(k) as Promise<T> | undefined;
  if (hit) return hit;
  const p = run().finally(() => inFlight.delete(k));
  inFlight.set(k, p);
  return p;
}
