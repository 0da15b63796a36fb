// Citizen reception pages (R-H6; Citizen Reception Law Arts 15(2), 18(2), 28(1)): the public calendar
// with its legal check, adding days, booking and cancelling a slot without an account, and the
// receiving officer's list of the day's bookings. Entering the matter received is in
// reception-receive-routes.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { addDays, todayInVietnam } from '../../platform/calendar/calendar.js';
import { workingCalendar } from '../../platform/calendar/store.js';
import { NotFound, Unauthenticated } from '../../platform/errors.js';
import { redirectWithFlash, sendPage, viewOf } from '../../platform/http/context.js';
import { field } from '../../platform/http/forms.js';
import { idOr404 } from '../../platform/http/ids.js';
import { allowHit } from '../../platform/http/rate-limit.js';
import { addReceptionDays, bookSlot, cancelBooking, type DayInput, dayOffReason, emptyDayInput, normaliseBookingCode } from './commands/reception.js';
import { feedbackPolicy } from './feedback.policy.js';
import { noteMiss, tooManyMisses } from './public-data.js';
import { clientKey, communeOf, loadDay, slotStates } from './reception-context.js';
import { dayManageRoutes } from './reception-day-routes.js';
import { receiveRoutes } from './reception-receive-routes.js';
import { addMonths, checkReceptionCalendar, slotTime, weekStart } from './rules/reception.js';
import { BookingLookupPage, BookingPage, BookPage } from './views/reception-book.js';
import { type CalendarModel, ReceptionCalendarPage } from './views/reception-calendar.js';

type Q = Record<string, string | undefined>;
/** How far ahead the calendar is shown and checked: 8 weeks for the chairman, 3 months for agency heads. */
const WEEKS = 8;
const MONTHS = 3;
const DAY_FIELDS: (keyof DayInput)[] = ['host', 'hostName', 'day', 'start', 'end', 'place', 'slotMinutes', 'repeatWeeks'];

