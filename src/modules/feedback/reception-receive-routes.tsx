// The receiving officer's form for a booked citizen: what was presented becomes a tracked feedback
// item (R-H6; Citizen Reception Law Art 28(1)).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { authoriseReception, openBooked } from './commands/reception.js';
import { loadBooking, type ReceiveInput, receiveBooking } from './commands/reception-receive.js';
import { loadDay } from './reception-context.js';
import { slotTime } from './rules/reception.js';
import { ReceivePage } from './views/reception-day.js';

type Q = Record<string, string | undefined>;
const FIELDS: (keyof ReceiveInput)[] = ['kind', 'category', 'title', 'content', 'address', 'knownOn', 'notifyChannel', 'subjectText'];

export function receiveRoutes(app: FastifyInstance, deps: AppDeps): void {
  async function page(req: FastifyRequest, reply: FastifyReply, values?: ReceiveInput, errors?: Record<string, string>, status = 200) {
    if (!req.actor) throw new Unauthenticated();
    const b = await loadBooking(deps, idOr404((req.params as Q).id));
    if (!b) throw new NotFound();
    const actor = authoriseReception(req.actor, { id: b.unit_id, path: b.path, name: b.name }, b.agency_id);
    if (b.status !== 'booked') return redirectWithFlash(reply, `/reception/manage/days/${b.day_id}`, req.t('feedback.reception.err.closed'));
    const d = await loadDay(deps.db, b.day_id);
    const who = openBooked(deps.config.dataKey, b);
    // R-H4: each view of the citizen's name and phone is logged (the booking code only, no personal data).
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, deps.dialect, deps.clock.now(), actor, {
        action: 'reception.bookings_viewed',
        entityType: 'reception_day',
        entityId: b.day_id,
        unitId: b.unit_id,
        data: { bookings: [b.booking_code] },
      }),
    );
    const v = values ?? { kind: 'petition', category: 'other', title: '', content: who.topic, address: '', knownOn: '', notifyChannel: 'sms', subjectText: '' };
    return sendPage(
      req,
      reply,
      <ReceivePage
        view={viewOf(req, deps)}
        d={d}
        b={{ id: b.id, slot: slotTime(b.slot), name: who.name, phone: who.phone, code: b.booking_code }}
        values={v}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/reception/manage/bookings/:id/receive', (req, reply) => page(req, reply));

  app.post('/reception/manage/bookings/:id/receive', async (req, reply) => {
    if (!req.actor) throw new Unauthenticated();
    const input = Object.fromEntries(FIELDS.map((k) => [k, field(req.body, k)])) as ReceiveInput;
    const r = await receiveBooking(deps, req.t, req.actor, idOr404((req.params as Q).id), input);
    if (r.ok) return redirectWithFlash(reply, `/reception/manage/days/${r.dayId}`, req.t('feedback.reception.flash.received', { code: r.code }));
    if ('errors' in r) return page(req, reply, input, r.errors, 422);
    if (r.reason === 'not_found') throw new NotFound();
    if (!r.dayId) throw new Forbidden();
    return redirectWithFlash(reply, `/reception/manage/days/${r.dayId}`, req.t('feedback.reception.err.closed'));
  });
}
