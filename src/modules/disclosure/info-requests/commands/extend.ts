// Extending the period to answer (R-C4): electronic and post requests by at most 15 days from the
// original due date (Law 104/2016 Arts 30(3), 31(1); checkExtension), on-site requests for complex
// information by at most 10 working days (Art 29(2)). The requester must be told: the notice goes
// through the outbox in the same transaction. An extension is decided while the period runs: once
// the deadline has passed the request is overdue, and a late extension cannot undo that.
import type { AppDeps } from '../../../../app-deps.js';
import { type RuleSet, ruleSetOn } from '../../../../law/rule-sets.js';
import { appendAudit } from '../../../../platform/audit/audit.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { addDays, daysBetween, todayInVietnam, type WorkingCalendar } from '../../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../../platform/calendar/store.js';
import type { FieldErrors } from '../../../../platform/errors.js';
import { formatDate, parseDate, type T } from '../../../../platform/i18n/index.js';
import { checkExtension } from '../../rules/info-request.js';
import { MAX_TEXT } from '../input.js';
import { deadlineOf, type InfoRequestRow } from '../model.js';
import { authorise, type ChangeResult, type Commune, notifyRequester, openRequest, updateIfOpen } from './common.js';

/** Art 29(2): "có thể gia hạn nhưng tối đa không quá 10 ngày làm việc" (not yet in the rule set). */
export const ONSITE_EXTENSION_WORKING_DAYS = 10;

type Dates = Pick<InfoRequestRow, 'channel' | 'received_on' | 'due_date'>;

/** The latest day an extension may reach, for the form's hint and the error message. */
export function extensionLimit(r: Dates, rs: RuleSet, cal: WorkingCalendar): string {
  if (r.channel === 'onsite') return cal.addWorkingDays(r.due_date, ONSITE_EXTENSION_WORKING_DAYS);
  // checkExtension names its limit when asked for a date far beyond it.
  const far = checkExtension(r.received_on, r.due_date, addDays(r.due_date, 3650), rs, cal);
  return far.ok || far.reason !== 'too_long' ? r.due_date : far.maxDue;
}

export const limitText = (t: T, r: Dates, limit: string) =>
  t(r.channel === 'onsite' ? 'inforeq.extend.limitOnsite' : 'inforeq.extend.limit', { due: formatDate(r.due_date), limit: formatDate(limit) });

function tooLong(r: Dates, newDue: string, rs: RuleSet, cal: WorkingCalendar): boolean {
  if (r.channel === 'onsite') return daysBetween(extensionLimit(r, rs, cal), newDue) > 0;
  const c = checkExtension(r.received_on, r.due_date, newDue, rs, cal);
  return !c.ok && c.reason === 'too_long';
}

export async function extendInfoRequest(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Commune,
  id: number,
  input: { newDue: string; reason: string },
): Promise<ChangeResult> {
  const who = authorise(actor, commune);
  const errors: FieldErrors = {};
  const newDue = parseDate(input.newDue);
  const reason = input.reason.trim();
  if (!newDue) errors.newDue = t('inforeq.err.newDueInvalid');
  if (!reason) errors.extensionReason = t('inforeq.err.extensionReasonRequired');
  else if (reason.length > MAX_TEXT) errors.extensionReason = t('inforeq.err.extensionReasonTooLong');
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const cal = await workingCalendar(deps);
  return deps.db.transaction().execute(async (trx): Promise<ChangeResult> => {
    const r = await openRequest(trx, commune, id);
    if (typeof r === 'string') return { ok: false, reason: r };
    const rs = ruleSetOn(r.received_on);
    const current = deadlineOf(r);
    if (daysBetween(current, today) > 0) return { ok: false, errors: { newDue: t('inforeq.err.alreadyOverdue', { date: formatDate(current) }) } };
    if (daysBetween(current, newDue!) <= 0) return { ok: false, errors: { newDue: t('inforeq.err.newDueNotLater', { date: formatDate(current) }) } };
    if (tooLong(r, newDue!, rs, cal))
      return { ok: false, errors: { newDue: t('inforeq.err.tooLong', { limit: limitText(t, r, extensionLimit(r, rs, cal)) }) } };
    if (!(await updateIfOpen(trx, id, { extended_until: newDue, extension_reason: reason }))) return { ok: false, reason: 'closed' };
    await appendAudit(trx, deps.dialect, now, who, {
      action: 'info_request.extended',
      entityType: 'info_request',
      entityId: id,
      unitId: commune.id,
      data: { code: r.tracking_code, from: current, to: newDue, reason },
    });
    await notifyRequester(
      trx,
      r,
      `Gia hạn trả lời yêu cầu ${r.tracking_code}`,
      `Thời hạn trả lời được gia hạn đến ngày ${formatDate(newDue!)}. Lý do: ${reason}`,
      now,
    );
    return { ok: true };
  });
}
