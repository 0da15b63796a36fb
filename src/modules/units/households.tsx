// The household register of a commune or village (the voting units of Decree 59/2023 Art 4), as it
// stood on a chosen day (?on=dd/mm/yyyy, default today): the register of a vote's date is the
// denominator of its result (Law 10/2022 Art 21(1)). It is read with decisions.repo registerOn and
// householdsTotalOn, so this page and the vote count share one meaning of "on the register".
// Personal data: only officials of the unit and its village heads see it; phone numbers only the
// roles with viewPersonalData. Another commune's officials get 403.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import type { Unit } from '../../db/types.js';
import { type Actor, platformPolicy } from '../../platform/auth/policy.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { formatDate, parseDate } from '../../platform/i18n/index.js';
import { householdsTotalOn, registerOn } from '../decisions/decisions.repo.js';
import { isVillage } from './levels.js';
import { canManage, today } from './register-common.js';
import { RegisterPage, type RegisterPageModel, type RegisterRow } from './register-page.js';
import { registerRoutes } from './register-routes.js';
import { childrenOn, unitById } from './units.repo.js';

export function householdRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** One village's register on `on`, with each household's period, members now and (if allowed) phone. */
  async function villageRegister(village: Unit, on: string, actor: Actor, showPhone: boolean): Promise<NonNullable<RegisterPageModel['village']>> {
    const [entries, total] = await Promise.all([registerOn(db, village.id, on), householdsTotalOn(db, village.id, on)]);
    const ids = entries.map((e) => e.id).concat([-1]);
    const repIds = entries.map((e) => e.residentId).filter((id): id is number => id != null);
    const [periods, members, phones] = await Promise.all([
      db.selectFrom('households').select(['id', 'valid_from', 'valid_to', 'authorised_representative']).where('id', 'in', ids).execute(),
      db
        .selectFrom('residents')
        .select(['household_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('household_id', 'in', ids)
        .groupBy('household_id')
        .execute(),
      showPhone
        ? db
            .selectFrom('residents')
            .select(['id', 'phone'])
            .where('id', 'in', repIds.concat([-1]))
            .execute()
        : Promise.resolve([]),
    ]);
    const rows: RegisterRow[] = entries.map((e) => {
      const p = periods.find((x) => x.id === e.id);
      const authorised = !!p?.authorised_representative;
      return {
        id: e.id,
        code: e.code,
        address: e.address,
        representative: e.representative,
        authorised,
        members: Number(members.find((m) => m.household_id === e.id)?.n ?? 0),
        phone: showPhone && !authorised ? (phones.find((x) => x.id === e.residentId)?.phone ?? null) : null,
        since: p?.valid_from ?? null,
        until: p?.valid_to ?? null,
      };
    });
    return { total, rows, showPhone, canManage: canManage(actor, village) };
  }

  app.get('/units/:id/households', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const unit = Number.isSafeInteger(id) ? await unitById(db, id) : undefined;
    if (!unit) throw new NotFound();
    if (!req.actor) throw new Unauthenticated();
    const resource = { unitPath: unit.path };
    if (!platformPolicy(req.actor, 'viewHouseholds', resource)) throw new Forbidden();
    const showPhone = platformPolicy(req.actor, 'viewPersonalData', resource);
    const view = viewOf(req, deps);
    const d0 = today(deps);
    const raw = (req.query as { on?: unknown }).on;
    const typed = typeof raw === 'string' ? raw.trim().slice(0, 40) : '';
    // A typed date that is not a date: the message next to the field, never a 500.
    const on = typed ? parseDate(typed) : d0;
    const m: RegisterPageModel = {
      unit: { id: unit.id, name: unit.name },
      on,
      onText: typed || formatDate(d0),
      onError: on ? undefined : req.t('register.err.dateInvalid'),
      isToday: on === d0,
      village: null,
      villages: [],
    };
    if (isVillage(unit)) {
      m.village = on ? await villageRegister(unit, on, req.actor, showPhone) : { total: 0, rows: [], showPhone, canManage: canManage(req.actor, unit) };
    } else if (on) {
      const villages = (await childrenOn(db, unit.id, on)).filter(isVillage);
      m.villages = await Promise.all(villages.map(async (v) => ({ id: v.id, name: v.name, total: await householdsTotalOn(db, v.id, on) })));
    }
    return sendPage(req, reply, <RegisterPage view={view} m={m} />, on ? 200 : 422);
  });

  registerRoutes(app, deps);
}
