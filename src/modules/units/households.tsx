// The household register of a commune or village (the voting units of Decree 59/2023 Art 4).
// Personal data: only officials of the unit and its village heads see it; phone numbers only the
// roles with viewPersonalData. Another commune's officials get 403.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { platformPolicy } from '../../platform/auth/policy.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { formatNumber } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { childrenOn, unitById } from './units.repo.js';

export function householdRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  app.get('/units/:id/households', async (req, reply) => {
    const unit = await unitById(db, Number((req.params as { id: string }).id));
    if (!unit) throw new NotFound();
    if (!req.actor) throw new Unauthenticated();
    const resource = { unitPath: unit.path };
    if (!platformPolicy(req.actor, 'viewHouseholds', resource)) throw new Forbidden();
    const showPhone = platformPolicy(req.actor, 'viewPersonalData', resource);
    const view = viewOf(req, deps);
    const { t } = view;
    const isVillage = unit.level === 'village' || unit.level === 'residential_group';
    if (!isVillage) {
      const villages = await childrenOn(db, unit.id, todayInVietnam(deps.clock.now()));
      const counts = await db
        .selectFrom('households')
        .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('unit_id', 'in', villages.map((v) => v.id).concat([-1]))
        .groupBy('unit_id')
        .execute();
      return sendPage(
        req,
        reply,
        <Layout view={view} title={`${t('households.title')}: ${unit.name}`} crumbs={[{ href: `/units/${unit.id}`, label: unit.name }]}>
          <h1>
            {t('households.title')}: {unit.name}
          </h1>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('unit.villages')}</th>
                <th scope="col">{t('unit.households')}</th>
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => (
                <tr key={v.id}>
                  <td>
                    <a href={`/units/${v.id}/households`}>{v.name}</a>
                  </td>
                  <td>{formatNumber(Number(counts.find((c) => c.unit_id === v.id)?.n ?? 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Layout>,
      );
    }
    const rows = await db
      .selectFrom('households as h')
      .leftJoin('residents as r', (j) => j.onRef('r.household_id', '=', 'h.id').on('r.is_representative', '=', 1))
      .select([
        'h.id',
        'h.code',
        'r.full_name',
        'r.phone',
        (eb) =>
          eb
            .selectFrom('residents as m')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('m.household_id', '=', 'h.id')
            .as('members'),
      ])
      .where('h.unit_id', '=', unit.id)
      .orderBy('h.code')
      .execute();
    return sendPage(
      req,
      reply,
      <Layout view={view} title={`${t('households.title')}: ${unit.name}`} crumbs={[{ href: `/units/${unit.id}`, label: unit.name }]}>
        <h1>
          {t('households.title')}: {unit.name}
        </h1>
        <p>
          {t('unit.households')}: {formatNumber(rows.length)}
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('households.code')}</th>
              <th scope="col">{t('households.representative')}</th>
              <th scope="col">{t('households.members')}</th>
              {showPhone && <th scope="col">{t('auth.phone')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id}>
                <td>{h.code}</td>
                <td>{h.full_name ?? '—'}</td>
                <td>{Number(h.members)}</td>
                {showPhone && <td>{h.phone ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });
}
