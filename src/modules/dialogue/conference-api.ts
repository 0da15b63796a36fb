// JSON API of village conferences (issue 6 items 7–8; Law 10/2022 Art 33; Decree 59/2023 Arts 10–11):
// every village of a commune with its conference of the year and its R-G1 state, for councils and the
// Front to follow. Public, like the pages.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { NotFound } from '../../platform/errors.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import * as repo from './dialogue.repo.js';
import { conferenceYearState, yearInVietnam } from './rules/yearly.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Village = Type.Object({
  village: Type.Object({ id: Type.Integer(), name: Type.String() }),
  state: Type.String({ description: 'reported | held | planned | due | missing (R-G1: missing once the year has ended in Vietnam)' }),
  conference: Type.Union([
    Type.Object({
      id: Type.Integer(),
      conferenceOn: Type.String(),
      heldOn: Nullable(Type.String()),
      resultSentOn: Nullable(Type.String()),
      url: Type.String(),
    }),
    Type.Null(),
  ]),
});

export function conferenceApi(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/village-conferences',
    {
      schema: {
        summary: "A commune's villages with their annual conference of the year (Law 10/2022 Art 33; R-G1)",
        tags: ['dialogues'],
        querystring: Type.Object({
          unit: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'Internal id of a commune' }),
          year: Type.Optional(Type.Integer({ minimum: 2023, maximum: 2100 })),
        }),
        response: { 200: Type.Object({ year: Type.Integer(), villages: Type.Array(Village) }) },
      },
    },
    async (req) => {
      const q = req.query as { unit: number; year?: number };
      const commune = await deps.db.selectFrom('units').select(['id', 'level']).where('id', '=', q.unit).executeTakeFirst();
      if (!commune || !COMMUNE_LEVELS.includes(commune.level)) throw new NotFound();
      const now = deps.clock.now();
      const current = yearInVietnam(now);
      const year = q.year ?? current;
      const rows = await repo.villagesWithConferences(deps.db, commune.id, year, year < current ? `${year}-12-31` : todayInVietnam(now));
      return {
        year,
        villages: rows.map((r) => ({
          village: { id: r.village.id, name: r.village.name },
          state: conferenceYearState(r.conference, year, now),
          conference: r.conference
            ? {
                id: r.conference.id,
                conferenceOn: r.conference.conference_on,
                heldOn: r.conference.held_on,
                resultSentOn: r.conference.result_sent_on,
                url: `${deps.config.publicUrl}/village-conferences/${r.conference.id}`,
              }
            : null,
        })),
      };
    },
  );
}
