// What the feedback commands share: the tracking code, the history, sealing and reading the author's
// identity (R-H4), and telling the citizen of a status change through the channel they chose.
import { randomInt } from 'node:crypto';
import type { AppDeps } from '../../app-deps.js';
import { compiledInsert } from '../../db/compiled-once.js';
import type { Conn } from '../../db/index.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/policy.js';
import { seal, sealJson, unsealJson } from '../../platform/crypto/seal.js';
import { enqueue } from '../../platform/notify/outbox.js';
import { feedbackPolicy } from './feedback.policy.js';
import type { FeedbackItem, Identity } from './model.js';

/** Codes like "PA-7K3M9QX4TP": no 0/O/1/I/L to misread on a phone. The code is the citizen's only key
 * to their item, so it must not be guessable (review finding 16): 10 letters of 31 are ~49.5 bits;
 * at a million items one random try in ~900 million hits, and misses are rate-limited besides. The
 * unique index is the last guard against a clash. Codes given out before had 6 letters; they still work. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 10;
export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `PA-${s}`;
}
/** Accepts what a citizen types: lower case, spaces, dashes, a missing "PA-". A code's own letters may
 * begin with "PA" too, so the prefix is taken off only when the rest has a code's length without it
 * (10, or 6 for the older codes). */
export function normaliseTrackingCode(input: string): string {
  const s = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const bare = s.length === TRACKING_CODE_LENGTH || s.length === 6;
  return `PA-${s.startsWith('PA') && !bare ? s.slice(2) : s}`;
}

export type EventActor = { userId: number | null; label: string };
export const CITIZEN: EventActor = { userId: null, label: 'Người gửi' };
export const SYSTEM: EventActor = { userId: null, label: 'Hệ thống' };

const insertEvent = compiledInsert('feedback_events');

export async function appendEvent(
  trx: Conn,
  itemId: number,
  now: Date,
  actor: EventActor,
  e: { kind: string; note?: string | null; fromUnitId?: number | null; toUnitId?: number | null; public?: boolean },
): Promise<void> {
  await insertEvent(trx, {
    item_id: itemId,
    at: now.toISOString(),
    kind: e.kind,
    note: e.note ?? null,
    from_unit_id: e.fromUnitId ?? null,
    to_unit_id: e.toUnitId ?? null,
    public: e.public === false ? 0 : 1,
    actor_user_id: actor.userId,
    actor_label: actor.label,
  });
}

export const sealIdentity = (key: Buffer, id: Identity): string => sealJson(key, id);

/** May this actor see the author's identity? Deny unless the policy allows on the handling unit, and
 * never to the person denounced or to anyone holding a role in the unit denounced (R-H4; Denunciation
 * Law Arts 8(3), 9(1)(b); Law 10/2022 Art 9(2)). */
export function identityAllowed(
  actor: Actor | null,
  item: Pick<FeedbackItem, 'kind' | 'handler_unit_id' | 'subject_user_id'> & {
    handlerPath: string;
    handlerAgencyId: number | null;
    subjectPath: string | null;
  },
): boolean {
  if (!actor) return false;
  if (item.subject_user_id !== null && actor.userId === item.subject_user_id) return false;
  const subjectPath = item.subjectPath;
  if (subjectPath && actor.grants.some((g) => g.unitPath.startsWith(subjectPath))) return false;
  const action = item.kind === 'denunciation' ? 'viewDenouncerIdentity' : 'viewIdentity';
  return feedbackPolicy(actor, action, { unitPath: item.handlerPath, agencyId: item.handlerAgencyId });
}

/** Opens the sealed identity for an allowed actor and logs the view in the audit chain (R-H4: access is logged). */
export async function readIdentity(deps: AppDeps, actor: Actor, item: Pick<FeedbackItem, 'id' | 'tracking_code' | 'commune_id'>): Promise<Identity | null> {
  const row = await deps.db.selectFrom('feedback_identities').select('sealed').where('item_id', '=', item.id).executeTakeFirst();
  if (!row) return null;
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
      action: 'feedback.identity_viewed',
      entityType: 'feedback_item',
      entityId: item.id,
      unitId: item.commune_id,
      data: { code: item.tracking_code },
    }),
  );
  return unsealJson<Identity>(deps.config.dataKey, row.sealed);
}

/** Tells the citizen of a change through the channel they chose, inside the caller's transaction.
 * The recipient (phone or e-mail) is written to the outbox sealed; the channel worker opens it.
 * `item.identity`, when the caller holds it (the intake, which has just sealed it), saves reading the
 * sealed identity back and opening it again. */
export async function notifyCitizen(
  trx: Conn,
  deps: Pick<AppDeps, 'config'>,
  item: Pick<FeedbackItem, 'id' | 'tracking_code' | 'notify_channel' | 'user_id'> & { identity?: Identity },
  msg: { title: string; body: string },
  now: Date,
): Promise<void> {
  const channel = item.notify_channel;
  if (channel === 'none') return;
  const params = { title: msg.title, body: msg.body, link: `${deps.config.publicUrl}/feedback/${item.tracking_code}`, code: item.tracking_code };
  if (channel === 'in_app') {
    if (item.user_id) await enqueue(trx, { channel: 'in_app', recipient: String(item.user_id), template: 'notice', params }, now);
    return;
  }
  let id = item.identity;
  if (!id) {
    const row = await trx.selectFrom('feedback_identities').select('sealed').where('item_id', '=', item.id).executeTakeFirst();
    if (!row) return;
    id = unsealJson<Identity>(deps.config.dataKey, row.sealed);
  }
  const to = channel === 'email' ? id.email : id.phone;
  if (!to) return;
  await enqueue(trx, { channel, recipient: seal(deps.config.dataKey, to), template: 'notice', params }, now);
}
