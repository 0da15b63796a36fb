// What the state changes of a request share: who may make them, finding the open request, and
// telling the requester through the outbox (the legal "notice", R-C4) in the same transaction.
import type { Conn } from '../../../../db/index.js';
import type { Unit } from '../../../../db/types.js';
import type { Actor } from '../../../../platform/auth/policy.js';
import { type FieldErrors, Forbidden } from '../../../../platform/errors.js';
import { enqueue } from '../../../../platform/notify/outbox.js';
import { disclosurePolicy } from '../../disclosure.policy.js';
import type { InfoRequestRow } from '../model.js';

export type ChangeResult = { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; reason: 'not_found' | 'closed' };

export type Commune = Pick<Unit, 'id' | 'path' | 'name'>;

/** Only the commune's officials and chairman act on requests (manageRequests). */
export function authorise(actor: Actor | null, commune: Commune): Actor {
  if (!actor || !disclosurePolicy(actor, 'manageRequests', { unitPath: commune.path })) throw new Forbidden();
  return actor;
}

/** The request of this commune while it is open; closed requests never change. Writers update
 * `where status = 'open'` as well, so two officials closing it at once cannot both succeed. */
export async function openRequest(trx: Conn, commune: Commune, id: number): Promise<InfoRequestRow | 'not_found' | 'closed'> {
  const r = await trx.selectFrom('info_requests').selectAll().where('id', '=', id).where('unit_id', '=', commune.id).executeTakeFirst();
  if (!r) return 'not_found';
  return r.status === 'open' ? r : 'closed';
}

/** Changes the request only if it is still open: false when another official closed it first. */
export async function updateIfOpen(
  trx: Conn,
  id: number,
  set: Partial<Pick<InfoRequestRow, 'status' | 'answer' | 'refusal_reason' | 'closed_on' | 'publish_answer' | 'extended_until' | 'extension_reason'>>,
) {
  const r = await trx.updateTable('info_requests').set(set).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function notifyRequester(trx: Conn, r: Pick<InfoRequestRow, 'requester_contact' | 'tracking_code'>, title: string, body: string, now: Date) {
  await enqueue(
    trx,
    {
      channel: r.requester_contact.includes('@') ? 'email' : 'sms',
      recipient: r.requester_contact,
      template: 'notice',
      params: { title, body, link: `/info-requests/${r.tracking_code}` },
    },
    now,
  );
}