export function receptionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const may = (req: FastifyRequest, unit: Pick<Unit, 'path'>, agencyId: number | null) =>
    feedbackPolicy(req.actor, 'manageReception', { unitPath: unit.path, agencyId });

  async function calendarModel(req: FastifyRequest, unit: Unit, values: DayInput, errors?: Record<string, string>): Promise<CalendarModel> {
    const now = deps.clock.now();
    const today = todayInVietnam(now);
    const from = [weekStart(today), `${today.slice(0, 7)}-01`].sort()[0]!;
    const to = [addDays(weekStart(today), 7 * WEEKS), `${addMonths(today.slice(0, 7), MONTHS)}-01`].sort()[1]!;
    const [rows, agencies, cal] = await Promise.all([
      db
        .selectFrom('reception_days')
        .selectAll()
        .where('unit_id', '=', unit.id)
        .where('day', '>=', from)
        .where('day', '<', to)
        .orderBy('day')
        .orderBy('start_time')
        .execute(),
      db.selectFrom('agencies').select(['id', 'name']).where('unit_id', '=', unit.id).orderBy('name').execute(),
      workingCalendar(deps),
    ]);
    const agencyNames = Object.fromEntries(agencies.map((a) => [a.id, a.name]));
    const check = checkReceptionCalendar(
      {
        today,
        days: rows.map((r) => ({ day: r.day, hostRole: r.host_role, agencyId: r.agency_id })),
        // Art 18(2): the head of every agency of the commune keeps a day each month, whether or not
        // the agency has any day on the calendar yet (review B.12); a commune with no agency on the
        // platform is checked for any agency head's day.
        agencies: agencies.map((a) => a.id),
        // Days off (weekends, Tết and other holidays) do not count as reception days (review B.13).
        isWorkingDay: (d) => cal.isWorkingDay(d),
        weeks: WEEKS,
        months: MONTHS,
      },
      ruleSetOn(today).feedback,
    );
    const upcoming = rows.filter((r) => r.day >= today);
    const days = await Promise.all(
      upcoming.map(async (r) => {
        const d = { id: r.id, day: r.day, start: r.start_time, end: r.end_time, place: r.place, hostName: r.host_name, unit: { id: unit.id, name: unit.name } };
        const slots = await slotStates(db, { ...d, slotMinutes: r.slot_minutes, agencyId: r.agency_id, hostRole: r.host_role, unitPath: unit.path }, now);
        return {
          ...d,
          hostRole: r.host_role,
          agencyName: r.agency_id ? (agencyNames[r.agency_id] ?? null) : null,
          free: slots.filter((s) => s.state === 'free').length,
          total: slots.length,
          canManage: may(req, unit, r.agency_id),
        };
      }),
    );
    const hosts = [
      ...(may(req, unit, null) ? [{ value: 'chairman', label: req.t('feedback.reception.add.hostChairman') }] : []),
      ...agencies
        .filter((a) => may(req, unit, a.id))
        .map((a) => ({ value: `agency:${a.id}`, label: req.t('feedback.reception.add.hostAgency', { agency: a.name }) })),
    ];
    return { unit: { id: unit.id, name: unit.name }, days, check, agencyNames, hosts, values, errors };
  }

  app.get('/units/:id/reception', async (req, reply) => {
    const unit = await communeOf(db, idOr404((req.params as Q).id));
    return sendPage(req, reply, <ReceptionCalendarPage view={viewOf(req, deps)} m={await calendarModel(req, unit, emptyDayInput())} />);
  });

  app.post('/units/:id/reception/days', async (req, reply) => {
    const unit = await communeOf(db, idOr404((req.params as Q).id));
    if (!req.actor) throw new Unauthenticated();
    const input = Object.fromEntries(DAY_FIELDS.map((k) => [k, field(req.body, k)])) as DayInput;
    const r = await addReceptionDays(deps, req.t, req.actor, unit, input);
    if (!r.ok) return sendPage(req, reply, <ReceptionCalendarPage view={viewOf(req, deps)} m={await calendarModel(req, unit, input, r.errors)} />, 422);
    const added = req.t('feedback.reception.flash.added', { n: r.days.length });
    if (!r.skipped.length) return redirectWithFlash(reply, `/units/${unit.id}/reception`, added);
    // R-H6: weeks that fall on a day off are left out of a standing weekly day; say which.
    const cal = await workingCalendar(deps);
    const skipped = r.skipped.map((d) => dayOffReason(req.t, cal, d)).join(', ');
    return redirectWithFlash(reply, `/units/${unit.id}/reception`, `${added} ${req.t('feedback.reception.flash.skipped', { days: skipped })}`);
  });

  async function bookForm(
    req: FastifyRequest,
    reply: FastifyReply,
    values = { slot: '', name: '', phone: '', topic: '' },
    errors?: Record<string, string>,
    status = 200,
  ) {
    const d = await loadDay(db, idOr404((req.params as Q).id));
    const slots = await slotStates(db, d, deps.clock.now());
    return sendPage(req, reply, <BookPage view={viewOf(req, deps)} d={d} slots={slots} values={values} errors={errors} />, status);
  }
  app.get('/reception/days/:id/book', (req, reply) => bookForm(req, reply));

  app.post('/reception/days/:id/book', async (req, reply) => {
    const input = { slot: field(req.body, 'slot'), name: field(req.body, 'name'), phone: field(req.body, 'phone'), topic: field(req.body, 'topic') };
    // Spam bursts: the same limit per client address as other intake (issue 5, "Bad input").
    const limit = deps.config.intakePerMinute;
    if (!(await allowHit(db, [{ key: `reception:${clientKey(deps, req)}`, max: limit, windowMs: 60_000 }], deps.clock.now()))) {
      return bookForm(req, reply, input, { _form: req.t('feedback.reception.err.tooMany') }, 429);
    }
    const r = await bookSlot(deps, req.t, idOr404((req.params as Q).id), input);
    if (!r.ok && 'reason' in r) throw new NotFound();
    if (!r.ok) return bookForm(req, reply, input, r.errors, 422);
    return redirectWithFlash(reply, `/reception/bookings/${r.code}`, req.t('feedback.reception.booking.flash', { code: r.code }));
  });

  // A booking code is the citizen's key (it shows the item's tracking code and allows cancelling):
  // every route taking one counts unknown codes per client, as the tracking pages do (review C.16).
  const guessing = (req: FastifyRequest) => tooManyMisses(deps, req.ip, deps.clock.now());
  const miss = (req: FastifyRequest) => noteMiss(deps, req.ip, deps.clock.now());
  const lookup = (req: FastifyRequest, reply: FastifyReply, code: string, error: 'notFound' | 'tooMany', status: number) =>
    sendPage(req, reply, <BookingLookupPage view={viewOf(req, deps)} code={code} errors={{ code: req.t(`feedback.reception.lookup.${error}`) }} />, status);

  app.get('/reception/bookings', async (req, reply) => {
    const code = ((req.query as Q).code ?? '').slice(0, 40);
    if (!code.trim()) return sendPage(req, reply, <BookingLookupPage view={viewOf(req, deps)} code="" />);
    if (await guessing(req)) return lookup(req, reply, code, 'tooMany', 429);
    const b = await db.selectFrom('reception_bookings').select('booking_code').where('booking_code', '=', normaliseBookingCode(code)).executeTakeFirst();
    if (b) return reply.redirect(`/reception/bookings/${b.booking_code}`, 303);
    await miss(req);
    return lookup(req, reply, code, 'notFound', 404);
  });

  app.get('/reception/bookings/:code', async (req, reply) => {
    const typed = ((req.params as Q).code ?? '').slice(0, 40);
    if (await guessing(req)) return lookup(req, reply, typed, 'tooMany', 429);
    const b = await db
      .selectFrom('reception_bookings as b')
      .leftJoin('feedback_items as f', 'f.id', 'b.item_id')
      .select(['b.booking_code', 'b.slot', 'b.status', 'b.reception_day_id', 'f.tracking_code'])
      .where('b.booking_code', '=', normaliseBookingCode(typed))
      .executeTakeFirst();
    if (!b) {
      await miss(req);
      throw new NotFound();
    }
    const d = await loadDay(db, b.reception_day_id);
    return sendPage(
      req,
      reply,
      <BookingPage view={viewOf(req, deps)} b={{ ...d, code: b.booking_code, slot: slotTime(b.slot), status: b.status, itemCode: b.tracking_code ?? null }} />,
    );
  });

  app.post('/reception/bookings/:code/cancel', async (req, reply) => {
    const code = normaliseBookingCode(((req.params as Q).code ?? '').slice(0, 40));
    if (await guessing(req)) return lookup(req, reply, code, 'tooMany', 429);
    const r = await cancelBooking(deps, code);
    if (!r.ok && r.reason === 'not_found') {
      await miss(req);
      throw new NotFound();
    }
    return redirectWithFlash(
      reply,
      `/reception/bookings/${code}`,
      r.ok ? req.t('feedback.reception.booking.cancelled', { code }) : req.t('feedback.reception.booking.closed'),
    );
  });

  dayManageRoutes(app, deps);
  receiveRoutes(app, deps);
}
