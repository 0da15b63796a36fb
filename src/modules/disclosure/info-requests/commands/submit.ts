// Receiving a request for information (R-C4; Law 10/2022 Art 14(2) -> Law 104/2016 Arts 28-31):
// anyone may send one electronically (no account needed); an official records one received by post
// or fax or handed in at the office. The due date is fixed at receipt from the channel (3, 5 or 10
// working days), the requester gets a tracking code, and a receipt goes to their contact.
import type { AppDeps } from '../../../../app-deps.js';
import { ruleSetOn } from '../../../../law/rule-sets.js';
import { appendAudit } from '../../../../platform/audit/audit.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { todayInVietnam } from '../../../../platform/calendar/calendar.js';
import { workingCalendar } from '../../../../platform/calendar/store.js';
import type { FieldErrors } from '../../../../platform/errors.js';
import { formatDate, type T } from '../../../../platform/i18n/index.js';
import { requestDueDate } from '../../rules/info-request.js';
import { newTrackingCode, type RequestInput, validateRequest } from '../input.js';
import { authorise, type Commune, notifyRequester } from './common.js';

export type SubmitResult = { ok: true; id: number; code: string; dueDate: string } | { ok: false; errors: FieldErrors };

const ANONYMOUS = { userId: null, label: 'Người yêu cầu (không đăng nhập)' };

export async function submitInfoRequest(
  deps: AppDeps,
  t: T,
  actor: Actor | null,
  commune: Commune,
  input: RequestInput,
  mode: 'public' | 'record',
): Promise<SubmitResult> {
  if (mode === 'record') authorise(actor, commune);
  const now = deps.clock.now();
  const today = todayInVietnam(now);
  const v = validateRequest(t, input, mode, today);
  if (!v.ok) return v;
  const { name, contact, content, channel, receivedOn } = v.value;
  const dueDate = requestDueDate(receivedOn, channel, ruleSetOn(receivedOn), await workingCalendar(deps));
  return deps.db.transaction().execute(async (trx): Promise<SubmitResult> => {
    let code = newTrackingCode(receivedOn.slice(0, 4));
    // 25^6 codes a year: a clash is very unlikely, and the unique index still guards the last race.
    for (let i = 0; await trx.selectFrom('info_requests').select('id').where('tracking_code', '=', code).executeTakeFirst(); i++) {
      if (i >= 5) throw new Error('could not draw a free tracking code');
      code = newTrackingCode(receivedOn.slice(0, 4));
    }
    const { id } = await trx
      .insertInto('info_requests')
      .values({
        unit_id: commune.id,
        tracking_code: code,
        requester_name: name,
        requester_contact: contact,
        channel,
        content,
        received_on: receivedOn,
        due_date: dueDate,
        extended_until: null,
        extension_reason: null,
        status: 'open',
        answer: null,
        refusal_reason: null,
        closed_on: null,
        publish_answer: 0,
        created_by: actor?.userId ?? null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The audit entry holds no personal data: the register of requests is read by observers too.
    await appendAudit(trx, deps.dialect, now, actor ?? ANONYMOUS, {
      action: mode === 'record' ? 'info_request.recorded' : 'info_request.received',
      entityType: 'info_request',
      entityId: id,
      unitId: commune.id,
      data: { code, channel, receivedOn, dueDate },
    });
    await notifyRequester(
      trx,
      { requester_contact: contact, tracking_code: code },
      'Đã nhận yêu cầu cung cấp thông tin',
      `UBND ${commune.name} đã nhận yêu cầu ngày ${formatDate(receivedOn)}, mã tra cứu ${code}. Hạn trả lời: ${formatDate(dueDate)}.`,
      now,
    );
    return { ok: true, id, code, dueDate };
  });
}
