// Annulment (Law 10/2022 Art 22): the commune People's Committee annuls a decision that is unlawful or
// against good customs (cl. 1(a)), or whose procedure was not followed (cl. 1(b)); the notice goes via
// the village head to residents and to the commune Front (cl. 2). When the community itself wants a
// change, it decides again under Arts 18–21 (a new matter), which is not an annulment.
import type { AppDeps } from '../../../app-deps.js';
import type { Conn } from '../../../db/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/index.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { expectUpdated, type Failure, invalid, orStale } from '../../../platform/results.js';
import { unitById } from '../../units/units.repo.js';
import { decisionsPolicy } from '../decisions.policy.js';
import * as repo from '../decisions.repo.js';

export const ANNUL_GROUNDS = ['unlawful', 'procedure'] as const;

export async function annulMatter(
  deps: AppDeps,
  t: T,
  actor: Actor,
  matterId: number,
  input: { ground: string; reason: string; amend?: boolean },
  also?: (trx: Conn) => Promise<void>,
): Promise<{ ok: true } | Failure> {
  const matter = await repo.findMatter(deps.db, matterId);
  if (!matter) return { ok: false, reason: 'not_found' };
  const unit = await unitById(deps.db, matter.unit_id);
  // The chairman of the commune the matter belongs to (a village's commune covers the village).
  if (!unit || !decisionsPolicy(actor, 'annul', { unitPath: unit.path })) return { ok: false, reason: 'forbidden' };
  if (matter.status === 'annulled') return { ok: false, reason: 'wrong_state' };
  const e: FieldErrors = {};
  if (!(ANNUL_GROUNDS as readonly string[]).includes(input.ground)) e.ground = t('decisions.core.err.groundRequired');
  const reason = input.reason.trim();
  if (!reason) e.reason = t('decisions.core.err.annulReason');
  // Art 22(1)(b): for a procedural defect the committee may instead ask the community to decide again;
  // an unlawful decision is annulled (cl. 1(a)).
  const amend = input.amend === true;
  if (amend && input.ground !== 'procedure') e.ground = t('decisions.core.err.amendProcedure');
  // A recognised village head or board member leaves office only by dismissal (Decree 59 Art 9),
  // which ends the term and the role; annulling the record alone would leave them in office.
  const seated = await deps.db.selectFrom('votes').select('id').where('matter_id', '=', matter.id).where('status', '=', 'recognised').executeTakeFirst();
  if (matter.kind !== 'general' && seated) e.ground = t('decisions.core.err.annulSeated');
  if (Object.keys(e).length) return invalid(e);
  const now = deps.clock.now();
  const villages =
    matter.scope === 'village' ? [unit.id] : (await deps.db.selectFrom('units').select('id').where('parent_id', '=', unit.id).execute()).map((u) => u.id);
  const communeId = matter.scope === 'village' ? (unit.parent_id ?? unit.id) : unit.id;
  return orStale(() =>
    deps.db.transaction().execute(async (trx) => {
      expectUpdated(
        await trx
          .updateTable('matters')
          .set({ status: amend ? 'open' : 'annulled', effective_from: null, annul_ground: input.ground, annul_reason: reason, updated_at: now.toISOString() })
          .where('id', '=', matter.id)
          .where('status', '!=', 'annulled')
          .executeTakeFirst(),
      );
      // No vote of an annulled matter goes on to recognition or publication; asked to decide again, the
      // community's earlier decision (even a recognised one) no longer stands.
      await trx
        .updateTable('votes')
        .set({ status: 'annulled', updated_at: now.toISOString() })
        .where('matter_id', '=', matter.id)
        .where('status', 'in', amend ? ['scheduled', 'counted', 'finalised', 'submitted', 'recognised'] : ['scheduled', 'counted', 'finalised', 'submitted'])
        .execute();
      await appendAudit(trx, deps.dialect, now, actor, {
        action: amend ? 'decisions.matter_sent_back' : 'decisions.matter_annulled',
        entityType: 'matter',
        entityId: matter.id,
        unitId: matter.unit_id,
        data: { ground: input.ground, reason },
      });
      if (also) await also(trx);
      // Art 22(2): the village heads tell residents; the commune Front is informed.
      const recipients = await trx
        .selectFrom('role_grants')
        .select('user_id')
        .distinct()
        .where('revoked_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('role', '=', 'village_head'), eb('unit_id', 'in', villages.concat(-1))]),
            eb.and([eb('role', '=', 'front_chairman'), eb('unit_id', '=', communeId)]),
          ]),
        )
        .execute();
      for (const r of recipients)
        await enqueue(
          trx,
          {
            channel: 'in_app',
            recipient: String(r.user_id),
            template: 'notice',
            params: {
              title: t(amend ? 'decisions.core.notice.sentBack' : 'decisions.core.notice.annulled'),
              body: `${matter.title}: ${reason}`,
              link: `/matters/${matter.id}`,
            },
          },
          now,
        );
      return { ok: true as const };
    }),
  );
}
