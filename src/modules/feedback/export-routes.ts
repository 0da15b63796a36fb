// The commune's feedback register as CSV (Decree 20/2008 Art 9: petitions are logged in a register
// and kept in an electronic database; the commune can take its data away). One row per item received
// in the year. No author's identity, no content; a denunciation's title and subject are left out too,
// since a denouncer may have written their name there (R-H4; Denunciation Law Arts 8(3), 56).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import type { MessageKey, T } from '../../platform/i18n/index.js';
import { unitById } from '../units/units.repo.js';
import { feedbackPolicy } from './feedback.policy.js';

const COLUMNS = [
  'tracking_code',
  'received_on',
  'kind',
  'category',
  'channel',
  'title',
  'village',
  'handler_unit',
  'handler_agency',
  'status',
  'clock',
  'due_on',
  'accepted_on',
  'extensions',
  'answered_on',
  'published_on',
  'forwarded_to',
  'late_days',
  'rating',
] as const;

/** The module's own labels for the coded columns, so that the register reads as the pages do; a value
 * without a label (none expected) is kept as stored. */
const LABELLED: Partial<Record<(typeof COLUMNS)[number], string>> = {
  kind: 'feedback.kind',
  category: 'feedback.category',
  channel: 'feedback.channel',
  status: 'feedback.status',
  clock: 'feedback.clock',
  rating: 'feedback.handling.rating',
};
function label(t: T, column: (typeof COLUMNS)[number], v: string | number | null): string | number | null {
  const prefix = LABELLED[column];
  if (!prefix || v === null || v === '') return v;
  const key = `${prefix}.${v}` as MessageKey;
  const text = t(key);
  return text === key ? v : text;
}

/** RFC 4180 quoting; a cell starting with = + - @ is prefixed so that a spreadsheet never runs it as a formula. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/units/:id/feedback/register.csv', async (req, reply) => {
    const raw = (req.params as { id?: string }).id ?? '';
    if (!/^\d{1,9}$/.test(raw)) throw new NotFound();
    const unit = await unitById(deps.db, Number(raw));
    if (!unit) throw new NotFound();
    if (!req.actor) throw new Unauthenticated();
    const res = { unitPath: unit.path };
    if (!feedbackPolicy(req.actor, 'oversee', res) && !feedbackPolicy(req.actor, 'handle', res)) throw new Forbidden();
    const q = (req.query as { year?: string }).year ?? '';
    const year = /^\d{4}$/.test(q) ? Number(q) : Number(todayInVietnam(deps.clock.now()).slice(0, 4));
    const rows = await deps.db
      .selectFrom('feedback_items as f')
      .leftJoin('units as v', 'v.id', 'f.village_id')
      .innerJoin('units as h', 'h.id', 'f.handler_unit_id')
      .leftJoin('agencies as a', 'a.id', 'f.handler_agency_id')
      .select([
        'f.tracking_code',
        'f.received_on',
        'f.kind',
        'f.category',
        'f.channel',
        'f.title',
        'v.name as village',
        'h.name as handler_unit',
        'a.name as handler_agency',
        'f.status',
        'f.clock',
        'f.due_on',
        'f.accepted_on',
        'f.extensions',
        'f.answered_on',
        'f.published_on',
        'f.forwarded_to',
        'f.late_days',
        'f.rating',
      ])
      .where('f.commune_id', '=', unit.id)
      .where('f.received_on', '>=', `${year}-01-01`)
      .where('f.received_on', '<=', `${year}-12-31`)
      .orderBy('f.received_on')
      .orderBy('f.id')
      .execute();
    // Headers and coded values in the reader's language (Vietnamese by default), UTF-8 with a BOM so
    // that Excel opens the diacritics right.
    const lines = [COLUMNS.map((c) => csvCell(req.t(`feedback.register.col.${c}`))).join(',')];
    for (const r of rows) {
      const row = { ...r, title: r.kind === 'denunciation' ? null : r.title } as Record<(typeof COLUMNS)[number], string | number | null>;
      lines.push(COLUMNS.map((c) => csvCell(label(req.t, c, row[c]))).join(','));
    }
    const name = `so-theo-doi-phan-anh-${unit.code}-${year}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });
}
