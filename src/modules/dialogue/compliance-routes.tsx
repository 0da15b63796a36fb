// The yearly duties across communes, for the council, the Front and the province (issue 6 items 6–7):
// for every commune under a unit (a province, the old district or one commune), whether its People's
// Committee held its dialogue conference of the year (R-G2, Law 10/2022 Art 32) and how many of its
// villages held their annual conference (R-G1, Art 33). Public, like the records it counts.
//   GET /units/:id/dialogue-compliance[?year]
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { ruleSetOn } from '../../law/rule-sets.js';
import { todayInVietnam } from '../../platform/calendar/calendar.js';
import { NotFound } from '../../platform/errors.js';
import { sendPage, viewOf } from '../../platform/http/context.js';
import { idOr404 } from '../../platform/http/ids.js';
import { formatNumber } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import type { ViewCtx } from '../../platform/ui/view.js';
import { COMMUNE_LEVELS } from '../units/levels.js';
import { type DialogueYearState, dialogueYearState, yearInVietnam } from './rules/yearly.js';

type Row = { id: number; name: string; dialogue: DialogueYearState; held: number; villages: number; conferences: number };

export function complianceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  app.get('/units/:id/dialogue-compliance', async (req, reply) => {
    const unit = await db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', idOr404((req.params as { id?: string }).id))
      .executeTakeFirst();
    if (!unit) throw new NotFound();
    const now = deps.clock.now();
    const current = yearInVietnam(now);
    const asked = Number((req.query as { year?: string }).year);
    const year = Number.isInteger(asked) && asked >= 2023 && asked <= current ? asked : current;
    const date = year < current ? `${year}-12-31` : todayInVietnam(now);
    const exists = (eb: any) =>
      eb.and([eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)])]);
    const communes = await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('path', 'like', `${unit.path}%`)
      .where('level', 'in', COMMUNE_LEVELS)
      .where(exists)
      .orderBy('name')
      .execute();
    const ids = communes.map((c) => c.id);
    const [dialogues, villages, conferences] = ids.length
      ? await Promise.all([
          db
            .selectFrom('dialogues')
            .select(['unit_id', 'status', 'starts_at as startsAt'])
            .where('unit_id', 'in', ids)
            .where('agency_id', 'is', null)
            .where('year', '=', year)
            .execute(),
          db
            .selectFrom('units')
            .select((eb) => ['parent_id', eb.fn.countAll<number>().as('n')])
            .where('parent_id', 'in', ids)
            .where(exists)
            .groupBy('parent_id')
            .execute(),
          db
            .selectFrom('village_conferences')
            .select((eb) => ['commune_id', eb.fn.countAll<number>().as('n')])
            .where('commune_id', 'in', ids)
            .where('year', '=', year)
            .where('status', 'in', ['held', 'reported'])
            .groupBy('commune_id')
            .execute(),
        ])
      : [[], [], []];
    const rs = ruleSetOn(`${year}-07-01`);
    const count = (rows: { n: number | string }[], key: (r: any) => number, id: number) => Number(rows.find((r) => key(r) === id)?.n ?? 0);
    const rows: Row[] = communes.map((c) => {
      const mine = dialogues.filter((d) => d.unit_id === c.id);
      return {
        id: c.id,
        name: c.name,
        dialogue: dialogueYearState(mine, year, now, rs),
        held: mine.filter((d) => d.status === 'held').length,
        villages: count(villages, (r) => r.parent_id, c.id),
        conferences: count(conferences, (r) => r.commune_id, c.id),
      };
    });
    const years = Array.from({ length: current + 1 - 2023 }, (_, i) => current - i);
    return sendPage(
      req,
      reply,
      <CompliancePage view={viewOf(req, deps)} m={{ unit: { id: unit.id, name: unit.name }, year, years, rows, over: year < current }} />,
    );
  });
}

function CompliancePage(p: { view: ViewCtx; m: { unit: { id: number; name: string }; year: number; years: number[]; rows: Row[]; over: boolean } }) {
  const { view, m } = p;
  const { t } = view;
  const title = t('dialogue.compliance.title', { unit: m.unit.name, year: m.year });
  const without = m.rows.filter((r) => r.dialogue === 'missing' || r.dialogue === 'due').length;
  return (
    <Layout view={view} title={title} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{title}</h1>
      <p class="lead">{t('dialogue.compliance.lead')}</p>
      <p>
        {without > 0 && <span class={m.over ? 'tag ended' : 'tag'}>{t(m.over ? 'dialogue.flag.tag.missing' : 'dialogue.flag.tag.due')}</span>}{' '}
        {t('dialogue.compliance.summary', { n: formatNumber(without), total: formatNumber(m.rows.length), year: m.year })}
      </p>
      <nav aria-label={t('dialogue.list.years')}>
        {m.years.map((y, i) => (
          <span key={y}>
            {i > 0 && ' · '}
            {y === m.year ? <strong>{y}</strong> : <a href={`/units/${m.unit.id}/dialogue-compliance?year=${y}`}>{y}</a>}
          </span>
        ))}
      </nav>
      <table>
        <caption class="muted">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dialogue.compliance.commune')}</th>
            <th scope="col">{t('dialogue.compliance.dialogue')}</th>
            <th scope="col">{t('dialogue.compliance.conferences')}</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/units/${r.id}/dialogues?year=${m.year}`}>{r.name}</a>
              </td>
              <td>
                <span class={r.dialogue === 'missing' ? 'tag ended' : r.dialogue === 'held' ? 'tag ok' : 'tag'}>{t(`dialogue.flag.tag.${r.dialogue}`)}</span>{' '}
                <span class="muted">{t('dialogue.compliance.held', { n: formatNumber(r.held) })}</span>
              </td>
              <td>
                <a href={`/units/${r.id}/village-conferences?year=${m.year}`}>
                  {t('dialogue.compliance.villages', { n: formatNumber(r.conferences), total: formatNumber(r.villages) })}
                </a>
                {r.conferences < r.villages && m.over && <span class="tag ended"> {t('dialogue.conf.state.missing')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
