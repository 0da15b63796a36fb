// The calendar in the database: the official rows (holidays.csv, seeded at migrate) plus the days an
// admin enters from each year's notice (e.g. the 2027 swaps, UPDATES.md §4.4). Deadlines are computed
// by a WorkingCalendar built from these rows, cached briefly so every process sees an admin's change
// within a minute.
import type { AppDeps } from '../../app-deps.js';
import type { Conn } from '../../db/index.js';
import { appendAudit } from '../audit/audit.js';
import { type CalendarAudience, type CalendarDay, loadOfficialDays, WorkingCalendar } from './calendar.js';

/** Inserts the bundled official rows that are not yet in the table; returns how many were added.
 * A bundled provisional row seeded earlier (created_by null, still provisional) takes the bundle's
 * current wording, e.g. the 2027 notes now in Vietnamese; rows an admin entered are never touched. */
export async function ensureOfficialDays(db: Conn): Promise<number> {
  const existing = await db
    .selectFrom('calendar_days')
    .select(['id', 'date', 'audience', 'kind', 'occasion', 'source_doc', 'provisional', 'created_by'])
    .execute();
  const have = new Map(existing.map((r) => [`${r.date}|${r.audience}|${r.kind}`, r]));
  const bundled = loadOfficialDays();
  for (const d of bundled) {
    const r = have.get(`${d.date}|${d.audience}|${d.kind}`);
    if (!r || !d.provisional || r.provisional !== 1 || r.created_by !== null) continue;
    if (r.occasion === d.occasion && r.source_doc === d.sourceDoc) continue;
    await db.updateTable('calendar_days').set({ occasion: d.occasion, source_doc: d.sourceDoc }).where('id', '=', r.id).execute();
  }
  const missing = bundled.filter((d) => !have.has(`${d.date}|${d.audience}|${d.kind}`));
  if (missing.length === 0) return 0;
  await db
    .insertInto('calendar_days')
    .values(missing.map((d) => toRow(d)))
    .execute();
  return missing.length;
}

const toRow = (d: CalendarDay, createdBy: number | null = null) => ({
  date: d.date,
  kind: d.kind,
  occasion: d.occasion,
  audience: d.audience,
  legal_basis: d.legalBasis,
  source_doc: d.sourceDoc,
  provisional: d.provisional ? 1 : 0,
  created_by: createdBy,
});

export async function calendarRows(db: Conn): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind as CalendarDay['kind'],
    occasion: r.occasion,
    audience: r.audience as CalendarDay['audience'],
    legalBasis: r.legal_basis,
    sourceDoc: r.source_doc,
    provisional: r.provisional === 1,
  }));
}

const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; cals: Map<CalendarAudience, WorkingCalendar> }>();

/** The working calendar of commune bodies (civil_service) or of private employers. */
export async function workingCalendar(deps: Pick<AppDeps, 'db'>, audience: CalendarAudience = 'civil_service'): Promise<WorkingCalendar> {
  const hit = cache.get(deps.db);
  if (hit && Date.now() - hit.at < TTL_MS && hit.cals.has(audience)) return hit.cals.get(audience)!;
  const rows = await calendarRows(deps.db);
  const entry = hit && Date.now() - hit.at < TTL_MS ? hit : { at: Date.now(), cals: new Map() };
  const cal = new WorkingCalendar(rows, { audience });
  entry.cals.set(audience, cal);
  cache.set(deps.db, entry);
  return cal;
}

export async function addCalendarDay(deps: AppDeps, actor: { userId: number | null; label: string }, day: CalendarDay): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('calendar_days').values(toRow(day, actor.userId)).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, deps.dialect, deps.clock.now(), actor, { action: 'calendar.add_day', entityType: 'calendar_day', entityId: row.id, data: day });
  });
  cache.delete(deps.db);
}
