// Information requests (R-C4): reading the table, the status a person sees, and the Vietnamese
// labels. The status is never stored: it is requestStatus() of the dates, judged on a given day.
import type { Selectable } from 'kysely';
import type { Conn } from '../../../db/index.js';
import type { InfoRequestTable } from '../../../db/types.js';
import type { T } from '../../../platform/i18n/index.js';
import { type RequestChannel, type RequestStatus, requestStatus } from '../rules/info-request.js';

export type InfoRequestRow = Selectable<InfoRequestTable>;

/** Labels in the page's language: the catalogue's inforeq.status.*, inforeq.channel.*, inforeq.period.* keys. */
export const statusLabel = (t: T, s: RequestStatus): string => t(`inforeq.status.${s}`);
export const channelLabel = (t: T, c: RequestChannel): string => t(`inforeq.channel.${c}`);
/** The period's legal basis, shown next to the due date (Law 104/2016/QH13). */
export const periodLabel = (t: T, c: RequestChannel): string => t(`inforeq.period.${c}`);

export const STATUS_TAG: Record<RequestStatus, string> = {
  open: 'tag',
  overdue: 'tag ended',
  answered: 'tag ok',
  answered_late: 'tag ok',
  refused: 'tag ended',
};

/** The date the answer is due now: the extended date when there is one. */
export const deadlineOf = (r: Pick<InfoRequestRow, 'due_date' | 'extended_until'>): string => r.extended_until ?? r.due_date;

export function statusOf(r: Pick<InfoRequestRow, 'due_date' | 'extended_until' | 'status' | 'closed_on'>, today: string): RequestStatus {
  return requestStatus(
    {
      dueDate: r.due_date,
      extendedUntil: r.extended_until,
      answeredAt: r.status === 'answered' ? r.closed_on : null,
      refusedAt: r.status === 'refused' ? r.closed_on : null,
    },
    today,
  );
}

/** Tracking codes are typed by hand from an SMS: upper case, spaces and a missing dash forgiven. */
export function normalizeCode(input: string): string {
  const s = input.trim().toUpperCase().replace(/\s+/g, '');
  const m = /^YC-?(\d{4})-?([A-Z0-9]{6})$/.exec(s);
  return m ? `YC-${m[1]}-${m[2]}` : s;
}

export async function findByCode(db: Conn, code: string) {
  return db.selectFrom('info_requests').selectAll().where('tracking_code', '=', normalizeCode(code)).executeTakeFirst();
}

export async function findInUnit(db: Conn, unitId: number, id: number) {
  if (!Number.isSafeInteger(id)) return undefined;
  return db.selectFrom('info_requests').selectAll().where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
}

const RANK: Record<RequestStatus, number> = { overdue: 0, open: 1, answered: 2, answered_late: 2, refused: 2 };

/** Every open request of the commune and the latest closed ones: overdue first, then by deadline. */
export async function listForUnit(db: Conn, unitId: number, today: string, closedLimit = 50) {
  const base = db
    .selectFrom('info_requests')
    .select(['id', 'tracking_code', 'channel', 'content', 'received_on', 'due_date', 'extended_until', 'status', 'closed_on'])
    .where('unit_id', '=', unitId);
  const [open, closed] = await Promise.all([
    base.where('status', '=', 'open').execute(),
    base.where('status', '<>', 'open').orderBy('closed_on', 'desc').orderBy('id', 'desc').limit(closedLimit).execute(),
  ]);
  return [...open, ...closed]
    .map((r) => ({ ...r, state: statusOf(r, today), deadline: deadlineOf(r) }))
    .sort((a, b) => RANK[a.state] - RANK[b.state] || (RANK[a.state] < 2 ? a.deadline.localeCompare(b.deadline) || a.id - b.id : 0));
}
