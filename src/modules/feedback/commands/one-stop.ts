// The province's one-stop system pushes dossier status changes (received, in progress, more documents
// needed, done, returned; M-3.5(b)); the citizen is told by SMS or Zalo through the outbox. The push is
// signed with a shared secret: HMAC-SHA256 of the raw body, sent as "X-Signature: sha256=<hex>".
// A signed body could be captured and sent again: it must carry its time (`at`, within MAX_SKEW_MS of
// receipt) and each body is taken once, by its SHA-256 kept with its event (review C.17).
// One transaction: the dossier (its contact sealed), the event, the message and the audit entry,
// which holds no personal data.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../../app-deps.js';
import { isUniqueViolation } from '../../../db/index.js';
import type { DossierStatus } from '../../../db/types.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { normalizePhone } from '../../../platform/auth/phone.js';
import { todayInVietnam } from '../../../platform/calendar/calendar.js';
import { seal } from '../../../platform/crypto/seal.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { translator } from '../../../platform/i18n/index.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { COMMUNE_LEVELS } from '../../units/levels.js';
import { DOSSIER_CODE, normaliseDossierCode } from '../rules/ratings.js';

export const DOSSIER_STATUSES: readonly DossierStatus[] = ['received', 'in_progress', 'more_documents', 'done', 'returned'];
const PROVINCE = { userId: null, label: 'Hệ thống một cửa tỉnh' };
/** How far `at` may be from the time of receipt: clock drift and a prompt retry, not a replay later. */
export const MAX_SKEW_MS = 10 * 60_000;

/** The body's fingerprint, kept in one_stop_events.note: the same bytes are applied once. */
export const bodyHash = (raw: Buffer): string => `sha256:${createHash('sha256').update(raw).digest('hex')}`;

/** True only for "sha256=<hex>" equal to HMAC-SHA256(secret, raw body); false when no secret is set. */
export function signatureValid(secret: string | null, raw: Buffer, header: string | undefined): boolean {
  if (!secret || !header) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const want = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(want, Buffer.from(m[1]!, 'hex'));
}

export type DossierPush = {
  code: string;
  communeCode: string;
  procedureName: string;
  status: DossierStatus;
  phone: string | null;
  channel: 'sms' | 'zalo' | null;
  at: string;
};

/** Reads the pushed JSON; every problem at once, named by its field (for a 400 problem details). */
export function parsePush(raw: Buffer, now: Date): { ok: true; value: DossierPush } | { ok: false; errors: FieldErrors } {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, errors: { body: 'Nội dung không phải JSON hợp lệ (body is not valid JSON).' } };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, errors: { body: 'Cần một đối tượng JSON (a JSON object is required).' } };
  const b = body as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : undefined);
  const e: FieldErrors = {};
  const code = normaliseDossierCode(str('dossierCode') ?? '');
  if (!DOSSIER_CODE.test(code)) e.dossierCode = 'Mã hồ sơ thiếu hoặc không hợp lệ (3–60 chữ, số, . - / _).';
  const communeCode = str('communeCode') ?? '';
  if (!/^\d{5}$/.test(communeCode)) e.communeCode = 'Mã xã phải gồm 5 chữ số (communeCode: 5 digits).';
  const procedureName = (str('procedureName') ?? '').trim();
  if (!procedureName || procedureName.length > 500) e.procedureName = 'Tên thủ tục bắt buộc, tối đa 500 ký tự.';
  const status = str('status') as DossierStatus | undefined;
  if (!status || !DOSSIER_STATUSES.includes(status)) e.status = `Trạng thái phải là một trong: ${DOSSIER_STATUSES.join(', ')}.`;
  let phone: string | null = null;
  if (b.phone !== undefined && b.phone !== null && b.phone !== '') {
    phone = typeof b.phone === 'string' ? normalizePhone(b.phone) : null;
    if (!phone) e.phone = 'Số điện thoại di động không hợp lệ.';
  }
  const channel = b.channel === undefined || b.channel === null ? null : b.channel;
  if (channel !== null && channel !== 'sms' && channel !== 'zalo') e.channel = 'Kênh báo phải là sms hoặc zalo.';
  let at: string | null = null;
  const d = typeof b.at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(b.at) ? new Date(b.at) : null;
  if (b.at === undefined || b.at === null || b.at === '')
    e.at = 'Thiếu thời điểm "at" (ISO 8601, ví dụ 2026-12-08T09:30:00+07:00); bắt buộc để chống gửi lại (at is required).';
  else if (!d || Number.isNaN(d.getTime())) e.at = 'Thời điểm phải theo ISO 8601, ví dụ 2026-12-08T09:30:00+07:00.';
  else if (Math.abs(d.getTime() - now.getTime()) > MAX_SKEW_MS) {
    e.at = `Thời điểm "at" lệch quá 10 phút so với lúc nhận (${now.toISOString()}): gói tin cũ hoặc gửi lại bị từ chối (at must be within 10 minutes of receipt; a replayed push is refused).`;
  } else at = d.toISOString();
  if (Object.keys(e).length || !status || !at) return { ok: false, errors: e };
  return { ok: true, value: { code, communeCode, procedureName, status, phone, channel: channel as 'sms' | 'zalo' | null, at } };
}

