// The receiving officer's list of one reception day (R-H6): who booked which slot, and the no-show
// mark. A booking whose matter became a feedback item follows that item's identity rule: its
// citizen, matter and codes are shown only to whom identityAllowed permits for the item, never to the
// person denounced or the unit denounced (R-H4; Denunciation Law Arts 8(3), 9(1)(b)). Every view of
// a citizen's name and phone is written to the audit chain (R-H4: access is logged).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { idOr404 } from '../../platform/http/ids.js';
import { markNoShow, openBooked } from './commands/reception.js';
import { identityAllowed } from './common.js';
import { feedbackPolicy } from './feedback.policy.js';
import { identityViews, loadDay, slotStates } from './reception-context.js';
import { slotTime } from './rules/reception.js';
import { type BookingRow, DayManagePage } from './views/reception-day.js';

type Q = Record<string, string | undefined>;

export function dayManageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/reception/manage/days/:id', async (req, reply) => {
    const d = await loadDay(db, idOr404((req.params as Q).id));
    const actor = req.actor;
    if (!actor) throw new Unauthenticated();
    if (!feedbackPolicy(actor, 'manageReception', { unitPath: d.unitPath, agencyId: d.agencyId })) throw new Forbidden();
    const rows = await db
      .selectFrom('reception_bookings')
      .select(['id', 'slot', 'booking_code', 'sealed', 'status', 'item_id'])
      .where('reception_day_id', '=', d.id)
      .where('status', '!=', 'cancelled')
      .orderBy('slot')
      .execute();
    const items = await identityViews(
      db,
      rows.flatMap((b) => (b.item_id ? [b.item_id] : [])),
    );
    const list: BookingRow[] = rows.map((b) => {
      const item = b.item_id ? items.get(b.item_id) : undefined;
      // Before it is received the booking is the host's to prepare; once it is an item, that item's rule holds.
      const shown = !b.item_id || (!!item && identityAllowed(actor, item));
      const who = shown ? openBooked(deps.config.dataKey, b) : null;
      return {
        id: b.id,
        slot: slotTime(b.slot),
        status: b.status,
        who: who && { code: b.booking_code, name: who.name, phone: who.phone, topic: who.topic, itemId: b.item_id, itemCode: item?.tracking_code ?? null },
      };
    });
    const now = deps.clock.now();
    const seen = rows.filter((_, i) => list[i]!.who);
    if (seen.length) {
      await db.transaction().execute(async (trx) => {
        const booked = seen.filter((b) => !b.item_id).map((b) => b.booking_code);
        if (booked.length) {
          await appendAudit(trx, deps.dialect, now, actor, {
            action: 'reception.bookings_viewed',
            entityType: 'reception_day',
            entityId: d.id,
            unitId: d.unit.id,
            data: { bookings: booked },
          });
        }
        for (const b of seen.filter((x) => x.item_id)) {
          const item = items.get(b.item_id!)!;
          await appendAudit(trx, deps.dialect, now, actor, {
            action: 'feedback.identity_viewed',
            entityType: 'feedback_item',
            entityId: item.id,
            unitId: item.commune_id,
            data: { code: item.tracking_code, via: 'reception_day' },
          });
        }
      });
    }
    const free = (await slotStates(db, d, now)).filter((s) => s.state === 'free').length;
    return sendPage(req, reply, <DayManagePage view={viewOf(req, deps)} d={d} rows={list} free={free} />);
  });

  app.post('/reception/manage/bookings/:id/no-show', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const id = idOr404((req.params as Q).id);
    const r = await markNoShow(deps, req.actor, id);
    if (!r.ok && r.reason === 'not_found') throw new NotFound();
    const b = await db.selectFrom('reception_bookings').select('reception_day_id').where('id', '=', id).executeTakeFirstOrThrow();
    return redirectWithFlash(
      reply,
      `/reception/manage/days/${b.reception_day_id}`,
      r.ok ? req.t('feedback.reception.flash.noShow') : req.t('feedback.reception.err.closed'),
    );
  });
}
