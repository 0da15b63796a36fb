// JSON API of the register (issue 8; T-2.4): for a commune (or any unit: every commune inside it on
// the date), who has a democracy regulation in force, commune (Art 35(2)(c)) and agencies (Art 59(1)(a)),
// with each agency's staff-conference flag for the last work year (R-G3).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { NotFound } from '../../platform/errors.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { communesIn, registerOf } from './workplace.repo.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Row = Type.Object({
  commune: Type.Object({ id: Type.Integer(), name: Type.String() }),
  agency: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  name: Type.String(),
  inForce: Type.Boolean({ description: 'T-2.4: a democracy regulation in force on the date' }),
  regulation: Type.Union([
    Type.Object({
      number: Type.String(),
      title: Type.String(),
      issuedOn: Type.String(),
      inForceFrom: Type.String(),
      signer: Type.String(),
      partner: Type.String({ description: 'Art 35(2)(c): the commune Front; Art 59(1)(a): the trade union' }),
      version: Type.Integer(),
      kind: Type.String({ description: 'original | amendment | replacement' }),
      consultationUrl: Type.String({ description: 'R-D4: the consultation the draft went through' }),
    }),
    Type.Null(),
  ]),
  staff: Type.Union([Type.Integer(), Type.Null()]),
  conference: Nullable(Type.String({ description: 'held | held_late | due | missing | optional (R-G3, Art 51; agencies only)' })),
});

export function workplaceApi(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  app.get(
    '/api/v1/regulations',
    {
      schema: {
        summary: 'Who has a democracy regulation in force (T-2.4; Law 10/2022 Arts 35(2)(c), 59(1)(a)), per commune and agency',
        tags: ['workplace'],
        querystring: Type.Object({
          unit: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of a commune (or a province: all its communes)' }),
        }),
        response: {
          200: Type.Object({ date: Type.String(), workYear: Type.Integer(), inForce: Type.Integer(), total: Type.Integer(), items: Type.Array(Row) }),
        },
      },
    },
    async (req) => {
      const { unit: id } = req.query as { unit: number };
      const unit = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
      if (!unit) throw new NotFound();
      const date = todayInVietnam(deps.clock.now());
      const workYear = Number(date.slice(0, 4)) - 1;
      const communes = COMMUNE_LEVELS.includes(unit.level) ? [unit] : await communesIn(db, unit.path, date);
      const rows = await registerOf(db, communes, date, workYear);
      const names = new Map(communes.map((c) => [c.id, c.name]));
      const items = rows.map((r) => {
        const c = communes.find((x) => r.path.startsWith(x.path));
        const g = r.regulation;
        return {
          commune: { id: c?.id ?? r.unitId, name: names.get(c?.id ?? r.unitId) ?? '' },
          agency: r.agencyId ? { id: r.agencyId, name: r.name } : null,
          name: r.name,
          inForce: !!g,
          regulation: g
            ? {
                number: g.issued_number,
                title: g.title,
                issuedOn: g.issued_on,
                inForceFrom: g.in_force_from,
                signer: g.signer,
                partner: g.partner,
                version: g.version,
                kind: g.kind,
                consultationUrl: `${deps.config.publicUrl}/consultations/${g.consultation_id}`,
              }
            : null,
          staff: r.staff,
          conference: r.conference,
        };
      });
      return { date, workYear, inForce: items.filter((i) => i.inForce).length, total: items.length, items };
    },
  );
}