export type PushResult =
  | { ok: true; created: boolean; duplicate: boolean; status: DossierStatus; notified: 'sms' | 'zalo' | null }
  | { ok: false; errors: FieldErrors };

export async function applyPush(deps: AppDeps, p: DossierPush, hash: string): Promise<PushResult> {
  try {
    return await applyOnce(deps, p, hash);
  } catch (e) {
    // Two first pushes of one dossier at the same moment: the primary key keeps one; the other applies as an update.
    if (isUniqueViolation(e)) return applyOnce(deps, p, hash);
    throw e;
  }
}

async function applyOnce(deps: AppDeps, p: DossierPush, hash: string): Promise<PushResult> {
  const now = deps.clock.now();
  const commune = await deps.db
    .selectFrom('units')
    .select(['id', 'name', 'level'])
    .where('code', '=', p.communeCode)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', todayInVietnam(now))]))
    .executeTakeFirst();
  if (!commune || !COMMUNE_LEVELS.includes(commune.level)) return { ok: false, errors: { communeCode: `Không có xã, phường mã ${p.communeCode}.` } };
  const at = p.at;
  const vi = translator('vi');
  return deps.db.transaction().execute(async (trx): Promise<PushResult> => {
    // Pushes of one dossier take turns: this write holds the row (PostgreSQL) until commit, so a copy
    // of the same push sent at the same moment waits and then finds the first one's event.
    await trx
      .updateTable('one_stop_dossiers')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('code', '=', p.code)
      .execute();
    const old = await trx.selectFrom('one_stop_dossiers').selectAll().where('code', '=', p.code).executeTakeFirst();
    // The province retries a push it did not see answered, or someone replays a captured one: the
    // same body, or the same status at the same time, changes nothing and sends nothing.
    const seen =
      old &&
      (await trx
        .selectFrom('one_stop_events')
        .select('id')
        .where('dossier_code', '=', p.code)
        .where((eb) => eb.or([eb('note', '=', hash), eb.and([eb('status', '=', p.status), eb('at', '=', at)])]))
        .executeTakeFirst());
    if (old && seen) return { ok: true, created: false, duplicate: true, status: old.status, notified: null };
    const last = old
      ? await trx.selectFrom('one_stop_events').select('at').where('dossier_code', '=', p.code).orderBy('at', 'desc').limit(1).executeTakeFirst()
      : undefined;
    // A push that arrives after a later one is kept in the history but does not set the status back.
    const current = !last || at >= last.at;
    const sealed = p.phone ? seal(deps.config.dataKey, p.phone) : (old?.sealed_contact ?? null);
    const channel = p.channel ?? (old?.notify_channel === 'zalo' ? 'zalo' : 'sms');
    const stamp = now.toISOString();
    if (!old) {
      await trx
        .insertInto('one_stop_dossiers')
        .values({
          code: p.code,
          commune_id: commune.id,
          procedure_name: p.procedureName,
          status: p.status,
          sealed_contact: sealed,
          notify_channel: channel,
          updated_at: stamp,
        })
        .execute();
    } else {
      await trx
        .updateTable('one_stop_dossiers')
        .set({
          commune_id: commune.id,
          procedure_name: p.procedureName,
          sealed_contact: sealed,
          notify_channel: channel,
          updated_at: stamp,
          ...(current ? { status: p.status } : {}),
        })
        .where('code', '=', p.code)
        .execute();
    }
    await trx.insertInto('one_stop_events').values({ dossier_code: p.code, status: p.status, at, note: hash }).execute();
    const notified = current && sealed ? channel : null;
    if (notified && sealed) {
      const params = {
        title: vi('feedback.ratings.dossier.notice.title', { code: p.code, status: vi(`feedback.ratings.dossier.status.${p.status}`) }),
        body: vi(`feedback.ratings.dossier.notice.${p.status}`, { procedure: p.procedureName, unit: commune.name }),
        link: `${deps.config.publicUrl}/dossiers/${encodeURIComponent(p.code)}`,
        code: p.code,
      };
      await enqueue(trx, { channel: notified, recipient: sealed, template: 'notice', params }, now);
    }
    await appendAudit(trx, deps.dialect, now, PROVINCE, {
      action: 'one_stop.status',
      entityType: 'one_stop_dossier',
      entityId: p.code,
      unitId: commune.id,
      data: { status: p.status, at, created: !old, current, notified },
    });
    return { ok: true, created: !old, duplicate: false, status: current ? p.status : old!.status, notified };
  });
}
